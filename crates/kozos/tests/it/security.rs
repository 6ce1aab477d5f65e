//! Attacks that must not work: open redirects, forged or replayed form tokens, sessions
//! that outlive a new sign-in, lockout used as a weapon, weak passwords.

use crate::both;
use crate::harness::*;
use axum::http::{header, Method, StatusCode};
use kozos_domain::ProgrammeId;

both!(next_never_leaves_the_site, |t: TestApp| async move {
    let mut c = t.client();
    for evil in [
        "/%09/evil.example",
        "/%0d%0aSet-Cookie:x=1",
        "/%7f",
        "/%00",
        "//evil.example",
        "/%5Cevil.example",
        "https://evil.example",
        "/%E2%80%A8/evil.example",
    ] {
        let r = c.get(&format!("/lang/hu?next={evil}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{evil}: {}", r.body);
        assert_eq!(r.location(), "/", "{evil}");
        assert!(!c.cookies.contains_key("x"), "{evil} set a cookie");
        // the sign-in form carries only a safe value onwards
        let r = c.get(&format!("/signin?next={evil}")).await;
        assert_eq!(r.status, StatusCode::OK, "{evil}");
        assert!(r.body.contains(r#"name="next" value="/admin""#), "{evil}");
        // and signing in with it (as a form would send the decoded value) lands on the back office
        let decoded: Vec<(String, String)> =
            serde_urlencoded::from_str(&format!("next={evil}")).unwrap();
        let r = c
            .post_form(
                "/signin",
                &[
                    ("email", "admin@demo.kozos.hu"),
                    ("password", PASSWORD),
                    ("next", decoded[0].1.as_str()),
                ],
            )
            .await;
        assert_eq!(r.location(), "/admin", "{evil}");
        c.cookies.remove("kozos_session");
    }
    // a local path with accents still works
    let r = c.get("/lang/en?next=/%3Fq%3DKisb%C3%A9r").await;
    assert_eq!(r.location(), "/?q=Kisb%C3%A9r");
});

both!(
    form_tokens_are_bound_to_the_session_and_rotate_at_sign_in,
    |t: TestApp| async move {
        let path = format!("/admin/programmes/{}/target-groups", t.kisber());
        // an attacker-chosen cookie and field pair is refused for a signed-in browser
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        pm.cookies.insert("kozos_csrf".into(), "tamado".into());
        let r = pm
            .request(
                Method::POST,
                &path,
                Some("application/x-www-form-urlencoded"),
                "_csrf=tamado&name=Hamis".into(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.text().contains("Lejárt űrlap"));
        // a token from before signing in does not work after it
        let mut c = t.client();
        let before = c.csrf_token().await;
        c.sign_in("projektmenedzser@demo.kozos.hu", PASSWORD).await;
        let r = c
            .request(
                Method::POST,
                &path,
                Some("application/x-www-form-urlencoded"),
                format!("_csrf={before}&name=Hamis"),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // the page's own token works
        let ok = c.post_form(&path, &[("name", "Valódi")]).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let groups = kozos_db::programmes::target_groups(&t.app.db.pool, ProgrammeId(t.kisber()))
            .await
            .unwrap();
        assert!(!groups.iter().any(|g| g.name == "Hamis"));
    }
);

both!(
    signing_in_again_ends_the_old_session,
    |t: TestApp| async move {
        let mut c = t.signed_in("koordinator@demo.kozos.hu").await;
        let old = c.cookies["kozos_session"].clone();
        c.sign_in("koordinator@demo.kozos.hu", PASSWORD).await;
        assert_ne!(c.cookies["kozos_session"], old);
        let mut thief = t.client();
        thief.cookies.insert("kozos_session".into(), old);
        assert!(thief.get("/admin").await.location().starts_with("/signin"));
        assert_eq!(c.get("/admin").await.status, StatusCode::OK);
    }
);

both!(
    other_origins_and_non_form_bodies_are_refused,
    |t: TestApp| async move {
        let path = format!("/admin/programmes/{}/target-groups", t.kisber());
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        // the same host over another scheme is another origin
        pm.headers
            .push(("origin".into(), "https://localhost".into()));
        let r = pm.post_form(&path, &[("name", "Más séma")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        pm.headers = vec![("origin".into(), "http://localhost".into())];
        let r = pm.post_form(&path, &[("name", "Saját oldal")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        pm.headers = vec![("sec-fetch-site".into(), "same-site".into())];
        let r = pm.post_form(&path, &[("name", "Testvér oldal")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        pm.headers.clear();
        // a text/plain body (what a cross-site form may send without a preflight) is not a form
        let token = pm.csrf_token().await;
        let r = pm
            .request(
                Method::POST,
                &path,
                Some("text/plain"),
                format!("_csrf={token}&name=Sima szöveg"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(r.text().contains("Nem támogatott formátum"));
        let names: Vec<String> =
            kozos_db::programmes::target_groups(&t.app.db.pool, ProgrammeId(t.kisber()))
                .await
                .unwrap()
                .into_iter()
                .map(|g| g.name)
                .collect();
        assert!(names.contains(&"Saját oldal".to_string()));
        assert!(!names
            .iter()
            .any(|n| n == "Más séma" || n == "Testvér oldal" || n == "Sima szöveg"));
    }
);

both!(
    failures_slow_an_attacker_but_never_lock_the_owner_out,
    |t: TestApp| async move {
        // the administrator has signed in from this browser before
        let mut owner = t.signed_in("admin@demo.kozos.hu").await;
        assert!(owner.cookies.contains_key("kozos_device"));
        owner.cookies.remove("kozos_session");
        // an attacker fails again and again
        let mut attacker = t.client();
        let (mut failures, mut refused) = (0, 0);
        while failures < 12 {
            let r = attacker.sign_in("admin@demo.kozos.hu", "talalgatas").await;
            match r.status {
                StatusCode::UNAUTHORIZED => failures += 1,
                StatusCode::TOO_MANY_REQUESTS => {
                    refused += 1;
                    let wait: i64 = r.headers[header::RETRY_AFTER]
                        .to_str()
                        .unwrap()
                        .parse()
                        .unwrap();
                    assert!((1..=900).contains(&wait));
                    t.app.clock.advance(chrono::Duration::seconds(wait));
                }
                other => panic!("{other}"),
            }
        }
        assert!(
            refused >= 6,
            "the attacker was made to wait {refused} times"
        );
        // waits grow with every failure: after a dozen, the next try is minutes away
        let r = attacker.sign_in("admin@demo.kozos.hu", "talalgatas").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        let wait: i64 = r.headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(wait, 128);
        // the owner signs in at once from the browser they used before
        let r = owner.sign_in("admin@demo.kozos.hu", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        // a new browser of the owner waits, told how long, then gets in
        let mut laptop = t.client();
        let r = laptop.sign_in("admin@demo.kozos.hu", PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(r.text().contains("másodperc múlva lehetséges"));
        let wait: i64 = r.headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        t.app.clock.advance(chrono::Duration::seconds(wait));
        assert_eq!(
            laptop.sign_in("admin@demo.kozos.hu", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
        // other accounts are not held back by one account's failures
        assert_eq!(
            t.client()
                .sign_in("auditor@demo.kozos.hu", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        // administrators see the attempts
        let page = owner.get("/admin/sign-in-attempts").await;
        assert_eq!(page.status, StatusCode::OK);
        let text = page.text();
        assert!(
            text.contains("sikertelen")
                && text.contains("várakoztatva")
                && text.contains("sikeres")
        );
    }
);

both!(
    a_whole_office_behind_one_address_is_slowed_not_shut_out,
    |t: TestApp| async move {
        // every client here comes from the same address; twenty failures on many accounts
        let accounts = [
            "lakos@demo.kozos.hu",
            "onkentes@demo.kozos.hu",
            "fejleszto@demo.kozos.hu",
            "mentor@demo.kozos.hu",
        ];
        for i in 0..kozos_app::auth::FREE_FAILURES_PER_ADDRESS {
            let r = t
                .client()
                .sign_in(accounts[i as usize % accounts.len()], "rossz")
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        // a colleague is asked to wait a second, not fifteen minutes
        let r = t.client().sign_in("orszagos@demo.kozos.hu", PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.headers[header::RETRY_AFTER], "1");
        t.app.clock.advance(chrono::Duration::seconds(1));
        assert_eq!(
            t.client()
                .sign_in("orszagos@demo.kozos.hu", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
);

both!(weak_passwords_are_refused, |t: TestApp| async move {
    let mut admin = t.signed_in("admin@demo.kozos.hu").await;
    for (password, message) in [
        ("          ", "A jelszó legalább 10 karakter legyen"),
        ("a b c d e f g", "A jelszó legalább 10 karakter legyen"),
        ("password123", "túl gyakori"),
        ("Jelszo2024!", "túl gyakori"),
        ("qwertzuiop", "túl gyakori"),
        ("1234567890", "túl gyakori"),
        ("aaaaaaaaaaaa", "túl gyakori"),
        ("ujember2026x", "túl gyakori"), // contains the e-mail's local part
        ("kozos-demo-2026", "túl gyakori"), // the published demo password
        ("\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{200b}\u{200d}\u{200c}\u{2060}\u{feff}\u{200c}", "A jelszó legalább 10 karakter legyen"),
    ] {
        let r = admin
            .post_form(
                "/admin/users/new",
                &[
                    ("email", "ujember@kisber.hu"),
                    ("name", "Új Ember"),
                    ("password", password),
                    ("role", "resident"),
                    ("scope", "country"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{password:?}");
        assert!(r.text().contains(message), "{password:?}");
    }
    let r = admin
        .post_form(
            "/admin/users/new",
            &[
                ("email", "ujember@kisber.hu"),
                ("name", "Új Ember"),
                ("password", "kerti törpe a padláson"),
                ("role", "resident"),
                ("scope", "country"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
});

both!(small_things_are_right, |t: TestApp| async move {
    let id = t.kisber();
    let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
    // a failed "add agreement" comes back in that partner's own agreement form
    let partner = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
        .await
        .unwrap()
        .partners[0]
        .id;
    let r = pm
        .post_form(
            &format!("/admin/programmes/{id}/partners/{partner}/agreements"),
            &[("signed_on", "2019-13-45"), ("scope", "Közös nyári tábor")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .body
        .contains(&format!(r#"id="agreement-{partner}-signed_on-error""#)));
    assert!(r.body.contains("Közös nyári tábor"));
    assert!(!r.body.contains(r#"id="partner-signed_on-error""#));
    // a project manager (of one programme) is not offered a form every save of which fails
    let dash = pm.get("/admin").await;
    assert!(!dash.body.contains(r#"href="/admin/programmes/new""#));
    assert_eq!(
        pm.get("/admin/programmes/new").await.status,
        StatusCode::FORBIDDEN
    );
    // an error page keeps the signed-in person's menu
    let r = pm.get("/admin/programmes/999999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("Projekt Péter") && r.text().contains("Kijelentkezés"));
    assert!(!r.text().contains(r#"href="/signin""#));
    let r = pm.get("/admin/users").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text().contains("Projekt Péter"));
    // % and _ in a search are characters, not wildcards
    let mut c = t.client();
    for q in ["%25", "_", "%25%25", "\\"] {
        let r = c.get(&format!("/?q={q}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.text().contains("Kisbér"), "q={q} matched everything");
        let r = c.get(&format!("/api/v1/programmes?q={q}")).await;
        assert_eq!(r.json().as_array().unwrap().len(), 0, "q={q}");
    }
    assert_eq!(
        c.get("/api/v1/programmes?q=5.3.1")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // a NUL in a search is not a server error on either engine
    assert_eq!(c.get("/?q=%00").await.status, StatusCode::OK);
    // the bearer scheme is case-insensitive
    let token = kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "t")
        .await
        .unwrap();
    let mut api = t.client();
    api.headers
        .push(("authorization".into(), format!("bearer {token}")));
    let r = api
        .send_json(
            Method::POST,
            &format!("/api/v1/programmes/{id}/target-groups"),
            &serde_json::json!({"name": "Kisbetűs séma"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // the stylesheet is public and sets no cookie
    let r = t.client().get("/static/style.css").await;
    assert!(r.headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("public"));
    assert!(r.headers.get(header::SET_COOKIE).is_none());
    let r = t.client().get("/api/v1/programmes").await;
    assert!(r.headers.get(header::SET_COOKIE).is_none());
});

async fn api_client(t: &TestApp, email: &str) -> Client {
    let mut c = t.client();
    c.bearer = Some(
        kozos_app::auth::create_api_token(&t.app, email, "t")
            .await
            .unwrap(),
    );
    c
}

both!(
    idempotency_keys_belong_to_one_client_and_one_request,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut admin = api_client(&t, "admin@demo.kozos.hu").await;
        let mut pm = api_client(&t, "projektmenedzser@demo.kozos.hu").await;
        let staff = format!("/api/v1/programmes/{id}/staff");
        let key = "3f2b9c1e-0d7a-4c55-9e8f-aa01b2c3d4e5".to_string() + &"f".repeat(92);
        assert_eq!(key.len(), 128, "a SHA-512-sized key is taken");
        admin.headers.push(("idempotency-key".into(), key.clone()));
        pm.headers.push(("idempotency-key".into(), key.clone()));
        let body = serde_json::json!({"name": "Kulcsos Kálmán", "position": "mentor"});
        let first = admin.send_json(Method::POST, &staff, &body).await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
        // another client with the same key gets its own record, not an error or someone else's
        let other = pm
            .send_json(
                Method::POST,
                &staff,
                &serde_json::json!({"name": "Kulcsos Kinga", "position": "mentor"}),
            )
            .await;
        assert_eq!(other.status, StatusCode::CREATED, "{}", other.body);
        assert_ne!(other.json()["id"], first.json()["id"]);
        // the same key with another body, or under another programme, is refused
        let changed = admin
            .send_json(
                Method::POST,
                &staff,
                &serde_json::json!({"name": "Más Név", "position": "mentor"}),
            )
            .await;
        assert_eq!(changed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            changed.json()["error"]["fields"][0]["code"],
            "err-once-reused"
        );
        let elsewhere = admin
            .send_json(
                Method::POST,
                &format!("/api/v1/programmes/{}/staff", t.kecskemet()),
                &body,
            )
            .await;
        assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
        // the same request again is answered with the first record
        let again = admin.send_json(Method::POST, &staff, &body).await;
        assert_eq!(again.json()["id"], first.json()["id"]);
        // a key that cannot be a key is refused, not ignored
        for bad in ["kulcs-\u{e9}", &"k".repeat(256)] {
            let mut c = api_client(&t, "admin@demo.kozos.hu").await;
            c.headers.push(("idempotency-key".into(), bad.to_string()));
            let r = c.send_json(Method::POST, &staff, &body).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad:?}");
        }
        let names: Vec<String> = kozos_db::programmes::staff(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names.iter().filter(|n| n.starts_with("Kulcsos")).count(), 2);
        assert!(!names.iter().any(|n| n == "Más Név"));
        // a 401 names the scheme to use
        let r = t.client().send_json(Method::POST, &staff, &body).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.headers[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .starts_with("Bearer"));
    }
);

both!(
    addresses_that_only_take_a_form_answer_with_a_page,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        // a form with mistakes comes back; its language link leads to the page the form was on
        pm.headers.push((
            "referer".into(),
            format!("http://localhost/admin/programmes/{id}"),
        ));
        let r = pm
            .post_form(
                &format!("/admin/programmes/{id}/target-groups"),
                &[("name", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body
                .contains(&format!("/lang/en?next=/admin/programmes/{id}\"")),
            "language link"
        );
        pm.headers.clear();
        // opening the form's own address is a translated page with the menu, not a blank 405
        let r = pm
            .get(&format!("/admin/programmes/{id}/target-groups"))
            .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(r.text().contains("Ez a cím nem nyitható meg így"));
        assert!(r.text().contains("Projekt Péter"));
        assert!(r.headers[header::ALLOW].to_str().unwrap().contains("POST"));
        let r = t.client().get("/signout").await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(r.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        // the API answers JSON for unknown paths and methods
        let mut c = t.client();
        let r = c.get("/api/v1/nincs-ilyen").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(r.json()["error"]["code"], "not_found");
        let r = c
            .request(
                Method::PATCH,
                &format!("/api/v1/programmes/{id}"),
                Some("application/json"),
                "{}".into(),
            )
            .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(r.json()["error"]["code"], "method_not_allowed");
    }
);

both!(
    an_error_page_shows_a_saved_message_once,
    |t: TestApp| async move {
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        admin.cookies.insert("kozos_flash".into(), "deleted".into());
        let r = admin.get("/admin/programmes/999999").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.text().contains("A tételt töröltük."));
        assert!(
            !admin.cookies.contains_key("kozos_flash"),
            "the message is cleared"
        );
        assert!(!admin.get("/").await.text().contains("A tételt töröltük."));
    }
);

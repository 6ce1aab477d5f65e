//! Bad input gets a clear, translated answer with the right status and loses nothing:
//! malformed ids and parameters, malformed or oversized bodies, implausible values, and
//! "today" as a Budapest calendar day.

use crate::both;
use crate::harness::*;
use axum::http::{header, Method, StatusCode};
use kozos_domain::ProgrammeId;
use serde_json::json;

fn api_error(r: &Resp) -> (String, String) {
    assert!(
        r.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "{}",
        r.body
    );
    let v = r.json();
    (
        v["error"]["code"].as_str().unwrap().to_string(),
        v["error"]["message"].as_str().unwrap().to_string(),
    )
}

both!(
    bad_ids_and_parameters_get_documented_answers,
    |t: TestApp| async move {
        let mut c = t.client();
        for path in [
            "/api/v1/programmes/abc",
            "/api/v1/programmes/9223372036854775808",
            "/api/v1/organisations/-",
            "/api/v1/programmes/1.5",
        ] {
            let r = c.get(path).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(api_error(&r).0, "not_found", "{path}");
        }
        let r = c.get("/api/v1/places?parent=abc").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let (code, message) = api_error(&r);
        assert_eq!(code, "bad_request");
        assert!(message.contains("paraméter"), "{message}");
        c.headers.push(("accept-language".into(), "en".into()));
        let r = c.get("/api/v1/places?parent=abc").await;
        assert!(api_error(&r).1.contains("parameter"));
        // the documented statuses: every API route lists what it answers
        let doc = c.get("/api/openapi.json").await.json();
        let get = &doc["paths"]["/api/v1/places"]["get"]["responses"];
        assert!(
            get.get("400").is_some(),
            "400 is documented for /api/v1/places"
        );
        let put = &doc["paths"]["/api/v1/programmes/{id}"]["put"]["responses"];
        for s in ["404", "409", "413", "415", "422"] {
            assert!(put.get(s).is_some(), "{s} is documented for PUT programme");
        }
        // pages: ids that cannot exist are the translated 404 page, in both languages
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        for path in [
            "/admin/programmes/abc",
            "/admin/programmes/1/staff/x/edit",
            "/admin/organisations/99999999999999999999/edit",
        ] {
            let r = admin.get(path).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
            assert!(r.text().contains("Az oldal nem található"), "{path}");
        }
    }
);

both!(
    malformed_and_oversized_bodies_say_what_is_wrong,
    |t: TestApp| async move {
        let id = t.kisber();
        let path = format!("/admin/programmes/{id}/target-groups");
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        // a field sent twice is a malformed form with its own message, not an expired one
        let token = pm.csrf_token().await;
        let r = pm
            .request(
                Method::POST,
                &path,
                Some("application/x-www-form-urlencoded"),
                format!("_csrf={token}&name=Egy&name=Kett%C5%91"),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.text().contains("Hibás űrlap"));
        assert!(!r.text().contains("Lejárt űrlap"));
        // a form over the limit: 413 with the limit in the message
        let big = "é".repeat(200 * 1024);
        let r = pm
            .post_form(&path, &[("name", "Nagy"), ("description", &big)])
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(r.text().contains("256 KB"), "{}", r.text());
        // a JSON body over the limit: 413 as JSON, in the client's language
        let mut api = t.client();
        api.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "t")
                .await
                .unwrap(),
        );
        api.headers.push(("accept-language".into(), "en".into()));
        let huge = json!({"name": "x", "description": "a".repeat(3 * 1024 * 1024)});
        let r = api
            .send_json(
                Method::POST,
                &format!("/api/v1/programmes/{id}/target-groups"),
                &huge,
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        let (code, message) = api_error(&r);
        assert_eq!(code, "payload_too_large");
        assert!(message.contains("1024 KB"), "{message}");
        // JSON sent as something else
        let r = api
            .request(
                Method::POST,
                &format!("/api/v1/programmes/{id}/target-groups"),
                Some("text/plain"),
                json!({"name": "x"}).to_string(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(api_error(&r).0, "unsupported_media_type");
        let groups = kozos_db::programmes::target_groups(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap();
        assert!(!groups
            .iter()
            .any(|g| ["Egy", "Kettő", "Nagy", "x"].contains(&g.name.as_str())));
    }
);

both!(
    implausible_values_are_refused_on_their_fields,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let staff = format!("/admin/programmes/{id}/staff");
        for (name, start, message) in [
            ("Dátum Dénes", "0000-01-01", "Valószínűtlen dátum"),
            ("Dátum Dénes", "9999-12-31", "Valószínűtlen dátum"),
            ("\u{200b}", "", "Kötelező mező."),
            ("\u{200b}\u{feff} \u{2060}", "", "Kötelező mező."),
            (
                "Irány\u{202e}Váltó",
                "",
                "Írásirányt váltó rejtett karaktert",
            ),
            ("Nul\u{0}la", "", "vezérlőkaraktert"),
            (
                &format!("Z{}", "\u{301}".repeat(300)),
                "",
                "túl sok egymásra halmozott",
            ),
            ("\u{3164}\u{3164}", "", "Kötelező mező."),
            ("\u{2800}", "", "Kötelező mező."),
            ("Kis\u{ad}béri Kata", "", "Láthatatlan karaktert"),
            ("Kata\u{200e} Kiss", "", "Láthatatlan karaktert"),
            ("\u{41a}ata Kiss", "", "latin és cirill"),
            (
                &format!("a{}", "\u{301}\u{301}\u{200d}".repeat(100)),
                "",
                "Láthatatlan karaktert",
            ),
            (
                &format!("\u{628}{}", "\u{610}\u{611}\u{612}".repeat(50)),
                "",
                "túl sok egymásra halmozott",
            ),
        ] {
            let r = pm
                .post_form(
                    &staff,
                    &[("name", name), ("position", "other"), ("start_date", start)],
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name:?} {start}: {}",
                r.text()
            );
            assert!(r.text().contains(message), "{name:?} {start}: {message}");
        }
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        for site in [
            "http://",
            "https://",
            "http://x",
            "https://kisber.hu/<script>",
            "https://kisber.hu/\"a\"",
            "https://kis ber.hu",
            "https://k\u{456}sber.hu",
            "https://\u{3164}.hu",
        ] {
            let r = admin
                .post_form(
                    "/admin/organisations/new",
                    &[
                        ("name", "Webes Egyesület"),
                        ("sector", "civil"),
                        ("kind", "ngo"),
                        ("website", site),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{site}");
            assert!(
                r.body.contains(r#"id="organisation-website-error""#),
                "{site}"
            );
        }
        let r = admin
            .post_form(
                "/admin/organisations/new",
                &[
                    ("name", "Webes Egyesület"),
                    ("sector", "civil"),
                    ("kind", "ngo"),
                    ("website", "https://www.kisber.hu/egyesulet?id=3"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // nothing implausible reached the database (a NUL would have been a PostgreSQL error)
        let names: Vec<String> = kozos_db::programmes::staff(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert!(!names
            .iter()
            .any(|n| n.contains('\u{0}') || n.contains('\u{202e}') || n == "Dátum Dénes"));
    }
);

both!(today_is_a_budapest_day, |t: TestApp| async move {
    // 23:30 UTC on 21 November is 00:30 on 22 November in Budapest
    t.app.clock.advance(chrono::Duration::minutes(13 * 60 + 30));
    let id = t.kisber();
    let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
    let partner = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
        .await
        .unwrap()
        .partners[0]
        .id;
    let r = pm
        .post_form(
            &format!("/admin/programmes/{id}/partners/{partner}/agreements"),
            &[
                ("signed_on", "2026-11-22"),
                ("scope", "Ma aláírt megállapodás"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    // tomorrow in Budapest is still the future
    let r = pm
        .post_form(
            &format!("/admin/programmes/{id}/partners/{partner}/agreements"),
            &[
                ("signed_on", "2026-11-23"),
                ("scope", "Holnapi megállapodás"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // the change log shows Budapest wall-clock time in each language's format
    let page = pm.get(&format!("/admin/programmes/{id}")).await.text();
    assert!(
        page.contains("2026. 11. 22. 00:30"),
        "Hungarian time in the change log"
    );
    assert!(
        !page.contains(">2026-11-21T23:30:00Z<"),
        "raw UTC text is not shown"
    );
    pm.get("/lang/en").await;
    let page = pm.get(&format!("/admin/programmes/{id}")).await.text();
    assert!(
        page.contains("22 Nov 2026, 00:30"),
        "English time in the change log"
    );
    // in summer Budapest is two hours ahead
    t.app.clock.advance(chrono::Duration::days(220));
    let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await; // the old session expired
    pm.get("/lang/en").await;
    let staff = format!("/admin/programmes/{id}/staff");
    pm.post_form(
        &staff,
        &[("name", "Nyári Nándor"), ("position", "volunteer")],
    )
    .await;
    let page = pm.get(&format!("/admin/programmes/{id}")).await.text();
    assert!(page.contains("30 Jun 2027, 01:30"), "summer time");
});

both!(
    look_alike_names_are_not_new_names,
    |t: TestApp| async move {
        let mut api = t.client();
        api.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "t")
                .await
                .unwrap(),
        );
        for name in [
            "\u{41a}isbéri Polgárőr Egyesület",
            "Kisbéri Polgárőr Egyesül\u{435}t",
            "Kis\u{ad}béri Polgárőr Egyesület",
            "Kisbéri Polgárőr Egyesület\u{200e}x",
            "Kisbéri Polgárőr\u{3164}Egyesület",
        ] {
            let r = api
                .send_json(
                    Method::POST,
                    "/api/v1/organisations",
                    &json!({"name": name, "sector": "civil", "kind": "civil_guard"}),
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
        }
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        for email in [
            "lakos\u{200b}@demo.kozos.hu",
            "\u{430}dmin@demo.kozos.hu",
            "x\u{202e}@demo.kozos.hu",
            "<b>x</b>@demo.kozos.hu",
        ] {
            let r = admin
                .post_form(
                    "/admin/users/new",
                    &[
                        ("email", email),
                        ("name", "Hasonmás Hanna"),
                        ("password", "kerti törpe a padláson"),
                        ("role", "resident"),
                        ("scope", "country"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{email:?}");
            assert!(r.body.contains(r#"id="user-email-error""#), "{email:?}");
        }
    }
);

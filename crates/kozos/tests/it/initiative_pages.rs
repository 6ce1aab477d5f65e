//! Initiatives through the browser's door: a visitor's proposal confirmed by the link in
//! the mail the outbox holds (once, within 48 hours), residents' text rendered escaped
//! (no stored XSS), refused forms that keep what was typed, and the API list.

use crate::both;
use crate::harness::*;
use crate::initiatives::{proposed, RESIDENT};
use axum::http::StatusCode;
use kozos_app::jobs;
use kozos_db::participation::outbox;

/// The confirmation link in the newest mail to `to`, after the queue composed it.
pub(crate) async fn link_mailed_to(t: &TestApp, to: &str) -> String {
    jobs::drain(&t.app).await.unwrap();
    let mails = outbox::to_address(&t.app.db, to).await.unwrap();
    let m = mails.first().unwrap_or_else(|| panic!("no mail to {to}"));
    let start = m
        .body_text
        .find("/confirm/")
        .expect("a confirmation link in the mail");
    let link: String = m.body_text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert!(
        m.body_html.contains(&link),
        "the HTML part has the same link"
    );
    link
}

both!(
    a_visitors_proposal_waits_for_the_mailed_link,
    |t: TestApp| async move {
        let base = format!("/programmes/{}/initiatives", t.kisber());
        let mut v = t.client();
        let form = [
            ("title", "Virágos főutca"),
            ("summary", "Ültessünk virágokat a főutca ládáiba."),
            ("name", "Nagy Ilona"),
            ("email", "Ilona.Nagy@example.hu"),
            ("_once", "v1"),
        ];
        let r = v.post_form(&format!("{base}/new"), &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Sent twice (a double click): one held action, one mail.
        let r = v.post_form(&format!("{base}/new"), &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let list = v.get(&base).await.body;
        assert!(
            list.contains("megerősítő levelet"),
            "the visitor is told to look for the mail"
        );
        assert!(
            !list.contains("Virágos főutca"),
            "nothing is published before the link is opened"
        );

        let link = link_mailed_to(&t, "ilona.nagy@example.hu").await;
        let mails = outbox::to_address(&t.app.db, "ilona.nagy@example.hu")
            .await
            .unwrap();
        assert_eq!(mails.len(), 1, "one mail for a form sent twice");
        let count = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM initiatives WHERE title = 'Virágos főutca'",
            )
            .fetch_one(&t.app.db.pool)
            .await
            .unwrap()
        };
        // Opening the link (as a mail scanner does) only asks.
        let mut opener = t.client();
        let shown = opener.get(&link).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(
            shown.body.contains("Kezdeményezést javasoltál") && shown.body.contains("Megerősítem")
        );
        assert_eq!(count().await, 0, "opening the link does nothing yet");
        let r = opener.post_form(&link, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = t.client().get(r.location()).await.body;
        assert!(page.contains("Virágos főutca") && page.contains("Nagy Ilona"));
        assert!(
            !page.contains("ilona.nagy@example.hu"),
            "addresses are never shown"
        );
        // Opened and confirmed again: done once.
        let again = t.client().get(&link).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let again = opener.post_form(&link, &[]).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert_eq!(count().await, 1);
        // An unknown token is a 404.
        assert_eq!(
            t.client().get("/confirm/nincs-ilyen").await.status,
            StatusCode::NOT_FOUND
        );
        // The token is kept only hashed.
        let token = link.trim_start_matches("/confirm/");
        let stored: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM resident_actions WHERE token_hash = $1")
                .bind(token)
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap();
        assert_eq!(stored, 0);
    }
);

both!(
    a_link_opened_after_48_hours_does_nothing,
    |t: TestApp| async move {
        let id = proposed(&t, "Közös kemence").await;
        let path = format!("/programmes/{}/initiatives/{id}/support", t.kisber());
        let r = t
            .client()
            .post_form(
                &path,
                &[("name", "Kiss Béla"), ("email", "bela@example.hu")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let link = link_mailed_to(&t, "bela@example.hu").await;
        t.app.clock.advance(chrono::Duration::hours(49));
        let r = t.client().get(&link).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("lejárt"));
        let r = t.client().post_form(&link, &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM initiative_supports WHERE initiative_id = $1")
                .bind(id.0)
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap();
        assert_eq!(n, 0);
    }
);

both!(
    residents_text_is_rendered_escaped,
    |t: TestApp| async move {
        let p = t.kisber();
        let id = proposed(&t, "Játszótér").await;
        // Text that got in around the form's rules (an import, an older version) is still
        // only text on the page.
        sqlx::query("UPDATE initiatives SET title = $1, summary = $2 WHERE id = $3")
            .bind("<script>alert('t')</script>")
            .bind("\"><img src=x onerror=alert(1)>")
            .bind(id.0)
            .execute(&t.app.db.pool)
            .await
            .unwrap();
        let mut lakos = t.signed_in(RESIDENT).await;
        let r = lakos
            .post_form(
                &format!("/programmes/{p}/initiatives/{id}/comments"),
                &[("body", "Szuper ötlet!"), ("_once", "c1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        sqlx::query("UPDATE initiative_comments SET body = $1 WHERE initiative_id = $2")
            .bind("<svg onload=alert(2)>")
            .bind(id.0)
            .execute(&t.app.db.pool)
            .await
            .unwrap();
        for page in [
            format!("/programmes/{p}/initiatives/{id}"),
            format!("/programmes/{p}/initiatives"),
        ] {
            let body = t.client().get(&page).await.body;
            assert!(!body.contains("<script>alert"), "{page}");
            assert!(!body.contains("<img src=x"), "{page}");
            assert!(!body.contains("<svg onload"), "{page}");
            assert!(body.contains("&lt;script&gt;"), "{page}");
        }
        // The form refuses markup, says why and keeps what was typed.
        let r = lakos
            .post_form(
                &format!("/programmes/{p}/initiatives/new"),
                &[
                    ("title", "Kert <b>most</b>"),
                    ("summary", "Leírás"),
                    ("_once", "p1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("HTML-jelölést"));
        assert!(r.body.contains("Kert &lt;b&gt;most&lt;/b&gt;"));
    }
);

both!(
    a_second_support_says_so_on_the_page,
    |t: TestApp| async move {
        let id = proposed(&t, "Futókör a parkban").await;
        let path = format!("/programmes/{}/initiatives/{id}/support", t.kisber());
        let mut lakos = t.signed_in(RESIDENT).await;
        assert_eq!(
            lakos.post_form(&path, &[]).await.status,
            StatusCode::SEE_OTHER
        );
        let r = lakos.post_form(&path, &[]).await;
        // Supported already: the page shows it and offers withdrawing, and a resend says so.
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("már támogatod"));
        let api = t
            .client()
            .get(&format!("/api/v1/programmes/{}/initiatives", t.kisber()))
            .await;
        assert_eq!(api.status, StatusCode::OK);
        let j = api.json();
        let row = j
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id.0)
            .unwrap();
        assert_eq!(row["supports"], 1);
        assert!(!api.body.contains("@"), "no address in the API");
        assert_eq!(
            t.client()
                .get(&format!(
                    "/api/v1/programmes/{}/initiatives?stage=nope",
                    t.kisber()
                ))
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
    }
);

both!(a_stale_edit_comes_back_merged, |t: TestApp| async move {
    let id = proposed(&t, "Virágláda a hídon").await;
    let path = format!("/programmes/{}/initiatives/{id}/edit", t.kisber());
    let mut lakos = t.signed_in(RESIDENT).await;
    let form = lakos.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    let was = {
        let start = form.body.find("name=\"_was\" value=\"").unwrap() + 19;
        let end = start + form.body[start..].find('"').unwrap();
        form.body[start..end].replace("&quot;", "\"")
    };
    // Staff fix the summary meanwhile.
    let mut coord = t.signed_in(crate::initiatives::COORD).await;
    let r = coord
        .post_form(
            &path,
            &[
                ("title", "Virágláda a hídon"),
                ("summary", "Javított leírás a műhely után."),
                ("_version", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The resident saves a new title from the form opened before.
    let r = lakos
        .post_form(
            &path,
            &[
                ("title", "Virágládák a hídon"),
                ("summary", &crate::initiatives::proposal("x").summary),
                ("_version", "1"),
                ("_was", &was),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.body.contains("Virágládák a hídon"),
        "what was typed is kept"
    );
    assert!(
        r.body.contains("Javított leírás a műhely után."),
        "their change is taken"
    );
    // Saved unchanged: nothing written.
    let before: i64 = sqlx::query_scalar("SELECT version FROM initiatives WHERE id = $1")
        .bind(id.0)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
    let r = coord
        .post_form(
            &path,
            &[
                ("title", "Virágláda a hídon"),
                ("summary", "Javított leírás a műhely után."),
                ("_version", &before.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let after: i64 = sqlx::query_scalar("SELECT version FROM initiatives WHERE id = $1")
        .bind(id.0)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
    assert_eq!(before, after);
});

both!(
    a_hidden_comment_shows_the_moderators_reason,
    |t: TestApp| async move {
        let p = t.kisber();
        let id = proposed(&t, "Közös takarítás a patakparton").await;
        let mut lakos = t.signed_in(RESIDENT).await;
        let r = lakos
            .post_form(
                &format!("/programmes/{p}/initiatives/{id}/comments"),
                &[("body", "Ez egy csúnya megjegyzés"), ("_once", "m1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let c: i64 =
            sqlx::query_scalar("SELECT MAX(id) FROM initiative_comments WHERE initiative_id = $1")
                .bind(id.0)
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap();
        // A visitor reports it: held until the link is opened.
        let mut visitor = t.client();
        let r = visitor
            .post_form(
                &format!("/programmes/{p}/initiatives/{id}/comments/{c}/report"),
                &[("name", "Figyelő Feri"), ("email", "feri@example.hu")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mut coord = t.signed_in(crate::initiatives::COORD).await;
        assert!(coord
            .get(&format!("/admin/programmes/{p}/moderation"))
            .await
            .body
            .contains("Nincs jelzett"));
        let link = link_mailed_to(&t, "feri@example.hu").await;
        assert_eq!(
            t.client().post_form(&link, &[]).await.status,
            StatusCode::SEE_OTHER
        );
        let queue = coord
            .get(&format!("/admin/programmes/{p}/moderation"))
            .await
            .body;
        assert!(queue.contains("Ez egy csúnya megjegyzés"));
        assert!(!queue.contains("feri@example.hu"));
        // A reason is required.
        let hide = format!("/admin/programmes/{p}/moderation/comments/{c}/hide");
        let r = coord.post_form(&hide, &[("reason", " ")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = coord
            .post_form(&hide, &[("reason", "Sértő kifejezés")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = t
            .client()
            .get(&format!("/programmes/{p}/initiatives/{id}"))
            .await
            .body;
        assert!(page.contains("A moderátor elrejtette: Sértő kifejezés"));
        assert!(!page.contains("Ez egy csúnya megjegyzés"));
        // Its author can no longer change it.
        let edit = lakos
            .get(&format!(
                "/programmes/{p}/initiatives/{id}/comments/{c}/edit"
            ))
            .await;
        assert_eq!(edit.status, StatusCode::FORBIDDEN);
    }
);

both!(
    one_address_gets_a_bounded_number_of_unopened_mails,
    |t: TestApp| async move {
        let id = proposed(&t, "Madárodúk a parkban").await;
        let path = format!("/programmes/{}/initiatives/{id}/comments", t.kisber());
        let mut v = t.client();
        for n in 0..kozos_app::residents::MAX_WAITING {
            let body = format!("Hozzászólás {n}");
            let r = v
                .post_form(
                    &path,
                    &[
                        ("body", &body),
                        ("name", "Sok Levél"),
                        ("email", "sok@example.hu"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let r = v
            .post_form(
                &path,
                &[
                    ("body", "Még egy"),
                    ("name", "Sok Levél"),
                    ("email", "sok@example.hu"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("több megerősítő levelet"));
        assert!(r.body.contains("Még egy"), "what was typed is kept");
        jobs::drain(&t.app).await.unwrap();
        let mails = outbox::to_address(&t.app.db, "sok@example.hu")
            .await
            .unwrap();
        assert_eq!(mails.len() as i64, kozos_app::residents::MAX_WAITING);
    }
);

//! Memos and the Information Point as a coordinator and residents meet them: a memo is
//! written under its conversation, stays internal until published, then shows at the
//! programme's and the settlement's Information Point, in their feeds and in search;
//! bad input is refused with what was typed kept, and user text never runs.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::{ActivityId, ProgrammeId};

const PM: &str = "projektmenedzser@demo.kozos.hu";

async fn conversation(t: &TestApp, title: &str, kind: &str) -> ActivityId {
    let pm = t.user(PM).await;
    let p = ProgrammeId(t.kisber());
    records::create::<Activity>(
        &t.app,
        &pm,
        p,
        p,
        &ActivityForm {
            title: title.into(),
            kind: kind.into(),
            starts_at: "2026-11-12T18:00".into(),
            ends_at: "2026-11-12T20:00".into(),
            settlement: "Kisbér".into(),
            public: "1".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

async fn kisber_place(t: &TestApp) -> i64 {
    kozos_app::catalogue::settlements(&t.app)
        .await
        .unwrap()
        .iter()
        .find(|p| p.name == "Kisbér")
        .unwrap()
        .id
        .0
}

/// The memo id in an edit page's address.
fn memo_id_in(location: &str, html: &str) -> i64 {
    let marker = "/memos/";
    let text = if location.contains(marker) {
        location
    } else {
        html
    };
    let at = text.find(marker).expect("a memo link") + marker.len();
    text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

both!(
    a_memo_is_published_to_the_information_point,
    |t: TestApp| async move {
        let p = t.kisber();
        let a = conversation(
            &t,
            "Közösségi beszélgetés a vasútállomás sorsáról",
            "community_conversation",
        )
        .await;
        let mut staff = t.signed_in(PM).await;
        let page = staff
            .get(&format!("/admin/programmes/{p}/activities/{a}/memo"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        assert!(
            html.contains("Emlékeztető – Közösségi beszélgetés a vasútállomás sorsáról"),
            "the title is offered"
        );
        let once = form_values(&html, "/memos")
            .unwrap()
            .1
            .into_iter()
            .find(|(k, _)| k == "_once")
            .unwrap()
            .1;
        let fields = [
        ("_once", once.as_str()),
        ("title", "Emlékeztető – a vasútállomás sorsáról"),
        ("moderator", "Kovács Anna közösségfejlesztő"),
        ("body", "## Elhangzott\n\nA **váróterem** legyen nyitva.\n\n<script>alert('x')</script> [katt](javascript:alert(1))"),
        ("decisions", "- levél a MÁV-nak"),
        ("follow_ups", "Levél a MÁV-nak; Tóth Péter; 2026. 12. 01.\nAláírásgyűjtés a piacon"),
    ];
        let r = staff
            .post_form(
                &format!("/admin/programmes/{p}/activities/{a}/memos"),
                &fields,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(r.location(), format!("/admin/programmes/{p}/memos"));
        // Sent twice (a double click): still one memo.
        let again = staff
            .post_form(
                &format!("/admin/programmes/{p}/activities/{a}/memos"),
                &fields,
            )
            .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.text());
        let board = staff
            .get(&format!("/admin/programmes/{p}/memos"))
            .await
            .text();
        assert_eq!(
            board
                .matches("Emlékeztető – a vasútállomás sorsáról")
                .count(),
            1,
            "{board}"
        );
        assert!(board.contains("piszkozat"));
        let id = memo_id_in("", &board);

        // A draft is internal: no public page, not at the point, not found by the public.
        let mut anon = t.client();
        assert_eq!(
            anon.get(&format!("/memos/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert!(!anon
            .get(&format!("/programmes/{p}/info"))
            .await
            .text()
            .contains("vasútállomás"));
        assert_eq!(
            anon.get("/api/v1/search?q=vasutallomas+varoterem")
                .await
                .json()["total"],
            0
        );
        assert!(staff
            .get("/search?q=varoterem")
            .await
            .text()
            .contains("vasútállomás sorsáról"));

        // Published (the edit form saved with the box ticked).
        let edit = format!("/admin/programmes/{p}/memos/{id}/edit");
        let (_, mut values) = form_values(&staff.get(&edit).await.text(), "/edit").unwrap();
        values.push(("published".into(), "1".into()));
        let body = serde_urlencoded::to_string(&values).unwrap();
        let saved = staff
            .request(
                axum::http::Method::POST,
                &edit,
                Some("application/x-www-form-urlencoded"),
                body,
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());

        let public = anon.get(&format!("/memos/{id}")).await;
        assert_eq!(public.status, StatusCode::OK);
        let html = public.text();
        assert!(
            html.contains("<h4>Elhangzott</h4>"),
            "headings sit under the page's: {html}"
        );
        assert!(html.contains("<strong>váróterem</strong>"));
        assert!(!html.contains("<script>alert"), "raw HTML never runs");
        assert!(
            !html.to_lowercase().contains("href=\"javascript"),
            "nor script links"
        );
        assert!(html.contains("Tóth Péter") && html.contains("Aláírásgyűjtés a piacon"));
        assert!(html.contains("Kovács Anna közösségfejlesztő"));

        for point in [
            format!("/programmes/{p}/info"),
            format!("/places/{}/info", kisber_place(&t).await),
        ] {
            let page = anon.get(&point).await.text();
            assert!(
                page.contains(&format!("href=\"/memos/{id}\"")),
                "{point}: {page}"
            );
            let feed = anon.get(&format!("{point}.atom")).await;
            assert_eq!(feed.status, StatusCode::OK);
            assert!(feed.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/atom+xml"));
            let xml = feed.text();
            assert!(
                xml.contains("<title>Emlékeztető – a vasútállomás sorsáról</title>"),
                "{xml}"
            );
            assert!(xml.contains(&format!("/memos/{id}</id>")));
            assert!(
                !xml.contains("<script>"),
                "the content is escaped HTML: {xml}"
            );
        }
        let found = anon
            .get("/api/v1/search?q=vasutallomas+varoterem")
            .await
            .json();
        assert_eq!(found["results"][0]["kind"], "memo");
        assert_eq!(found["results"][0]["path"], format!("/memos/{id}"));

        // The conversation now has a memo: it is kept.
        let del = staff
            .post_form(&format!("/admin/programmes/{p}/activities/{a}/delete"), &[])
            .await;
        assert_eq!(del.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(del.text().contains("emlékeztetője van"));
    }
);

both!(
    bad_memos_are_refused_with_what_was_typed_kept,
    |t: TestApp| async move {
        let p = t.kisber();
        let a = conversation(&t, "Kerekasztal a buszmenetrendről", "participatory_forum").await;
        let mut staff = t.signed_in(PM).await;
        let r = staff
            .post_form(
                &format!("/admin/programmes/{p}/activities/{a}/memos"),
                &[
                    ("title", "Kerekasztal – menetrend"),
                    ("moderator", "Kovács Anna"),
                    ("body", "   "),
                    ("follow_ups", "Levél a Volánnak; Anna; jövő héten"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(
            html.contains("Kerekasztal – menetrend"),
            "the title is kept"
        );
        assert!(
            html.contains("Levél a Volánnak; Anna; jövő héten"),
            "the follow-ups are kept"
        );
        assert!(html.contains("nem dátum"), "{html}");
        let board = staff
            .get(&format!("/admin/programmes/{p}/memos"))
            .await
            .text();
        assert!(
            !board.contains("Kerekasztal – menetrend"),
            "nothing was written"
        );

        // Only conversations, forums and workshops have memos.
        let festival = conversation(&t, "Szüreti felvonulás", "cultural_event").await;
        let page = staff
            .get(&format!("/admin/programmes/{p}/activities/{festival}/memo"))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let post = staff
            .post_form(
                &format!("/admin/programmes/{p}/activities/{festival}/memos"),
                &[("title", "x"), ("moderator", "y"), ("body", "z")],
            )
            .await;
        assert_eq!(post.status, StatusCode::NOT_FOUND);
        // Another programme's activity under this programme's address: 404.
        let k = t.kecskemet();
        let admin = t.user("admin@demo.kozos.hu").await;
        let theirs = records::create::<Activity>(
            &t.app,
            &admin,
            ProgrammeId(k),
            ProgrammeId(k),
            &ActivityForm {
                title: "Lakossági fórum".into(),
                kind: "participatory_forum".into(),
                starts_at: "2026-11-12T18:00".into(),
                ends_at: "2026-11-12T20:00".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        let cross = staff
            .get(&format!("/admin/programmes/{p}/activities/{theirs}/memo"))
            .await;
        assert_eq!(cross.status, StatusCode::NOT_FOUND);
        // A page number that is not one.
        assert_eq!(
            t.client()
                .get(&format!("/programmes/{p}/info?page=x"))
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            t.client()
                .get(&format!("/programmes/{p}/info?page=9"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
);

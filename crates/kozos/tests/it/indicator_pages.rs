//! Indicators through the pages and the API, as a project manager, the public and an API
//! client meet them: the form refuses what a tired clerk types wrongly and keeps what
//! they typed; a second submission defines nothing twice; saving unchanged changes
//! nothing; a new activity moves the value at once; manual values need their document;
//! explanations are versioned; the public reads no count of people under five and no
//! quarter of people.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::ProgrammeId;

const PM: &str = "projektmenedzser@demo.kozos.hu";

fn line<'a>(v: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {v}"))
}

async fn api_values(c: &mut Client, programme: i64, query: &str) -> serde_json::Value {
    let r = c
        .get(&format!("/api/v1/programmes/{programme}/indicators{query}"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

both!(
    a_project_manager_defines_an_indicator_on_the_form_and_sees_it_move,
    |t: TestApp| async move {
        let kisber = t.kisber();
        let mut pm = t.signed_in(PM).await;
        pm.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, PM, "t")
                .await
                .unwrap(),
        );
        let new = format!("/admin/programmes/{kisber}/indicators/new");
        let page = pm.get(&new).await;
        assert_eq!(page.status, StatusCode::OK);
        let once = form_values(&page.body, "/indicators/new")
            .unwrap()
            .1
            .into_iter()
            .find(|(k, _)| k == "_once")
            .unwrap()
            .1;
        // A code with a space, a target of one and a half activities: refused, kept.
        let bad = pm
            .post_form(
                &new,
                &[
                    ("_once", &once),
                    ("code", "PR 9"),
                    ("name_hu", "Falunapok"),
                    ("source", "activities"),
                    ("kinds", "community_action"),
                    ("target", "1,5"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("A kód betűkből"), "{}", bad.body);
        assert!(bad.body.contains("Falunapok"), "what was typed stays");
        let fields = [
            ("_once", once.as_str()),
            ("code", "PR-9"),
            ("name_hu", "Falunapok"),
            ("source", "activities"),
            ("kinds", "community_action"),
            ("target", "1 000"),
        ];
        let ok = pm.post_form(&new, &fields).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        // The same form sent again (a double click, Back and resend) defines nothing new.
        let again = pm.post_form(&new, &fields).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let v = api_values(&mut pm, kisber, "").await;
        let count = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["code"] == "PR-9")
            .count();
        assert_eq!(count, 1);
        assert_eq!(line(&v, "PR-9")["target"], 1000.0);
        let before = line(&v, "PR-9")["value"].as_f64().unwrap();
        let id = line(&v, "PR-9")["id"].as_i64().unwrap();

        // Saved unchanged: nothing changes (no new version, no audit entry).
        let edit = format!("/admin/programmes/{kisber}/indicators/{id}/edit");
        let r = pm.resubmit(&edit, "/edit").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let stored = kozos_app::indicators::get(
            &t.app,
            &t.user(PM).await,
            ProgrammeId(kisber),
            kozos_domain::IndicatorId(id),
        )
        .await
        .unwrap();
        assert_eq!(stored.version, 1);

        // A community action saved now counts on the dashboard, the API and the drill-down.
        records::create::<Activity>(
            &t.app,
            &t.user(PM).await,
            ProgrammeId(kisber),
            ProgrammeId(kisber),
            &ActivityForm {
                title: "Szüreti mulatság".into(),
                kind: "community_action".into(),
                starts_at: "2026-11-20T15:00".into(),
                ends_at: "2026-11-20T19:00".into(),
                settlement: "Kisbér".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        let v = api_values(&mut pm, kisber, "").await;
        assert_eq!(line(&v, "PR-9")["value"].as_f64().unwrap(), before + 1.0);
        let dash = pm
            .get(&format!("/admin/programmes/{kisber}/indicators"))
            .await;
        assert_eq!(dash.status, StatusCode::OK);
        assert!(dash.body.contains("PR-9"));
        let rec = pm
            .get(&format!("/api/v1/indicators/{id}/records?period=2026-11"))
            .await;
        assert_eq!(rec.status, StatusCode::OK, "{}", rec.body);
        let rec = rec.json();
        assert!(rec["records"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["label"] == "Szüreti mulatság"));
        assert_eq!(rec["total"].as_f64(), rec["value"].as_f64());
        // A period that is not one is a clear 400, on the page and in the API.
        let bad = pm
            .get(&format!(
                "/api/v1/programmes/{kisber}/indicators?period=2026-Q5"
            ))
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let bad = pm
            .get(&format!(
                "/admin/programmes/{kisber}/indicators?period=tavaly"
            ))
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    }
);

both!(
    manual_values_need_their_document_and_explanations_do_not_overwrite_each_other,
    |t: TestApp| async move {
        let kisber = t.kisber();
        let mut pm = t.signed_in(PM).await;
        pm.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, PM, "t")
                .await
                .unwrap(),
        );
        let new = format!("/admin/programmes/{kisber}/indicators/new");
        let r = pm
            .post_form(
                &new,
                &[
                    ("code", "NGO-1"),
                    ("name_hu", "Megalakult civil szervezetek"),
                    ("source", "manual"),
                    ("unit", "count"),
                    ("target", "4"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let v = api_values(&mut pm, kisber, "").await;
        let id = line(&v, "NGO-1")["id"].as_i64().unwrap();
        let values = format!("/admin/programmes/{kisber}/indicators/{id}/values");
        let pdf = crate::evidence::SMALL_PDF;
        // No document: refused, and the typed amount stays on the form.
        let r = pm
            .post_multipart(&values, &[("on", "2026.03.15."), ("amount", "2")], None)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("value=\"2\""), "{}", r.body);
        // A text file named .pdf is not a PDF.
        let r = pm
            .post_multipart(
                &values,
                &[("on", "2026.03.15."), ("amount", "2")],
                Some(("okirat.pdf", "application/pdf", b"just text")),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = pm
            .post_multipart(
                &values,
                &[("on", "2026.03.15."), ("amount", "sok")],
                Some(("okirat.pdf", "application/pdf", pdf)),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = pm
            .post_multipart(
                &values,
                &[
                    ("on", "2026.03.15."),
                    ("amount", "2"),
                    ("note", "Bírósági végzés"),
                ],
                Some(("végzés.pdf", "application/pdf", pdf)),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let v = api_values(&mut pm, kisber, "").await;
        assert_eq!(line(&v, "NGO-1")["value"], 2.0);
        // The document comes back as it was sent.
        let page = pm.get(&values).await;
        let href = page
            .body
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.starts_with(&format!("{values}/")))
            .expect("a link to the document")
            .to_string();
        let file = pm.get(&href).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.body.as_bytes(), pdf);

        // Two people explain the same deviation from the same version: the second is told.
        let explain = format!("/admin/programmes/{kisber}/report/explanations/{id}?period=2026");
        let first = pm
            .post_form(
                &explain,
                &[
                    ("explanation", "Két egyesület bejegyzése csúszik."),
                    ("_version", "0"),
                ],
            )
            .await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
        let second = pm
            .post_form(
                &explain,
                &[("explanation", "Más szöveg."), ("_version", "0")],
            )
            .await;
        assert_eq!(second.status, StatusCode::CONFLICT);
        assert!(
            second.body.contains("Más szöveg."),
            "the refused text is kept"
        );
        let report = pm
            .get(&format!("/admin/programmes/{kisber}/report?period=2026"))
            .await;
        assert!(report.body.contains("Két egyesület bejegyzése csúszik."));
    }
);

both!(
    the_public_reads_no_small_count_of_people_and_no_quarter_of_people,
    |t: TestApp| async move {
        let kisber = t.kisber();
        let admin = t.user("admin@demo.kozos.hu").await;
        let p = ProgrammeId(kisber);
        // Three people at one new activity, counted by an indicator of their own.
        let a = records::create::<Activity>(
            &t.app,
            &admin,
            p,
            p,
            &ActivityForm {
                title: "Kis kör".into(),
                kind: "club_meeting".into(),
                starts_at: "2026-11-20T15:00".into(),
                ends_at: "2026-11-20T17:00".into(),
                settlement: "Kisbér".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        for name in ["Kis Anna", "Kis Béla", "Kis Cecília"] {
            let form = kozos_domain::participation::PersonForm {
                name: name.into(),
                ..Default::default()
            };
            kozos_app::participation::roster::walk_in(&t.app, &admin, a, &form, None)
                .await
                .unwrap();
        }
        kozos_app::indicators::create(
            &t.app,
            &admin,
            p,
            &kozos_domain::indicator::IndicatorForm {
                code: "KK-1".into(),
                name_hu: "A kis kör résztvevői".into(),
                source: "participants".into(),
                activity_ids: vec![a.0.to_string()],
                target: "10".into(),
                ..Default::default()
            },
            None,
            None,
        )
        .await
        .unwrap();
        let mut public = t.client();
        let v = api_values(&mut public, kisber, "").await;
        assert_eq!(v["staff"], false);
        assert!(
            line(&v, "KK-1")["value"].is_null(),
            "3 people are not published"
        );
        assert!(line(&v, "KK-1")["status"].is_null());
        // A big count of people is published by year, never by quarter or month.
        let big = line(&v, "T531-5")["value"].as_f64().unwrap();
        assert!(big >= 5.0, "{big}");
        let q = api_values(&mut public, kisber, "?period=2019-Q1").await;
        assert!(line(&q, "T531-5")["value"].is_null());
        // Counts of activities are not about people: published as they are.
        assert!(!line(&v, "T531-3")["value"].is_null());
        let mut pm = t.client();
        pm.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, PM, "t")
                .await
                .unwrap(),
        );
        let s = api_values(&mut pm, kisber, "").await;
        assert_eq!(s["staff"], true);
        assert_eq!(line(&s, "KK-1")["value"], 3.0);
        // The records behind a value are staff's only.
        let id = line(&s, "KK-1")["id"].as_i64().unwrap();
        let r = public
            .get(&format!("/api/v1/indicators/{id}/records"))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        // The public statistics page shows the hidden mark, not the number.
        let page = public.get("/statistics").await;
        assert_eq!(page.status, StatusCode::OK);
        let quarter = public.get("/statistics?period=2026-Q1").await;
        assert_eq!(quarter.status, StatusCode::BAD_REQUEST);
    }
);

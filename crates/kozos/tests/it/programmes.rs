//! Staff editing programmes and their parts through the forms, including every bad input
//! the issue names: the message is next to the field, the typed values stay, nothing is lost.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;

fn kisber_form(title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("title", title.to_string()),
        ("code", "TOP-5.3.1-16-KO1-2017-00005".into()),
        ("beneficiary_id", "".into()),
        ("place_id", "".into()),
        ("grant_huf", "22.407.407.- Ft".into()),
        ("aid_intensity", "100%".into()),
        ("fund", "esza".into()),
        ("start_date", "".into()),
        ("end_date", "2023.01.31.".into()),
        ("intermediate_body", "".into()),
        ("description", "Leírás".into()),
    ]
}

async fn with_beneficiary(
    t: &TestApp,
    mut f: Vec<(&'static str, String)>,
) -> Vec<(&'static str, String)> {
    let p = kozos_app::catalogue::programme_page(&t.app, kozos_domain::ProgrammeId(t.kisber()))
        .await
        .unwrap()
        .programme
        .clone();
    for (k, v) in f.iter_mut() {
        if *k == "beneficiary_id" {
            *v = p.beneficiary_id.unwrap().to_string();
        }
        if *k == "place_id" {
            *v = p.place_id.unwrap().to_string();
        }
    }
    f
}

fn refs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

both!(
    bad_input_is_reported_per_field_and_kept,
    |t: TestApp| async move {
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let mut f = with_beneficiary(&t, kisber_form("")).await;
        for (k, v) in f.iter_mut() {
            match *k {
                "grant_huf" => *v = "-5 000".into(),
                "aid_intensity" => *v = "120".into(),
                "start_date" => *v = "2023-02-01".into(),
                "end_date" => *v = "2023-01-31".into(),
                "code" => *v = "TOP-5.3.1-KO1-2017-5".into(),
                "intermediate_body" => *v = "Kincstár – typed by hand".into(),
                _ => {}
            }
        }
        let r = pm
            .post_form(&format!("/admin/programmes/{}/edit", t.kisber()), &refs(&f))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = r.text();
        for msg in [
            "Kötelező mező.",
            "Nem lehet negatív.",
            "A támogatás mértéke 0 és 100 % között lehet.",
            "A befejezés nem lehet korábbi a kezdésnél.",
            "Nem felel meg a projektazonosító formátumának",
        ] {
            assert!(text.contains(msg), "missing message {msg:?}");
        }
        // each message sits with its field (aria-describedby points at it) and what was typed is kept
        assert!(text.contains(r#"id="programme-aid_intensity-error""#));
        assert!(text.contains(r#"aria-describedby="programme-aid_intensity-error""#));
        assert!(
            text.contains(r#"value="-5 000""#)
                && text.contains(r#"value="TOP-5.3.1-KO1-2017-5""#)
                && text.contains("Kincstár – typed by hand")
        );
        // nothing stored changed
        let public = t
            .client()
            .get(&format!("/programmes/{}", t.kisber()))
            .await
            .text();
        assert!(
            public.contains("22 407 407 Ft") && public.contains("Helyi kisközösségek Kisbérhez")
        );
    }
);

both!(
    a_valid_edit_is_saved_and_published,
    |t: TestApp| async move {
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let mut f = with_beneficiary(
            &t,
            kisber_form("Helyi kisközösségek Kisbérhez tartozásának erősítése II."),
        )
        .await;
        for (k, v) in f.iter_mut() {
            if *k == "grant_huf" {
                *v = "23 000 000".into();
            }
        }
        let r = pm
            .post_form(&format!("/admin/programmes/{}/edit", t.kisber()), &refs(&f))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = pm.get(r.location()).await;
        assert!(page.text().contains("A változásokat elmentettük."));
        assert!(
            page.text()
                .contains("Módosítás: Helyi kisközösségek Kisbérhez tartozásának erősítése II."),
            "the change log shows the update"
        );
        let public = t
            .client()
            .get(&format!("/programmes/{}", t.kisber()))
            .await
            .text();
        assert!(public.contains("23 000 000 Ft") && public.contains("erősítése II."));
    }
);

both!(duplicate_project_id_is_refused, |t: TestApp| async move {
    let mut admin = t.signed_in("admin@demo.kozos.hu").await;
    let mut f = with_beneficiary(&t, kisber_form("Másik program")).await;
    for (k, v) in f.iter_mut() {
        if *k == "code" {
            *v = " top-6.9.1-16-ke1-2017-00001 ".into(); // Kecskemét's, typed sloppily
        }
    }
    let r = admin.post_form("/admin/programmes/new", &refs(&f)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Ezzel az azonosítóval már van program."));
    let n = kozos_app::catalogue::search_programmes(&t.app, None)
        .await
        .unwrap()
        .len();
    assert_eq!(n, 5);
});

both!(parts_can_be_added_and_removed, |t: TestApp| async move {
    let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
    let base = format!("/admin/programmes/{}", t.kisber());
    // target group: bad size is reported and kept
    let r = pm
        .post_form(
            &format!("{base}/target-groups"),
            &[("name", "Nyugdíjasok"), ("planned_size", "sok")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text().contains("Egész számot adj meg.") && r.text().contains(r#"value="Nyugdíjasok""#)
    );
    let r = pm
        .post_form(
            &format!("{base}/target-groups"),
            &[("name", "Nyugdíjasok"), ("planned_size", "40")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // action area: unknown settlement is refused
    let r = pm
        .post_form(
            &format!("{base}/areas"),
            &[
                ("name", "Bakony"),
                ("settlements", "Kisbér, Nemlétezőfalva"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Ismeretlen település."));
    // partner with a future agreement date is refused; the same partner twice too
    let orgs = kozos_app::catalogue::organisations(&t.app, Some("Kisbéri Polgárőr"))
        .await
        .unwrap();
    let org = orgs[0].id.to_string();
    let r = pm
        .post_form(
            &format!("{base}/partners"),
            &[
                ("organisation_id", &org),
                ("role", "supporter"),
                ("signed_on", "2030-01-01"),
                ("scope", "x"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("A dátum nem lehet a jövőben."));
    let r = pm
        .post_form(
            &format!("{base}/partners"),
            &[("organisation_id", &org), ("role", "supporter")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .contains("Ez a szervezet már partnere a programnak."));
    // staff added and deleted
    let r = pm
        .post_form(
            &format!("{base}/staff"),
            &[
                ("name", "Kovács Anna"),
                ("position", "community_developer"),
                ("start_date", "2021.01.01."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let staff = kozos_db::programmes::staff(&t.app.db.pool, kozos_domain::ProgrammeId(t.kisber()))
        .await
        .unwrap();
    let anna = staff
        .iter()
        .find(|s| s.name == "Kovács Anna")
        .expect("saved");
    let r = pm
        .post_form(&format!("{base}/staff/{}/delete", anna.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(pm
        .get(r.location())
        .await
        .text()
        .contains("A tételt töröltük."));
    // ids from another programme cannot be reached through this one
    let other = kozos_db::programmes::target_groups(
        &t.app.db.pool,
        kozos_domain::ProgrammeId(t.kecskemet()),
    )
    .await
    .unwrap();
    let r = pm
        .post_form(&format!("{base}/target-groups/{}/delete", other[0].id), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
});

both!(organisation_form_rules, |t: TestApp| async move {
    let mut county = t.signed_in("megyei@demo.kozos.hu").await;
    let r = county
        .post_form(
            "/admin/organisations/new",
            &[
                ("name", "Kisbéri Polgárőr Egyesület"),
                ("sector", "civil"),
                ("kind", "civil_guard"),
                ("website", "kisber.hu"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .contains("Adj meg egy teljes webcímet, például https://www.kisber.hu"));
    let r = county
        .post_form(
            "/admin/organisations/new",
            &[
                ("name", "kisbéri polgárőr egyesület"),
                ("sector", "civil"),
                ("kind", "civil_guard"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "same name, other case"
    );
    assert!(r.text().contains("Ilyen nevű tétel már létezik."));
    let r = county
        .post_form(
            "/admin/organisations/new",
            &[
                ("name", "Ászári Hagyományőrző Egyesület"),
                ("sector", "civil"),
                ("kind", "ngo"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(county
        .get("/admin/organisations?q=aszari")
        .await
        .body
        .contains("Ászári Hagyományőrző Egyesület"));
});

both!(
    a_second_instance_sees_writes_made_through_the_first,
    |t: TestApp| async move {
        // Instance B serves (and caches) the page; instance A, on the same database, edits it.
        let b = kozos::open(&t.url, kozos_app::Clock::fixed(fixed_now()))
            .await
            .unwrap();
        let router_b = kozos_web::router(kozos_web::AppState {
            app: b.clone(),
            config: Default::default(),
        });
        let page = format!("/programmes/{}", t.kisber());
        let get_b = |router: axum::Router, path: String| async move {
            let res = tower::ServiceExt::oneshot(
                router,
                axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
            String::from_utf8_lossy(
                &http_body_util::BodyExt::collect(res.into_body())
                    .await
                    .unwrap()
                    .to_bytes(),
            )
            .into_owned()
        };
        assert!(!get_b(router_b.clone(), page.clone())
            .await
            .contains("Nyugdíjas klub"));
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let r = pm
            .post_form(
                &format!("/admin/programmes/{}/target-groups", t.kisber()),
                &[("name", "Nyugdíjas klub")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            get_b(router_b.clone(), page.clone())
                .await
                .contains("Nyugdíjas klub"),
            "instance B shows the committed write"
        );
        // and a session opened on A is honoured by B (sessions live in the database)
        let cookie = format!("kozos_session={}", pm.cookies["kozos_session"]);
        let req = axum::http::Request::get("/admin")
            .header("cookie", cookie)
            .body(axum::body::Body::empty())
            .unwrap();
        let res = tower::ServiceExt::oneshot(router_b, req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
);

both!(
    parts_can_be_edited_with_the_same_rules,
    |t: TestApp| async move {
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let base = format!("/admin/programmes/{}", t.kisber());
        let pid = kozos_domain::ProgrammeId(t.kisber());
        // a target group
        let group = kozos_db::programmes::target_groups(&t.app.db.pool, pid)
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Helyi önkéntesek")
            .unwrap();
        let form = pm
            .get(&format!("{base}/target-groups/{}/edit", group.id))
            .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(
            form.body.contains(r#"value="Helyi önkéntesek""#),
            "the form starts from the stored values"
        );
        let r = pm
            .post_form(
                &format!("{base}/target-groups/{}/edit", group.id),
                &[
                    ("name", "Helyi önkéntesek és diákok"),
                    ("planned_size", "-3"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text().contains("Nem lehet negatív.")
                && r.body.contains(r#"value="Helyi önkéntesek és diákok""#)
        );
        let r = pm
            .post_form(
                &format!("{base}/target-groups/{}/edit", group.id),
                &[
                    ("name", "Helyi önkéntesek és diákok"),
                    ("planned_size", "25"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let public = t
            .client()
            .get(&format!("/programmes/{}", t.kisber()))
            .await
            .text();
        assert!(
            public.contains("Helyi önkéntesek és diákok")
                && public.contains("tervezett létszám: 25 fő")
        );
        // the Skanzen agreement: a date in the future is refused, the stored one stays
        let partners = kozos_db::programmes::partners(&t.app.db.pool, pid)
            .await
            .unwrap();
        let skanzen = partners
            .iter()
            .find(|p| p.organisation_name == "Szabadtéri Néprajzi Múzeum")
            .unwrap();
        let agreement = &skanzen.agreements[0];
        let r = pm
            .post_form(
                &format!("{base}/agreements/{}/edit", agreement.id),
                &[("signed_on", "2099-07-19"), ("scope", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("A dátum nem lehet a jövőben."));
        assert!(t
            .client()
            .get(&format!("/programmes/{}", t.kisber()))
            .await
            .text()
            .contains("2018. 07. 19."));
        // a partner's role
        let r = pm
            .post_form(
                &format!("{base}/partners/{}/edit", skanzen.id),
                &[
                    ("organisation_id", &skanzen.organisation_id.to_string()),
                    ("role", "consortium_member"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(t
            .client()
            .get(&format!("/programmes/{}", t.kisber()))
            .await
            .text()
            .contains("konzorciumi tag"));
        // a staff member: end before start is refused
        let staff = kozos_db::programmes::staff(&t.app.db.pool, pid)
            .await
            .unwrap();
        let r = pm
            .post_form(
                &format!("{base}/staff/{}/edit", staff[0].id),
                &[
                    ("name", "Szakmai koordinátor"),
                    ("position", "coordinator"),
                    ("start_date", "2020-01-01"),
                    ("end_date", "2019-01-01"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r
            .text()
            .contains("A befejezés nem lehet korábbi a kezdésnél."));
        // a part of another programme is not reachable through this one
        let kecskemet_group = kozos_db::programmes::target_groups(
            &t.app.db.pool,
            kozos_domain::ProgrammeId(t.kecskemet()),
        )
        .await
        .unwrap();
        assert_eq!(
            pm.get(&format!(
                "{base}/target-groups/{}/edit",
                kecskemet_group[0].id
            ))
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        let r = pm
            .post_form(
                &format!("{base}/target-groups/{}/edit", kecskemet_group[0].id),
                &[("name", "Eltérített")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
);

both!(
    back_office_lists_only_programmes_in_scope,
    |t: TestApp| async move {
        let titles = |body: &str| -> Vec<String> {
            body.split("<h3><a href=\"/admin/programmes/")
                .skip(1)
                .map(|s| {
                    s.split('>')
                        .nth(1)
                        .unwrap_or("")
                        .trim_end_matches("</a")
                        .to_string()
                })
                .collect()
        };
        let kisber = "Helyi kisközösségek Kisbérhez tartozásának erősítése".to_string();
        let kecskemet = "Társadalmi együttműködés erősítése Kecskeméten".to_string();
        for (email, want) in [
            ("projektmenedzser@demo.kozos.hu", vec![kisber.clone()]),
            ("megyei@demo.kozos.hu", vec![kisber.clone()]),
            ("auditor@demo.kozos.hu", vec![kecskemet.clone()]),
        ] {
            let body = t.signed_in(email).await.get("/admin").await.body;
            assert_eq!(titles(&body), want, "{email}");
        }
        let body = t
            .signed_in("orszagos@demo.kozos.hu")
            .await
            .get("/admin")
            .await
            .body;
        assert_eq!(titles(&body).len(), 5);
    }
);

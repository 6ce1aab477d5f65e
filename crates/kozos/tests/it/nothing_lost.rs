//! Nothing typed or stored is lost or read wrongly: concurrent edits, amounts, missing
//! references, double submissions, look-alike codes and names, deletes that keep their trail.

use crate::both;
use crate::harness::*;
use axum::http::{Method, StatusCode};
use kozos_domain::ProgrammeId;
use serde_json::json;

/// The fields of a page's form with some changed (and the page's own `_csrf` dropped,
/// `post_form` adds the client's).
fn changed(fields: &[(String, String)], set: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter(|(k, _)| k != "_csrf")
        .map(|(k, v)| {
            let new = set.iter().find(|(n, _)| n == k).map(|(_, v)| v.to_string());
            (k.clone(), new.unwrap_or_else(|| v.clone()))
        })
        .collect()
}

fn refs(f: &[(String, String)]) -> Vec<(&str, &str)> {
    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

both!(
    two_people_editing_one_programme_lose_nothing,
    |t: TestApp| async move {
        let id = t.kisber();
        let edit = format!("/admin/programmes/{id}/edit");
        let mut first = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let mut second = t.signed_in("admin@demo.kozos.hu").await;
        // both open the form
        let (action, a) = form_values(&first.get(&edit).await.body, "/edit").unwrap();
        let (_, b) = form_values(&second.get(&edit).await.body, "/edit").unwrap();
        // the first changes the description and saves
        let r = first
            .post_form(
                &action,
                &refs(&changed(&a, &[("description", "Első leírás.")])),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // the second changes the title and saves: refused, shown what changed, kept
        let title = "Helyi kisközösségek Kisbérhez tartozásának erősítése – módosítva";
        let r = second
            .post_form(&action, &refs(&changed(&b, &[("title", title)])))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
        let text = r.text();
        assert!(text.contains("Közben valaki más is elmentette ezt az adatot."));
        assert!(
            text.contains("Első leírás."),
            "the other person's change is shown"
        );
        assert!(text.contains(title), "what the second person typed is kept");
        let stored = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
            .await
            .unwrap();
        assert_eq!(stored.programme.description, "Első leírás.");
        assert!(!stored.programme.title.contains("módosítva"));
        // saving the merged form keeps both changes
        let (action, merged) = form_values(&r.body, "/edit").unwrap();
        let r = second
            .post_form(&action, &refs(&changed(&merged, &[])))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let stored = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
            .await
            .unwrap();
        assert_eq!(stored.programme.description, "Első leírás.");
        assert_eq!(stored.programme.title, title);
    }
);

both!(
    two_people_editing_one_staff_member_lose_nothing,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let r = pm
            .post_form(
                &format!("/admin/programmes/{id}/staff"),
                &[("name", "Kovács Éva"), ("position", "coordinator")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let staff = kozos_db::programmes::staff(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap();
        let sid = staff.iter().find(|s| s.name == "Kovács Éva").unwrap().id;
        let page = format!("/admin/programmes/{id}/staff/{sid}/edit");
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let (action, a) = form_values(&pm.get(&page).await.body, "/edit").unwrap();
        let (_, b) = form_values(&admin.get(&page).await.body, "/edit").unwrap();
        let r = pm
            .post_form(&action, &refs(&changed(&a, &[("note", "heti 20 óra")])))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = admin
            .post_form(&action, &refs(&changed(&b, &[("end_date", "2023-01-31")])))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        // the note the other saved is taken into the form, the end date typed is kept
        let (_, merged) = form_values(&r.body, "/edit").unwrap();
        let value = |k: &str| merged.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(value("note"), "heti 20 óra");
        assert_eq!(value("end_date"), "2023-01-31");
        // the API refuses a stale version with 409 too
        let mut api = t.client();
        api.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "t")
                .await
                .unwrap(),
        );
        let r = api
            .send_json(
                Method::PUT,
                &format!("/api/v1/programmes/{id}/staff/{sid}"),
                &json!({"name": "Kovács Éva", "position": "mentor", "version": 1}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert_eq!(r.json()["error"]["code"], "conflict");
    }
);

both!(
    amounts_are_read_as_clerks_mean_them,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let edit = format!("/admin/programmes/{id}/edit");
        let grant = || async {
            kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
                .await
                .unwrap()
                .programme
                .grant_huf
        };
        for (typed, stored) in [
            ("1,000", 1_000),
            ("150,000", 150_000),
            ("22.407.407.- Ft", 22_407_407),
            ("165 000 000 Ft", 165_000_000),
            ("165 000 000,00", 165_000_000),
        ] {
            let (action, f) = form_values(&pm.get(&edit).await.body, "/edit").unwrap();
            let r = pm
                .post_form(&action, &refs(&changed(&f, &[("grant_huf", typed)])))
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{typed}: {}", r.text());
            assert_eq!(grant().await, Some(stored), "{typed}");
        }
        for (typed, message) in [
            ("1.5", "A forintnak nincs törtrésze"),
            ("12.5", "A forintnak nincs törtrésze"),
            ("12,50", "A forintnak nincs törtrésze"),
            ("1 5", "A számjegyek csoportosítása nem egyértelmű"),
            ("1.0000", "A számjegyek csoportosítása nem egyértelmű"),
        ] {
            let (action, f) = form_values(&pm.get(&edit).await.body, "/edit").unwrap();
            let r = pm
                .post_form(&action, &refs(&changed(&f, &[("grant_huf", typed)])))
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
            assert!(r.text().contains(message), "{typed}");
            assert!(
                r.body.contains(&format!(r#"value="{typed}""#)),
                "kept {typed}"
            );
            assert_eq!(grant().await, Some(165_000_000), "{typed} changed nothing");
        }
        // a fraction of a person
        let r = pm
            .post_form(
                &format!("/admin/programmes/{id}/target-groups"),
                &[("name", "Fiatalok"), ("planned_size", "1.5")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("fél ember nincs"));
        let r = pm
            .post_form(
                &format!("/admin/programmes/{id}/target-groups"),
                &[("name", "Fiatalok"), ("planned_size", "1 200")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let groups = kozos_db::programmes::target_groups(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap();
        assert_eq!(
            groups
                .iter()
                .find(|g| g.name == "Fiatalok")
                .unwrap()
                .planned_size,
            Some(1200)
        );
    }
);

both!(
    references_that_do_not_exist_are_field_errors,
    |t: TestApp| async move {
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let r = admin
            .post_form(
                "/admin/organisations/new",
                &[
                    ("name", "Árva Egyesület"),
                    ("sector", "civil"),
                    ("kind", "ngo"),
                    ("parent_id", "999999"),
                    ("settlement_id", "999999"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(r#"id="organisation-parent_id-error""#));
        assert!(r.body.contains(r#"id="organisation-settlement_id-error""#));
        // editing: each missing reference is reported on its field, in English too
        let orgs = kozos_app::catalogue::organisations(&t.app, Some("Kisbér Város"))
            .await
            .unwrap();
        let org = &orgs[0];
        let page = format!("/admin/organisations/{}/edit", org.id);
        for field in ["settlement_id", "parent_id"] {
            let (action, f) = form_values(&admin.get(&page).await.body, "/edit").unwrap();
            let r = admin
                .post_form(&action, &refs(&changed(&f, &[(field, "999999")])))
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            assert!(r
                .body
                .contains(&format!(r#"id="organisation-{field}-error""#)));
        }
        // the same through the API, with the message in the client's language
        let mut api = t.client();
        api.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "t")
                .await
                .unwrap(),
        );
        let r = api
            .send_json(
                Method::POST,
                "/api/v1/organisations",
                &json!({"name": "Árva Egyesület", "sector": "civil", "kind": "ngo", "parent_id": 999999}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["fields"][0]["field"], "parent_id");
        let r = api
            .send_json(
                Method::PUT,
                &format!("/api/v1/organisations/{}", org.id),
                &json!({"name": org.name, "sector": "public", "kind": "municipality", "settlement_id": 999999}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["fields"][0]["field"], "settlement_id");
        // a settlement field takes a settlement, not a county
        let counties = kozos_app::catalogue::place_children(&t.app, None)
            .await
            .unwrap();
        let country = counties[0].id;
        let r = api
            .send_json(
                Method::PUT,
                &format!("/api/v1/organisations/{}", org.id),
                &json!({"name": org.name, "sector": "public", "kind": "municipality", "settlement_id": country.0}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both!(
    a_create_form_submitted_twice_creates_one_record,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let manage = format!("/admin/programmes/{id}");
        let html = pm.get(&manage).await.body;
        // the staff form, the partner's agreement form: each sent twice, as a double click does
        let (staff_action, staff) = form_values(&html, "/staff").unwrap();
        let staff = changed(&staff, &[("name", "Dupla Dóra"), ("position", "volunteer")]);
        for _ in 0..2 {
            let r = pm.post_form(&staff_action, &refs(&staff)).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let (agr_action, agr) = form_values(&html, "/agreements").unwrap();
        let agr = changed(&agr, &[("scope", "Dupla megállapodás")]);
        for _ in 0..2 {
            let r = pm.post_form(&agr_action, &refs(&agr)).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let n_staff = kozos_db::programmes::staff(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap()
            .iter()
            .filter(|s| s.name == "Dupla Dóra")
            .count();
        assert_eq!(n_staff, 1);
        let n_agr = kozos_db::programmes::partners(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap()
            .iter()
            .flat_map(|p| p.agreements.iter())
            .filter(|a| a.scope == "Dupla megállapodás")
            .count();
        assert_eq!(n_agr, 1);
        // a new programme, twice: one programme, and both answers lead to it
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let html = admin.get("/admin/programmes/new").await.body;
        let (action, f) = form_values(&html, "/new").unwrap();
        let f = changed(&f, &[("title", "Közösségi kert Hántán")]);
        let first = admin.post_form(&action, &refs(&f)).await;
        let again = admin.post_form(&action, &refs(&f)).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER);
        assert_eq!(again.location(), first.location());
        let n = kozos_app::catalogue::search_programmes(&t.app, Some("Hántán"))
            .await
            .unwrap()
            .len();
        assert_eq!(n, 1);
        // an API client's Idempotency-Key does the same
        let mut api = t.client();
        api.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "t")
                .await
                .unwrap(),
        );
        api.headers
            .push(("idempotency-key".into(), "egyszer-3f9a".into()));
        let mut ids = Vec::new();
        for _ in 0..2 {
            let r = api
                .send_json(
                    Method::POST,
                    &format!("/api/v1/programmes/{id}/staff"),
                    &json!({"name": "API Aladár", "position": "other"}),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED);
            ids.push(r.json()["id"].clone());
        }
        assert_eq!(ids[0], ids[1]);
        let n = kozos_db::programmes::staff(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap()
            .iter()
            .filter(|s| s.name == "API Aladár")
            .count();
        assert_eq!(n, 1);
    }
);

both!(
    names_and_codes_are_compared_as_people_compare_them,
    |t: TestApp| async move {
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        // an organisation typed again with other capitals and extra spaces
        let r = admin
            .post_form(
                "/admin/organisations/new",
                &[
                    ("name", "  kisbéri   POLGÁRŐR   egyesület "),
                    ("sector", "civil"),
                    ("kind", "civil_guard"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Ilyen nevű tétel már létezik."));
        // a target group likewise
        let id = t.kisber();
        let groups = kozos_db::programmes::target_groups(&t.app.db.pool, ProgrammeId(id))
            .await
            .unwrap();
        let existing = groups[0].name.to_uppercase().replace(' ', "   ");
        let r = admin
            .post_form(
                &format!("/admin/programmes/{id}/target-groups"),
                &[("name", &existing)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{existing}");
        assert!(r.text().contains("Ilyen nevű tétel már létezik."));
        // a project code with Cyrillic Т, О, Р is refused, not taken as a new code
        let r = admin
            .post_form(
                "/admin/programmes/new",
                &[
                    ("title", "Másolat"),
                    ("code", "ТОР-5.3.1-16-KO1-2017-00005"),
                    ("beneficiary_id", "1"),
                    ("grant_huf", "1000"),
                    ("aid_intensity", "100"),
                    ("fund", "esza"),
                    ("end_date", "2023-01-31"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("más ábécé"));
        assert_eq!(
            kozos_app::catalogue::search_programmes(&t.app, None)
                .await
                .unwrap()
                .len(),
            5
        );
    }
);

both!(
    a_delete_asks_first_and_names_everything_it_removed,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let page = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
            .await
            .unwrap();
        let partner = page
            .partners
            .iter()
            .find(|p| !p.agreements.is_empty())
            .unwrap()
            .clone();
        // the manage page links to a confirmation page; nothing is deleted by a GET
        let manage = pm.get(&format!("/admin/programmes/{id}")).await.body;
        let confirm = format!("/admin/programmes/{id}/partners/{}/delete", partner.id);
        assert!(manage.contains(&format!(r#"href="{confirm}""#)));
        assert!(!manage.contains(&format!(r#"action="{confirm}""#)));
        let r = pm.get(&confirm).await;
        assert_eq!(r.status, StatusCode::OK);
        let text = r.text();
        assert!(text.contains(&partner.organisation_name));
        for a in &partner.agreements {
            assert!(
                text.contains(&a.scope),
                "the confirmation names {}",
                a.scope
            );
        }
        assert!(
            kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
                .await
                .unwrap()
                .partners
                .iter()
                .any(|p| p.id == partner.id)
        );
        // confirming deletes it, and the change log names the partner and each agreement
        let (action, f) = form_values(&r.body, "/delete").unwrap();
        let r = pm.post_form(&action, &refs(&changed(&f, &[]))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let log = pm.get(&format!("/admin/programmes/{id}")).await.text();
        assert!(log.contains(&format!("Partner törlése: {}", partner.organisation_name)));
        for a in &partner.agreements {
            assert!(log.contains(&a.scope), "the change log names {}", a.scope);
        }
        assert!(log.contains("Megállapodás törlése"));
    }
);

// Two people edit the same target group's description: the second is shown the first's
// change under the label the form itself uses ("Leírás"), not another form's.
both!(
    the_conflict_notice_names_fields_as_the_form_does,
    |t: TestApp| async move {
        let mut first = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let mut second = t.signed_in("koordinator@demo.kozos.hu").await;
        let group = kozos_db::programmes::target_groups(&t.app.db.pool, ProgrammeId(t.kisber()))
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Helyi önkéntesek")
            .unwrap();
        let edit = format!(
            "/admin/programmes/{}/target-groups/{}/edit",
            t.kisber(),
            group.id
        );
        let (action, a) = form_values(&first.get(&edit).await.body, "/edit").unwrap();
        let (_, b) = form_values(&second.get(&edit).await.body, "/edit").unwrap();
        let r = first
            .post_form(
                &action,
                &refs(&changed(&a, &[("description", "Az első leírás")])),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = second
            .post_form(&action, &refs(&changed(&b, &[("planned_size", "30")])))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
        let text = r.text();
        assert!(
            text.contains("Leírás") && text.contains("Az első leírás"),
            "{text}"
        );
        assert!(!text.contains("A projekt tartalmának bemutatása"), "{text}");
    }
);

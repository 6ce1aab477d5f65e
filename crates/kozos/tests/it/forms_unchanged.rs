//! A form saved unchanged writes nothing different: every edit form of every demo record
//! is opened and submitted as the browser would send it, untouched, and afterwards every
//! record is as it was and nothing was written at all.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_domain::ProgrammeId;

/// Everything the edit forms can change, as text, to compare before and after.
async fn snapshot(t: &TestApp) -> String {
    let app = &t.app;
    let mut out = String::new();
    for id in &t.programmes {
        let page = kozos_app::catalogue::programme_page(app, *id)
            .await
            .unwrap();
        let staff = kozos_db::programmes::staff(&app.db.pool, *id)
            .await
            .unwrap();
        out.push_str(&format!("{page:?}\n{staff:?}\n"));
    }
    let orgs = kozos_app::catalogue::organisations(app, None)
        .await
        .unwrap();
    out.push_str(&format!("{orgs:?}\n"));
    out
}

/// Every write leaves an audit entry (and moves the cache versions of what it changed).
async fn written(t: &TestApp) -> (i64, i64) {
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(&t.app.db.pool)
            .await
            .unwrap()
    };
    (
        count("SELECT COUNT(*) FROM audit_log").await,
        count("SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM cache_versions").await,
    )
}

/// Records at every level of the places tree the data allows, not only those the demo
/// uses: a programme at the country and one at a settlement part (Hánta, part of Kisbér),
/// an organisation at a settlement part.
async fn place_records_everywhere(t: &TestApp) {
    let admin = t.user("admin@demo.kozos.hu").await;
    let country = kozos_app::catalogue::place_children(&t.app, None)
        .await
        .unwrap()[0]
        .clone();
    let hanta = kozos_db::places::settlements_named(&t.app.db, "Hánta")
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.kind == kozos_domain::place::PlaceKind::SettlementPart)
        .expect("Hánta is a settlement part in the demo");
    for (index, place) in [(1, country.id), (2, hanta.id)] {
        let p = kozos_app::catalogue::programme_page(&t.app, t.programmes[index])
            .await
            .unwrap()
            .programme
            .clone();
        let mut f = kozos_domain::programme::ProgrammeForm::from_programme(&p);
        f.place_id = place.to_string();
        kozos_app::programmes::update(&t.app, &admin, p.id, &f, None)
            .await
            .unwrap();
    }
    let org = kozos_app::catalogue::organisations(&t.app, Some("Kisbéri Polgárőr"))
        .await
        .unwrap()[0]
        .clone();
    let mut f = kozos_domain::organisation::OrganisationForm::from_organisation(&org);
    f.settlement_id = hanta.id.to_string();
    kozos_app::organisations::update(&t.app, &admin, org.id, &f, None)
        .await
        .unwrap();
}

both!(
    every_edit_form_saved_unchanged_changes_nothing,
    |t: TestApp| async move {
        place_records_everywhere(&t).await;
        let before = snapshot(&t).await;
        let version = written(&t).await;
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let mut forms = Vec::new();
        for id in &t.programmes {
            let base = format!("/admin/programmes/{id}");
            forms.push(format!("{base}/edit"));
            let page = kozos_app::catalogue::programme_page(&t.app, *id)
                .await
                .unwrap();
            for p in &page.partners {
                forms.push(format!("{base}/partners/{}/edit", p.id));
                for a in &p.agreements {
                    forms.push(format!("{base}/agreements/{}/edit", a.id));
                }
            }
            for a in &page.action_areas {
                forms.push(format!("{base}/areas/{}/edit", a.id));
            }
            for g in &page.target_groups {
                forms.push(format!("{base}/target-groups/{}/edit", g.id));
            }
            for s in kozos_db::programmes::staff(&t.app.db.pool, ProgrammeId(id.0))
                .await
                .unwrap()
            {
                forms.push(format!("{base}/staff/{}/edit", s.id));
            }
        }
        for o in kozos_app::catalogue::organisations(&t.app, None)
            .await
            .unwrap()
        {
            forms.push(format!("/admin/organisations/{}/edit", o.id));
        }
        assert!(forms.len() > 40, "the demo has {} edit forms", forms.len());
        for page in &forms {
            let r = admin.resubmit(page, "/edit").await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "saving {page} unchanged: {}",
                r.text()
            );
        }
        assert_eq!(snapshot(&t).await, before, "a record changed");
        assert_eq!(written(&t).await, version, "something was written");
    }
);

both!(
    abaujs_county_survives_an_unchanged_save,
    |t: TestApp| async move {
        // Abaúj's programme sits at a county (Borsod-Abaúj-Zemplén), not a settlement; its
        // county coordinator must keep seeing it after someone saves its form.
        let abauj = t.programmes[3];
        let before = kozos_app::catalogue::programme_page(&t.app, abauj)
            .await
            .unwrap()
            .programme
            .clone();
        assert_eq!(before.place_name.as_deref(), Some("Borsod-Abaúj-Zemplén"));
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let r = admin
            .resubmit(&format!("/admin/programmes/{abauj}/edit"), "/edit")
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let after = kozos_app::catalogue::programme_page(&t.app, abauj)
            .await
            .unwrap()
            .programme
            .clone();
        assert_eq!(after.place_id, before.place_id);
        // and a real change keeps the county too
        let html = admin.get(&format!("/admin/programmes/{abauj}/edit")).await;
        let (action, mut fields) = form_values(&html.body, "/edit").unwrap();
        for (k, v) in fields.iter_mut() {
            if k == "description" {
                v.push_str(" Kiegészítés.");
            }
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .filter(|(k, _)| k != "_csrf")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            admin.post_form(&action, &refs).await.status,
            StatusCode::SEE_OTHER
        );
        let after = kozos_app::catalogue::programme_page(&t.app, abauj)
            .await
            .unwrap()
            .programme
            .clone();
        assert_eq!(after.place_name.as_deref(), Some("Borsod-Abaúj-Zemplén"));
        assert!(after.description.ends_with("Kiegészítés."));
    }
);

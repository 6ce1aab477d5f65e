//! Work nobody sees is not done: list pages read what they show, not one query per row;
//! pick lists are built only for the forms that show them; old rows are purged.

use crate::both;
use crate::harness::*;
use crate::queries::measure;
use axum::http::StatusCode;
use kozos_domain::ProgrammeId;

/// Add `n` programmes the administrator sees.
async fn add_programmes(t: &TestApp, n: usize) {
    for i in 0..n {
        t.new_programme()
            .title(format!("Kiegészítő program {i}"))
            .create()
            .await;
    }
}

both!(
    the_dashboard_reads_scopes_once_not_per_programme,
    |t: TestApp| async move {
        let mut county = t.signed_in("megyei@demo.kozos.hu").await;
        county.get("/admin").await; // warm the page cache and the session path
        let (r, before) = measure(county.get("/admin")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(before.statements > 0, "statements are counted");
        add_programmes(&t, 20).await;
        let (r, after) = measure(county.get("/admin")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            after.statements, before.statements,
            "the dashboard's statements grew with the number of programmes ({before:?} → {after:?})"
        );
    }
);

/// Settlements that only a gazetteer import would add.
async fn add_settlements(t: &TestApp, n: usize) {
    let rows: Vec<kozos_app::gazetteer::GazetteerRow> = (0..n)
        .map(|i| kozos_app::gazetteer::GazetteerRow {
            line: i + 2,
            name: format!("Próbafalu {i}"),
            ksh_code: format!("{:05}", 90000 + i),
            district: "Kisbéri járás".into(),
            county: "Komárom-Esztergom".into(),
        })
        .collect();
    kozos_app::gazetteer::import(&t.app, &rows, None)
        .await
        .unwrap_or_else(|e| panic!("import: {e:?}"));
}

both!(
    pages_and_saves_do_not_read_pick_lists_they_do_not_show,
    |t: TestApp| async move {
        let id = t.kisber();
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let manage = format!("/admin/programmes/{id}");
        pm.get(&manage).await;
        let (_, before) = measure(pm.get(&manage)).await;
        assert!(before.rows > 0, "rows are counted");
        add_settlements(&t, 200).await;
        pm.get(&manage).await; // the import changed places: the cached page is rebuilt once
        let (r, after) = measure(pm.get(&manage)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            after.rows, before.rows,
            "the manage page read the settlements it never shows ({before:?} → {after:?})"
        );
        // a successful partner edit reads neither the organisations nor the settlements
        let partner = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(id))
            .await
            .unwrap()
            .partners[0]
            .clone();
        let fields = [
            ("organisation_id", partner.organisation_id.to_string()),
            ("role", "supporter".to_string()),
        ];
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let path = format!("/admin/programmes/{id}/partners/{}/edit", partner.id);
        let (r, save) = measure(pm.post_form(&path, &refs)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let n_orgs = kozos_app::catalogue::organisations(&t.app, None)
            .await
            .unwrap()
            .len() as u64;
        assert!(
            save.rows < n_orgs + 200,
            "a successful save read {} rows (organisations: {n_orgs}, settlements: 200+)",
            save.rows
        );
    }
);

both!(
    old_sign_in_attempts_and_form_keys_are_purged,
    |t: TestApp| async move {
        let mut c = t.client();
        c.sign_in("mentor@demo.kozos.hu", "rossz-jelszo").await;
        let count = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM login_attempts")
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap()
        };
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let html = admin.get("/admin/organisations/new").await.body;
        let (action, fields) = form_values(&html, "/new").unwrap();
        let mut fields: Vec<(String, String)> =
            fields.into_iter().filter(|(k, _)| k != "_csrf").collect();
        for (k, v) in fields.iter_mut() {
            match k.as_str() {
                "name" => *v = "Takarító Egyesület".into(),
                "sector" => *v = "civil".into(),
                "kind" => *v = "ngo".into(),
                _ => {}
            }
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            admin.post_form(&action, &refs).await.status,
            StatusCode::SEE_OTHER
        );
        let keys = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM form_submissions")
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap()
        };
        assert!(count().await >= 2 && keys().await >= 1);
        // a day later the form key is still there (a resubmission is still caught) …
        t.app.clock.advance(chrono::Duration::days(1));
        kozos_app::maintenance::sweep(&t.app).await.unwrap();
        assert!(keys().await >= 1);
        // … a month later the attempts and keys are gone, but an attempt made today stays
        t.app.clock.advance(chrono::Duration::days(31));
        c.sign_in("mentor@demo.kozos.hu", "rossz-jelszo").await;
        let swept = kozos_app::maintenance::sweep(&t.app).await.unwrap();
        assert!(swept.attempts >= 2, "{swept:?}");
        assert_eq!(count().await, 1);
        assert_eq!(keys().await, 0);
    }
);

//! Many people saving at once: every save succeeds and every write is kept. On SQLite a
//! write transaction that read first used to fail "database is locked" instead of
//! waiting its turn.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_domain::programme::ActionAreaForm;
use kozos_domain::ProgrammeId;

/// How many of each kind of write run at the same time (five kinds: 40 writers).
const EACH: usize = 8;

both!(
    forty_people_saving_at_once_all_succeed,
    |t: TestApp| async move {
        let id = t.kisber();
        let pid = ProgrammeId(id);
        let admin = t.user("admin@demo.kozos.hu").await;
        // action areas to edit, one per writer
        let mut areas = Vec::new();
        for i in 0..EACH {
            let form = ActionAreaForm {
                name: format!("Párhuzamos terület {i}"),
                boundary: String::new(),
                settlements: "Kisbér".into(),
            };
            areas.push(
                kozos_app::records::create::<kozos_domain::programme::ActionArea>(
                    &t.app, &admin, pid, pid, &form, None,
                )
                .await
                .unwrap(),
            );
        }
        let partner = kozos_app::catalogue::programme_page(&t.app, pid)
            .await
            .unwrap()
            .partners[0]
            .id;
        let pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let token = {
            let mut c = pm.clone();
            c.csrf_token().await
        };
        let mut writes: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for (i, area) in areas.iter().enumerate() {
            writes.push((
                format!("/admin/programmes/{id}/partners/{partner}/agreements"),
                vec![("scope".into(), format!("Egyidejű megállapodás {i}"))],
            ));
            writes.push((
                format!("/admin/programmes/{id}/staff"),
                vec![
                    ("name".into(), format!("Egyidejű Ember {i}")),
                    ("position".into(), "volunteer".into()),
                ],
            ));
            writes.push((
                format!("/admin/programmes/{id}/areas/{area}/edit"),
                vec![
                    ("name".into(), format!("Átnevezett terület {i}")),
                    ("settlements".into(), "Kisbér, Hánta".into()),
                ],
            ));
            writes.push((
                format!("/admin/programmes/{id}/target-groups"),
                vec![
                    ("name".into(), format!("Egyidejű csoport {i}")),
                    ("planned_size".into(), format!("{}", 10 + i)),
                ],
            ));
            writes.push((
                "/admin/organisations/new".into(),
                vec![
                    ("name".into(), format!("Egyidejű Egyesület {i}")),
                    ("sector".into(), "civil".into()),
                    ("kind".into(), "ngo".into()),
                ],
            ));
        }
        assert!(writes.len() >= 32);
        let mut tasks = Vec::new();
        for (path, mut fields) in writes {
            let mut c = pm.clone();
            fields.insert(0, ("_csrf".into(), token.clone()));
            tasks.push(tokio::spawn(async move {
                let body = serde_urlencoded::to_string(&fields).unwrap();
                let r = c
                    .request(
                        axum::http::Method::POST,
                        &path,
                        Some("application/x-www-form-urlencoded"),
                        body,
                    )
                    .await;
                (path, r.status, r.body)
            }));
        }
        let mut failed = Vec::new();
        for task in tasks {
            let (path, status, body) = task.await.unwrap();
            if status != StatusCode::SEE_OTHER {
                failed.push(format!(
                    "{path}: {status} {}",
                    body.chars().take(300).collect::<String>()
                ));
            }
        }
        assert!(
            failed.is_empty(),
            "{} saves failed:\n{}",
            failed.len(),
            failed.join("\n")
        );
        // every write is kept
        let page = kozos_app::catalogue::programme_page(&t.app, pid)
            .await
            .unwrap();
        let count = |pred: &dyn Fn(&str) -> bool, names: Vec<String>| {
            names.iter().filter(|n| pred(n)).count()
        };
        let agreements: Vec<String> = page
            .partners
            .iter()
            .flat_map(|p| p.agreements.iter().map(|a| a.scope.clone()))
            .collect();
        assert_eq!(
            count(&|n| n.starts_with("Egyidejű megállapodás"), agreements),
            EACH
        );
        let staff: Vec<String> = kozos_db::programmes::staff(&t.app.db.pool, pid)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(count(&|n| n.starts_with("Egyidejű Ember"), staff), EACH);
        let renamed: Vec<_> = page
            .action_areas
            .iter()
            .filter(|a| a.name.starts_with("Átnevezett terület"))
            .collect();
        assert_eq!(renamed.len(), EACH);
        assert!(renamed.iter().all(|a| a.settlements.len() == 2));
        let groups: Vec<String> = page.target_groups.iter().map(|g| g.name.clone()).collect();
        assert_eq!(count(&|n| n.starts_with("Egyidejű csoport"), groups), EACH);
        let orgs = kozos_app::catalogue::organisations(&t.app, Some("Egyidejű Egyesület"))
            .await
            .unwrap();
        assert_eq!(orgs.len(), EACH);
    }
);

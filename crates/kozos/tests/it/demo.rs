//! The demo is complete and loading it twice adds nothing.

use crate::both;
use crate::harness::*;

async fn counts(t: &TestApp) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for table in [
        "places",
        "organisations",
        "programmes",
        "partners",
        "agreements",
        "action_areas",
        "action_area_places",
        "target_groups",
        "staff_assignments",
        "users",
        "grants",
        "people",
        "registrations",
        "attendance",
        "training_sessions",
        "certificates",
        "memos",
        "knowledge_items",
        "questions",
        "question_answers",
        "search_docs",
        "search_terms",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&t.app.db.pool)
            .await
            .unwrap();
        out.push((table.to_string(), n));
    }
    out
}

both!(loading_twice_changes_nothing, |t: TestApp| async move {
    let before = counts(&t).await;
    let again = kozos_app::demo::load(&t.app).await.unwrap();
    assert_eq!(again, t.programmes);
    assert_eq!(counts(&t).await, before);
    let get = |name: &str| before.iter().find(|(n, _)| n == name).unwrap().1;
    assert_eq!(get("programmes"), 5);
    assert_eq!(get("users"), 10, "one account per role");
});

both!(
    the_places_tree_has_counties_and_districts,
    |t: TestApp| async move {
        let counts = kozos_db::places::count_by_kind(&t.app.db).await.unwrap();
        let get = |k: &str| {
            counts
                .iter()
                .find(|(n, _)| n == k)
                .map(|x| x.1)
                .unwrap_or(0)
        };
        assert_eq!(get("country"), 1);
        assert_eq!(get("county"), 20, "19 counties and Budapest");
        assert_eq!(
            get("district"),
            174 + 23,
            "174 járás and Budapest's 23 districts"
        );
        let csongrad = kozos_app::catalogue::place_children(&t.app, None)
            .await
            .unwrap();
        let hu = &csongrad[0];
        let counties = kozos_app::catalogue::place_children(&t.app, Some(hu.id))
            .await
            .unwrap();
        assert!(counties.iter().any(|c| c.name == "Csongrád-Csanád"));
        let kisber = kozos_db::places::by_ksh(&t.app.db, "17330")
            .await
            .unwrap()
            .expect("Kisbér by KSH code");
        assert_eq!(kisber.name, "Kisbér");
    }
);

both!(
    the_national_network_has_county_offices,
    |t: TestApp| async move {
        let orgs = kozos_app::catalogue::organisations(&t.app, Some("megyei iroda"))
            .await
            .unwrap();
        assert_eq!(orgs.len(), 19);
        let network = kozos_app::catalogue::organisations(
            &t.app,
            Some("kulturális közösségfejlesztő mentorhálózat"),
        )
        .await
        .unwrap();
        assert!(orgs.iter().all(|o| o.parent_id == Some(network[0].id)));
    }
);

both!(
    counties_come_in_hungarian_alphabetical_order,
    |t: TestApp| async move {
        let country = kozos_app::catalogue::place_children(&t.app, None)
            .await
            .unwrap();
        let counties: Vec<String> = t
            .client()
            .get(&format!("/api/v1/places?parent={}", country[0].id))
            .await
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            &counties[..6],
            [
                "Bács-Kiskun",
                "Baranya",
                "Békés",
                "Borsod-Abaúj-Zemplén",
                "Budapest",
                "Csongrád-Csanád"
            ]
        );
        assert_eq!(counties.last().map(String::as_str), Some("Zala"));
    }
);

both!(
    kecskemet_trainings_have_the_completers_the_seed_names,
    |t: TestApp| async move {
        // Counted by the completion rule from sessions and attendance, as the training
        // page counts them; each completer holds a certificate that verifies.
        let pm = t.user("admin@demo.kozos.hu").await;
        let mut found = Vec::new();
        for (title, completers) in [
            ("Targoncavezető-képzés", 50),
            ("Személyes kompetenciák fejlesztése – képzés", 200),
            ("Parkgondozó és zöldterületi kisgépkezelő képzés", 40),
        ] {
            let id: i64 = sqlx::query_scalar("SELECT id FROM activities WHERE title = $1")
                .bind(title)
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap();
            let v = kozos_app::participation::trainings::view(
                &t.app,
                &pm,
                kozos_domain::ActivityId(id),
            )
            .await
            .unwrap();
            assert_eq!(v.completers().count(), completers, "{title}");
            assert!(
                v.standings.len() > completers,
                "{title}: some did not complete"
            );
            assert_eq!(v.to_issue().count(), 0, "{title}: every completer has one");
            let c = v.completers().next().unwrap().certificate.clone().unwrap();
            found.push(c.number);
        }
        let mut anon = t.client();
        let r = anon.get(&format!("/verify/{}", found[0])).await;
        assert!(r.body.contains("Érvényes tanúsítvány."));
        assert!(r.body.contains("Targoncavezető-képzés"));
    }
);

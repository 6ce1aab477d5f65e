//! Cached public pages follow writes by what they show: a write rebuilds the pages that
//! show what it changed (its programme, an organisation a page names, the places tree) and
//! no other, and no instance serves a page older than a commit made before the request.

use crate::both;
use crate::harness::*;
use crate::queries::measure;
use axum::http::StatusCode;
use kozos_domain::{OrganisationId, ProgrammeId};

/// A second instance on the same database, with its own page cache.
#[derive(Clone)]
struct Other(axum::Router);

impl Other {
    async fn new(t: &TestApp) -> Other {
        let b = kozos::open(&t.url, kozos_app::Clock::fixed(fixed_now()))
            .await
            .unwrap();
        Other(kozos_web::router(kozos_web::AppState {
            app: b,
            config: Default::default(),
        }))
    }
    /// An anonymous GET: the status and the body.
    async fn get(&self, path: &str) -> (StatusCode, String) {
        let req = axum::http::Request::get(path)
            .body(axum::body::Body::empty())
            .unwrap();
        let res = tower::ServiceExt::oneshot(self.0.clone(), req)
            .await
            .unwrap();
        let status = res.status();
        let body = http_body_util::BodyExt::collect(res.into_body())
            .await
            .unwrap()
            .to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    }
}

async fn rename_organisation(t: &TestApp, id: OrganisationId, name: &str) {
    let admin = t.user("admin@demo.kozos.hu").await;
    let org = kozos_app::catalogue::organisation(&t.app, id)
        .await
        .unwrap();
    let mut f = kozos_domain::organisation::OrganisationForm::from_organisation(&org);
    f.name = name.to_string();
    kozos_app::organisations::update(&t.app, &admin, id, &f, None)
        .await
        .unwrap();
}

both!(
    an_organisation_rename_shows_at_once_on_cached_pages_naming_it,
    |t: TestApp| async move {
        let path = format!("/programmes/{}", t.kisber());
        let page = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(t.kisber()))
            .await
            .unwrap();
        let beneficiary = page
            .programme
            .beneficiary_id
            .expect("Kisbér has a beneficiary");
        let partner = page.partners[0].organisation_id;
        let mut here = t.client();
        let other = Other::new(&t).await;
        assert_eq!(here.get(&path).await.status, StatusCode::OK); // cached now
        assert_eq!(other.get(&path).await.0, StatusCode::OK);
        for (org, name) in [
            (partner, "Átnevezett Partner Egyesület"),
            (beneficiary, "Átnevezett Kedvezményezett"),
        ] {
            rename_organisation(&t, org, name).await;
            assert!(here.get(&path).await.text().contains(name), "{name}");
            assert!(
                other.get(&path).await.1.contains(name),
                "{name} on the other instance"
            );
        }
        // the JSON API reads the same cached page
        let json = here
            .get(&format!("/api/v1/programmes/{}", t.kisber()))
            .await
            .body;
        assert!(json.contains("Átnevezett Kedvezményezett"), "{json}");
    }
);

both!(
    a_write_to_one_programme_keeps_the_cached_page_of_another,
    |t: TestApp| async move {
        let (a, b) = (t.kisber(), t.kecskemet());
        let (page_a, page_b) = (format!("/programmes/{a}"), format!("/programmes/{b}"));
        let mut c = t.client();
        c.get(&page_a).await;
        c.get(&page_b).await;
        let (r, cached) = measure(c.get(&page_b)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            cached.statements, 1,
            "a cached page reads its versions only"
        );

        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let r = pm
            .post_form(
                &format!("/admin/programmes/{a}/target-groups"),
                &[("name", "Kisbéri fiatalok")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        let (r, after) = measure(c.get(&page_b)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            after.statements, 1,
            "a write to programme {a} rebuilt the page of programme {b}"
        );
        let (r, rebuilt) = measure(c.get(&page_a)).await;
        assert!(r.text().contains("Kisbéri fiatalok"));
        assert!(rebuilt.statements > 1, "the written page is rebuilt");
        let (_, again) = measure(c.get(&page_a)).await;
        assert_eq!(again.statements, 1, "and then cached again");
    }
);

both!(
    places_changes_show_on_cached_pages,
    |t: TestApp| async move {
        let path = format!("/programmes/{}", t.kisber());
        let mut c = t.client();
        let other = Other::new(&t).await;
        c.get(&path).await;
        other.get(&path).await;
        // a gazetteer import rebuilds the pages (they show place names)
        let rows = vec![kozos_app::gazetteer::GazetteerRow {
            line: 2,
            name: "Próbafalu".into(),
            ksh_code: "09999".into(),
            district: "Kisbéri járás".into(),
            county: "Komárom-Esztergom".into(),
        }];
        kozos_app::gazetteer::import(&t.app, &rows, None)
            .await
            .unwrap();
        let (_, after_import) = measure(c.get(&path)).await;
        assert!(
            after_import.statements > 1,
            "a gazetteer import left a cached page as it was"
        );
        // a change to the places tree, audited as such, shows at once on every instance
        let place = kozos_app::catalogue::programme_page(&t.app, ProgrammeId(t.kisber()))
            .await
            .unwrap()
            .programme
            .place_id
            .expect("Kisbér has a place");
        let mut tx = t.app.db.begin().await.unwrap();
        sqlx::query("UPDATE places SET name = $1 WHERE id = $2")
            .bind("Kisbér-Újváros")
            .bind(place.0)
            .execute(&mut *tx)
            .await
            .unwrap();
        kozos_db::audit::record(
            &mut tx,
            "2026-11-21T10:00:00Z",
            None,
            "rename",
            "places",
            Some(place.0),
            "Kisbér-Újváros",
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert!(c.get(&path).await.text().contains("Kisbér-Újváros"));
        assert!(other.get(&path).await.1.contains("Kisbér-Újváros"));
    }
);

/// `n` anonymous GETs of `path` at once; their statuses.
async fn burst(c: &Client, path: &str, n: usize) -> Vec<StatusCode> {
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..n {
        let mut c = c.clone();
        let path = path.to_string();
        set.spawn(async move { c.get(&path).await.status });
    }
    let mut out = Vec::new();
    while let Some(s) = set.join_next().await {
        out.push(s.unwrap());
    }
    out
}

both!(
    concurrent_requests_share_version_reads,
    |t: TestApp| async move {
        let path = format!("/programmes/{}", t.kisber());
        let c = t.client();
        c.clone().get(&path).await;
        let n = 200;
        let (statuses, stats) = measure(burst(&c, &path, n)).await;
        assert!(statuses.iter().all(|s| *s == StatusCode::OK));
        assert!(
            stats.statements >= 1 && stats.statements <= n as u64 / 4,
            "{n} concurrent requests ran {} statements",
            stats.statements
        );
    }
);

both!(
    a_write_committed_before_a_request_is_always_seen,
    |t: TestApp| async move {
        // Readers keep checks in flight on both instances while writes commit through
        // the first; each read that starts after a commit must show it.
        let path = format!("/programmes/{}", t.kisber());
        let here = t.client();
        let other = Other::new(&t).await;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut readers = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let (mut c, p, s) = (here.clone(), path.clone(), stop.clone());
            readers.spawn(async move {
                while !s.load(std::sync::atomic::Ordering::Relaxed) {
                    assert_eq!(c.get(&p).await.status, StatusCode::OK);
                }
            });
            let (o, p, s) = (other.clone(), path.clone(), stop.clone());
            readers.spawn(async move {
                while !s.load(std::sync::atomic::Ordering::Relaxed) {
                    assert_eq!(o.get(&p).await.0, StatusCode::OK);
                }
            });
        }
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        for i in 0..15 {
            let name = format!("Csoport {i}");
            let r = pm
                .post_form(
                    &format!("/admin/programmes/{}/target-groups", t.kisber()),
                    &[("name", name.as_str())],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert!(
                here.clone().get(&path).await.text().contains(&name),
                "{name} committed before this request but not shown"
            );
            assert!(
                other.get(&path).await.1.contains(&name),
                "{name} committed before this request but not shown on the other instance"
            );
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        while let Some(r) = readers.join_next().await {
            r.unwrap();
        }
    }
);

both!(pages_without_forms_set_no_cookie, |t: TestApp| async move {
    let kisber = t.kisber();
    for path in [
        "/".to_string(),
        format!("/programmes/{kisber}"),
        format!("/api/v1/programmes/{kisber}"),
        "/api/v1/programmes".to_string(),
        "/static/style.css".to_string(),
        "/programmes/999999".to_string(),
    ] {
        let r = t.client().get(&path).await;
        assert!(
            r.headers.get("set-cookie").is_none(),
            "{path} set {:?}",
            r.headers.get("set-cookie")
        );
    }
    // the sign-in form does get its token, and it works
    let mut c = t.client();
    let r = c.get("/signin").await;
    let token = c.cookies.get("kozos_csrf").cloned().expect("csrf cookie");
    assert!(r.body.contains(&format!("value=\"{token}\"")));
    let r = c
        .post_form(
            "/signin",
            &[
                ("email", "koordinator@demo.kozos.hu"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
});

both!(
    a_rendered_page_is_reused_only_for_readers_who_would_get_the_same,
    |t: TestApp| async move {
        let path = format!("/programmes/{}", t.kisber());
        let mut anon = t.client();
        anon.get(&path).await;
        let (r, hit) = measure(anon.get(&path)).await;
        assert!(r.text().contains("Bejelentkezés"));
        assert_eq!(hit.statements, 1, "reused: only the version read");
        // another language
        let mut english = t.client();
        english.cookies.insert("kozos_lang".into(), "en".into());
        let r = english.get(&path).await;
        assert!(r.text().contains("Sign in") && !r.text().contains("Bejelentkezés"));
        // a signed-in reader gets their own menu and private caching
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let r = pm.get(&path).await;
        assert!(r.text().contains("Kijelentkezés"), "signed-in menu");
        assert_eq!(r.headers["cache-control"], "private, no-store");
        // and the anonymous page is still the anonymous one
        let r = anon.get(&path).await;
        assert!(r.text().contains("Bejelentkezés") && !r.text().contains("Kijelentkezés"));
        assert_eq!(r.headers["cache-control"], "no-cache");
        // a query string is rendered, not reused (the language switch comes back to it)
        let r = anon.get(&format!("{path}?x=1")).await;
        assert!(r.text().contains(&enc(&format!("{path}?x=1"))));
    }
);

both!(
    a_visitor_with_a_csrf_cookie_gets_the_reused_page_but_does_not_store_it,
    |t: TestApp| async move {
        let path = format!("/programmes/{}", t.kisber());
        let mut c = t.client();
        c.get("/signin").await; // now has a CSRF cookie
        assert!(c.cookies.contains_key("kozos_csrf"));
        let first = c.get(&path).await;
        let (again, stats) = measure(c.get(&path)).await;
        assert_eq!(again.body, first.body);
        assert!(stats.statements >= 1);
        // a cookie-less visitor stores the token-free rendering; then both reuse it
        let mut fresh = t.client();
        fresh.get(&path).await;
        let (r, hit) = measure(c.get(&path)).await;
        assert_eq!(r.body, first.body);
        assert_eq!(hit.statements, 1, "reused: only the version read");
        assert!(!r.body.contains("_csrf"));
    }
);

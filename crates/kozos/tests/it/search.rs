//! Search as readers meet it: Hungarian inflections and unaccented spellings find a
//! record, the page and the API agree, internal records reach only the staff whose
//! grants cover them, a save through one instance is found through another at once,
//! and user text comes back escaped.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::{ActivityId, ProgrammeId};

const PM: &str = "projektmenedzser@demo.kozos.hu";

fn activity(title: &str, description: &str, public: bool) -> ActivityForm {
    ActivityForm {
        title: title.into(),
        kind: "community_conversation".into(),
        starts_at: "2026-12-03T18:00".into(),
        ends_at: "2026-12-03T20:00".into(),
        settlement: "Kisbér".into(),
        address: "Wass Albert Művelődési Központ".into(),
        description: description.into(),
        public: if public { "1".into() } else { String::new() },
        ..Default::default()
    }
}

async fn add(t: &TestApp, form: &ActivityForm) -> ActivityId {
    let pm = t.user(PM).await;
    let p = ProgrammeId(t.kisber());
    records::create::<Activity>(&t.app, &pm, p, p, form, None)
        .await
        .unwrap()
}

/// A client calling the API with a token of this account.
async fn api_client(t: &TestApp, email: &str) -> Client {
    let mut c = t.client();
    c.bearer = Some(
        kozos_app::auth::create_api_token(&t.app, email, "search")
            .await
            .unwrap(),
    );
    c
}

/// The ids of the results of this kind in an API answer.
fn ids(v: &serde_json::Value, kind: &str) -> Vec<i64> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == kind)
        .map(|r| r["id"].as_i64().unwrap())
        .collect()
}

both!(
    inflected_and_unaccented_words_find_the_record,
    |t: TestApp| async move {
        let id = add(
            &t,
            &activity(
                "Kertbarátok közössége a Táncsics utcában",
                "Palántacsere és beszélgetés a kiskertekről, minden lakót várunk.",
                true,
            ),
        )
        .await;
        let mut anon = t.client();
        // The demo has hundreds of community records: each query names the garden
        // friends too, inflected or typed without accents.
        for q in [
            "kertbarátok közösségek",
            "kertbaratokkal kozossegi",
            "KERTBARÁTOKNAK KÖZÖSSÉGGEL",
            "Kertbarát",
            "palantacser",
        ] {
            let r = anon.get(&format!("/api/v1/search?q={}", enc(q))).await;
            assert_eq!(r.status, StatusCode::OK, "{q}");
            assert!(
                ids(&r.json(), "activity").contains(&id.0),
                "{q}: {}",
                r.text()
            );
        }
        // Every word must match: one that appears nowhere finds nothing.
        let none = anon
            .get(&format!("/api/v1/search?q={}", enc("kertbarát vízilabda")))
            .await
            .json();
        assert!(!ids(&none, "activity").contains(&id.0));

        // The page shows it with the matched words marked and links to it.
        let page = anon.get("/search?q=kertbarat+kozossegek").await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        assert!(
            html.contains(&format!("href=\"/activities/{}\"", id.0)),
            "{html}"
        );
        assert!(html.contains("<mark>közössége</mark>"), "{html}");
        // The snippet comes from the description.
        let api = anon.get("/api/v1/search?q=kiskert").await.json();
        let hit = api["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id.0 && r["kind"] == "activity")
            .expect("found by the description");
        let marked: Vec<&str> = hit["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["match"] == true)
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert_eq!(marked, ["kiskertekről"]);
        assert_eq!(hit["path"], format!("/activities/{}", id.0));
        assert_eq!(hit["programme_id"], t.kisber());
    }
);

both!(
    a_title_match_ranks_above_a_passing_mention,
    |t: TestApp| async move {
        let passing = add(
            &t,
            &activity(
                "Őszi találkozó",
                "Sok mindenről lesz szó, a helytörténet is előkerülhet a végén.",
                true,
            ),
        )
        .await;
        let titled = add(
            &t,
            &activity(
                "Helytörténeti séta a Wass Albert utcában",
                "Séta a régi házak között.",
                true,
            ),
        )
        .await;
        let v = t
            .client()
            .get("/api/v1/search?q=helytortenet&kind=activity")
            .await
            .json();
        let order = ids(&v, "activity");
        let (a, b) = (
            order
                .iter()
                .position(|x| *x == titled.0)
                .expect("titled found"),
            order
                .iter()
                .position(|x| *x == passing.0)
                .expect("passing found"),
        );
        assert!(a < b, "{order:?}");
    }
);

both!(
    internal_records_reach_only_staff_in_scope,
    |t: TestApp| async move {
        let id = add(
            &t,
            &activity(
                "Stábértekezlet a zsákfalvak programjáról",
                "Belső egyeztetés.",
                false,
            ),
        )
        .await;
        let q = "/api/v1/search?q=zsakfalvak";
        let anon = t.client().get(q).await.json();
        assert!(!ids(&anon, "activity").contains(&id.0));
        let resident = api_client(&t, "lakos@demo.kozos.hu")
            .await
            .get(q)
            .await
            .json();
        assert!(!ids(&resident, "activity").contains(&id.0));
        // Kecskemét's auditor has no grant on Kisbér.
        let other = api_client(&t, "auditor@demo.kozos.hu")
            .await
            .get(q)
            .await
            .json();
        assert!(!ids(&other, "activity").contains(&id.0));
        assert_eq!(other["total"], 0, "the total counts nothing hidden either");
        let own = api_client(&t, PM).await.get(q).await.json();
        assert!(ids(&own, "activity").contains(&id.0));
        let hit = &own["results"][0];
        assert_eq!(hit["public"], false);
        assert_eq!(
            hit["path"],
            format!("/admin/programmes/{}/activities/{}/edit", t.kisber(), id.0)
        );
        // The page, signed in, shows it too, and keeps it out of shared caches.
        let page = t.signed_in(PM).await.get("/search?q=zsakfalvak").await;
        assert_eq!(
            page.headers.get("cache-control").unwrap(),
            "private, no-store"
        );
        assert!(page.text().contains("Stábértekezlet"));
        let anon_page = t.client().get("/search?q=zsakfalvak").await.text();
        assert!(!anon_page.contains("Stábértekezlet"));
        let national = api_client(&t, "orszagos@demo.kozos.hu")
            .await
            .get(q)
            .await
            .json();
        assert!(ids(&national, "activity").contains(&id.0));
    }
);

both!(
    a_save_on_one_instance_is_found_on_another_at_once,
    |t: TestApp| async move {
        let other = kozos::open(&t.url, kozos_app::Clock::fixed(fixed_now()))
            .await
            .unwrap();
        let other = kozos_web::router(kozos_web::AppState {
            app: other,
            config: Default::default(),
        });
        let get = |path: String| {
            let router = other.clone();
            async move {
                let req = axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .unwrap();
                let res = tower::ServiceExt::oneshot(router, req).await.unwrap();
                let body = http_body_util::BodyExt::collect(res.into_body())
                    .await
                    .unwrap()
                    .to_bytes();
                serde_json::from_slice::<serde_json::Value>(&body).unwrap()
            }
        };
        let before = get("/api/v1/search?q=lovasnap".into()).await;
        assert_eq!(before["total"], 0);
        let id = add(&t, &activity("Lovasnap a Kisbéri Ménesbirtokon", "", true)).await;
        let after = get("/api/v1/search?q=lovasnap".into()).await;
        assert_eq!(ids(&after, "activity"), [id.0]);

        // An edit is found under its new words, and no longer under its old ones.
        let pm = t.user(PM).await;
        let p = ProgrammeId(t.kisber());
        let form = activity("Fogathajtó verseny a ménesbirtokon", "", true);
        records::update::<Activity>(&t.app, &pm, p, id, &form, Some(1))
            .await
            .unwrap();
        assert_eq!(get("/api/v1/search?q=lovasnap".into()).await["total"], 0);
        let renamed = get("/api/v1/search?q=fogathajto".into()).await;
        assert_eq!(ids(&renamed, "activity"), [id.0]);

        // A deleted one is gone.
        records::delete::<Activity>(&t.app, &pm, p, id)
            .await
            .unwrap();
        assert_eq!(get("/api/v1/search?q=fogathajto".into()).await["total"], 0);
    }
);

both!(user_text_comes_back_escaped, |t: TestApp| async move {
    add(
        &t,
        &activity(
            "<script>alert('x')</script> Rétesfesztivál",
            "<img src=x onerror=alert(1)> rétes",
            true,
        ),
    )
    .await;
    let html = t.client().get("/search?q=retes").await.text();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    // The query itself is echoed into the box and the title: escaped too.
    let echoed = t
        .client()
        .get(&format!("/search?q={}", enc("\"><script>x</script>")))
        .await
        .text();
    assert!(!echoed.contains("<script>x"), "{echoed}");
});

both!(filters_and_bad_links, |t: TestApp| async move {
    let mut anon = t.client();
    // The demo's programmes and activities are indexed from the start.
    let all = anon.get("/api/v1/search?q=kisber").await.json();
    let kinds: Vec<&str> = all["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"programme") && kinds.contains(&"activity"),
        "{all}"
    );
    let total = all["total"].as_i64().unwrap();
    let programmes = anon
        .get("/api/v1/search?q=kisber&kind=programme")
        .await
        .json();
    assert!(programmes["total"].as_i64().unwrap() < total);
    assert!(programmes["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["kind"] == "programme"));
    let kecskemet = anon
        .get(&format!(
            "/api/v1/search?q=kozossegi&programme={}",
            t.kecskemet()
        ))
        .await
        .json();
    assert!(kecskemet["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["programme_id"] == t.kecskemet()));

    for bad in [
        "/search?q=x&kind=person",
        "/search?q=x&page=0",
        "/search?q=x&page=abc",
        "/search?q=x&programme=1%20OR%201=1",
        "/api/v1/search?q=x&kind=person",
        "/api/v1/search?q=x&page=999",
    ] {
        assert_eq!(anon.get(bad).await.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(
        anon.get("/search?q=x&programme=999999").await.status,
        StatusCode::NOT_FOUND
    );
    // Only stopwords: said so, not an error.
    let common = anon.get("/search?q=a%20az%20%C3%A9s").await;
    assert_eq!(common.status, StatusCode::OK);
    assert!(common.text().contains("túl általánosak"));
});

both!(
    the_community_process_is_found_where_it_is_read,
    |t: TestApp| async move {
        let mut anon = t.client();
        // A resident's initiative (the demo's Abaúj), typed without accents.
        let v = anon
            .get("/api/v1/search?q=gonci+barack&kind=initiative")
            .await
            .json();
        let hit = &v["results"][0];
        assert_eq!(
            hit["title"], "Gönci barack: a kistermelők összefogása",
            "{v}"
        );
        let page = anon.get(hit["path"].as_str().unwrap()).await;
        assert_eq!(page.status, StatusCode::OK, "{}", hit["path"]);
        // The published local action plan, found by the words of its tree, and read where
        // the result points.
        let v = anon
            .get("/api/v1/search?q=cselekvesi+terv&kind=plan")
            .await
            .json();
        let plan = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["title"] == "Kisbér helyi cselekvési terve")
            .unwrap_or_else(|| panic!("{v}"));
        assert_eq!(plan["public"], true);
        let page = anon.get(plan["path"].as_str().unwrap()).await;
        assert_eq!(page.status, StatusCode::OK);
        // It is listed at Kisbér's Information Point too (adopted in 2019: on its second page).
        let point = anon
            .get(&format!("/programmes/{}/info?page=2", t.kisber()))
            .await
            .text();
        assert!(point.contains(plan["path"].as_str().unwrap()), "{point}");
    }
);

//! What a visitor sees: the programmes, search, the publicity block, partners, areas.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;

both!(home_lists_the_five_programmes, |t: TestApp| async move {
    let r = t.client().get("/").await;
    assert_eq!(r.status, StatusCode::OK);
    for title in [
        "Helyi kisközösségek Kisbérhez tartozásának erősítése",
        "Cselekvő közösségek – aktív közösségi szerepvállalás",
        "Közösségi kezdeményezéseket támogató szakmai hálózat (2005)",
        "Partnerség és közösségfejlesztés az Abaúji kistérségben (2010–2012)",
        "Társadalmi együttműködés erősítése Kecskeméten",
    ] {
        assert!(r.body.contains(title), "home lacks {title}");
    }
    assert!(r.body.contains("<html lang=\"hu\">"));
});

both!(search_is_accent_and_case_blind, |t: TestApp| async move {
    let mut c = t.client();
    let r = c.get("/?q=kisber").await;
    assert!(r.body.contains("Kisbérhez tartozásának"));
    assert!(!r.body.contains("Kecskeméten</a>"));
    // by a settlement of an action area (Hánta is part of Kisbér's area)
    let r = c.get(&format!("/?q={}", enc("hánta"))).await;
    assert!(r.body.contains("Kisbérhez tartozásának"));
    let r = c.get(&format!("/?q={}", enc("KECSKEMÉT"))).await;
    assert!(r
        .body
        .contains("Társadalmi együttműködés erősítése Kecskeméten"));
    // by project ID
    let r = c.get("/?q=top-6.9.1").await;
    assert!(r.body.contains("Kecskeméten</a>") && !r.body.contains("Kisbérhez tartozásának"));
    let r = c.get("/?q=nincs-ilyen-program").await;
    assert!(r.text().contains("Nincs a keresésnek megfelelő program."));
});

both!(
    kisber_publicity_block_as_published,
    |t: TestApp| async move {
        let r = t.client().get(&format!("/programmes/{}", t.kisber())).await;
        assert_eq!(r.status, StatusCode::OK);
        let text = r.text();
        for expected in [
            "Kedvezményezett neve</dt><dd>Kisbér Város Önkormányzata",
            "Projekt címe</dt><dd>„Helyi kisközösségek Kisbérhez tartozásának erősítése”",
            "Projekt azonosító száma</dt><dd>TOP-5.3.1-16-KO1-2017-00005",
            "Szerződött támogatás összege</dt><dd>22 407 407 Ft",
            "Támogatás mértéke</dt><dd>100%",
            "Alap</dt><dd>Európai Szociális Alap",
            "Tervezett befejezési dátum</dt><dd>2023. 01. 31.",
            // partners with their agreements; the Skanzen agreement is dated 2018-07-19
            "Szabadtéri Néprajzi Múzeum",
            "Kisbéri Polgárőr Egyesület",
            "Kisbéri Rendőrkapitányság",
            "Wass Albert Művelődési Központ és Városi Könyvtár",
            "2018. 07. 19.",
            "Komárom-Esztergom › Kisbéri járás › Kisbér",
        ] {
            assert!(text.contains(expected), "Kisbér page lacks {expected:?}");
        }
    }
);

both!(
    kecskemet_action_area_and_intermediate_body,
    |t: TestApp| async move {
        let text = t
            .client()
            .get(&format!("/programmes/{}", t.kecskemet()))
            .await
            .text();
        for expected in [
            "165 000 000 Ft",
            "TOP-6.9.1-16-KE1-2017-00001",
            "Kecskemét Megyei Jogú Város Önkormányzata",
            "Magyar Államkincstár Bács-Kiskun Vármegyei Igazgatóság",
            "2023. 11. 30.",
            "Szegregációs akcióterület (öt városrész)",
            "Műkerti sétány – Erzsébet körút",
            "Targoncavezető-képzés résztvevői",
            "tervezett létszám: 50 fő",
        ] {
            assert!(text.contains(expected), "Kecskemét page lacks {expected:?}");
        }
    }
);

both!(unknown_pages_are_translated_404s, |t: TestApp| async move {
    let mut c = t.client();
    let r = c.get("/programmes/999999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Az oldal nem található"));
    let r = c.get("/nincs/ilyen").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // an id that cannot name a programme is a page that does not exist, in Hungarian
    for bad in [
        "/programmes/abc",
        "/programmes/9223372036854775808",
        "/programmes/-1x",
    ] {
        let r = c.get(bad).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
        assert!(r.body.contains("Az oldal nem található"), "{bad}");
        assert!(r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
    }
});

both!(health_and_readiness, |t: TestApp| async move {
    let mut c = t.client();
    assert_eq!(c.get("/healthz").await.status, StatusCode::OK);
    let r = c.get("/readyz").await;
    assert_eq!((r.status, r.body.as_str()), (StatusCode::OK, "ready"));
    t.app.db.pool.close().await;
    assert_eq!(
        c.get("/readyz").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
});

both!(security_headers_on_pages, |t: TestApp| async move {
    let r = t.client().get("/").await;
    assert!(r.headers.get("content-security-policy").is_some());
    assert_eq!(r.headers.get("x-content-type-options").unwrap(), "nosniff");
    // the CSRF cookie comes with a page that has a form (see cache_scopes.rs)
    let r = t.client().get("/signin").await;
    let csrf_cookie = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("kozos_csrf="))
        .expect("csrf cookie");
    assert!(csrf_cookie.contains("HttpOnly") && csrf_cookie.contains("SameSite=Lax"));
});

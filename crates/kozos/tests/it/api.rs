//! The JSON API and its OpenAPI document.

use crate::both;
use crate::harness::*;
use axum::http::{Method, StatusCode};
use serde_json::json;

both!(
    programme_detail_has_the_publicity_data_and_partners,
    |t: TestApp| async move {
        let mut c = t.client();
        let list = c.get("/api/v1/programmes?q=kisber").await.json();
        assert_eq!(list.as_array().unwrap().len(), 1);
        let id = list[0]["id"].as_i64().unwrap();
        let d = c.get(&format!("/api/v1/programmes/{id}")).await.json();
        assert_eq!(d["code"], "TOP-5.3.1-16-KO1-2017-00005");
        assert_eq!(d["grant_huf"], 22_407_407);
        assert_eq!(d["aid_intensity_percent"], 100.0);
        assert_eq!(d["end_date"], "2023-01-31");
        let skanzen = d["partners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["organisation_name"] == "Szabadtéri Néprajzi Múzeum")
            .unwrap();
        assert_eq!(skanzen["agreements"][0]["signed_on"], "2018-07-19");
        let r = c.get("/api/v1/programmes/424242").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(r.json()["error"]["code"], "not_found");
    }
);

both!(writes_need_a_token_and_validate, |t: TestApp| async move {
    let mut c = t.client();
    let r = c
        .send_json(Method::POST, "/api/v1/programmes", &json!({"title": "x"}))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["error"]["code"], "unauthorized");
    c.bearer = Some("kozos_not-a-token".into());
    assert_eq!(
        c.send_json(Method::POST, "/api/v1/programmes", &json!({"title": "x"}))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    c.bearer = Some(
        kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "test")
            .await
            .unwrap(),
    );
    let r = c
        .send_json(
            Method::POST,
            "/api/v1/programmes",
            &json!({"title": " ", "code": "TOP-1", "grant_huf": -1, "aid_intensity_percent": 150}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.json();
    assert_eq!(body["error"]["code"], "validation_failed");
    let fields: Vec<(&str, &str)> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    for want in [
        ("title", "err-required"),
        ("code", "err-project-code"),
        ("grant_huf", "err-negative"),
        ("aid_intensity", "err-percent-range"),
    ] {
        assert!(fields.contains(&want), "{want:?} not in {fields:?}");
    }
    let r = c
        .request(
            Method::POST,
            "/api/v1/programmes",
            Some("application/json"),
            "{not json".into(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let field = &r.json()["error"]["fields"][0];
    assert_eq!(
        (field["field"].as_str(), field["code"].as_str()),
        (Some("body"), Some("err-json"))
    );
    assert!(field["message"]
        .as_str()
        .unwrap()
        .contains("nem érvényes JSON"));

    let r = c
        .send_json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "Ászári Polgárőrség", "sector": "civil", "kind": "civil_guard"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].as_i64().unwrap();
    let o = c.get(&format!("/api/v1/organisations/{id}")).await.json();
    assert_eq!(o["kind"], "civil_guard");
});

both!(english_api_messages_on_request, |t: TestApp| async move {
    let mut c = t.client();
    c.bearer = Some(
        kozos_app::auth::create_api_token(&t.app, "admin@demo.kozos.hu", "test")
            .await
            .unwrap(),
    );
    let mut req_body = json!({"title": "x", "aid_intensity_percent": 101});
    req_body["fund"] = json!("esza");
    let r = c
        .request(
            Method::POST,
            "/api/v1/programmes",
            Some("application/json"),
            req_body.to_string(),
        )
        .await;
    assert!(r.json()["error"]["fields"][0]["message"]
        .as_str()
        .unwrap()
        .contains("0 és 100"));
});

both!(
    openapi_lists_exactly_the_api_routes,
    |t: TestApp| async move {
        let doc = t.client().get("/api/openapi.json").await.json();
        assert_eq!(
            doc["openapi"].as_str().map(|v| v.starts_with("3.")),
            Some(true)
        );
        let mut documented: Vec<(String, String)> = Vec::new();
        for (path, ops) in doc["paths"].as_object().unwrap() {
            for method in ops.as_object().unwrap().keys() {
                documented.push((method.to_uppercase(), path.clone()));
            }
        }
        let mut served: Vec<(String, String)> = kozos_web::route_table()
            .iter()
            .filter(|r| r.path.starts_with("/api/v1/"))
            .map(|r| (r.method.to_string(), r.path.to_string()))
            .collect();
        documented.sort();
        served.sort();
        assert_eq!(documented, served);
        // every error response refers to the error schema
        assert!(doc["components"]["schemas"]["ApiErrorBody"].is_object());
    }
);

both!(programme_parts_through_the_api, |t: TestApp| async move {
    let mut c = t.client();
    c.bearer = Some(
        kozos_app::auth::create_api_token(&t.app, "projektmenedzser@demo.kozos.hu", "test")
            .await
            .unwrap(),
    );
    let id = t.kisber();
    let orgs = c
        .get(&format!(
            "/api/v1/organisations?q={}",
            enc("Országos Széchényi")
        ))
        .await
        .json();
    let oszk = orgs[0]["id"].as_i64().unwrap();
    let r = c.send_json(Method::POST, &format!("/api/v1/programmes/{id}/partners"), &json!({"organisation_id": oszk, "role": "supporter", "agreement": {"signed_on": "2019-03-01", "scope": "Helytörténeti kutatás"}})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let detail = c.get(&format!("/api/v1/programmes/{id}")).await.json();
    let partner = detail["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["organisation_id"] == oszk)
        .unwrap();
    assert_eq!(partner["agreements"][0]["signed_on"], "2019-03-01");

    let r = c
        .send_json(
            Method::POST,
            &format!("/api/v1/programmes/{id}/action-areas"),
            &json!({"name": "Tó környéke", "settlements": ["Kisbér", "Sehonnan"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "settlements");
    let r = c
        .send_json(
            Method::POST,
            &format!("/api/v1/programmes/{id}/action-areas"),
            &json!({"name": "Tó környéke", "settlements": ["kisber"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);

    let staff = c.get(&format!("/api/v1/programmes/{id}/staff")).await;
    assert_eq!(staff.status, StatusCode::OK);
    assert_eq!(staff.json()[0]["position"], "coordinator");
    // staff names are not public
    let mut anon = t.client();
    assert_eq!(
        anon.get(&format!("/api/v1/programmes/{id}/staff"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    let group = detail["target_groups"][0]["id"].as_i64().unwrap();
    let r = c
        .request(
            Method::DELETE,
            &format!("/api/v1/programmes/{id}/target-groups/{group}"),
            None,
            String::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = c
        .request(
            Method::DELETE,
            &format!("/api/v1/programmes/{id}/target-groups/{group}"),
            None,
            String::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
});

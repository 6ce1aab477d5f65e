//! The knowledge library as its readers and editors meet it: a published study is read
//! by anyone, found by search and listed at its programme's Information Point; a draft
//! is not; a video is a link, never a player; a coordinator edits only their
//! programme's items and cannot move one to another programme.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;

const COORD: &str = "koordinator@demo.kozos.hu";

both!(a_study_is_published_and_found, |t: TestApp| async move {
    let p = t.kisber();
    let mut staff = t.signed_in(COORD).await;
    let fields = |published: &'static str| {
        vec![
            ("kind", "study"),
            ("title", "A régi vízimalom és a Concó-patak"),
            (
                "summary",
                "A **malom** építéstörténete.\n\n<script>alert(1)</script>",
            ),
            ("author", "Nagy Ilona"),
            ("settlement", "Kisbér"),
            ("tags", "Helytörténet, Malom"),
            ("published", published),
        ]
    };
    let mut draft = fields("");
    let prog = p.to_string();
    draft.push(("programme_id", &prog));
    let r = staff.post_form("/admin/knowledge/new", &draft).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let list = staff.get("/admin/knowledge").await.text();
    assert!(list.contains("A régi vízimalom és a Concó-patak"));
    let id: i64 = list
        .split("/admin/knowledge/")
        .skip(1)
        .find_map(|rest| rest.split('/').next()?.parse().ok())
        .expect("an edit link");

    let mut anon = t.client();
    assert_eq!(
        anon.get(&format!("/knowledge/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        anon.get("/api/v1/search?q=vizimalom+conco&kind=study")
            .await
            .json()["total"],
        0
    );

    // Published by the edit form.
    let edit = format!("/admin/knowledge/{id}/edit");
    let (_, mut values) = form_values(&staff.get(&edit).await.text(), "/edit").unwrap();
    values.push(("published".into(), "1".into()));
    let body = serde_urlencoded::to_string(&values).unwrap();
    let r = staff
        .request(
            axum::http::Method::POST,
            &edit,
            Some("application/x-www-form-urlencoded"),
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

    let page = anon.get(&format!("/knowledge/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<strong>malom</strong>"));
    assert!(!html.contains("<script>alert"));
    assert!(
        html.contains("helytörténet") && html.contains(">malom<"),
        "tags, lower-cased"
    );
    let found = anon
        .get("/api/v1/search?q=vizimalom+conco&kind=study")
        .await
        .json();
    assert_eq!(found["results"][0]["kind"], "study");
    assert_eq!(found["results"][0]["path"], format!("/knowledge/{id}"));
    let point = anon.get(&format!("/programmes/{p}/info")).await.text();
    assert!(point.contains(&format!("href=\"/knowledge/{id}\"")));
    let by_tag = anon
        .get("/knowledge?kind=study&tag=helyt%C3%B6rt%C3%A9net")
        .await
        .text();
    assert!(by_tag.contains("A régi vízimalom"));
    assert_eq!(
        anon.get("/knowledge?kind=podcast").await.status,
        StatusCode::BAD_REQUEST
    );

    // Moving it to Kecskemét is refused (the coordinator's grant is Kisbér's), and so is
    // filing an item under no programme.
    let (_, mut moved) = form_values(&staff.get(&edit).await.text(), "/edit").unwrap();
    for f in moved.iter_mut() {
        if f.0 == "programme_id" {
            f.1 = t.kecskemet().to_string();
        }
    }
    let body = serde_urlencoded::to_string(&moved).unwrap();
    let r = staff
        .request(
            axum::http::Method::POST,
            &edit,
            Some("application/x-www-form-urlencoded"),
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let national = staff.post_form("/admin/knowledge/new", &fields("1")).await;
    assert_eq!(national.status, StatusCode::FORBIDDEN);
});

both!(a_video_is_a_link_not_a_player, |t: TestApp| async move {
    let mut staff = t.signed_in(COORD).await;
    let prog = t.kisber().to_string();
    let mut f = vec![
        ("kind", "video"),
        ("title", "Kisbéri pillanatok – 1. rész"),
        ("summary", "Rövid film a Közösségek hetéről."),
        ("author", "Kisbér Város Önkormányzata"),
        ("programme_id", prog.as_str()),
        ("published", "1"),
    ];
    let r = staff.post_form("/admin/knowledge/new", &f).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text().contains("Kisbéri pillanatok – 1. rész"),
        "what was typed is kept"
    );
    f.push(("url", "javascript:alert(1)"));
    let r = staff.post_form("/admin/knowledge/new", &f).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    f.pop();
    f.push(("url", "https://video.example.org/kisber-1"));
    let r = staff.post_form("/admin/knowledge/new", &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let list = t.client().get("/knowledge?kind=video").await.text();
    let at = list.find("href=\"/knowledge/").unwrap() + "href=\"/knowledge/".len();
    let id: String = list[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let html = t.client().get(&format!("/knowledge/{id}")).await.text();
    assert!(html.contains("href=\"https://video.example.org/kisber-1\""));
    assert!(!html.contains("<iframe"), "no embedded player");
});

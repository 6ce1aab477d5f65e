//! Hungarian first, English on request, remembered.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;

both!(english_switch_is_remembered, |t: TestApp| async move {
    let mut c = t.client();
    let page = format!("/programmes/{}", t.kisber());
    let r = c.get(&format!("/lang/en?next={}", enc(&page))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), page);
    let text = c.get(&page).await.text();
    assert!(text.contains("<html lang=\"en\">"));
    assert!(
        text.contains("Project details")
            && text.contains("HUF 22,407,407")
            && text.contains("31 Jan 2023")
            && text.contains("European Social Fund")
    );
    // an English validation message
    let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
    pm.get("/lang/en?next=/admin").await;
    let r = pm
        .post_form(
            &format!("/admin/programmes/{}/target-groups", t.kisber()),
            &[("name", "")],
        )
        .await;
    assert!(r.text().contains("This field is required."));
});

both!(
    a_signed_in_users_language_follows_them,
    |t: TestApp| async move {
        let mut first = t.signed_in("koordinator@demo.kozos.hu").await;
        first.get("/lang/en?next=/").await;
        // a new browser without the cookie: after signing in, pages are English
        let mut second = t.signed_in("koordinator@demo.kozos.hu").await;
        assert!(second.get("/admin").await.body.contains("Back office"));
    }
);

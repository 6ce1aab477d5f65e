//! Signing in and out, sessions, CSRF and the sign-in rate limit.

use crate::both;
use crate::harness::*;
use axum::http::{header, Method, StatusCode};

both!(
    sign_in_sets_a_safe_session_cookie_and_sign_out_ends_it,
    |t: TestApp| async move {
        let mut c = t.client();
        let r = c.sign_in("Projektmenedzser@Demo.Kozos.hu ", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/admin");
        let cookie = r
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .find(|v| v.starts_with("kozos_session="))
            .unwrap()
            .to_string();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        let token = c.cookies["kozos_session"].clone();
        // the database stores only a hash of the token
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
            .bind(&token)
            .fetch_one(&t.app.db.pool)
            .await
            .unwrap();
        assert_eq!(stored, 0);
        assert_eq!(c.get("/admin").await.status, StatusCode::OK);
        assert_eq!(
            c.post_form("/signout", &[]).await.status,
            StatusCode::SEE_OTHER
        );
        // the old cookie no longer opens anything
        let mut thief = t.client();
        thief.cookies.insert("kozos_session".into(), token);
        let r = thief.get("/admin").await;
        assert!(r.location().starts_with("/signin"));
    }
);

both!(
    wrong_password_keeps_email_and_says_so,
    |t: TestApp| async move {
        let mut c = t.client();
        let r = c.sign_in("admin@demo.kozos.hu", "rossz-jelszo").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.text().contains("Hibás e-mail-cím vagy jelszó."));
        assert!(r.body.contains(r#"value="admin@demo.kozos.hu""#));
    }
);

both!(
    sign_in_is_rate_limited_per_account,
    |t: TestApp| async move {
        let mut c = t.client();
        for _ in 0..kozos_app::auth::FREE_FAILURES_PER_ACCOUNT {
            assert_eq!(
                c.sign_in("mentor@demo.kozos.hu", "rossz").await.status,
                StatusCode::UNAUTHORIZED
            );
        }
        // now this browser must wait before the next try, and is told how long
        let r = c.sign_in("mentor@demo.kozos.hu", PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(
            r.text().contains("1 másodperc múlva lehetséges"),
            "{}",
            r.text()
        );
        assert_eq!(r.headers["retry-after"], "1");
        // other accounts are unaffected
        assert_eq!(
            c.sign_in("auditor@demo.kozos.hu", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
    }
);

both!(
    forms_without_the_csrf_token_are_refused,
    |t: TestApp| async move {
        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        let path = format!("/admin/programmes/{}/target-groups", t.kisber());
        let r = pm
            .request(
                Method::POST,
                &path,
                Some("application/x-www-form-urlencoded"),
                "name=Hamis".into(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.text().contains("Lejárt űrlap"));
        let r = pm
            .request(
                Method::POST,
                &path,
                Some("application/x-www-form-urlencoded"),
                "_csrf=wrong&name=Hamis".into(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let groups = kozos_db::programmes::target_groups(
            &t.app.db.pool,
            kozos_domain::ProgrammeId(t.kisber()),
        )
        .await
        .unwrap();
        assert!(!groups.iter().any(|g| g.name == "Hamis"));
    }
);

both!(
    the_next_parameter_cannot_leave_the_site,
    |t: TestApp| async move {
        let mut c = t.client();
        let r = c
            .post_form(
                "/signin",
                &[
                    ("email", "admin@demo.kozos.hu"),
                    ("password", PASSWORD),
                    ("next", "//evil.example/"),
                ],
            )
            .await;
        assert_eq!(r.location(), "/admin");
        let r = c.get("/lang/en?next=https://evil.example/").await;
        assert_eq!(r.location(), "/");
    }
);

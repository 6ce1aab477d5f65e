//! Administrators manage accounts and grants through the back office.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;

both!(
    an_administrator_creates_an_account_and_grants_a_scope,
    |t: TestApp| async move {
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let scope = format!("programme:{}", t.kisber());
        // bad input: every problem reported, typed values kept, nothing stored
        let r = admin
            .post_form(
                "/admin/users/new",
                &[
                    ("email", "lakos@demo.kozos.hu"),
                    ("name", ""),
                    ("password", "rovid"),
                    ("role", "coordinator"),
                    ("scope", "programme:99999"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = r.text();
        for msg in [
            "Kötelező mező.",
            "A jelszó legalább 10 karakter legyen (a szóközöket nem számítva).",
            "Válassz a listából.",
        ] {
            assert!(text.contains(msg), "{msg}");
        }
        assert!(r.body.contains(r#"value="lakos@demo.kozos.hu""#));
        let r = admin
            .post_form(
                "/admin/users/new",
                &[
                    ("email", "lakos@demo.kozos.hu"),
                    ("name", "Más Lakos"),
                    ("password", "hosszu-jelszo-123"),
                    ("role", "coordinator"),
                    ("scope", &scope),
                ],
            )
            .await;
        assert!(r
            .text()
            .contains("Ezzel az e-mail-címmel már van felhasználó."));
        // a real one
        let r = admin
            .post_form(
                "/admin/users/new",
                &[
                    ("email", "Uj.Koordinator@Kisber.hu"),
                    ("name", "Új Koordinátor"),
                    ("password", "hosszu-jelszo-123"),
                    ("role", "coordinator"),
                    ("scope", &scope),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut newcomer = t.client();
        assert_eq!(
            newcomer
                .sign_in("uj.koordinator@kisber.hu", "hosszu-jelszo-123")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            newcomer
                .get(&format!("/admin/programmes/{}", t.kisber()))
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            newcomer
                .get(&format!("/admin/programmes/{}", t.kecskemet()))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        // a second grant opens Kecskemét too
        let id = t.user("uj.koordinator@kisber.hu").await.id;
        let r = admin
            .post_form(
                &format!("/admin/users/{id}/grants"),
                &[
                    ("role", "auditor"),
                    ("scope", &format!("programme:{}", t.kecskemet())),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            newcomer
                .get(&format!("/admin/programmes/{}", t.kecskemet()))
                .await
                .status,
            StatusCode::OK
        );
        let list = admin.get("/admin/users").await.text();
        assert!(
            list.contains("Új Koordinátor")
                && list.contains(
                    "szakmai koordinátor – Helyi kisközösségek Kisbérhez tartozásának erősítése"
                )
        );
    }
);

both!(
    the_last_administrator_cannot_be_removed,
    |t: TestApp| async move {
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let me = t.user("admin@demo.kozos.hu").await;
        let grants = kozos_db::users::grants_with_ids(&t.app.db, me.id)
            .await
            .unwrap();
        let r = admin
            .post_form(
                &format!("/admin/users/{}/grants/{}/delete", me.id, grants[0].0),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r
            .text()
            .contains("Az utolsó országos adminisztrátori jogosultság nem vehető el"));
        assert_eq!(
            admin.get("/admin/users").await.status,
            StatusCode::OK,
            "still an administrator"
        );
    }
);

//! Importing a settlement gazetteer: whole file or nothing, every bad row reported.

use crate::both;
use crate::harness::*;

both!(
    gazetteer_import_reports_every_bad_row_and_writes_nothing,
    |t: TestApp| async move {
        let text = "Helység;KSH;Járás;Vármegye\nÁszár;02884;Kisbéri járás;Komárom-Esztergom\nSehol;1;Kisbéri járás;Komárom-Esztergom\nValahol;;Nincs járás;Komárom-Esztergom\nMásutt;;;Atlantisz\n";
        let m = kozos::gazetteer_file::Mapping {
            name: "Helység".into(),
            ksh_code: "KSH".into(),
            district: "Járás".into(),
            county: "Vármegye".into(),
        };
        let rows = kozos::gazetteer_file::read_csv(text, &m).unwrap();
        let errors =
            kozos_app::gazetteer::import(&t.app, &rows, Some("KSH Helységnévtár, CC BY 4.0"))
                .await
                .unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5], "{errors:?}");
        assert!(
            kozos_db::places::settlements_named(&t.app.db, "Ászár")
                .await
                .unwrap()
                .is_empty(),
            "nothing written"
        );
        assert_eq!(
            kozos_app::catalogue::gazetteer_attribution(&t.app)
                .await
                .unwrap(),
            None
        );

        let good = "Helység;KSH;Járás;Vármegye\nÁszár;02884;Kisbéri járás;Komárom-Esztergom\nBakonysárkány;;Kisbéri járás;Komárom-Esztergom\n";
        let rows = kozos::gazetteer_file::read_csv(good, &m).unwrap();
        assert_eq!(
            kozos_app::gazetteer::import(&t.app, &rows, Some("KSH Helységnévtár, CC BY 4.0"))
                .await
                .unwrap(),
            2
        );
        assert_eq!(
            kozos_db::places::by_ksh(&t.app.db, "02884")
                .await
                .unwrap()
                .unwrap()
                .name,
            "Ászár"
        );
        assert_eq!(
            kozos_app::catalogue::gazetteer_attribution(&t.app)
                .await
                .unwrap()
                .as_deref(),
            Some("KSH Helységnévtár, CC BY 4.0")
        );
        // importing the same file again adds nothing
        kozos_app::gazetteer::import(&t.app, &rows, None)
            .await
            .unwrap();
        assert_eq!(
            kozos_db::places::settlements_named(&t.app.db, "Aszar")
                .await
                .unwrap()
                .len(),
            1
        );
    }
);

both!(
    imported_gazetteer_is_credited_in_the_footer,
    |t: TestApp| async move {
        let rows = vec![kozos_app::gazetteer::GazetteerRow {
            line: 2,
            name: "Ászár".into(),
            ksh_code: "02884".into(),
            district: "Kisbéri járás".into(),
            county: "Komárom-Esztergom".into(),
        }];
        kozos_app::gazetteer::import(&t.app, &rows, Some("KSH Helységnévtár, CC BY 4.0"))
            .await
            .unwrap();
        // as `kozos serve` does at start
        let config = kozos_web::WebConfig {
            gazetteer_attribution: kozos_app::catalogue::gazetteer_attribution(&t.app)
                .await
                .unwrap(),
            ..Default::default()
        };
        let router = kozos_web::router(kozos_web::AppState {
            app: t.app.clone(),
            config,
        });
        let res = tower::ServiceExt::oneshot(
            router,
            axum::http::Request::get("/")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
        let body = http_body_util::BodyExt::collect(res.into_body())
            .await
            .unwrap()
            .to_bytes();
        assert!(String::from_utf8_lossy(&body)
            .contains("Településadatok forrása: KSH Helységnévtár, CC BY 4.0"));
    }
);

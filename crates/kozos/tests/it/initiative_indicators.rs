//! The initiative indicator sources: values move with every write at once, and Abaúj's
//! demo indicators are computed from its initiatives.

use crate::both;
use crate::harness::*;
use crate::initiatives::{current, mv, proposed, COORD};
use kozos_app::initiatives::{manage, residents as act};
use kozos_domain::initiative::*;
use kozos_domain::ProgrammeId;

async fn value_of(t: &TestApp, code: &str) -> i64 {
    let admin = t.user("admin@demo.kozos.hu").await;
    let (_, lines, _) =
        kozos_app::indicators::values(&t.app, Some(&admin), ProgrammeId(t.kisber()), None)
            .await
            .unwrap();
    lines
        .iter()
        .find(|l| l.indicator.code == code)
        .unwrap()
        .value
}

both!(
    initiative_indicators_move_with_every_write,
    |t: TestApp| async move {
        use kozos_domain::indicator::IndicatorForm;
        let p = ProgrammeId(t.kisber());
        let pm = t.user("projektmenedzser@demo.kozos.hu").await;
        let coord = t.user(COORD).await;
        for (code, source, stage, ngo) in [
            ("KEZD-KIV", "initiatives_at_stage", "selected", ""),
            ("KEZD-TAM", "initiatives_supported", "", ""),
            ("KEZD-CIVIL", "organisations_founded", "", "1"),
        ] {
            kozos_app::indicators::create(
                &t.app,
                &pm,
                p,
                &IndicatorForm {
                    code: code.into(),
                    name_hu: code.into(),
                    source: source.into(),
                    initiative_stage: stage.into(),
                    ngo_only: ngo.into(),
                    target: "10".into(),
                    ..Default::default()
                },
                None,
                None,
            )
            .await
            .unwrap();
        }
        let (sel, sup, ngo) = (
            value_of(&t, "KEZD-KIV").await,
            value_of(&t, "KEZD-TAM").await,
            value_of(&t, "KEZD-CIVIL").await,
        );
        let id = proposed(&t, "Ifjúsági klub a művelődési házban").await;
        let v = current(&t, id).await.version;
        manage::move_stage(
            &t.app,
            &coord,
            p,
            id,
            &mv("selected", "A műhely ezt választotta elsőként.", None),
            v,
        )
        .await
        .unwrap();
        assert_eq!(value_of(&t, "KEZD-KIV").await, sel + 1, "selected at once");
        let form = AssistanceForm {
            kind: "in_kind".into(),
            given_on: "2026-11-12".into(),
            given_by: "Művelődési ház".into(),
            ..Default::default()
        };
        let a = manage::add_assistance(&t.app, &coord, p, id, &form, None)
            .await
            .unwrap();
        manage::add_assistance(&t.app, &coord, p, id, &form, None)
            .await
            .unwrap();
        assert_eq!(
            value_of(&t, "KEZD-TAM").await,
            sup + 1,
            "an initiative counts once however often supported"
        );
        let v = current(&t, id).await.version;
        let club = OutcomeForm {
            outcome: "club_founded".into(),
            name: "Ifjúsági Klub".into(),
        };
        manage::set_outcome(&t.app, &coord, p, id, &club, v)
            .await
            .unwrap();
        assert_eq!(
            value_of(&t, "KEZD-CIVIL").await,
            ngo,
            "a club is not an NGO"
        );
        let v = current(&t, id).await.version;
        let ngo_form = OutcomeForm {
            outcome: "ngo_founded".into(),
            name: "Kisbéri Ifjúsági Egyesület".into(),
        };
        manage::set_outcome(&t.app, &coord, p, id, &ngo_form, v)
            .await
            .unwrap();
        assert_eq!(value_of(&t, "KEZD-CIVIL").await, ngo + 1);
        // Set aside: no longer selected.
        let v = current(&t, id).await.version;
        manage::move_stage(
            &t.app,
            &coord,
            p,
            id,
            &mv("set_aside", "Nincs helyszín.", None),
            v,
        )
        .await
        .unwrap();
        assert_eq!(value_of(&t, "KEZD-KIV").await, sel);
        // Deleting the support given and the initiative takes the rest back.
        manage::delete_assistance(&t.app, &coord, p, id, a)
            .await
            .unwrap();
        assert_eq!(
            value_of(&t, "KEZD-TAM").await,
            sup + 1,
            "one record of support is left"
        );
        let admin = t.user("admin@demo.kozos.hu").await;
        act::delete(&t.app, &admin, p, id).await.unwrap();
        assert_eq!(value_of(&t, "KEZD-TAM").await, sup);
        assert_eq!(value_of(&t, "KEZD-CIVIL").await, ngo);
    }
);

both!(
    abauj_counts_its_supported_initiatives_and_founded_ngos,
    |t: TestApp| async move {
        let abauj = t.programmes[3];
        let admin = t.user("admin@demo.kozos.hu").await;
        let (_, lines, _) = kozos_app::indicators::values(&t.app, Some(&admin), abauj, None)
            .await
            .unwrap();
        let value = |code: &str| {
            lines
                .iter()
                .find(|l| l.indicator.code == code)
                .unwrap()
                .value
        };
        assert_eq!(value("A-6"), 10, "ten initiatives given support");
        assert_eq!(
            value("A-7"),
            4,
            "four NGOs founded (the club does not count)"
        );
        let all = kozos_app::initiatives::list(&t.app, abauj, None)
            .await
            .unwrap();
        assert!(all.len() >= 14);
        assert_eq!(all.iter().filter(|i| i.stage == Stage::SetAside).count(), 3);
        let page = t
            .client()
            .get(&format!(
                "/programmes/{}/initiatives?stage=set_aside",
                abauj.0
            ))
            .await;
        assert!(page.body.contains("Kerékpáros turistaút a Hernád-völgyben"));
        assert!(!page.body.contains("Gönci barack"));
        // A move names its workshop.
        let gonc = all
            .iter()
            .find(|i| i.title.starts_with("Gönci barack"))
            .unwrap();
        let p = kozos_app::initiatives::page(&t.app, None, abauj, gonc.id)
            .await
            .unwrap();
        assert!(p.moves[0]
            .activity_title
            .as_deref()
            .unwrap_or("")
            .contains("feltárása"));
    }
);

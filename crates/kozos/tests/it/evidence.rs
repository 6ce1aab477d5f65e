//! An activity's paper trail as staff and auditors meet it: the printable attendance sheet
//! (read back with poppler's `pdftotext`, as search and screen readers read it) and the
//! evidence files uploaded to the activity.

use crate::both;
use crate::harness::*;
use axum::http::{header, StatusCode};
use kozos_app::participation::registrations::{self, Registrant};
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::participation::RegistrationSource;
use kozos_domain::{ActivityId, ProgrammeId};
use std::path::PathBuf;
use std::process::Command;

const PM: &str = "projektmenedzser@demo.kozos.hu";
const VOLUNTEER: &str = "onkentes@demo.kozos.hu";
const RESIDENT: &str = "lakos@demo.kozos.hu";
/// Auditor of the Kecskemét programme only.
const AUDITOR: &str = "auditor@demo.kozos.hu";

/// A public activity of a programme; the test clock stands at 2026-11-21 11:00 in Budapest.
pub async fn activity_of(t: &TestApp, programme: i64, title: &str) -> ActivityId {
    let admin = t.user("admin@demo.kozos.hu").await;
    let p = ProgrammeId(programme);
    records::create::<Activity>(
        &t.app,
        &admin,
        p,
        p,
        &ActivityForm {
            title: title.into(),
            kind: "community_conversation".into(),
            starts_at: "2026-12-03T17:00".into(),
            ends_at: "2026-12-03T19:00".into(),
            settlement: "Kisbér".into(),
            address: "Művelődési ház, Széchenyi tér 1.".into(),
            public: "1".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

async fn guest(t: &TestApp, a: ActivityId, name: &str, email: &str) {
    registrations::register(
        &t.app,
        None,
        a,
        Registrant::Guest { name, email },
        RegistrationSource::Guest,
        "hu",
    )
    .await
    .unwrap();
}

/// The text of a PDF as `pdftotext` extracts it (poppler-utils; scripts/test.sh installs it).
fn pdftotext(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!(
        "kozos-sheet-{}-{}",
        std::process::id(),
        kozos_app::auth::random_token()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(8)
            .collect::<String>()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file: PathBuf = dir.join("sheet.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&file)
        .arg("-")
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.expect("pdftotext (poppler-utils) must be installed; scripts/test.sh does it");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).expect("UTF-8")
}

both!(
    the_attendance_sheet_lists_the_registered_names_with_their_accents,
    |t: TestApp| async move {
        let a = activity_of(&t, t.kisber(), "Közösségi beszélgetés a főtéren").await;
        guest(&t, a, "Őri Ügyes Tünde", "ori.tunde@example.hu").await;
        guest(&t, a, "Csonka Ödön", "csonka.odon@example.hu").await;
        guest(&t, a, "Cakó Űrsula", "cako.ursula@example.hu").await;
        let url = format!("/admin/activities/{}/attendance-sheet.pdf?blank=3", a.0);

        let mut pm = t.signed_in(PM).await;
        let r = pm.get(&url).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(
            r.headers[header::CONTENT_DISPOSITION],
            format!("attachment; filename=\"jelenleti-iv-{}.pdf\"", a.0)
        );
        assert_eq!(r.headers[header::CACHE_CONTROL], "private, no-store");
        assert!(r.bytes.starts_with(b"%PDF"));
        let text = pdftotext(&r.bytes);
        assert!(text.contains("JELENLÉTI ÍV"), "{text}");
        assert!(text.contains(kozos_app::demo::KISBER_CODE), "{text}");
        assert!(text.contains("Széchenyi 2020"), "{text}");
        assert!(text.contains("Kisbér Város Önkormányzata"), "{text}");
        assert!(text.contains("Közösségi beszélgetés a főtéren"), "{text}");
        // Numbered rows in Hungarian order (c before cs, o before ö), then the blank ones.
        let row = |n: usize, name: &str| {
            text.lines()
                .any(|l| l.trim_start().starts_with(&format!("{n}.")) && l.contains(name))
        };
        assert!(row(1, "Cakó Űrsula"), "{text}");
        assert!(row(2, "Csonka Ödön"), "{text}");
        assert!(row(3, "Őri Ügyes Tünde"), "{text}");
        assert!(text.lines().any(|l| l.trim() == "6."), "{text}");
        assert!(!text.lines().any(|l| l.trim() == "7."), "{text}");

        // The volunteer at the door prints it too; a resident and another programme's
        // auditor do not.
        let mut vol = t.signed_in(VOLUNTEER).await;
        assert_eq!(vol.get(&url).await.status, StatusCode::OK);
        let mut res = t.signed_in(RESIDENT).await;
        assert_eq!(res.get(&url).await.status, StatusCode::FORBIDDEN);
        let mut aud = t.signed_in(AUDITOR).await;
        assert_eq!(aud.get(&url).await.status, StatusCode::FORBIDDEN);
        // Kisbér's staff cannot print a Kecskemét sheet.
        let other = activity_of(&t, t.kecskemet(), "Családi nap").await;
        let r = pm
            .get(&format!(
                "/admin/activities/{}/attendance-sheet.pdf",
                other.0
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            pm.get("/admin/activities/999999/attendance-sheet.pdf")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        // A bad number of blank rows is a bad request; too many are capped.
        assert_eq!(
            pm.get(&format!("{url}&blank=-1")).await.status,
            StatusCode::BAD_REQUEST
        );
        let r = pm
            .get(&format!(
                "/admin/activities/{}/attendance-sheet.pdf?blank=500",
                a.0
            ))
            .await;
        let text = pdftotext(&r.bytes);
        assert!(text.lines().any(|l| l.trim() == "63."), "{text}");
        assert!(!text.lines().any(|l| l.trim() == "64."), "{text}");

        // The roster links to it.
        let page = pm.get(&format!("/admin/activities/{}/roster", a.0)).await;
        assert!(page.body.contains(&format!(
            "href=\"/admin/activities/{}/attendance-sheet.pdf\"",
            a.0
        )));
    }
);

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
pub fn pdftotext(pdf: &[u8]) -> String {
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

/// A tiny but real PDF (a page with no content).
pub const SMALL_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

/// A PNG's first bytes (enough for the content check).
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

/// An evidence file stored on the activity by the administrator; its id.
pub async fn stored_file(t: &TestApp, activity: ActivityId) -> i64 {
    let admin = t.user("admin@demo.kozos.hu").await;
    kozos_app::participation::evidence::upload(
        &t.app,
        &admin,
        activity,
        &kozos_app::participation::evidence::Upload {
            kind: "photo",
            file: Some(("csoportkép.png", PNG)),
        },
    )
    .await
    .unwrap()
    .id
    .0
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn file_count(t: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM evidence_files")
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap()
}

both!(
    evidence_files_are_stored_whole_and_served_to_those_entitled,
    |t: TestApp| async move {
        let a = activity_of(&t, t.kisber(), "Emlékeztető-műhely").await;
        let base = format!("/admin/activities/{}/evidence", a.0);
        let mut pm = t.signed_in(PM).await;
        let before = file_count(&t).await;

        // A PDF goes in and comes out byte for byte, with its checksum.
        let r = pm
            .post_multipart(
                &base,
                &[("kind", "attendance_sheet")],
                Some(("jelenléti ív (aláírt).pdf", "application/pdf", SMALL_PDF)),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = pm.get(r.location()).await;
        assert!(page.body.contains("A fájl feltöltve."), "{}", page.body);
        assert!(page.text().contains("jelenléti ív (aláírt).pdf"));
        assert!(page.text().contains("Aláírt jelenléti ív"));
        assert!(page.text().contains("1 kB"));
        let sha = sha256_hex(SMALL_PDF);
        assert!(page.body.contains(&sha[..12]));
        let api = {
            let mut c = t.client();
            c.bearer = Some(
                kozos_app::auth::create_api_token(&t.app, PM, "evidence")
                    .await
                    .unwrap(),
            );
            c.get(&format!("/api/v1/activities/{}/evidence", a.0)).await
        };
        assert_eq!(api.status, StatusCode::OK, "{}", api.body);
        let listed = api.json();
        assert_eq!(listed[0]["sha256"], sha);
        assert_eq!(listed[0]["size"], SMALL_PDF.len());
        assert_eq!(listed[0]["content_type"], "application/pdf");
        let id = listed[0]["id"].as_i64().unwrap();
        let r = pm.get(&format!("{base}/{id}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.bytes, SMALL_PDF);
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(
            r.headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"jelenleti_iv__alairt_.pdf\"; \
             filename*=UTF-8''jelenl%C3%A9ti%20%C3%ADv%20%28al%C3%A1%C3%ADrt%29.pdf"
        );
        assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(r.headers[header::CACHE_CONTROL], "private, no-store");

        // HTML named and sent as a PDF is refused for what it is, and nothing is stored.
        let r = pm
            .post_multipart(
                &base,
                &[("kind", "memo")],
                Some((
                    "emlékeztető.pdf",
                    "application/pdf",
                    b"<!doctype html><script>alert(1)</script>",
                )),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text()
                .contains("Ez a fájl nem PDF, JPEG, PNG vagy WebP (a tartalma alapján)"),
            "{}",
            r.body
        );
        // The kind chosen stays chosen.
        assert!(r.body.contains("value=\"memo\" selected"), "{}", r.body);
        // No file at all, or a kind not on the list.
        let r = pm.post_multipart(&base, &[("kind", "x")], None).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Válassz ki egy fájlt."));
        assert!(r.text().contains("Válassz fajtát a listából."));

        // Too large: just over the limit (the use case refuses it), and far over it (the
        // body is not read to its end).
        use kozos_domain::participation::MAX_EVIDENCE_BYTES;
        let mut big = SMALL_PDF.to_vec();
        big.resize(MAX_EVIDENCE_BYTES + 1, b' ');
        let r = pm
            .post_multipart(
                &base,
                &[("kind", "photo")],
                Some(("nagy.pdf", "application/pdf", &big)),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("A fájl túl nagy"), "{}", r.body);
        big.resize(MAX_EVIDENCE_BYTES + 200 * 1024, b' ');
        let r = pm
            .post_multipart(
                &base,
                &[("kind", "photo")],
                Some(("nagyobb.pdf", "application/pdf", &big)),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(r.text().contains("A fájl túl nagy"), "{}", r.body);
        assert!(r.text().contains("legfeljebb 20 MB"), "{}", r.body);
        assert_eq!(file_count(&t).await, before + 1);

        // A name with a path and a direction override is stored cleaned.
        let vol = &mut t.signed_in(VOLUNTEER).await;
        let r = vol
            .post_multipart(
                &base,
                &[("kind", "photo")],
                Some(("../../../etc/kép\u{202e}gnp.exe", "text/html", PNG)),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT file_name FROM evidence_files WHERE activity_id = $1 ORDER BY id",
        )
        .bind(a.0)
        .fetch_all(&t.app.db.pool)
        .await
        .unwrap();
        assert_eq!(names[1], "képgnp.exe.png");
        let types: Vec<String> = sqlx::query_scalar(
            "SELECT content_type FROM evidence_files WHERE activity_id = $1 ORDER BY id",
        )
        .bind(a.0)
        .fetch_all(&t.app.db.pool)
        .await
        .unwrap();
        assert_eq!(types[1], "image/png");

        // Who may download: the programme's staff and its auditors; not a resident, not
        // another programme's auditor; and only under its own activity.
        let file = format!("{base}/{id}");
        assert_eq!(vol.get(&file).await.status, StatusCode::OK);
        let mut nat = t.signed_in("orszagos@demo.kozos.hu").await;
        assert_eq!(nat.get(&file).await.status, StatusCode::OK);
        let mut res = t.signed_in(RESIDENT).await;
        assert_eq!(res.get(&file).await.status, StatusCode::FORBIDDEN);
        assert_eq!(res.get(&base).await.status, StatusCode::FORBIDDEN);
        let mut aud = t.signed_in(AUDITOR).await;
        assert_eq!(aud.get(&file).await.status, StatusCode::FORBIDDEN);
        let other = activity_of(&t, t.kisber(), "Másik esemény").await;
        let r = pm
            .get(&format!("/admin/activities/{}/evidence/{id}", other.0))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = pm
            .post_form(
                &format!("/admin/activities/{}/evidence/{id}/delete", other.0),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // A Kecskemét file is out of Kisbér staff's reach.
        let kecskemet = activity_of(&t, t.kecskemet(), "Családi nap").await;
        let theirs = stored_file(&t, kecskemet).await;
        let r = pm
            .get(&format!(
                "/admin/activities/{}/evidence/{theirs}",
                kecskemet.0
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            aud.get(&format!(
                "/admin/activities/{}/evidence/{theirs}",
                kecskemet.0
            ))
            .await
            .status,
            StatusCode::OK
        );

        // The volunteer uploads but does not delete; the project manager does, after a
        // confirmation, and the change log names the file.
        let r = vol.post_form(&format!("{file}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let confirm = pm.get(&format!("{file}/delete")).await;
        assert_eq!(confirm.status, StatusCode::OK);
        assert!(confirm.text().contains("jelenléti ív (aláírt).pdf"));
        let r = pm.post_form(&format!("{file}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(pm.get(&file).await.status, StatusCode::NOT_FOUND);
        let logged: Vec<String> =
            sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'delete_evidence'")
                .fetch_all(&t.app.db.pool)
                .await
                .unwrap();
        assert_eq!(logged.len(), 1);
        assert!(
            logged[0].contains("jelenléti ív (aláírt).pdf"),
            "{logged:?}"
        );
        assert!(logged[0].contains(&sha), "{logged:?}");

        // An activity with evidence is not deleted with it.
        let admin = t.user("admin@demo.kozos.hu").await;
        let refused = records::delete::<Activity>(&t.app, &admin, ProgrammeId(t.kisber()), a).await;
        match refused {
            Err(kozos_app::AppError::Invalid(e)) => {
                assert_eq!(e.for_field("form"), Some("err-activity-has-evidence"))
            }
            other => panic!("deleted an activity with evidence: {other:?}"),
        }

        // The roster links to the evidence.
        let roster = pm.get(&format!("/admin/activities/{}/roster", a.0)).await;
        assert!(roster.body.contains(&format!("href=\"{base}\"")));
    }
);

//! Trainings as a training organiser sees them: sessions add up to contact hours, the
//! completion rule decides who completed, certificates are issued once each by a job,
//! verified by anyone, and revoked with a reason.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_app::participation::certificates::{self, Verified};
use kozos_app::participation::checkin::{self, Outcome, Scan};
use kozos_app::participation::registrations::{self, Registrant};
use kozos_app::participation::{roster, trainings};
use kozos_app::{jobs, records};
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::participation::*;
use kozos_domain::time::Instant;
use kozos_domain::{ActivityId, PersonId, ProgrammeId, SessionId};

const PM: &str = "projektmenedzser@demo.kozos.hu";

async fn training(t: &TestApp, title: &str) -> ActivityId {
    let pm = t.user(PM).await;
    let p = ProgrammeId(t.kisber());
    records::create::<Activity>(
        &t.app,
        &pm,
        p,
        p,
        &ActivityForm {
            title: title.into(),
            kind: "training".into(),
            starts_at: "2026-11-16T08:00".into(),
            ends_at: "2026-11-28T18:00".into(),
            settlement: "Kisbér".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

async fn walk_in(t: &TestApp, a: ActivityId, name: &str, session: SessionId) -> PersonId {
    let pm = t.user(PM).await;
    let form = PersonForm {
        name: name.into(),
        ..Default::default()
    };
    roster::walk_in(&t.app, &pm, a, &form, Some(session))
        .await
        .unwrap()
        .0
        .id
}

fn field_error<'a>(body: &'a str, text: &str) -> &'a str {
    assert!(body.contains(text), "expected “{text}” on the page");
    body
}

both!(
    sessions_decide_who_completed_and_certificates_are_issued_once,
    |t: TestApp| async move {
        let a = training(&t, "Targoncavezetői képzés").await;
        let pm = t.user(PM).await;
        let mut c = t.signed_in(PM).await;
        let base = format!("/admin/activities/{}", a.0);

        // The rule: 80 % of the contact hours and a 10-hour distance part.
        let r = c
            .post_form(
                &format!("{base}/training"),
                &[
                    ("distance_hours", "10"),
                    ("completion_percent", "80"),
                    ("_version", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // The same form sent again is a stale edit: shown, not saved over.
        let r = c
            .post_form(
                &format!("{base}/training"),
                &[
                    ("distance_hours", "12"),
                    ("completion_percent", "70"),
                    ("_version", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        let tr = trainings::view(&t.app, &pm, a).await.unwrap().training;
        assert_eq!((tr.distance_minutes, tr.completion_percent), (600, 80));
        // Saved unchanged: nothing written, so a colleague's open form is not made stale.
        let r = c
            .post_form(
                &format!("{base}/training"),
                &[
                    ("distance_hours", "10"),
                    ("completion_percent", "80"),
                    ("_version", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let again = trainings::view(&t.app, &pm, a).await.unwrap().training;
        assert_eq!(again.version, tr.version);
        // Bad input changes nothing and says why.
        let r = c
            .post_form(
                &format!("{base}/training"),
                &[
                    ("distance_hours", "tíz"),
                    ("completion_percent", "120"),
                    ("_version", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "Nem érvényes óraszám");
        field_error(&r.body, "1 és 100 közötti egész számot adj meg.");
        assert!(
            r.body.contains("value=\"tíz\""),
            "what was typed comes back"
        );

        // Three sessions: 4 + 4 + 2 contact hours (the first with a lunch break).
        for (date, s, e, contact) in [
            ("2026-11-16", "8:00", "13:00", "4"),
            ("2026-11-17", "9:00", "13:00", ""),
            ("2026-11-18", "9:00", "11:00", ""),
        ] {
            let r = c
                .post_form(
                    &format!("{base}/training/sessions"),
                    &[
                        ("date", date),
                        ("starts", s),
                        ("ends", e),
                        ("contact_hours", contact),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let r = c
            .post_form(
                &format!("{base}/training/sessions"),
                &[
                    ("date", "2026-11-30"),
                    ("starts", "9:00"),
                    ("ends", "11:00"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(
            &r.body,
            "Az alkalomnak a képzés kezdete és vége közé kell esnie.",
        );
        // A session overlapping another (or the same one sent twice) would count the same
        // hours twice.
        for (date, s, e) in [
            ("2026-11-17", "9:00", "13:00"),
            ("2026-11-17", "12:00", "14:00"),
        ] {
            let r = c
                .post_form(
                    &format!("{base}/training/sessions"),
                    &[("date", date), ("starts", s), ("ends", e)],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
            field_error(&r.body, "átfedi a képzés egy másik alkalmát");
        }
        // A time typed wrong is named as a time.
        let r = c
            .post_form(
                &format!("{base}/training/sessions"),
                &[("date", "2026-11-19"), ("starts", "9"), ("ends", "1o óra")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "Nem értelmezhető időpont (óra:perc)");
        let view = trainings::view(&t.app, &pm, a).await.unwrap();
        assert_eq!(view.sessions.len(), 3);
        let s: Vec<SessionId> = view.sessions.iter().map(|s| s.id).collect();
        assert_eq!(
            view.sessions
                .iter()
                .map(|s| s.contact_minutes)
                .collect::<Vec<_>>(),
            [240, 240, 120]
        );

        // Ödön attends all three, Győző two (8 of 10 hours), Tünde one.
        let odon = walk_in(&t, a, "Nagy Ödön", s[0]).await;
        let gyozo = walk_in(&t, a, "Űrös Győző", s[0]).await;
        let tunde = walk_in(&t, a, "Szőke Tünde", s[0]).await;
        for (p, sessions) in [(odon, &s[1..]), (gyozo, &s[1..2])] {
            for &sid in sessions {
                roster::tick(&t.app, &pm, a, p, Some(sid)).await.unwrap();
            }
        }
        // On a training with sessions, a tick must say which one.
        let r = c
            .post_form(
                &format!("{base}/roster/tick"),
                &[("person_id", &tunde.0.to_string()), ("present", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "Válaszd ki, melyik alkalom jelenlétét rögzíted.");
        // The roster shows the session picked, and its ticks only.
        let page = c.get(&format!("{base}/roster?session={}", s[2].0)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Jelen: 1 fő"),
            "only Ödön was at the third"
        );
        // A session of another training is not this roster's.
        let other = training(&t, "Másik képzés").await;
        let foreign = trainings::add_session(
            &t.app,
            &pm,
            other,
            &SessionForm {
                date: "2026-11-17".into(),
                starts: "9:00".into(),
                ends: "10:00".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let r = c.get(&format!("{base}/roster?session={}", foreign.0)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Without the distance part nobody has completed yet.
        let view = trainings::view(&t.app, &pm, a).await.unwrap();
        assert_eq!(view.completers().count(), 0);
        let standing = |v: &trainings::TrainingView, p: PersonId| {
            v.standings.iter().find(|x| x.person == p).unwrap().progress
        };
        assert_eq!(standing(&view, gyozo).attended_minutes, 480);
        for p in [odon, gyozo, tunde] {
            let r = c
                .post_form(
                    &format!("{base}/training/distance"),
                    &[("person_id", &p.0.to_string()), ("done", "1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let page = c.get(&format!("{base}/training")).await;
        assert!(
            page.body.contains("3 résztvevőből 2 teljesítette"),
            "Ödön and Győző completed, Tünde (4 of 10 hours) did not"
        );
        // Someone who is not a participant cannot be marked.
        let r = c
            .post_form(
                &format!("{base}/training/distance"),
                &[("person_id", "999999"), ("done", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // A session with attendance stays.
        let r = c
            .post_form(&format!("{base}/training/sessions/{}/delete", s[2].0), &[])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "már rögzítettek jelenlétet");
        // Another training's session cannot be deleted from here.
        let r = c
            .post_form(
                &format!("{base}/training/sessions/{}/delete", foreign.0),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Issue: one batch, however often it is asked for; the job issues two.
        let r = c.post_form(&format!("{base}/certificates"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let again = certificates::issue(&t.app, &pm, a).await.unwrap();
        assert_eq!((again.total, again.state.as_str()), (2, "queued"));
        let progress = c
            .get(&format!("{base}/certificates/batches/{}", again.id))
            .await
            .json();
        assert_eq!(progress["done"], 0);
        jobs::drain(&t.app).await.unwrap();
        let progress = c
            .get(&format!("{base}/certificates/batches/{}", again.id))
            .await
            .json();
        assert_eq!(
            (progress["done"].as_i64(), progress["total"].as_i64()),
            (Some(2), Some(2))
        );
        assert_eq!(progress["state"], "done");
        assert_eq!(progress["text"], "2 / 2 kiállítva");
        let view = trainings::view(&t.app, &pm, a).await.unwrap();
        let issued: Vec<&Certificate> = view
            .standings
            .iter()
            .filter_map(|s| s.certificate.as_ref())
            .collect();
        assert_eq!(issued.len(), 2);
        assert_ne!(issued[0].number, issued[1].number);
        // Nobody left: asking again says so and issues nothing.
        let r = c.post_form(&format!("{base}/certificates"), &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "Nincs kinek tanúsítványt kiállítani");
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM certificates WHERE activity_id = $1")
                .bind(a.0)
                .fetch_one(&t.app.db.pool)
                .await
                .unwrap();
        assert_eq!(count, 2);

        // The PDF as a reader sees it: Győző's name, the hours he attended, the number.
        let gy = issued.iter().find(|c| c.person_id == gyozo).unwrap();
        assert_eq!(gy.contact_minutes, 480);
        let r = c.get(&format!("{base}/certificates/{}", gy.id.0)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.headers["content-type"], "application/pdf");
        let (_, bytes) = certificates::pdf(&t.app, &pm, a, gy.id).await.unwrap();
        let text = pdftotext(&bytes);
        for want in [
            "TANÚSÍTVÁNY",
            "Űrös Győző",
            "Targoncavezetői képzés",
            "8 óra",
            &gy.number,
        ] {
            assert!(text.contains(want), "“{want}” in {text}");
        }
        // A certificate of this training is not reachable under another.
        let r = c
            .get(&format!(
                "/admin/activities/{}/certificates/{}",
                other.0, gy.id.0
            ))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Anyone verifies it: name, training, hours, date, and nothing more.
        let mut anon = t.client();
        let r = anon.get(&format!("/verify/{}", gy.number)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.headers["x-robots-tag"], "noindex");
        for want in [
            "Érvényes tanúsítvány.",
            "Űrös Győző",
            "Targoncavezetői képzés",
            "8 óra",
            "2026. 11. 18.",
        ] {
            assert!(r.body.contains(want), "“{want}” on the verify page");
        }
        assert!(
            !r.body.contains("Nagy Ödön"),
            "only the certificate's own person"
        );
        // As typed by hand: lower case, spaces for hyphens.
        let typed = gy.number.to_lowercase().replace('-', " ");
        let r = anon.get(&format!("/verify?number={}", enc(&typed))).await;
        assert!(r.body.contains("Űrös Győző"));
        // One wrong symbol is a typing error, not "someone else's certificate".
        let mut wrong: Vec<char> = gy.number.chars().collect();
        wrong[6] = if wrong[6] == 'A' { 'B' } else { 'A' };
        let wrong: String = wrong.into_iter().collect();
        let r = anon.get(&format!("/verify/{wrong}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.body.contains("Ez nem érvényes sorszám."));
        let unknown = CertificateNumber::from_random(2026, [1, 2, 3, 4, 5, 6, 7]);
        let r = anon.get(&format!("/verify/{}", unknown.as_str())).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r
            .body
            .contains("Ilyen sorszámú tanúsítványt nem adtunk ki."));
        let r = anon
            .get("/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            .await;
        assert!(
            !r.body.contains("<script>alert"),
            "what was typed is escaped"
        );

        // Revoking needs a reason; then the verify page says so.
        let revoke = format!("{base}/certificates/{}/revoke", gy.id.0);
        let r = c.post_form(&revoke, &[("reason", "  ")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = c.post_form(&revoke, &[("reason", "Téves kiállítás")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = c.post_form(&revoke, &[("reason", "Még egyszer")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "Ezt a tanúsítványt már visszavonták.");
        let r = anon.get(&format!("/verify/{}", gy.number)).await;
        assert!(r.body.contains("napján visszavonták, nem érvényes"));
        assert!(
            !r.body.contains("Téves kiállítás"),
            "the reason is staff's own text, not the public's"
        );
        let page = c.get(&format!("{base}/training")).await;
        assert!(
            page.body.contains("Téves kiállítás"),
            "staff see the reason"
        );
        // The attendance a certificate rests on cannot be taken back.
        let r = c
            .post_form(
                &format!("{base}/roster/tick"),
                &[
                    ("person_id", &odon.0.to_string()),
                    ("present", "0"),
                    ("session", &s[0].0.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        field_error(&r.body, "Előbb vond vissza a tanúsítványt.");
        assert_eq!(
            trainings::view(&t.app, &pm, a)
                .await
                .unwrap()
                .completers()
                .count(),
            2
        );
        assert!(matches!(
            certificates::verify(&t.app, &gy.number).await.unwrap(),
            Verified::Found(c) if c.revoked_at.is_some()
        ));
        let audited: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('certificates_issue', 'certificate_revoke', 'session_add', 'training_settings')",
        )
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
        assert!(
            audited >= 6,
            "issue, revoke, three sessions and the rule are audited"
        );
    }
);

both!(
    a_scan_counts_for_the_session_it_was_made_at,
    |t: TestApp| async move {
        let a = training(&t, "Közösségfejlesztő képzés").await;
        let pm = t.user(PM).await;
        let mut sessions = Vec::new();
        for date in ["2026-11-16", "2026-11-18"] {
            let form = SessionForm {
                date: date.into(),
                starts: "9:00".into(),
                ends: "12:00".into(),
                ..Default::default()
            };
            sessions.push(trainings::add_session(&t.app, &pm, a, &form).await.unwrap());
        }
        let form = PersonForm {
            name: "Kovács Ilona".into(),
            ..Default::default()
        };
        let reg = registrations::register(
            &t.app,
            Some(&pm),
            a,
            Registrant::New(&form),
            RegistrationSource::Staff,
            "hu",
        )
        .await
        .unwrap()
        .registration;
        let at = |s: &str| Instant::parse_stored(s).unwrap();
        let scan = |when: &str, id: &str| Scan {
            activity: a,
            token: reg.token.clone(),
            scanned_at: at(when),
            client_id: Some(id.into()),
        };
        // Scanned at the second session's door (sent later from an offline phone).
        let out = checkin::check_in(&t.app, &pm, &[scan("2026-11-18T08:05:00Z", "s2")])
            .await
            .unwrap();
        match &out[0] {
            Outcome::CheckedIn(x) => assert_eq!(x.session_id, Some(sessions[1])),
            other => panic!("{other:?}"),
        }
        // On a day without a session it is refused, with the reason.
        let out = checkin::check_in(&t.app, &pm, &[scan("2026-11-17T09:00:00Z", "s-none")])
            .await
            .unwrap();
        assert!(matches!(out[0], Outcome::Refused(_)), "{out:?}");
        // The first session's scan is a second attendance; the same ticket again at the
        // second session is the one already recorded.
        let out = checkin::check_in(
            &t.app,
            &pm,
            &[
                scan("2026-11-16T08:10:00Z", "s1"),
                scan("2026-11-18T09:30:00Z", "s2-again"),
            ],
        )
        .await
        .unwrap();
        assert!(matches!(out[0], Outcome::CheckedIn(_)));
        assert!(matches!(out[1], Outcome::AlreadyCheckedIn(_)));
        let view = trainings::view(&t.app, &pm, a).await.unwrap();
        let p = view.standings[0].progress;
        assert_eq!((p.attended_minutes, p.total_minutes), (360, 360));
        assert!(p.completed);
        // Before the first session was added, a whole-training tick would have been
        // possible; now that there are sessions and attendance, a session with
        // attendance cannot go.
        let err = trainings::delete_session(&t.app, &pm, a, sessions[0])
            .await
            .unwrap_err();
        assert!(matches!(err, kozos_app::AppError::Invalid(_)));
    }
);

/// The text a PDF reader extracts (poppler's `pdftotext`, as in the PDF crate's tests).
fn pdftotext(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("kozos-cert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.pdf", rand_suffix()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils; scripts/test.sh installs it)");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn rand_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{nanos:x}")
}

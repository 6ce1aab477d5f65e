//! Registration, the waiting list, tickets and check-in, as residents, staff and scanners
//! see them: places decided once under concurrency, promotions in order, each scan one
//! attendance however often it is sent, and every refusal with its reason.

use crate::both;
use crate::harness::*;
use axum::http::{Method, StatusCode};
use kozos_app::participation::registrations::{self, Registrant};
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::participation::{RegistrationSource, RegistrationStatus, Ticket};
use kozos_domain::{ActivityId, ProgrammeId};
use serde_json::json;

const PM: &str = "projektmenedzser@demo.kozos.hu";

/// A public Kisbér activity; the test clock stands at 2026-11-21 11:00 in Budapest.
async fn activity(
    t: &TestApp,
    title: &str,
    starts: &str,
    ends: &str,
    capacity: &str,
) -> ActivityId {
    let pm = t.user(PM).await;
    let p = ProgrammeId(t.kisber());
    records::create::<Activity>(
        &t.app,
        &pm,
        p,
        p,
        &ActivityForm {
            title: title.into(),
            kind: "club_meeting".into(),
            starts_at: starts.into(),
            ends_at: ends.into(),
            settlement: "Kisbér".into(),
            public: "1".into(),
            capacity: capacity.into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

async fn guest(
    t: &TestApp,
    a: ActivityId,
    name: &str,
    email: &str,
) -> kozos_domain::participation::Registration {
    registrations::register(
        &t.app,
        None,
        a,
        Registrant::Guest { name, email },
        RegistrationSource::Guest,
        "hu",
    )
    .await
    .unwrap()
    .registration
}

/// Staff register someone by name (a live activity no longer takes self-registration).
async fn at_door(
    t: &TestApp,
    a: ActivityId,
    name: &str,
) -> kozos_domain::participation::Registration {
    let pm = t.user(PM).await;
    let form = kozos_domain::participation::PersonForm {
        name: name.into(),
        ..Default::default()
    };
    registrations::register(
        &t.app,
        Some(&pm),
        a,
        Registrant::New(&form),
        RegistrationSource::Staff,
        "hu",
    )
    .await
    .unwrap()
    .registration
}

async fn mail_jobs(t: &TestApp) -> Vec<serde_json::Value> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT payload FROM jobs WHERE kind = 'mail.registration' ORDER BY id")
            .fetch_all(&t.app.db.pool)
            .await
            .unwrap();
    rows.iter()
        .map(|p| serde_json::from_str(p).unwrap())
        .collect()
}

both!(
    the_waiting_list_moves_up_in_order_when_someone_cancels,
    |t: TestApp| async move {
        let a = activity(
            &t,
            "Kézműves délután",
            "2026-12-05T15:00",
            "2026-12-05T17:00",
            "2",
        )
        .await;
        let first = guest(&t, a, "Kiss Éva", "kiss.eva@example.hu").await;
        let second = guest(&t, a, "Nagy Ödön", "nagy.odon@example.hu").await;
        let third = guest(&t, a, "Szőke Tünde", "szoke.tunde@example.hu").await;
        let fourth = guest(&t, a, "Űrös Győző", "uros.gyozo@example.hu").await;
        assert_eq!(first.status, RegistrationStatus::Confirmed);
        assert_eq!(second.status, RegistrationStatus::Confirmed);
        assert_eq!(third.status, RegistrationStatus::Waiting);
        assert_eq!(fourth.status, RegistrationStatus::Waiting);

        // Registering again is the same registration, with no second mail.
        let again = registrations::register(
            &t.app,
            None,
            a,
            Registrant::Guest {
                name: "Kiss Éva",
                email: "KISS.EVA@example.hu",
            },
            RegistrationSource::Guest,
            "hu",
        )
        .await
        .unwrap();
        assert!(!again.new);
        assert_eq!(again.registration.id, first.id);

        // The public page counts places from the records.
        let mut anon = t.client();
        let page = anon.get(&format!("/activities/{a}")).await.text();
        assert!(page.contains("Minden hely elkelt."), "{page}");
        assert!(page.contains("2 fő vár helyre."));

        // Cancelling by the ticket's link frees a place for the first in line only.
        let r = anon
            .post_form(&format!("/tickets/{}/cancel", first.token), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let (third_now, _) = registrations::ticket(&t.app, &third.token).await.unwrap();
        let (fourth_now, _) = registrations::ticket(&t.app, &fourth.token).await.unwrap();
        assert_eq!(third_now.status, RegistrationStatus::Confirmed);
        assert_eq!(fourth_now.status, RegistrationStatus::Waiting);
        // Cancelling twice changes nothing more.
        anon.post_form(&format!("/tickets/{}/cancel", first.token), &[])
            .await;
        let (fourth_now, _) = registrations::ticket(&t.app, &fourth.token).await.unwrap();
        assert_eq!(fourth_now.status, RegistrationStatus::Waiting);

        let kinds: Vec<(i64, String)> = mail_jobs(&t)
            .await
            .iter()
            .map(|j| {
                (
                    j["registration"].as_i64().unwrap(),
                    j["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                (first.id.0, "confirmation".into()),
                (second.id.0, "confirmation".into()),
                (third.id.0, "waiting".into()),
                (fourth.id.0, "waiting".into()),
                (first.id.0, "cancellation".into()),
                (third.id.0, "promotion".into()),
            ]
        );

        // Raising the capacity moves the next one up; lowering it below the places given is refused.
        let pm = t.user(PM).await;
        let p = ProgrammeId(t.kisber());
        let stored = kozos_app::activities::get(&t.app, Some(&pm), a)
            .await
            .unwrap();
        let mut form = ActivityForm::from_activity(&stored);
        form.capacity = "3".into();
        records::update::<Activity>(&t.app, &pm, p, a, &form, Some(stored.version))
            .await
            .unwrap();
        let (fourth_now, _) = registrations::ticket(&t.app, &fourth.token).await.unwrap();
        assert_eq!(fourth_now.status, RegistrationStatus::Confirmed);
        let stored = kozos_app::activities::get(&t.app, Some(&pm), a)
            .await
            .unwrap();
        let mut form = ActivityForm::from_activity(&stored);
        form.capacity = "1".into();
        let err = records::update::<Activity>(&t.app, &pm, p, a, &form, Some(stored.version))
            .await
            .unwrap_err();
        assert!(
            matches!(err, kozos_app::AppError::Invalid(ref e) if e.for_field("capacity") == Some("err-capacity-below-registrations")),
            "{err:?}"
        );
        // An activity people registered for is not deleted.
        let err = records::delete::<Activity>(&t.app, &pm, p, a)
            .await
            .unwrap_err();
        assert!(matches!(err, kozos_app::AppError::Invalid(_)), "{err:?}");
    }
);

both!(
    the_last_place_goes_to_one_person_however_many_ask_at_once,
    |t: TestApp| async move {
        let a = activity(
            &t,
            "Népszerű túra",
            "2026-12-06T09:00",
            "2026-12-06T13:00",
            "5",
        )
        .await;
        let mut tasks = Vec::new();
        for n in 0..20 {
            let app = t.app.clone();
            tasks.push(tokio::spawn(async move {
                let name = format!("Túrázó {n}");
                let email = format!("turazo{n}@example.hu");
                registrations::register(
                    &app,
                    None,
                    a,
                    Registrant::Guest {
                        name: &name,
                        email: &email,
                    },
                    RegistrationSource::Guest,
                    "hu",
                )
                .await
                .unwrap()
                .registration
                .status
            }));
        }
        let mut confirmed = 0;
        for task in tasks {
            if task.await.unwrap() == RegistrationStatus::Confirmed {
                confirmed += 1;
            }
        }
        assert_eq!(confirmed, 5);
        let (c, w) = registrations::counts(&t.app, a).await.unwrap();
        assert_eq!((c, w), (5, 15));
    }
);

both!(
    a_guest_with_a_bad_address_gets_a_message_and_nothing_is_written,
    |t: TestApp| async move {
        let a = activity(
            &t,
            "Meseolvasás",
            "2026-12-07T10:00",
            "2026-12-07T11:00",
            "",
        )
        .await;
        let mut anon = t.client();
        anon.get(&format!("/activities/{a}")).await;
        let r = anon
            .post_form(
                &format!("/activities/{a}/register"),
                &[("name", "Kovácsné Szőke Tünde"), ("email", "tunde@")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(html.contains("Nem érvényes e-mail-cím."), "{html}");
        assert!(
            html.contains("Kovácsné Szőke Tünde"),
            "what was typed stays"
        );
        assert_eq!(registrations::counts(&t.app, a).await.unwrap(), (0, 0));

        let r = anon
            .post_form(
                &format!("/activities/{a}/register"),
                &[
                    ("name", "Kovácsné Szőke Tünde"),
                    ("email", "tunde@example.hu"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let ticket = anon.get(r.location()).await;
        assert_eq!(ticket.status, StatusCode::OK);
        assert_eq!(
            ticket.headers.get("referrer-policy").unwrap(),
            "no-referrer"
        );
        let html = ticket.text();
        assert!(html.contains("Kovácsné Szőke Tünde") && html.contains("<svg"));
        let token = r.location().trim_start_matches("/tickets/");
        let shown = Ticket::parse(token).unwrap().display();
        assert!(html.contains(&shown), "the code is shown for typing");
        // A made-up ticket address is a plain 404.
        assert_eq!(
            anon.get("/tickets/AAAAAAAAAAAAAAAAA").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

both!(
    each_scan_is_one_attendance_and_every_refusal_says_why,
    |t: TestApp| async move {
        // Live now (11:00 in Budapest), and another activity elsewhere in time.
        let live = activity(
            &t,
            "Mai klubdélelőtt",
            "2026-11-21T10:00",
            "2026-11-21T13:00",
            "1",
        )
        .await;
        let later = activity(
            &t,
            "Jövő heti klub",
            "2026-11-28T10:00",
            "2026-11-28T13:00",
            "",
        )
        .await;
        let ok = at_door(&t, live, "Bárány Ödön").await;
        let waiting = at_door(&t, live, "Várakozó Vera").await;
        let elsewhere = guest(&t, later, "Másik Márta", "marta@example.hu").await;
        let cancelled = guest(&t, later, "Lemondó Lili", "lili@example.hu").await;
        registrations::cancel_by_ticket(&t.app, &cancelled.token)
            .await
            .unwrap();

        let mut scanner = t.client();
        scanner.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "onkentes@demo.kozos.hu", "kapu")
                .await
                .unwrap(),
        );
        let scan = |token: &str, at: &str, client: &str| json!({"activity_id": live.0, "token": token, "scanned_at": at, "client_id": client});

        let r = scanner
            .send_json(
                Method::POST,
                "/api/v1/check-ins",
                &scan(&ok.token, "2026-11-21T09:05:00Z", "c1"),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        assert_eq!(r.json()["status"], "checked_in");
        assert_eq!(r.json()["attendance"]["name"], "Bárány Ödön");
        // The same scan again, and the same ticket scanned at another door.
        let r = scanner
            .send_json(
                Method::POST,
                "/api/v1/check-ins",
                &scan(&ok.token, "2026-11-21T09:05:00Z", "c1"),
            )
            .await;
        assert_eq!(
            (r.status, r.json()["status"].as_str().unwrap()),
            (StatusCode::OK, "already_checked_in")
        );
        let lower = ok.token.to_lowercase();
        let r = scanner
            .send_json(
                Method::POST,
                "/api/v1/check-ins",
                &scan(&lower, "2026-11-21T09:10:00Z", "c2"),
            )
            .await;
        assert_eq!(
            (r.status, r.json()["status"].as_str().unwrap()),
            (StatusCode::OK, "already_checked_in")
        );

        let mut forged = ok.token.clone().into_bytes();
        forged[3] = if forged[3] == b'7' { b'8' } else { b'7' };
        let forged = String::from_utf8(forged).unwrap();
        let cases = [
            (scan("nem-kod", "2026-11-21T09:06:00Z", "r1"), "malformed"),
            (scan(&forged, "2026-11-21T09:06:00Z", "r2"), "forged"),
            (
                scan(
                    Ticket::from_random([9; 10]).as_str(),
                    "2026-11-21T09:06:00Z",
                    "r3",
                ),
                "unknown",
            ),
            (
                scan(&elsewhere.token, "2026-11-21T09:06:00Z", "r4"),
                "other_activity",
            ),
            (
                scan(&waiting.token, "2026-11-21T09:06:00Z", "r5"),
                "waiting",
            ),
            (scan(&ok.token, "2026-11-21T15:01:00Z", "r6"), "future_scan"),
            (scan(&ok.token, "2026-11-21T06:59:00Z", "r7"), "too_early"),
        ];
        for (body, reason) in cases {
            let r = scanner
                .send_json(Method::POST, "/api/v1/check-ins", &body)
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{reason}: {}",
                r.text()
            );
            assert_eq!(r.json()["reason"], reason);
            assert!(!r.json()["message"].as_str().unwrap().is_empty());
        }
        let r = scanner
            .send_json(Method::POST, "/api/v1/check-ins", &json!({"activity_id": later.0, "token": cancelled.token, "scanned_at": "2026-11-21T09:06:00Z"}))
            .await;
        assert_eq!(r.json()["reason"], "cancelled");

        // An offline scanner's batch, sent twice: one attendance each, nothing lost.
        let batch = json!({"scans": [scan(&ok.token, "2026-11-21T09:20:00Z", "b1")]});
        for _ in 0..2 {
            let r = scanner
                .send_json(Method::POST, "/api/v1/check-ins/batch", &batch)
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.text());
            assert_eq!(r.json()["results"][0]["status"], "already_checked_in");
        }
        let att = scanner
            .get(&format!("/api/v1/activities/{live}/attendance"))
            .await;
        assert_eq!(att.status, StatusCode::OK);
        let list = att.json();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        assert_eq!(list[0]["route"], "qr");

        // The staff registration list carries the tokens an offline scanner keeps.
        let regs = scanner
            .get(&format!("/api/v1/activities/{live}/registrations"))
            .await
            .json();
        assert!(regs
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["token"] == ok.token.as_str()));
        // A resident's token reaches none of this.
        let mut resident = t.client();
        resident.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "lakos@demo.kozos.hu", "x")
                .await
                .unwrap(),
        );
        assert_eq!(
            resident
                .send_json(
                    Method::POST,
                    "/api/v1/check-ins",
                    &scan(&ok.token, "2026-11-21T09:05:00Z", "z")
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            resident
                .get(&format!("/api/v1/activities/{live}/registrations"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
);

both!(
    the_roster_ticks_once_and_adds_walk_ins,
    |t: TestApp| async move {
        let live = activity(
            &t,
            "Mai tanácskozás",
            "2026-11-21T10:00",
            "2026-11-21T13:00",
            "",
        )
        .await;
        let reg = at_door(&t, live, "Pipás Piroska").await;
        let mut staff = t.signed_in("onkentes@demo.kozos.hu").await;
        let roster = staff.get(&format!("/admin/activities/{live}/roster")).await;
        assert_eq!(roster.status, StatusCode::OK);
        assert!(roster.text().contains("Pipás Piroska"));
        for _ in 0..2 {
            let r = staff
                .post_form(
                    &format!("/admin/activities/{live}/roster/tick"),
                    &[("person_id", &reg.person_id.to_string()), ("present", "1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        }
        let r = staff
            .post_form(
                &format!("/admin/activities/{live}/roster/walk-in"),
                &[
                    ("name", "Betérő Béla"),
                    ("settlement", "Kisbér"),
                    ("birth_year", "1956"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let page = staff
            .get(&format!("/admin/activities/{live}/roster"))
            .await
            .text();
        assert!(page.contains("Jelen: 2 fő"), "{page}");
        assert!(page.contains("Betérő Béla"));
        // A bad birth year comes back with the message and what was typed.
        let r = staff
            .post_form(
                &format!("/admin/activities/{live}/roster/walk-in"),
                &[("name", "Hibás Hugó"), ("birth_year", "19566")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Hibás Hugó"));
        // A person of another programme cannot be ticked in by id.
        let r = staff
            .post_form(
                &format!("/admin/activities/{live}/roster/tick"),
                &[("person_id", "999999"), ("present", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both!(
    scans_from_many_doors_at_once_are_each_written_once,
    |t: TestApp| async move {
        let live = activity(
            &t,
            "Nagy nyitott nap",
            "2026-11-21T10:00",
            "2026-11-21T16:00",
            "",
        )
        .await;
        let mut tokens = Vec::new();
        for n in 0..30 {
            tokens.push(at_door(&t, live, &format!("Vendég {n}")).await.token);
        }
        let volunteer = t.user("onkentes@demo.kozos.hu").await;
        let mut tasks = Vec::new();
        // Every ticket scanned at two doors at the same moment.
        for (n, token) in tokens.iter().chain(tokens.iter()).enumerate() {
            let (app, user, token) = (t.app.clone(), volunteer.clone(), token.clone());
            tasks.push(tokio::spawn(async move {
                let scan = kozos_app::participation::checkin::Scan {
                    activity: live,
                    token,
                    scanned_at: kozos_domain::time::Instant::parse_stored("2026-11-21T10:00:00Z")
                        .unwrap(),
                    client_id: Some(format!("door-{n}")),
                };
                kozos_app::participation::checkin::check_in(&app, &user, &[scan])
                    .await
                    .unwrap()
            }));
        }
        let mut new = 0;
        for task in tasks {
            if matches!(
                task.await.unwrap()[0],
                kozos_app::participation::checkin::Outcome::CheckedIn(_)
            ) {
                new += 1;
            }
        }
        assert_eq!(
            new, 30,
            "one scan of each ticket is the check-in, the other already"
        );
        let (_, list) = kozos_app::participation::checkin::attendance(&t.app, &volunteer, live)
            .await
            .unwrap();
        assert_eq!(list.len(), 30);
    }
);

both!(
    a_confirmed_place_is_reminded_once_the_day_before,
    |t: TestApp| async move {
        use kozos_app::jobs::{self, NewJob};
        // The clock stands at 2026-11-21 11:00 in Budapest.
        let tomorrow = activity(
            &t,
            "Holnapi klub",
            "2026-11-22T17:00",
            "2026-11-22T19:00",
            "",
        )
        .await;
        let later = activity(
            &t,
            "Jövő heti klub",
            "2026-11-26T17:00",
            "2026-11-26T19:00",
            "",
        )
        .await;
        let cancelled = activity(
            &t,
            "Holnap reggeli séta",
            "2026-11-22T08:00",
            "2026-11-22T10:00",
            "",
        )
        .await;
        guest(&t, tomorrow, "Őri Ügyes Tünde", "ori.tunde@example.hu").await;
        guest(&t, later, "Kovács Győző", "kovacs.gyozo@example.hu").await;
        let gone = guest(&t, cancelled, "Szűcs Ödön", "szucs.odon@example.hu").await;
        registrations::cancel_by_ticket(&t.app, &gone.token)
            .await
            .unwrap();
        jobs::drain(&t.app).await.unwrap();

        let reminders = || async {
            sqlx::query_as::<_, (String, String, String)>(
                "SELECT to_address, subject, body_text FROM mail_outbox \
                 WHERE kind = 'registration.reminder' ORDER BY id",
            )
            .fetch_all(&t.app.db.pool)
            .await
            .unwrap()
        };
        assert!(reminders().await.is_empty());
        // The hourly schedule, and the job run twice more (another instance, a retry).
        jobs::schedule(&t.app).await.unwrap();
        for _ in 0..2 {
            let mut tx = t.app.db.begin().await.unwrap();
            jobs::enqueue(&t.app, &mut tx, &NewJob::new(jobs::REMINDERS))
                .await
                .unwrap();
            tx.commit().await.unwrap();
            jobs::drain(&t.app).await.unwrap();
        }
        let sent = reminders().await;
        assert_eq!(sent.len(), 1, "{sent:?}");
        let (to, subject, body) = &sent[0];
        assert_eq!(to, "ori.tunde@example.hu");
        assert_eq!(subject, "Holnap találkozunk: Holnapi klub");
        assert!(body.contains("Kedves Őri Ügyes Tünde"), "{body}");
        assert!(body.contains("2026. 11. 22. 17:00–19:00"), "{body}");

        // The next day the later activity is still not due; five days on, it is.
        t.app.clock.advance(chrono::Duration::days(1));
        jobs::schedule(&t.app).await.unwrap();
        jobs::drain(&t.app).await.unwrap();
        assert_eq!(reminders().await.len(), 1);
        t.app.clock.advance(chrono::Duration::days(3));
        jobs::schedule(&t.app).await.unwrap();
        jobs::drain(&t.app).await.unwrap();
        let sent = reminders().await;
        assert_eq!(sent.len(), 2, "{sent:?}");
        assert_eq!(sent[1].0, "kovacs.gyozo@example.hu");
    }
);

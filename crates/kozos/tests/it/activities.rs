//! Activities and series: the back-office forms, the public calendar and activity page,
//! the iCalendar feeds and the activities API, with what a person would notice.

use crate::both;
use crate::harness::*;
use axum::http::{Method, StatusCode};
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm, Series, SeriesForm};
use kozos_domain::{ActivityId, ProgrammeId};
use serde_json::json;

const PM: &str = "projektmenedzser@demo.kozos.hu";

fn conversation(title: &str, starts: &str, ends: &str, public: bool) -> ActivityForm {
    ActivityForm {
        title: title.into(),
        kind: "community_conversation".into(),
        starts_at: starts.into(),
        ends_at: ends.into(),
        settlement: "Kisbér".into(),
        address: "Wass Albert Művelődési Központ, Széchenyi u. 1.".into(),
        public: if public { "1".into() } else { String::new() },
        ..Default::default()
    }
}

async fn add(t: &TestApp, form: &ActivityForm) -> ActivityId {
    let pm = t.user(PM).await;
    let p = ProgrammeId(t.kisber());
    records::create::<Activity>(&t.app, &pm, p, p, form, None)
        .await
        .unwrap()
}

both!(
    a_planned_activity_shows_where_residents_look,
    |t: TestApp| async move {
        let mut staff = t.signed_in(PM).await;
        let p = t.kisber();
        let r = staff
            .post_form(
                &format!("/admin/programmes/{p}/activities"),
                &[
                    ("title", "Beszélgetés a piactér jövőjéről"),
                    ("kind", "community_conversation"),
                    ("starts_at", "2026-12-03T18:00"),
                    ("ends_at", "2026. 12. 03. 20:00"),
                    ("settlement", "kisber"),
                    ("address", "Wass Albert Művelődési Központ"),
                    ("public", "1"),
                    ("capacity", "40"),
                    (
                        "description",
                        "Mit szeretnének a kisbériek a piactéren?\n\nMinden lakót várunk.",
                    ),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(r.location(), format!("/admin/programmes/{p}/activities"));
        let list = staff.get(r.location()).await.text();
        assert!(list.contains("Beszélgetés a piactér jövőjéről"));

        // An internal one stays in the back office.
        add(
            &t,
            &conversation(
                "Stábértekezlet",
                "2026-12-03T09:00",
                "2026-12-03T10:00",
                false,
            ),
        )
        .await;

        let mut anon = t.client();
        let month = anon.get("/calendar?month=2026-12").await;
        assert_eq!(month.status, StatusCode::OK);
        let html = month.text();
        assert!(
            html.contains("Beszélgetés a piactér jövőjéről"),
            "month view lists it"
        );
        assert!(
            !html.contains("Stábértekezlet"),
            "internal activities are not public"
        );
        assert!(html.contains(r#"<link rel="alternate" type="text/calendar""#));
        assert!(html.contains("18:00"), "Budapest wall-clock time is shown");
        let week = anon.get("/calendar?view=week&week=2026-12-01").await.text();
        assert!(week.contains("Beszélgetés a piactér jövőjéről"));
        let other_week = anon.get("/calendar?view=week&week=2026-12-08").await.text();
        assert!(!other_week.contains("Beszélgetés a piactér jövőjéről"));

        let id = records_named(&t, "Beszélgetés a piactér jövőjéről").await;
        let page = anon.get(&format!("/activities/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let page = page.text();
        assert!(page.contains("Kisbér") && page.contains("Minden lakót várunk."));
        assert!(
            page.contains("2026. december 3.") || page.contains("2026. 12. 03."),
            "{page}"
        );
        let internal = records_named(&t, "Stábértekezlet").await;
        assert_eq!(
            anon.get(&format!("/activities/{internal}")).await.status,
            StatusCode::NOT_FOUND
        );

        // Filters narrow; a settlement elsewhere shows nothing of Kisbér.
        let kecskemet = t.settlement("Kecskemét").await;
        let elsewhere = anon
            .get(&format!("/calendar?month=2026-12&settlement={kecskemet}"))
            .await
            .text();
        assert!(!elsewhere.contains("Beszélgetés a piactér jövőjéről"));
        let kind = anon
            .get("/calendar?month=2026-12&kind=workshop")
            .await
            .text();
        assert!(!kind.contains("Beszélgetés a piactér jövőjéről"));
    }
);

async fn records_named(t: &TestApp, title: &str) -> i64 {
    let admin = t.user("admin@demo.kozos.hu").await;
    kozos_app::activities::for_programme(&t.app, &admin, ProgrammeId(t.kisber()))
        .await
        .unwrap()
        .activities
        .iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no activity {title}"))
        .id
        .0
}

both!(
    bad_activity_input_is_explained_and_changes_nothing,
    |t: TestApp| async move {
        let mut staff = t.signed_in(PM).await;
        let p = t.kisber();
        let before = activity_count(&t).await;
        let cases: &[(&[(&str, &str)], &str)] = &[
            (
                &[
                    ("starts_at", "2026-12-03T20:00"),
                    ("ends_at", "2026-12-03T18:00"),
                ],
                "A befejezés nem lehet korábbi a kezdésnél.",
            ),
            (
                &[
                    ("starts_at", "2027-03-28T02:30"),
                    ("ends_at", "2027-03-28T04:00"),
                ],
                "óraátállításkor nem létezik",
            ),
            (
                &[
                    ("starts_at", "holnap este"),
                    ("ends_at", "2026-12-03T18:00"),
                ],
                "Nem értelmezhető időpont",
            ),
            (
                &[
                    ("starts_at", "2026-12-03T18:00"),
                    ("ends_at", "2026-12-03T20:00"),
                    ("capacity", "1.5"),
                ],
                "egész számot",
            ),
            (
                &[
                    ("starts_at", "2026-12-03T18:00"),
                    ("ends_at", "2026-12-03T20:00"),
                    ("settlement", "Atlantisz"),
                ],
                "Ismeretlen település",
            ),
        ];
        for (fields, message) in cases {
            let mut all = vec![("title", "Próba"), ("kind", "workshop")];
            all.extend_from_slice(fields);
            let r = staff
                .post_form(&format!("/admin/programmes/{p}/activities"), &all)
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
            let html = r.text();
            assert!(html.contains(message), "{fields:?}: {message} not in page");
            // what was typed is kept
            assert!(html.contains(r#"value="Próba""#));
        }
        assert_eq!(activity_count(&t).await, before);

        // A partner of another programme cannot be attached (where the edit would move it).
        let other_partner = t
            .new_organisation()
            .name("Más Program Partnere")
            .create()
            .await;
        let partner = other_partner.to_string();
        let r = staff
            .post_form(
                &format!("/admin/programmes/{p}/activities"),
                &[
                    ("title", "Próba"),
                    ("kind", "workshop"),
                    ("starts_at", "2026-12-03T18:00"),
                    ("ends_at", "2026-12-03T20:00"),
                    ("partner_ids", &partner),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(activity_count(&t).await, before);

        // HTML typed into a title is shown as text.
        add(
            &t,
            &conversation(
                "<script>alert(1)</script> est",
                "2026-12-05T18:00",
                "2026-12-05T19:00",
                true,
            ),
        )
        .await;
        let html = t.client().get("/calendar?month=2026-12").await.body;
        assert!(!html.contains("<script>alert(1)"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; est"));
    }
);

async fn activity_count(t: &TestApp) -> usize {
    let admin = t.user("admin@demo.kozos.hu").await;
    kozos_app::activities::for_programme(&t.app, &admin, ProgrammeId(t.kisber()))
        .await
        .unwrap()
        .activities
        .len()
}

both!(
    the_calendar_filters_offer_a_new_settlement_at_once,
    |t: TestApp| async move {
        // The filter lists are kept per instance; a write anywhere must show at once.
        let mut c = t.client();
        let before = c.get("/calendar").await.text();
        assert!(
            !before.contains(">Tata</option>"),
            "no public activity in Tata yet"
        );
        let mut form = conversation(
            "Tatai kirándulás",
            "2026-12-12T09:00",
            "2026-12-12T17:00",
            true,
        );
        form.settlement = "Tata".into();
        add(&t, &form).await;
        let after = c.get("/calendar").await.text();
        assert!(
            after.contains(">Tata</option>"),
            "the new settlement is offered"
        );
        // An internal activity elsewhere offers nothing.
        let mut internal = conversation(
            "Belső egyeztetés",
            "2026-12-13T09:00",
            "2026-12-13T10:00",
            false,
        );
        internal.settlement = "Tokaj".into();
        add(&t, &internal).await;
        assert!(!c.get("/calendar").await.text().contains(">Tokaj</option>"));
    }
);

both!(
    hostile_calendar_queries_get_a_clear_400,
    |t: TestApp| async move {
        let mut c = t.client();
        for q in [
            "view=year",
            "month=2026-13",
            "programme=1%20OR%201=1",
            "settlement=-4",
            "kind=%3Cb%3E",
            "week=2026-02-30",
        ] {
            for path in ["/calendar", "/calendar.ics"] {
                let r = c.get(&format!("{path}?{q}")).await;
                assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}?{q}");
            }
        }
        assert_eq!(c.get("/activities/abc").await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            c.get("/activities/999999").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

both!(
    the_feed_is_rfc_5545_and_its_uids_outlive_edits,
    |t: TestApp| async move {
        let long = "Közösségi beszélgetés: „Hogyan tovább, Kisbér?” – a főtér, a vasútállomás; a műemlékek, és a fiatalok jövője";
        let id = add(
            &t,
            &conversation(long, "2027-03-27T18:00", "2027-03-27T20:00", true),
        )
        .await;
        // After the clocks change (28 March 2027) the offset is +2: the same 18:00.
        let summer = add(
            &t,
            &conversation(
                "Nyári beszélgetés",
                "2027-03-29T18:00",
                "2027-03-29T20:00",
                true,
            ),
        )
        .await;
        let mut c = t.client();
        let r = c
            .get(&format!("/calendar.ics?programme={}", t.kisber()))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let feed = r.body.clone();
        assert!(feed.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Budapest\r\n"));
        for line in feed.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = feed.replace("\r\n ", "");
        let event = |id: ActivityId| -> String {
            let url = format!("URL:http://localhost:8080/activities/{id}\r\n");
            let at = unfolded.find(&url).expect("event of the activity");
            let start = unfolded[..at].rfind("BEGIN:VEVENT").unwrap();
            let end = at + unfolded[at..].find("END:VEVENT").unwrap();
            unfolded[start..end].to_string()
        };
        let ev = event(id);
        assert!(
            ev.contains("DTSTART;TZID=Europe/Budapest:20270327T180000"),
            "{ev}"
        );
        assert!(ev.contains("SUMMARY:Közösségi beszélgetés: „Hogyan tovább\\, Kisbér?” – a főtér\\, a vasútállomás\\; a műemlékek\\, és a fiatalok jövője"), "{ev}");
        assert!(ev.contains("SEQUENCE:0"));
        assert!(event(summer).contains("DTSTART;TZID=Europe/Budapest:20270329T180000"));
        let uid = ev
            .lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string();

        // Edited: same UID, next SEQUENCE, new time.
        let pm = t.user(PM).await;
        let p = ProgrammeId(t.kisber());
        let mut form = conversation(long, "2027-03-27T19:00", "2027-03-27T21:00", true);
        form.description = "Új időpont".into();
        records::update::<Activity>(&t.app, &pm, p, id, &form, None)
            .await
            .unwrap();
        let feed = c
            .get(&format!("/calendar.ics?programme={}", t.kisber()))
            .await
            .body
            .replace("\r\n ", "");
        let at = feed.find(&uid).expect("same UID after the edit");
        let ev = &feed[at..at + feed[at..].find("END:VEVENT").unwrap()];
        assert!(
            ev.contains("SEQUENCE:1")
                && ev.contains("DTSTART;TZID=Europe/Budapest:20270327T190000"),
            "{ev}"
        );
    }
);

both!(
    a_series_becomes_dated_activities_and_keeps_its_past,
    |t: TestApp| async move {
        let pm = t.user(PM).await;
        let p = ProgrammeId(t.kisber());
        let form = SeriesForm {
            name: "Művelődő Közösségek – Filmklub".into(),
            kind: "film_screening".into(),
            settlement: "Kisbér".into(),
            public: "1".into(),
            frequency: "monthly_nth".into(),
            nth: "1".into(),
            nth_weekday: "5".into(),
            first_date: "2026-09-01".into(),
            until_date: "2027-03-31".into(),
            exceptions: "2027-01-01".into(),
            start_time: "18:00".into(),
            end_time: "20:30".into(),
            ..Default::default()
        };
        let s = records::create::<Series>(&t.app, &pm, p, p, &form, None)
            .await
            .unwrap();
        let dates = |list: &[Activity]| -> Vec<String> {
            list.iter()
                .filter(|a| a.series_id == Some(s))
                .map(|a| a.starts_at.local_input())
                .collect()
        };
        let all = kozos_app::activities::for_programme(&t.app, &pm, p)
            .await
            .unwrap()
            .activities;
        // First Fridays Sep 2026 – Feb 2027 without New Year's Day.
        assert_eq!(
            dates(&all),
            [
                "2026-09-04T18:00",
                "2026-10-02T18:00",
                "2026-11-06T18:00",
                "2026-12-04T18:00",
                "2027-02-05T18:00",
                "2027-03-05T18:00"
            ]
        );

        // Deleting one date on purpose: the series skips it from then on.
        let dec = all
            .iter()
            .find(|a| a.series_id == Some(s) && a.starts_at.local_input() == "2026-12-04T18:00")
            .unwrap();
        records::delete::<Activity>(&t.app, &pm, p, dec.id)
            .await
            .unwrap();

        // March's screening is moved on its own (a guest speaker): it keeps its own time.
        let march = all
            .iter()
            .find(|a| a.series_id == Some(s) && a.starts_at.local_input() == "2027-03-05T18:00")
            .unwrap();
        let mut own = ActivityForm::from_activity(march);
        own.title = "Filmklub – vendég: a rendező".into();
        own.starts_at = "2027-03-05T17:30".into();
        own.ends_at = "2027-03-05T20:00".into();
        records::update::<Activity>(&t.app, &pm, p, march.id, &own, Some(march.version))
            .await
            .unwrap();

        // The club moves to 19:00 (clock: 21 Nov 2026): past screenings keep 18:00. The
        // edit starts from the series as it is now (the deleted date among its exceptions).
        let now = records::get::<Series>(&t.app, &pm, p, s).await.unwrap();
        let opened = SeriesForm::from_series(&now);
        assert_eq!(opened.exceptions, "2026-12-04, 2027-01-01");
        let moved = SeriesForm {
            start_time: "19:00".into(),
            end_time: "21:30".into(),
            ..opened
        };
        records::update::<Series>(&t.app, &pm, p, s, &moved, Some(now.version))
            .await
            .unwrap();
        let all = kozos_app::activities::for_programme(&t.app, &pm, p)
            .await
            .unwrap()
            .activities;
        assert_eq!(
            dates(&all),
            [
                "2026-09-04T18:00",
                "2026-10-02T18:00",
                "2026-11-06T18:00",
                "2027-02-05T19:00",
                "2027-03-05T17:30"
            ]
        );
        let series = records::get::<Series>(&t.app, &pm, p, s).await.unwrap();
        assert!(series
            .rule
            .exceptions
            .iter()
            .any(|d| d.stored() == "2026-12-04"));

        // The series feed holds its public dates.
        let feed = t
            .client()
            .get(&format!("/calendar.ics?series={s}"))
            .await
            .body;
        assert_eq!(feed.matches("BEGIN:VEVENT").count(), 5);
        assert!(feed.contains("SUMMARY:Filmklub – vendég: a rendező"));
        assert!(feed.contains("X-WR-CALNAME:Rendezvénynaptár – Művelődő Közösségek – Filmklub"));
    }
);

both!(
    the_activities_api_does_what_the_pages_do,
    |t: TestApp| async move {
        let p = t.kisber();
        let mut anon = t.client();
        let mut pm = t.client();
        pm.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, PM, "test")
                .await
                .unwrap(),
        );
        let r = pm
            .send_json(
                Method::POST,
                &format!("/api/v1/programmes/{p}/activities"),
                &json!({"title": "Nyitó partnerségi műhely", "kind": "workshop", "phase": "opening",
                "starts_at": "2027-04-01T15:00:00Z", "ends_at": "2027-04-01T18:00:00+02:00",
                "settlement": "Kisbér", "public": true, "capacity": 25}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let id = r.json()["id"].as_i64().unwrap();
        let a = anon.get(&format!("/api/v1/activities/{id}")).await.json();
        assert_eq!(a["starts_local"], "2027-04-01T17:00:00+02:00");
        assert_eq!(a["ends_at"], "2027-04-01T16:00:00Z");
        assert_eq!(a["phase"], "opening");
        assert_eq!(a["settlement"], "Kisbér");
        let version = a["version"].as_i64().unwrap();

        // An internal one: listed for staff only, a 404 for anyone else.
        let r = pm
        .send_json(Method::POST, &format!("/api/v1/programmes/{p}/activities"),
            &json!({"title": "Belső egyeztetés", "kind": "consultation", "starts_at": "2027-04-02T08:00", "ends_at": "2027-04-02T09:00"}))
        .await;
        let internal = r.json()["id"].as_i64().unwrap();
        assert_eq!(
            anon.get(&format!("/api/v1/activities/{internal}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let public_list = anon
            .get(&format!("/api/v1/programmes/{p}/activities"))
            .await
            .json();
        assert!(!public_list
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == internal));
        let staff_list = pm
            .get(&format!("/api/v1/programmes/{p}/activities"))
            .await
            .json();
        assert!(staff_list
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == internal));

        // Edits carry the version; a stale one is a 409 and changes nothing.
        let edit = |title: &str, v: i64| {
            json!({"title": title, "kind": "workshop", "phase": "opening",
        "starts_at": "2027-04-01T15:00:00Z", "ends_at": "2027-04-01T16:00:00Z", "settlement": "Kisbér", "public": true, "version": v})
        };
        let r = pm
            .send_json(
                Method::PUT,
                &format!("/api/v1/activities/{id}"),
                &edit("Első műhely", version),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
        let r = pm
            .send_json(
                Method::PUT,
                &format!("/api/v1/activities/{id}"),
                &edit("Elavult", version),
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert_eq!(
            anon.get(&format!("/api/v1/activities/{id}")).await.json()["title"],
            "Első műhely"
        );

        // Bad input: a readable 422 with the field.
        let r = pm.send_json(Method::PUT, &format!("/api/v1/activities/{id}"),
        &json!({"title": "x", "kind": "workshop", "starts_at": "2027-04-01T15:00:00Z", "ends_at": "2027-04-01T14:00:00Z"})).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["error"]["fields"][0]["field"], "ends_at");

        // Kecskemét's staff cannot touch Kisbér's activity; the auditor there cannot write.
        let mut auditor = t.client();
        auditor.bearer = Some(
            kozos_app::auth::create_api_token(&t.app, "auditor@demo.kozos.hu", "t")
                .await
                .unwrap(),
        );
        assert_eq!(
            auditor
                .send_json(
                    Method::PUT,
                    &format!("/api/v1/activities/{id}"),
                    &edit("Nem", 2)
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            auditor
                .request(
                    Method::DELETE,
                    &format!("/api/v1/activities/{id}"),
                    None,
                    String::new()
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        let r = pm
            .request(
                Method::DELETE,
                &format!("/api/v1/activities/{id}"),
                None,
                String::new(),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        assert_eq!(
            anon.get(&format!("/api/v1/activities/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
    }
);

both!(
    a_nested_activity_id_of_another_programme_is_a_404,
    |t: TestApp| async move {
        let id = add(
            &t,
            &conversation("Kisbéri est", "2026-12-10T18:00", "2026-12-10T19:00", true),
        )
        .await;
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let other = t.kecskemet();
        assert_eq!(
            admin
                .get(&format!("/admin/programmes/{other}/activities/{id}/edit"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let r = admin
            .post_form(
                &format!("/admin/programmes/{other}/activities/{id}/delete"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(
            t.client().get(&format!("/activities/{id}")).await.status,
            StatusCode::OK
        );
    }
);

//! The people registry as staff use it: duplicates flagged before saving, stale edits
//! refused, sensitive data only with a basis and only for those entitled (counts on the
//! roster for everyone else), consents withdrawn but kept, merging two records without
//! losing one, and volunteers' hours.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_app::participation::people::{self, Created};
use kozos_app::participation::registrations::{self, Registrant};
use kozos_app::participation::roster;
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::participation::*;
use kozos_domain::{ActivityId, PersonId, ProgrammeId};

const PM: &str = "projektmenedzser@demo.kozos.hu";
const DEVELOPER: &str = "fejleszto@demo.kozos.hu";
const VOLUNTEER: &str = "onkentes@demo.kozos.hu";

/// A Kisbér activity running now (the test clock stands at 11:00 in Budapest).
async fn live_activity(t: &TestApp, title: &str) -> ActivityId {
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
            starts_at: "2026-11-21T10:00".into(),
            ends_at: "2026-11-21T13:00".into(),
            settlement: "Kisbér".into(),
            public: "1".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

/// A person entered under Kisbér by the project manager (duplicates or not).
async fn person(t: &TestApp, name: &str, f: impl FnOnce(&mut PersonForm)) -> PersonId {
    let pm = t.user(PM).await;
    let mut form = PersonForm {
        name: name.into(),
        ..Default::default()
    };
    f(&mut form);
    match people::create(&t.app, &pm, &t.kisber().to_string(), &form, true, None)
        .await
        .unwrap()
    {
        Created::Saved(id) => id,
        other => panic!("{other:?}"),
    }
}

async fn register(t: &TestApp, a: ActivityId, p: PersonId) -> Registration {
    let pm = t.user(PM).await;
    registrations::register(
        &t.app,
        Some(&pm),
        a,
        Registrant::Existing(p),
        RegistrationSource::Staff,
        "hu",
    )
    .await
    .unwrap()
    .registration
}

async fn count(t: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap()
}

both!(
    possible_duplicates_are_shown_before_saving_and_saved_only_when_confirmed,
    |t: TestApp| async move {
        let mut c = t.signed_in(PM).await;
        let kisber = t.kisber().to_string();
        let first = c
            .post_form(
                "/admin/people/new",
                &[
                    ("programme_id", &kisber),
                    ("name", "Próbaházi Éva"),
                    ("birth_year", "1980"),
                    ("settlement", "Kisbér"),
                    ("_once", "first"),
                ],
            )
            .await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.text());
        // Typed again with other accents and case: the form comes back with the warning
        // and what was typed, and nothing is saved.
        let fields = [
            ("programme_id", kisber.as_str()),
            ("name", "PROBAHAZI  Eva"),
            ("birth_year", "1980"),
            ("settlement", "Kisbér"),
            ("_once", "second"),
        ];
        let again = c.post_form("/admin/people/new", &fields).await;
        assert_eq!(again.status, StatusCode::OK);
        let page = again.text();
        assert!(
            page.contains("Lehet, hogy már szerepel a nyilvántartásban"),
            "{page}"
        );
        assert!(page.contains("Próbaházi Éva</a> (1980, Kisbér)"), "{page}");
        assert!(page.contains("value=\"PROBAHAZI  Eva\""), "{page}");
        assert!(page.contains("Mentés mégis, ez másik személy"));
        let named = "SELECT COUNT(*) FROM people WHERE name_key = 'probahazi eva' AND $1 = $1";
        assert_eq!(count(&t, named, 0).await, 1);
        // Confirmed, it is saved, once however often it is sent.
        let mut confirmed = fields.to_vec();
        confirmed.push(("confirm", "1"));
        let saved = c.post_form("/admin/people/new", &confirmed).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
        let twice = c.post_form("/admin/people/new", &confirmed).await;
        assert_eq!(twice.location(), saved.location());
        assert_eq!(count(&t, named, 0).await, 2);

        // The same e-mail address under another name is flagged too.
        person(&t, "Levélíró Lenke", |f| {
            f.email = "lenke@example.hu".into()
        })
        .await;
        let mail = c
            .post_form(
                "/admin/people/new",
                &[
                    ("programme_id", &kisber),
                    ("name", "Kovácsné Levélíró Lenke"),
                    ("email", "Lenke@Example.hu"),
                ],
            )
            .await
            .text();
        assert!(mail.contains("Levélíró Lenke"), "{mail}");
        assert!(mail.contains("lenke@example.hu"));

        // The person page flags the pair and links to merging them.
        let kept = saved.location().to_string();
        let page = c.get(&kept).await.text();
        assert!(
            page.contains("Lehet, hogy már szerepel a nyilvántartásban"),
            "{page}"
        );
        assert!(page.contains("/merge?other="));

        // Bad input keeps what was typed and says what is wrong.
        let bad = c
            .post_form(
                "/admin/people/new",
                &[
                    ("programme_id", &kisber),
                    ("name", "Hibás Hugó"),
                    ("birth_year", "1850"),
                    ("email", "hugo@"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = bad.text();
        assert!(text.contains("Nem érvényes születési év"), "{text}");
        assert!(text.contains("value=\"Hibás Hugó\""));
    }
);

both!(
    a_stale_edit_is_refused_and_shown_merged,
    |t: TestApp| async move {
        let id = person(&t, "Szerkesztő Szilvia", |f| f.birth_year = "1975".into()).await;
        let mut c = t.signed_in(PM).await;
        let form = c.get(&format!("/admin/people/{id}/edit")).await.text();
        assert!(form.contains("name=\"_version\" value=\"1\""), "{form}");
        let path = format!("/admin/people/{id}/edit");
        let first = c
            .post_form(
                &path,
                &[
                    ("name", "Szerkesztő Szilvia"),
                    ("birth_year", "1976"),
                    ("_version", "1"),
                ],
            )
            .await;
        assert_eq!(first.status, StatusCode::SEE_OTHER);
        let stale = c
            .post_form(
                &path,
                &[
                    ("name", "Szerkesztő Szilvia Anna"),
                    ("birth_year", "1975"),
                    ("_version", "1"),
                ],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        let text = stale.text();
        assert!(text.contains("value=\"Szerkesztő Szilvia Anna\""), "{text}");
        assert!(text.contains("name=\"_version\" value=\"2\""));
        let pm = t.user(PM).await;
        let stored = people::for_edit(&t.app, &pm, id).await.unwrap();
        assert_eq!(
            (stored.name.as_str(), stored.birth_year),
            ("Szerkesztő Szilvia", Some(1976))
        );
    }
);

both!(
    sensitive_data_needs_a_basis_and_only_those_entitled_see_it,
    |t: TestApp| async move {
        let a = live_activity(&t, "Női önsegítő klub").await;
        let id = person(&t, "Érzékeny Erzsébet", |_| {}).await;
        register(&t, a, id).await;
        let mut pm = t.signed_in(PM).await;
        let path = format!("/admin/people/{id}/sensitive");

        let none = pm.post_form(&path, &[("roma", "1")]).await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(none
            .text()
            .contains("Érzékeny adatot csak rögzített jogalappal"));
        assert!(none.text().contains("checked"), "the tick is kept");
        let no_consent = pm
            .post_form(&path, &[("roma", "1"), ("legal_basis", "consent")])
            .await;
        assert_eq!(no_consent.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_consent
            .text()
            .contains("Hozzájárulás mint jogalap csak akkor"));
        let stored = "SELECT COUNT(*) FROM person_sensitive WHERE person_id = $1";
        assert_eq!(count(&t, stored, id.0).await, 0);

        let consent = pm
            .post_form(
                &format!("/admin/people/{id}/consents"),
                &[
                    ("purpose", "sensitive_data"),
                    ("given_on", "2026-11-20"),
                    ("given_by", "Érzékeny Erzsébet"),
                ],
            )
            .await;
        assert_eq!(consent.status, StatusCode::SEE_OTHER);
        let saved = pm
            .post_form(
                &path,
                &[
                    ("roma", "1"),
                    ("disadvantaged", "1"),
                    ("legal_basis", "consent"),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());

        let page = pm.get(&format!("/admin/people/{id}")).await.text();
        assert!(page.contains("Roma származású"), "{page}");
        assert!(page.contains("Hátrányos helyzetű"));
        // A community developer manages people but is not entitled to these.
        let mut dev = t.signed_in(DEVELOPER).await;
        let theirs = dev.get(&format!("/admin/people/{id}")).await;
        assert_eq!(theirs.status, StatusCode::OK);
        let theirs = theirs.text();
        assert!(theirs.contains("Érzékeny Erzsébet"));
        for hidden in [
            "Roma származású",
            "Hátrányos helyzetű",
            "Érzékeny adatok rögzítése",
            "id=\"sensitive\"",
            "/sensitive",
        ] {
            assert!(!theirs.contains(hidden), "{hidden} shown to a developer");
        }
        assert_eq!(dev.get(&path).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            dev.post_form(&path, &[("legal_basis", "public_task")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        // At the door everyone sees counts, nobody's attributes.
        let mut door = t.signed_in(VOLUNTEER).await;
        let roster = door
            .get(&format!("/admin/activities/{a}/roster"))
            .await
            .text();
        assert!(
            roster.contains("Közülük: 1 hátrányos helyzetű, 1 roma, 0 fogyatékossággal élő"),
            "{roster}"
        );
        let pm_user = t.user(PM).await;
        let counted = roster::roster(&t.app, &pm_user, a, None)
            .await
            .unwrap()
            .sensitive;
        assert_eq!(
            (counted.disadvantaged, counted.roma, counted.disability),
            (1, 1, 0)
        );

        // Withdrawing the consent keeps its record (dated) and removes what rested on it.
        let consent_id: i64 = count(
            &t,
            "SELECT MAX(id) FROM consents WHERE person_id = $1",
            id.0,
        )
        .await;
        let w = pm
            .post_form(
                &format!("/admin/people/{id}/consents/{consent_id}/withdraw"),
                &[],
            )
            .await;
        assert_eq!(w.status, StatusCode::SEE_OTHER);
        let withdrawn =
            "SELECT COUNT(*) FROM consents WHERE person_id = $1 AND withdrawn_on = '2026-11-21'";
        assert_eq!(count(&t, withdrawn, id.0).await, 1);
        assert_eq!(count(&t, stored, id.0).await, 0);
        let page = pm.get(&format!("/admin/people/{id}")).await.text();
        assert!(page.contains("2026. 11. 21."), "{page}");
        assert!(page.contains("Nincs rögzített érzékeny adat."));
        let roster = door
            .get(&format!("/admin/activities/{a}/roster"))
            .await
            .text();
        assert!(roster.contains("Közülük: 0 hátrányos helyzetű, 0 roma"));
        // A consent of someone else, named under this person, is not there.
        let other = person(&t, "Másvalaki Márta", |_| {}).await;
        let theirs = people::add_consent(
            &t.app,
            &pm_user,
            other,
            &ConsentForm {
                purpose: "photos".into(),
                given_on: "2026-11-01".into(),
                given_by: "Másvalaki Márta".into(),
            },
        )
        .await
        .unwrap();
        let foreign = pm
            .post_form(
                &format!("/admin/people/{id}/consents/{theirs}/withdraw"),
                &[],
            )
            .await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    }
);

both!(
    a_merge_keeps_every_record_of_both_and_one_of_each_clash,
    |t: TestApp| async move {
        let club = live_activity(&t, "Ifjúsági klub").await;
        let film = live_activity(&t, "Filmklub").await;
        let kept = person(&t, "Kettős Károly", |f| f.birth_year = "1990".into()).await;
        let dropped = person(&t, "Kettős Károly", |f| {
            f.birth_year = "1990".into();
            f.email = "karoly@example.hu".into();
        })
        .await;
        let pm = t.user(PM).await;
        // Both registered for the club; the kept one's was cancelled, the other's stands.
        let kept_reg = register(&t, club, kept).await;
        registrations::cancel_by_staff(&t.app, &pm, club, kept_reg.id)
            .await
            .unwrap();
        let live_reg = register(&t, club, dropped).await;
        register(&t, film, dropped).await;
        // Both were ticked present at the club.
        roster::tick(&t.app, &pm, club, kept, None).await.unwrap();
        roster::tick(&t.app, &pm, club, dropped, None)
            .await
            .unwrap();
        people::add_consent(
            &t.app,
            &pm,
            dropped,
            &ConsentForm {
                purpose: "photos".into(),
                given_on: "2026-11-01".into(),
                given_by: "Kettős Károly".into(),
            },
        )
        .await
        .unwrap();
        people::save_sensitive(
            &t.app,
            &pm,
            dropped,
            &SensitiveForm {
                disadvantaged: "1".into(),
                legal_basis: "public_task".into(),
                basis_note: "Támogatási szerződés".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        kozos_app::participation::volunteers::log(
            &t.app,
            &pm,
            film,
            &ShiftForm {
                person_id: dropped.to_string(),
                role: "büfé".into(),
                hours: "2".into(),
            },
            None,
        )
        .await
        .unwrap();

        let mut c = t.signed_in(PM).await;
        let preview = c
            .get(&format!("/admin/people/{kept}/merge?other={dropped}"))
            .await
            .text();
        assert!(preview.contains("Megmarad"), "{preview}");
        assert!(preview.contains("karoly@example.hu"));
        let same = c
            .post_form(
                &format!("/admin/people/{kept}/merge"),
                &[("other", &kept.to_string())],
            )
            .await;
        assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(same
            .text()
            .contains("Egy lapot önmagával nem lehet összevonni."));
        let merged = c
            .post_form(
                &format!("/admin/people/{kept}/merge"),
                &[("other", &dropped.to_string())],
            )
            .await;
        assert_eq!(merged.status, StatusCode::SEE_OTHER, "{}", merged.text());

        let of = |sql: &'static str| {
            let t = &t;
            async move { count(t, sql, kept.0).await }
        };
        // One registration per activity, the live one kept (with its ticket).
        assert_eq!(
            of("SELECT COUNT(*) FROM registrations WHERE person_id = $1").await,
            2
        );
        let status: String = sqlx::query_scalar(
            "SELECT status FROM registrations WHERE person_id = $1 AND activity_id = $2",
        )
        .bind(kept.0)
        .bind(club.0)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
        assert_eq!(status, "confirmed");
        let (ticket, _) = registrations::ticket(&t.app, &live_reg.token)
            .await
            .unwrap();
        assert_eq!(ticket.person_id, kept);
        assert_eq!(
            of("SELECT COUNT(*) FROM attendance WHERE person_id = $1").await,
            1
        );
        assert_eq!(
            of("SELECT COUNT(*) FROM consents WHERE person_id = $1").await,
            1
        );
        assert_eq!(
            of("SELECT COUNT(*) FROM volunteer_shifts WHERE person_id = $1").await,
            1
        );
        assert_eq!(
            of("SELECT COUNT(*) FROM person_sensitive WHERE person_id = $1").await,
            1
        );
        assert_eq!(
            of("SELECT COUNT(*) FROM people WHERE id = $1 AND email = 'karoly@example.hu'").await,
            1
        );
        for table in [
            "registrations",
            "attendance",
            "consents",
            "volunteer_shifts",
            "person_sensitive",
        ] {
            let left = count(
                &t,
                &format!("SELECT COUNT(*) FROM {table} WHERE person_id = $1"),
                dropped.0,
            )
            .await;
            assert_eq!(left, 0, "{table} left with the merged record");
        }
        // The merged record leads to the kept one and is gone from lists and forms.
        let old = c.get(&format!("/admin/people/{dropped}")).await;
        assert_eq!(old.status, StatusCode::SEE_OTHER);
        assert_eq!(old.location(), format!("/admin/people/{kept}"));
        assert_eq!(
            c.get(&format!("/admin/people/{dropped}/edit")).await.status,
            StatusCode::NOT_FOUND
        );
        let list = c.get("/admin/people?q=kettos").await.text();
        assert_eq!(list.matches("Kettős Károly").count(), 1, "{list}");
        let page = c.get(&format!("/admin/people/{kept}")).await.text();
        assert!(
            page.contains("Ifjúsági klub") && page.contains("Filmklub"),
            "{page}"
        );
        assert!(page.contains("Nyilvántartási lapok összevonása"));
        // Audited with both ids and what moved.
        let detail: String = sqlx::query_scalar(
            "SELECT detail FROM audit_log WHERE action = 'merge_person' AND entity = 'person' AND entity_id = $1",
        )
        .bind(kept.0)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
        assert!(
            detail.starts_with(&format!("#{dropped} Kettős Károly → #{kept} Kettős Károly")),
            "{detail}"
        );
        assert!(detail.contains("2 registrations"), "{detail}");
        // Merging the merged record again finds nothing.
        let again = c
            .post_form(
                &format!("/admin/people/{kept}/merge"),
                &[("other", &dropped.to_string())],
            )
            .await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);
    }
);

both!(
    volunteer_hours_are_typed_as_people_say_them,
    |t: TestApp| async move {
        let a = live_activity(&t, "Falunap").await;
        let helper = person(&t, "Segítő Sára", |_| {}).await;
        register(&t, a, helper).await;
        let mut c = t.signed_in(VOLUNTEER).await;
        let path = format!("/admin/activities/{a}/volunteers");
        let page = c.get(&path).await.text();
        assert!(page.contains("Segítő Sára"), "{page}");
        let who = helper.to_string();
        for (hours, message) in [
            ("0", "Az órák száma nagyobb 0-nál, és legfeljebb 24 lehet."),
            ("-1", "Az órák száma nagyobb 0-nál, és legfeljebb 24 lehet."),
            ("25", "Az órák száma nagyobb 0-nál, és legfeljebb 24 lehet."),
            ("abc", "Nem érvényes óraszám."),
        ] {
            let r = c
                .post_form(
                    &path,
                    &[("person_id", &who), ("role", "büfé"), ("hours", hours)],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{hours}");
            let text = r.text();
            assert!(text.contains(message), "{hours}: {text}");
            assert!(text.contains(&format!("value=\"{hours}\"")), "{hours} kept");
            assert!(text.contains("value=\"büfé\""));
        }
        // Someone outside the programme's registry cannot be picked.
        let r = c
            .post_form(
                &path,
                &[("person_id", "999999"), ("role", "büfé"), ("hours", "1")],
            )
            .await;
        assert!(r.text().contains("Válaszd ki az önkéntest a listából"));
        for hours in ["1,5", "2"] {
            let r = c
                .post_form(
                    &path,
                    &[
                        ("person_id", &who),
                        ("role", "regisztráció"),
                        ("hours", hours),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{hours}: {}", r.text());
        }
        // The same form sent twice (its one-time key with it) logs one shift.
        for _ in 0..2 {
            let r = c
                .post_form(
                    &path,
                    &[
                        ("person_id", &who),
                        ("role", "pakolás"),
                        ("hours", "1"),
                        ("_once", "shift-form-1"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let twice: i64 = count(
            &t,
            "SELECT COUNT(*) FROM volunteer_shifts WHERE person_id = $1 AND role = 'pakolás'",
            helper.0,
        )
        .await;
        assert_eq!(twice, 1, "one shift for a form sent twice");
        let shift: i64 = count(
            &t,
            "SELECT id FROM volunteer_shifts WHERE person_id = $1 AND role = 'pakolás'",
            helper.0,
        )
        .await;
        let r = c.post_form(&format!("{path}/{shift}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = c.get(&path).await.text();
        assert!(
            page.contains("1,5 óra") && page.contains("Összesen: <strong>3,5 óra</strong>"),
            "{page}"
        );
        let mut pm = t.signed_in(PM).await;
        let person_page = pm.get(&format!("/admin/people/{helper}")).await.text();
        assert!(
            person_page.contains("Összesen: <strong>3,5 óra</strong>"),
            "{person_page}"
        );
        // In English the decimal is a point.
        pm.get("/lang/en?next=/").await;
        let english = pm.get(&format!("/admin/people/{helper}")).await.text();
        assert!(
            english.contains("Total: <strong>3.5 h</strong>"),
            "{english}"
        );
        // Taking one back.
        let shift: i64 = count(
            &t,
            "SELECT MIN(id) FROM volunteer_shifts WHERE person_id = $1",
            helper.0,
        )
        .await;
        let r = c.post_form(&format!("{path}/{shift}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = c.get(&path).await.text();
        assert!(page.contains("Összesen: <strong>2 óra</strong>"), "{page}");
    }
);

both!(
    the_registry_lists_in_hungarian_order_and_only_what_the_reader_may_see,
    |t: TestApp| async move {
        for name in [
            "Zsoltné Tesztelő Zita",
            "Csordás Tesztelő Csaba",
            "Cukor Tesztelő Cecília",
            "Szabó Tesztelő Szilárd",
            "Sárközi Tesztelő Sára",
        ] {
            person(&t, name, |f| f.settlement = "Kisbér".into()).await;
        }
        let mut c = t.signed_in(DEVELOPER).await;
        let page = c.get("/admin/people?q=Tesztel%C5%91").await.text();
        let at = |n: &str| {
            page.find(n)
                .unwrap_or_else(|| panic!("{n} not listed: {page}"))
        };
        assert!(at("Cukor Tesztelő Cecília") < at("Csordás Tesztelő Csaba"));
        assert!(at("Sárközi Tesztelő Sára") < at("Szabó Tesztelő Szilárd"));
        assert!(at("Szabó Tesztelő Szilárd") < at("Zsoltné Tesztelő Zita"));
        // A person of Kecskemét is not the Kisbér staff's to see.
        let admin = t.user("admin@demo.kozos.hu").await;
        let form = PersonForm {
            name: "Kecskeméti Kornélia".into(),
            ..Default::default()
        };
        let Created::Saved(other) = people::create(
            &t.app,
            &admin,
            &t.kecskemet().to_string(),
            &form,
            true,
            None,
        )
        .await
        .unwrap() else {
            panic!("not saved")
        };
        assert!(!c
            .get("/admin/people?q=Kornelia")
            .await
            .text()
            .contains("Kecskeméti Kornélia"));
        assert_eq!(
            c.get(&format!("/admin/people/{other}")).await.status,
            StatusCode::NOT_FOUND
        );
        let mut a = t.signed_in("admin@demo.kozos.hu").await;
        assert!(a
            .get("/admin/people?q=Kornelia")
            .await
            .text()
            .contains("Kecskeméti Kornélia"));
        // A page number that does not parse is the first page.
        assert_eq!(c.get("/admin/people?page=abc").await.status, StatusCode::OK);
    }
);

//! Indicators as a project manager and a county coordinator read them: computed from the
//! records, the moment a record is saved, summed up the places tree with each person
//! once, and every value equal to the number of rows its drill-down lists.

use crate::both;
use crate::harness::*;
use kozos_app::indicators::{self, place_rollup};
use kozos_app::participation::{merge, roster};
use kozos_app::{programmes, records};
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::indicator::rollup::programme_scope;
use kozos_domain::indicator::{IndicatorForm, ReportPeriod};
use kozos_domain::participation::PersonForm;
use kozos_domain::programme::ProgrammeForm;
use kozos_domain::{ActivityId, PersonId, PlaceId, ProgrammeId};

const ADMIN: &str = "admin@demo.kozos.hu";
const PM: &str = "projektmenedzser@demo.kozos.hu";

fn value(d: &indicators::Dashboard, code: &str) -> i64 {
    d.lines
        .iter()
        .find(|l| l.indicator.code == code)
        .unwrap_or_else(|| panic!("no indicator {code}"))
        .value
}

both!(
    kecskemet_trainings_are_counted_from_the_records_and_open_to_their_rows,
    |t: TestApp| async move {
        let admin = t.user(ADMIN).await;
        let p = ProgrammeId(t.kecskemet());
        let d = indicators::dashboard(&t.app, &admin, p, None)
            .await
            .unwrap();
        // The seed's 50 + 200 + 40, computed by the completion rule.
        assert_eq!(value(&d, "K-1"), 50);
        assert_eq!(value(&d, "K-2"), 200);
        assert_eq!(value(&d, "K-3"), 40);
        // The three certified trainings' completers hold a certificate each; the
        // programme's other trainings (no certificate) have completers of their own.
        assert_eq!(value(&d, "T691-3"), 290);
        let completed = value(&d, "T691-2");
        assert!(completed >= 290, "{completed}");
        // Enrolled: a tenth more than completed stopped halfway, so the rate is below 100 %.
        let enrolled = value(&d, "K-4");
        assert!(enrolled > completed, "{enrolled}");
        let rate = value(&d, "K-5");
        assert_eq!(rate, (completed * 10_000 + enrolled / 2) / enrolled);
        // Every value is the number of rows its drill-down lists.
        for line in d.lines.iter().filter(|l| l.indicator.code != "K-5") {
            let dr = indicators::drill(&t.app, &admin, p, line.indicator.id, None, 1)
                .await
                .unwrap();
            let units = if line.indicator.unit().scale() == 1
                && line.indicator.source.kind().as_str() != "manual"
            {
                dr.total
            } else {
                dr.value
            };
            assert_eq!(units, line.value, "{}", line.indicator.code);
            let rows: i64 = {
                let mut all = 0;
                for page in 1..=dr.pages {
                    all += indicators::drill(&t.app, &admin, p, line.indicator.id, None, page)
                        .await
                        .unwrap()
                        .rows
                        .len() as i64;
                }
                all
            };
            assert_eq!(rows, dr.total, "{}", line.indicator.code);
        }
        // The month series adds up to the value.
        let k2 = d.lines.iter().find(|l| l.indicator.code == "K-2").unwrap();
        assert_eq!(k2.months.iter().map(|(_, v)| v).sum::<i64>(), 200);
        // A period holds what happened in it: the forklift training ended in 2021.
        let y2021 = indicators::dashboard(&t.app, &admin, p, Some(ReportPeriod::Year(2021)))
            .await
            .unwrap();
        assert_eq!(value(&y2021, "K-1"), 50);
        assert_eq!(value(&y2021, "K-2"), 0);
        let q = indicators::dashboard(&t.app, &admin, p, ReportPeriod::parse("2022-Q2"))
            .await
            .unwrap();
        assert_eq!(value(&q, "K-2"), 200);
    }
);

async fn activity(
    t: &TestApp,
    programme: ProgrammeId,
    title: &str,
    settlement: &str,
) -> ActivityId {
    let admin = t.user(ADMIN).await;
    records::create::<Activity>(
        &t.app,
        &admin,
        programme,
        programme,
        &ActivityForm {
            title: title.into(),
            kind: "community_action".into(),
            // This evening: registration is open, and the day counts to date.
            starts_at: "2026-11-21T18:00".into(),
            ends_at: "2026-11-21T21:00".into(),
            settlement: settlement.into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

async fn walk_in(t: &TestApp, a: ActivityId, name: &str) -> PersonId {
    let admin = t.user(ADMIN).await;
    let form = PersonForm {
        name: name.into(),
        birth_year: "1980".into(),
        ..Default::default()
    };
    roster::walk_in(&t.app, &admin, a, &form, None)
        .await
        .unwrap()
        .0
        .id
}

/// T531-1 (participants) in a scope, to date.
async fn reached(t: &TestApp, scope: i64) -> i64 {
    let mut conn = t.app.db.pool.acquire().await.unwrap();
    let key: i64 = kozos_db::indicators::templates_of_call(&mut conn, "TOP-5.3.1-16")
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.code == "T531-1")
        .unwrap()
        .key_id;
    let until = t.app.clock.today();
    kozos_db::indicators::read::sums(
        &mut conn,
        Some(&[key]),
        &[scope],
        kozos_db::indicators::read::Days { from: None, until },
    )
    .await
    .unwrap()
    .get(&(key, scope))
    .map_or(0, |s| s.amount)
}

both!(
    a_check_in_shows_at_every_level_at_once_and_a_person_counts_once_per_county,
    |t: TestApp| async move {
        let admin = t.user(ADMIN).await;
        let kisber = ProgrammeId(t.kisber());
        let kisber_programme = kozos_db::programmes::get(&t.app.db, kisber)
            .await
            .unwrap()
            .unwrap();
        let kisber_place = kozos_db::places::settlements_named(&t.app.db, "Kisbér")
            .await
            .unwrap()[0]
            .clone();
        let lineage = kisber_place.lineage.clone();
        let (country, county, district, settlement) =
            (lineage[0].0, lineage[1].0, lineage[2].0, lineage[3].0);
        let scopes = [
            programme_scope(kisber),
            settlement,
            district,
            county,
            country,
        ];
        let mut before = Vec::new();
        for s in scopes {
            before.push(reached(&t, s).await);
        }
        // A second TOP-5.3.1 programme in the same county adopts the same template.
        let ace = programmes::create(
            &t.app,
            &admin,
            &ProgrammeForm {
                title: "Ászár közösségei".into(),
                code: "TOP-5.3.1-16-KO1-2017-00042".into(),
                place_id: lineage[2].0.to_string(),
                beneficiary_id: kisber_programme.beneficiary_id.unwrap().0.to_string(),
                grant_huf: "10 000 000".into(),
                aid_intensity: "100".into(),
                fund: "erfa".into(),
                start_date: "2026-01-01".into(),
                end_date: "2027-12-31".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        let d = indicators::dashboard(&t.app, &admin, ace, None)
            .await
            .unwrap();
        let template = d
            .templates
            .iter()
            .find(|t| t.code == "T531-1")
            .expect("the call's template is offered")
            .id;
        indicators::create(
            &t.app,
            &admin,
            ace,
            &IndicatorForm {
                target: "100".into(),
                ..Default::default()
            },
            Some(template),
            None,
        )
        .await
        .unwrap();

        let a1 = activity(&t, kisber, "Utcabál", "Kisbér").await;
        let walker = walk_in(&t, a1, "Próba Piroska").await;
        let mut after = Vec::new();
        for s in scopes {
            after.push(reached(&t, s).await);
        }
        for (i, s) in scopes.iter().enumerate() {
            assert_eq!(
                after[i],
                before[i] + 1,
                "scope {s}: one check-in, one more person, at once"
            );
        }
        // The same person walks in at the other programme's event in the same county,
        // typed in again: two records, so two people, until someone merges them.
        let a2 = activity(&t, ace, "Ászári szüreti mulatság", "Kisbér").await;
        let twin = walk_in(&t, a2, "Próba Piroska").await;
        assert_eq!(reached(&t, county).await, after[3] + 1);
        merge::merge(&t.app, &admin, walker, twin).await.unwrap();
        // Merged: both programmes count them, the county and the country once.
        assert_eq!(reached(&t, programme_scope(ace)).await, 1);
        assert_eq!(reached(&t, programme_scope(kisber)).await, after[0]);
        assert_eq!(reached(&t, county).await, after[3]);
        assert_eq!(reached(&t, country).await, after[4]);
        // The county dashboard says the same.
        let r = place_rollup(&t.app, Some(&admin), PlaceId(county), None)
            .await
            .unwrap();
        let line = r
            .lines
            .iter()
            .find(|l| l.template.code == "T531-1")
            .unwrap();
        assert_eq!(line.value, Some(after[3]));
        assert_eq!(line.programmes, 2);
        // Untick at Kisbér: the person still counts for the county through Ászár.
        roster::untick(&t.app, &admin, a1, walker, None)
            .await
            .unwrap();
        assert_eq!(reached(&t, programme_scope(kisber)).await, before[0]);
        assert_eq!(reached(&t, county).await, after[3]);
        roster::untick(&t.app, &admin, a2, walker, None)
            .await
            .unwrap();
        assert_eq!(reached(&t, county).await, before[3]);
        assert_eq!(reached(&t, country).await, before[4]);
    }
);

both!(
    staff_see_their_programmes_numbers_and_the_public_sees_no_small_figures,
    |t: TestApp| async move {
        let kecskemet = ProgrammeId(t.kecskemet());
        // Kisbér's project manager reads Kisbér, not Kecskemét.
        let pm = t.user(PM).await;
        assert!(indicators::dashboard(&t.app, &pm, kecskemet, None)
            .await
            .is_err());
        let d = indicators::dashboard(&t.app, &pm, ProgrammeId(t.kisber()), None)
            .await
            .unwrap();
        assert!(d.can_manage);
        // The auditor reads and changes nothing.
        let auditor = t.user("auditor@demo.kozos.hu").await;
        let d = indicators::dashboard(&t.app, &auditor, kecskemet, None)
            .await
            .unwrap();
        assert!(!d.can_manage && !d.lines.is_empty());
        let id = d.lines[0].indicator.id;
        assert!(indicators::delete(&t.app, &auditor, kecskemet, id)
            .await
            .is_err());
        // Public figures of people: none between 1 and 4.
        let kisber_place = kozos_db::places::settlements_named(&t.app.db, "Kisbér")
            .await
            .unwrap()[0]
            .clone();
        for place in kisber_place.lineage.iter().take(3) {
            let r = place_rollup(&t.app, None, *place, None).await.unwrap();
            assert!(!r.staff);
            for l in r.lines.iter().filter(|l| l.unit.counts_people()) {
                for v in std::iter::once(l.value)
                    .chain(l.children.iter().copied())
                    .flatten()
                {
                    assert!(v == 0 || v >= 5, "{} shows {v}", l.template.code);
                }
            }
            assert!(r.behind.is_empty(), "the public is not shown who is behind");
        }
    }
);

//! Fixtures for the benchmarks: the check-in benchmark's (`scripts/bench-checkins.sh`) an
//! activity of the Kisbér programme running now, with many confirmed registrations, and
//! the certificate benchmark's (`scripts/bench-certificates.sh`) a finished training whose
//! participants all completed; both written in one transaction without mails (they
//! measure scans and issuing, not registering).

use crate::{App, AppError, Result};
use kozos_db::participation::{people, registrations};
use kozos_db::programmes::activities::{self as activities_db, Placed};
use kozos_db::DbError;
use kozos_domain::activity::{ActivityInput, ActivityKind};
use kozos_domain::participation::*;
use kozos_domain::*;

/// An activity of the benchmark, written in `tx`.
async fn bench_activity(
    tx: &mut kozos_db::Tx,
    programme: ProgrammeId,
    title: &str,
    kind: ActivityKind,
    (starts_at, ends_at): (time::Instant, time::Instant),
    now: time::Instant,
) -> Result<ActivityId> {
    let input = ActivityInput {
        title: title.into(),
        kind,
        phase: None,
        forum_format: None,
        description: String::new(),
        starts_at,
        ends_at,
        settlement: None,
        address: String::new(),
        organiser_id: None,
        partner_ids: Vec::new(),
        target_group_ids: Vec::new(),
        public: false,
        capacity: None,
        registration_opens: None,
        registration_closes: None,
    };
    let uid = format!("{}@kozos", crate::auth::random_token());
    let placed = Placed {
        input: &input,
        place: None,
    };
    Ok(activities_db::insert_activity(tx, programme, placed, None, &uid, now).await?)
}

/// A person in the programme's registry, with a name and nothing else.
async fn bench_person(
    tx: &mut kozos_db::Tx,
    programme: ProgrammeId,
    name: String,
    now: time::Instant,
) -> Result<PersonId> {
    let person = PersonInput {
        name,
        email: None,
        phone: None,
        birth_year: None,
        age_band: None,
        settlement: None,
        organisation_id: None,
    };
    let placed = people::NewPerson {
        input: &person,
        place: None,
        user: None,
    };
    Ok(people::insert(tx, Some(programme), placed, now).await?)
}

/// Make the activity and `count` registrations; returns the activity and the tickets.
pub async fn checkin_fixture(
    app: &App,
    programme: ProgrammeId,
    count: usize,
) -> Result<(ActivityId, Vec<String>)> {
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let when = (now.plus_minutes(-30), now.plus_minutes(180));
    let title = "Teljesítménymérés: beléptetés";
    let activity = bench_activity(
        &mut tx,
        programme,
        title,
        ActivityKind::Conference,
        when,
        now,
    )
    .await?;
    let mut tokens = Vec::with_capacity(count);
    for n in 0..count {
        let id = bench_person(&mut tx, programme, format!("Résztvevő {n}"), now).await?;
        let mut bytes = [0u8; TICKET_RANDOM_BYTES];
        getrandom::getrandom(&mut bytes).map_err(|e| AppError::Internal(e.to_string()))?;
        let ticket = Ticket::from_random(bytes);
        registrations::insert(
            &mut tx,
            registrations::NewRegistration {
                activity,
                person: id,
                status: RegistrationStatus::Confirmed,
                token: ticket.as_str(),
                source: RegistrationSource::Staff,
                by: None,
                lang: "hu",
            },
            now,
        )
        .await?;
        tokens.push(ticket.as_str().to_string());
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok((activity, tokens))
}

/// A training that ended an hour ago with `count` participants, each present (the
/// training is one session, so everyone completed); returns it.
pub async fn certificate_fixture(
    app: &App,
    programme: ProgrammeId,
    count: usize,
) -> Result<ActivityId> {
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let when = (now.plus_minutes(-9 * 60), now.plus_minutes(-60));
    let title = "Teljesítménymérés: targoncavezető-képzés";
    let activity =
        bench_activity(&mut tx, programme, title, ActivityKind::Training, when, now).await?;
    for n in 0..count {
        let id = bench_person(&mut tx, programme, format!("Őrző Ügyes Tünde {n}"), now).await?;
        kozos_db::participation::attendance::record(
            &mut tx,
            kozos_db::participation::attendance::NewAttendance {
                activity,
                session: None,
                person: id,
                registration: None,
                route: AttendanceRoute::Roster,
                scanned_at: when.0,
                by: None,
                client_id: None,
            },
            now,
        )
        .await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(activity)
}

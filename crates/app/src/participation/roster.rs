//! The roster: staff tick the names of those present, add walk-ins (found in the
//! registry or entered on the spot) and take back a tick made by mistake.

use super::activity_for;
use crate::{App, AppError, Result};
use kozos_db::participation::attendance::{self as db, NewAttendance, Recorded};
use kozos_db::participation::{people, registrations, trainings};
use kozos_db::{cache_versions, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::time::Instant;
use kozos_domain::user::User;
use kozos_domain::*;

/// Everything the roster page shows. A training with sessions is ticked session by
/// session: `session` is the one shown, and `attendance` is that session's.
#[derive(Debug, Clone)]
pub struct Roster {
    pub activity: Activity,
    pub registrations: Vec<Registration>,
    pub attendance: Vec<Attendance>,
    pub sessions: Vec<Session>,
    pub session: Option<SessionId>,
    /// How many of those taking part have each sensitive attribute: counts only, for
    /// everyone at the door.
    pub sensitive: people::SensitiveCounts,
}

impl Roster {
    /// Is this person ticked (for the activity, or the session shown)?
    pub fn present(&self, person: PersonId) -> bool {
        self.attendance.iter().any(|a| a.person_id == person)
    }
    /// Those present without a live registration: walk-ins.
    pub fn walk_ins(&self) -> Vec<&Attendance> {
        self.attendance
            .iter()
            .filter(|a| {
                !self.registrations.iter().any(|r| {
                    r.person_id == a.person_id && r.status != RegistrationStatus::Cancelled
                })
            })
            .collect()
    }
}

/// The roster of an activity; for a training with sessions, of `session` (by default the
/// one under way, else the next, else the last).
pub async fn roster(
    app: &App,
    user: &User,
    activity: ActivityId,
    session: Option<SessionId>,
) -> Result<Roster> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let sessions = trainings::sessions(&mut conn, a.id).await?;
    let session = match session {
        Some(s) if sessions.iter().any(|x| x.id == s) => Some(s),
        Some(_) => return Err(AppError::NotFound),
        None => default_session(&sessions, app.clock.instant()),
    };
    let registrations = registrations::list(&mut conn, a.id).await?;
    let attendance = db::list(&mut conn, a.id)
        .await?
        .into_iter()
        .filter(|x| x.session_id == session)
        .collect();
    let sensitive = people::sensitive_counts_for_activity(&mut conn, a.id).await?;
    Ok(Roster {
        activity: a,
        registrations,
        attendance,
        sessions,
        session,
        sensitive,
    })
}

/// The session a roster opens on: the one under way (or about to start), else the next,
/// else the last.
fn default_session(sessions: &[Session], now: Instant) -> Option<SessionId> {
    let soon = |s: &&Session| s.ends_at >= now;
    sessions
        .iter()
        .find(soon)
        .or_else(|| sessions.last())
        .map(|s| s.id)
}

/// The session a tick is for: it must be one of the activity's, and given when the
/// activity has sessions.
async fn session_of(
    conn: &mut kozos_db::Conn,
    a: &Activity,
    session: Option<SessionId>,
) -> Result<Option<SessionId>> {
    let sessions = trainings::sessions(conn, a.id).await?;
    match session {
        None if sessions.is_empty() => Ok(None),
        None => Err(AppError::invalid("session", "err-session-required")),
        Some(s) if sessions.iter().any(|x| x.id == s) => Ok(Some(s)),
        Some(_) => Err(AppError::NotFound),
    }
}

/// Tick a person present. The person must be registered (not cancelled) or, as a
/// walk-in, be in the programme's registry. Ticking twice is one attendance.
pub async fn tick(
    app: &App,
    user: &User,
    activity: ActivityId,
    person: PersonId,
    session: Option<SessionId>,
) -> Result<Attendance> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let session = session_of(&mut tx, &a, session).await?;
    let reg = registrations::of_person(&mut tx, a.id, person)
        .await?
        .filter(|r| r.status != RegistrationStatus::Cancelled);
    let route = if reg.is_some() {
        AttendanceRoute::Roster
    } else {
        let visible = people::visible_to(&mut tx, person, a.programme_id).await?;
        let live = people::get(&mut tx, person)
            .await?
            .is_some_and(|p| p.merged_into.is_none());
        if !visible || !live {
            return Err(AppError::invalid("person_id", "err-choice"));
        }
        AttendanceRoute::WalkIn
    };
    let recorded = db::record(
        &mut tx,
        NewAttendance {
            activity: a.id,
            session,
            person,
            registration: reg.map(|r| r.id),
            route,
            scanned_at: now,
            by: Some(user.id),
            client_id: None,
        },
        now,
    )
    .await?;
    cache_versions::bump(&mut tx, &cache_versions::programme(a.programme_id.0)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(match recorded {
        Recorded::New(x) | Recorded::Already(x) => x,
    })
}

/// Take back a tick. Returns whether there was one.
pub async fn untick(
    app: &App,
    user: &User,
    activity: ActivityId,
    person: PersonId,
    session: Option<SessionId>,
) -> Result<bool> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let session = session_of(&mut tx, &a, session).await?;
    // The attendance a certificate was issued on stays: revoke the certificate first.
    if kozos_db::participation::certificates::held_by(&mut tx, a.id, person).await? {
        return Err(AppError::invalid("person_id", "err-untick-certified"));
    }
    let gone = db::remove(&mut tx, a.id, session, person).await?;
    if gone {
        kozos_db::audit::record(
            &mut tx,
            &now.stored(),
            Some(user.id),
            "untick",
            "programme",
            Some(a.programme_id.0),
            &format!("{} #{}: #{}", a.title, a.id, person.0),
        )
        .await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(gone)
}

/// A walk-in nobody had entered before: the person is made and ticked at once. Returns the
/// person and the records that may be the same person (shown so staff can merge later).
pub async fn walk_in(
    app: &App,
    user: &User,
    activity: ActivityId,
    form: &PersonForm,
    session: Option<SessionId>,
) -> Result<(Person, Vec<Person>)> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let now = app.clock.instant();
    let input = form
        .validate(now.date().year())
        .map_err(AppError::Invalid)?;
    let place = crate::records::settlement(app, input.settlement.as_deref()).await?;
    let mut tx = app.db.begin().await?;
    let session = session_of(&mut tx, &a, session).await?;
    let id = people::insert(
        &mut tx,
        Some(a.programme_id),
        people::NewPerson {
            input: &input,
            place,
            user: None,
        },
        now,
    )
    .await?;
    db::record(
        &mut tx,
        NewAttendance {
            activity: a.id,
            session,
            person: id,
            registration: None,
            route: AttendanceRoute::WalkIn,
            scanned_at: now,
            by: Some(user.id),
            client_id: None,
        },
        now,
    )
    .await?;
    let dupes = people::possible_duplicates(
        &mut tx,
        &input.name,
        input.birth_year,
        place,
        input.email.as_deref(),
        Some(id),
    )
    .await?;
    kozos_db::audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "walk_in",
        "programme",
        Some(a.programme_id.0),
        &format!("{} #{}: {}", a.title, a.id, input.name),
    )
    .await?;
    let person = people::get(&mut tx, id)
        .await?
        .ok_or_else(|| AppError::Internal("person vanished".into()))?;
    tx.commit().await.map_err(DbError::from)?;
    Ok((person, dupes))
}

/// The programme's registry searched by name or e-mail, for adding a walk-in.
pub async fn search_people(
    app: &App,
    user: &User,
    activity: ActivityId,
    q: &str,
) -> Result<Vec<Person>> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let q = q.trim();
    if q.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(people::search(&mut conn, a.programme_id, Some(q), 20).await?)
}

//! Trainings: their settings, contact sessions, the distance part each person has done,
//! and who attended which session (what the completion rule is computed from).

use crate::programmes::activities::instant;
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use std::collections::HashMap;

/// A training's settings; defaults when none were saved.
pub async fn get(conn: &mut Conn, activity: ActivityId) -> Result<Training, DbError> {
    let r = sqlx::query(
        "SELECT distance_minutes, completion_percent, version FROM trainings WHERE activity_id = $1",
    )
    .bind(activity.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match r {
        None => Training::unsaved(activity),
        Some(r) => Training {
            activity_id: activity,
            distance_minutes: i(&r, "distance_minutes")?,
            completion_percent: i(&r, "completion_percent")?,
            version: i(&r, "version")?,
        },
    })
}

/// Save the settings if they are still at `version` (0: never saved). False when someone
/// saved them in between.
pub async fn save(
    conn: &mut Conn,
    activity: ActivityId,
    input: TrainingInput,
    version: i64,
) -> Result<bool, DbError> {
    let done = if version == 0 {
        sqlx::query(
            "INSERT INTO trainings (activity_id, distance_minutes, completion_percent, version) \
             VALUES ($1, $2, $3, 1) ON CONFLICT DO NOTHING",
        )
        .bind(activity.0)
        .bind(input.distance_minutes)
        .bind(input.completion_percent)
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query(
            "UPDATE trainings SET distance_minutes = $1, completion_percent = $2, version = version + 1 \
             WHERE activity_id = $3 AND version = $4",
        )
        .bind(input.distance_minutes)
        .bind(input.completion_percent)
        .bind(activity.0)
        .bind(version)
        .execute(&mut *conn)
        .await?
    };
    if done.rows_affected() == 1 {
        crate::indicators::touch_activity(conn, activity, crate::indicators::Touch::Trainings)
            .await?;
    }
    Ok(done.rows_affected() == 1)
}

pub async fn sessions(conn: &mut Conn, activity: ActivityId) -> Result<Vec<Session>, DbError> {
    let rows = sqlx::query(
        "SELECT id, starts_at, ends_at, contact_minutes, title FROM training_sessions \
         WHERE activity_id = $1 ORDER BY starts_at, id",
    )
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Session {
                id: SessionId(i(r, "id")?),
                activity_id: activity,
                starts_at: instant(r, "starts_at")?,
                ends_at: instant(r, "ends_at")?,
                contact_minutes: i(r, "contact_minutes")?,
                title: s(r, "title")?,
            })
        })
        .collect()
}

pub async fn add_session(
    conn: &mut Conn,
    activity: ActivityId,
    s: &SessionInput,
) -> Result<SessionId, DbError> {
    let r = sqlx::query(
        "INSERT INTO training_sessions (activity_id, starts_at, ends_at, contact_minutes, title) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(activity.0)
    .bind(s.starts_at.stored())
    .bind(s.ends_at.stored())
    .bind(s.contact_minutes)
    .bind(&s.title)
    .fetch_one(&mut *conn)
    .await?;
    crate::indicators::touch_activity(conn, activity, crate::indicators::Touch::Trainings).await?;
    Ok(SessionId(i(&r, "id")?))
}

/// Remove a session of this training; false when it is not one.
pub async fn delete_session(
    conn: &mut Conn,
    activity: ActivityId,
    session: SessionId,
) -> Result<bool, DbError> {
    let n = sqlx::query("DELETE FROM training_sessions WHERE id = $1 AND activity_id = $2")
        .bind(session.0)
        .bind(activity.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if n == 1 {
        crate::indicators::touch_activity(conn, activity, crate::indicators::Touch::Trainings)
            .await?;
    }
    Ok(n == 1)
}

/// How many attendance rows a session (0: the activity as a whole) has.
pub async fn attendance_count(
    conn: &mut Conn,
    activity: ActivityId,
    session: Option<SessionId>,
) -> Result<i64, DbError> {
    let r = sqlx::query(
        "SELECT COUNT(*) AS n FROM attendance WHERE activity_id = $1 AND session_id = $2",
    )
    .bind(activity.0)
    .bind(session.map(|s| s.0).unwrap_or(0))
    .fetch_one(&mut *conn)
    .await?;
    i(&r, "n")
}

/// Everyone with a place or an attendance on the training: person, name, the sessions
/// (0 for the activity as a whole) they attended, and when they did the distance part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub person: PersonId,
    pub name: String,
    pub attended: Vec<i64>,
    pub distance_done_on: Option<Date>,
}

pub async fn participants(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Vec<Participant>, DbError> {
    // Those with a confirmed place, walk-ins (attended without one), and whoever holds a
    // certificate of it (so it can still be found and revoked).
    let rows = sqlx::query(
        "SELECT p.id, p.name, d.done_on FROM people p \
         LEFT JOIN training_distance d ON d.activity_id = $1 AND d.person_id = p.id \
         WHERE p.id IN (SELECT person_id FROM registrations WHERE activity_id = $1 AND status = 'confirmed' \
                        UNION SELECT person_id FROM attendance WHERE activity_id = $1 \
                        UNION SELECT person_id FROM certificates WHERE activity_id = $1)",
    )
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut people: Vec<Participant> = rows
        .iter()
        .map(|r| {
            Ok(Participant {
                person: PersonId(i(r, "id")?),
                name: s(r, "name")?,
                attended: Vec::new(),
                distance_done_on: od(r, "done_on")?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    let rows = sqlx::query("SELECT person_id, session_id FROM attendance WHERE activity_id = $1")
        .bind(activity.0)
        .fetch_all(&mut *conn)
        .await?;
    let mut by_person: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in &rows {
        by_person
            .entry(i(r, "person_id")?)
            .or_default()
            .push(i(r, "session_id")?);
    }
    for p in &mut people {
        p.attended = by_person.remove(&p.person.0).unwrap_or_default();
    }
    Ok(people)
}

/// Record that a person did the distance part (or take it back with `None`).
pub async fn set_distance(
    conn: &mut Conn,
    activity: ActivityId,
    person: PersonId,
    done_on: Option<Date>,
    by: UserId,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM training_distance WHERE activity_id = $1 AND person_id = $2")
        .bind(activity.0)
        .bind(person.0)
        .execute(&mut *conn)
        .await?;
    if let Some(d) = done_on {
        sqlx::query(
            "INSERT INTO training_distance (activity_id, person_id, done_on, recorded_by) VALUES ($1, $2, $3, $4)",
        )
        .bind(activity.0)
        .bind(person.0)
        .bind(d.stored())
        .bind(by.0)
        .execute(&mut *conn)
        .await?;
    }
    crate::indicators::touch_activity(conn, activity, crate::indicators::Touch::Trainings).await
}

/// The latest end of a session, or of the activity when it has none: the completion date.
pub fn last_end(activity_ends: Instant, sessions: &[Session]) -> Instant {
    sessions
        .iter()
        .map(|s| s.ends_at)
        .max()
        .unwrap_or(activity_ends)
}

//! Attendance rows: who was at an activity (or a training session), when, by which route.

use crate::programmes::activities::instant;
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str =
    "SELECT t.id, t.activity_id, t.session_id, t.person_id, p.name AS person_name, \
    t.registration_id, t.route, t.scanned_at, t.recorded_at \
    FROM attendance t JOIN people p ON p.id = t.person_id";

fn from_row(r: &AnyRow) -> Result<Attendance, DbError> {
    let session = i(r, "session_id")?;
    Ok(Attendance {
        id: AttendanceId(i(r, "id")?),
        activity_id: ActivityId(i(r, "activity_id")?),
        session_id: (session != 0).then_some(SessionId(session)),
        person_id: PersonId(i(r, "person_id")?),
        person_name: s(r, "person_name")?,
        registration_id: oi(r, "registration_id")?.map(RegistrationId),
        route: e(r, "route", AttendanceRoute::parse)?,
        scanned_at: instant(r, "scanned_at")?,
        recorded_at: instant(r, "recorded_at")?,
    })
}

pub struct NewAttendance<'a> {
    pub activity: ActivityId,
    pub session: Option<SessionId>,
    pub person: PersonId,
    pub registration: Option<RegistrationId>,
    pub route: AttendanceRoute,
    pub scanned_at: Instant,
    pub by: Option<UserId>,
    pub client_id: Option<&'a str>,
}

/// What recording an attendance came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    New(Attendance),
    /// The person was already there (or this scan was already sent): the earlier row.
    Already(Attendance),
}

/// Record an attendance once: a second row for the same person and session, or the same
/// scanner id, is not written; the one already there is returned.
pub async fn record(
    conn: &mut Conn,
    a: NewAttendance<'_>,
    now: Instant,
) -> Result<Recorded, DbError> {
    let session = a.session.map(|s| s.0).unwrap_or(0);
    let row = sqlx::query(
        "INSERT INTO attendance (activity_id, session_id, person_id, registration_id, route, scanned_at, recorded_at, recorded_by, client_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(a.activity.0)
    .bind(session)
    .bind(a.person.0)
    .bind(a.registration.map(|r| r.0))
    .bind(a.route.as_str())
    .bind(a.scanned_at.stored())
    .bind(now.stored())
    .bind(a.by.map(|u| u.0))
    .bind(a.client_id)
    .fetch_optional(&mut *conn)
    .await?;
    let fresh = row.is_some();
    let existing = match a.client_id {
        Some(c) if !fresh => by_client(conn, c).await?,
        _ => None,
    };
    let found = match existing {
        Some(x) => Some(x),
        None => {
            let r = sqlx::query(&format!(
                "{SELECT} WHERE t.activity_id = $1 AND t.session_id = $2 AND t.person_id = $3"
            ))
            .bind(a.activity.0)
            .bind(session)
            .bind(a.person.0)
            .fetch_optional(&mut *conn)
            .await?;
            r.as_ref().map(from_row).transpose()?
        }
    };
    let found = found.ok_or_else(|| DbError::Corrupt("attendance vanished".into()))?;
    if fresh {
        crate::indicators::touch_activity(
            conn,
            a.activity,
            crate::indicators::Touch::Attendance(a.person),
        )
        .await?;
    }
    Ok(if fresh {
        Recorded::New(found)
    } else {
        Recorded::Already(found)
    })
}

pub async fn by_client(conn: &mut Conn, client_id: &str) -> Result<Option<Attendance>, DbError> {
    let r = sqlx::query(&format!("{SELECT} WHERE t.client_id = $1"))
        .bind(client_id)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(from_row).transpose()
}

/// Who attended an activity, in the order they arrived.
pub async fn list(conn: &mut Conn, activity: ActivityId) -> Result<Vec<Attendance>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE t.activity_id = $1 ORDER BY t.scanned_at, t.id"
    ))
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Remove a tick made by mistake; false when there was none.
pub async fn remove(
    conn: &mut Conn,
    activity: ActivityId,
    session: Option<SessionId>,
    person: PersonId,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "DELETE FROM attendance WHERE activity_id = $1 AND session_id = $2 AND person_id = $3",
    )
    .bind(activity.0)
    .bind(session.map(|s| s.0).unwrap_or(0))
    .bind(person.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n > 0 {
        crate::indicators::touch_activity(
            conn,
            activity,
            crate::indicators::Touch::Attendance(person),
        )
        .await?;
    }
    Ok(n > 0)
}

/// A training's contact sessions: id, start, end, contact minutes.
pub async fn sessions(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Vec<(SessionId, Instant, Instant, i64)>, DbError> {
    let rows = sqlx::query(
        "SELECT id, starts_at, ends_at, contact_minutes FROM training_sessions WHERE activity_id = $1 ORDER BY starts_at, id",
    )
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                SessionId(i(r, "id")?),
                instant(r, "starts_at")?,
                instant(r, "ends_at")?,
                i(r, "contact_minutes")?,
            ))
        })
        .collect()
}

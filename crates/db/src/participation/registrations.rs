//! Registrations for activities: places, the waiting list, tickets.

use crate::programmes::activities::{instant, o_instant};
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str =
    "SELECT r.id, r.activity_id, r.person_id, p.name AS person_name, p.email, r.status, r.token, \
    r.source, r.lang, r.created_at, r.waiting_since, r.cancelled_at, r.version \
    FROM registrations r JOIN people p ON p.id = r.person_id";

fn from_row(r: &AnyRow) -> Result<Registration, DbError> {
    Ok(Registration {
        id: RegistrationId(i(r, "id")?),
        activity_id: ActivityId(i(r, "activity_id")?),
        person_id: PersonId(i(r, "person_id")?),
        person_name: s(r, "person_name")?,
        email: os(r, "email")?,
        status: e(r, "status", RegistrationStatus::parse)?,
        token: s(r, "token")?,
        source: e(r, "source", RegistrationSource::parse)?,
        lang: s(r, "lang")?,
        created_at: instant(r, "created_at")?,
        waiting_since: o_instant(r, "waiting_since")?,
        cancelled_at: o_instant(r, "cancelled_at")?,
        version: i(r, "version")?,
    })
}

/// Take the activity's row lock for the rest of the transaction, so two registrations for
/// its last place are decided one after the other (SQLite's writer lock already does
/// this; on PostgreSQL the row lock does).
pub async fn lock_activity(conn: &mut Conn, activity: ActivityId) -> Result<bool, DbError> {
    let n = sqlx::query("UPDATE activities SET capacity = capacity WHERE id = $1")
        .bind(activity.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

pub async fn confirmed_count(conn: &mut Conn, activity: ActivityId) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE activity_id = $1 AND status = 'confirmed'",
    )
    .bind(activity.0)
    .fetch_one(&mut *conn)
    .await?)
}

/// Confirmed and waiting counts.
pub async fn counts(conn: &mut Conn, activity: ActivityId) -> Result<(i64, i64), DbError> {
    let r = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0) AS c, \
         COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0) AS w \
         FROM registrations WHERE activity_id = $1",
    )
    .bind(activity.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok((i(&r, "c")?, i(&r, "w")?))
}

pub async fn get(conn: &mut Conn, id: RegistrationId) -> Result<Option<Registration>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE r.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn of_person(
    conn: &mut Conn,
    activity: ActivityId,
    person: PersonId,
) -> Result<Option<Registration>, DbError> {
    let row = sqlx::query(&format!(
        "{SELECT} WHERE r.activity_id = $1 AND r.person_id = $2"
    ))
    .bind(activity.0)
    .bind(person.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_token(conn: &mut Conn, token: &str) -> Result<Option<Registration>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE r.token = $1"))
        .bind(token)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// An activity's registrations: confirmed first, then the waiting list in order, then
/// the cancelled; by name within each.
pub async fn list(conn: &mut Conn, activity: ActivityId) -> Result<Vec<Registration>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE r.activity_id = $1 ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, \
         r.waiting_since, p.name_key, r.id"
    ))
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

pub struct NewRegistration<'a> {
    pub activity: ActivityId,
    pub person: PersonId,
    pub status: RegistrationStatus,
    pub token: &'a str,
    pub source: RegistrationSource,
    pub by: Option<UserId>,
    pub lang: &'a str,
}

pub async fn insert(
    conn: &mut Conn,
    r: NewRegistration<'_>,
    now: Instant,
) -> Result<RegistrationId, DbError> {
    let waiting = r.status == RegistrationStatus::Waiting;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO registrations (activity_id, person_id, status, token, source, created_at, waiting_since, confirmed_at, created_by, lang) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(r.activity.0)
    .bind(r.person.0)
    .bind(r.status.as_str())
    .bind(r.token)
    .bind(r.source.as_str())
    .bind(now.stored())
    .bind(waiting.then(|| now.stored_millis()))
    .bind((!waiting).then(|| now.stored()))
    .bind(r.by.map(|u| u.0))
    .bind(r.lang)
    .fetch_one(&mut *conn)
    .await?;
    Ok(RegistrationId(id))
}

/// Renew a cancelled registration with a new status (the same ticket stays).
pub async fn renew(
    conn: &mut Conn,
    id: RegistrationId,
    status: RegistrationStatus,
    now: Instant,
) -> Result<(), DbError> {
    let waiting = status == RegistrationStatus::Waiting;
    sqlx::query(
        "UPDATE registrations SET status = $1, waiting_since = $2, confirmed_at = $3, cancelled_at = NULL, \
         reminded_at = NULL, version = version + 1 WHERE id = $4",
    )
    .bind(status.as_str())
    .bind(waiting.then(|| now.stored_millis()))
    .bind((!waiting).then(|| now.stored()))
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Cancel; false when it was already cancelled.
pub async fn cancel(conn: &mut Conn, id: RegistrationId, now: Instant) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = $1, version = version + 1 \
         WHERE id = $2 AND status <> 'cancelled'",
    )
    .bind(now.stored())
    .bind(id.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// The first on the waiting list, if any.
pub async fn first_waiting(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Option<Registration>, DbError> {
    let row = sqlx::query(&format!(
        "{SELECT} WHERE r.activity_id = $1 AND r.status = 'waiting' ORDER BY r.waiting_since, r.id LIMIT 1"
    ))
    .bind(activity.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn confirm(conn: &mut Conn, id: RegistrationId, now: Instant) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE registrations SET status = 'confirmed', confirmed_at = $1, waiting_since = NULL, version = version + 1 \
         WHERE id = $2",
    )
    .bind(now.stored())
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Confirmed registrations of activities starting between `from` and `to` that have not
/// been reminded yet.
pub async fn due_reminders(
    conn: &mut Conn,
    from: Instant,
    to: Instant,
) -> Result<Vec<RegistrationId>, DbError> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT r.id FROM registrations r JOIN activities a ON a.id = r.activity_id \
         WHERE r.status = 'confirmed' AND r.reminded_at IS NULL AND a.starts_at >= $1 AND a.starts_at < $2 \
         ORDER BY r.id",
    )
    .bind(from.stored())
    .bind(to.stored())
    .fetch_all(&mut *conn)
    .await?;
    Ok(ids.into_iter().map(RegistrationId).collect())
}

/// Mark reminded; false when another worker already did.
pub async fn mark_reminded(
    conn: &mut Conn,
    id: RegistrationId,
    now: Instant,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE registrations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL",
    )
    .bind(now.stored())
    .bind(id.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Is this ticket code taken? (A new code is drawn again in the astronomically unlikely
/// case.)
pub async fn token_exists(conn: &mut Conn, token: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE token = $1")
        .bind(token)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Has anyone a live registration for, or attended, the activity?
pub async fn has_participants(conn: &mut Conn, activity: ActivityId) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM registrations WHERE activity_id = $1 AND status <> 'cancelled') \
         + (SELECT COUNT(*) FROM attendance WHERE activity_id = $1)",
    )
    .bind(activity.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

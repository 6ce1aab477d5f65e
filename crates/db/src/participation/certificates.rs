//! Issued certificates (with their PDF as issued) and the batches that issue them.

use crate::programmes::activities::{instant, o_instant};
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;
use sqlx::Row;

const SELECT: &str = "SELECT id, activity_id, person_id, number, name, training, contact_minutes, \
    completed_on, issued_at, revoked_at, revoked_reason FROM certificates";

fn from_row(r: &AnyRow) -> Result<Certificate, DbError> {
    Ok(Certificate {
        id: CertificateId(i(r, "id")?),
        activity_id: ActivityId(i(r, "activity_id")?),
        person_id: PersonId(i(r, "person_id")?),
        number: s(r, "number")?,
        name: s(r, "name")?,
        training: s(r, "training")?,
        contact_minutes: i(r, "contact_minutes")?,
        completed_on: od(r, "completed_on")?
            .ok_or_else(|| DbError::Corrupt("certificate without a date".into()))?,
        issued_at: instant(r, "issued_at")?,
        revoked_at: o_instant(r, "revoked_at")?,
        revoked_reason: os(r, "revoked_reason")?,
    })
}

pub struct NewCertificate<'a> {
    pub activity: ActivityId,
    pub person: PersonId,
    pub number: &'a str,
    pub name: &'a str,
    pub training: &'a str,
    pub contact_minutes: i64,
    pub completed_on: kozos_domain::time::Date,
    pub by: Option<UserId>,
    /// The PDF as issued; `None` for one made on request from what it states.
    pub pdf: Option<&'a [u8]>,
}

/// Issue a certificate; `None` when the person already has one for this training (a
/// batch run twice issues each once).
pub async fn insert(
    conn: &mut Conn,
    c: NewCertificate<'_>,
    now: Instant,
) -> Result<Option<CertificateId>, DbError> {
    let r = sqlx::query(
        "INSERT INTO certificates (activity_id, person_id, number, name, training, contact_minutes, completed_on, issued_at, issued_by, pdf) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (activity_id, person_id) DO NOTHING RETURNING id",
    )
    .bind(c.activity.0)
    .bind(c.person.0)
    .bind(c.number)
    .bind(c.name)
    .bind(c.training)
    .bind(c.contact_minutes)
    .bind(c.completed_on.stored())
    .bind(now.stored())
    .bind(c.by.map(|u| u.0))
    .bind(c.pdf.map(<[u8]>::to_vec))
    .fetch_optional(&mut *conn)
    .await?;
    let id = r.map(|r| i(&r, "id").map(CertificateId)).transpose()?;
    if id.is_some() {
        crate::indicators::touch_activity(
            conn,
            c.activity,
            crate::indicators::Touch::Certificates(c.person),
        )
        .await?;
    }
    Ok(id)
}

pub async fn of_activity(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Vec<Certificate>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE activity_id = $1 ORDER BY id"))
        .bind(activity.0)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(conn: &mut Conn, id: CertificateId) -> Result<Option<Certificate>, DbError> {
    let r = sqlx::query(&format!("{SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(from_row).transpose()
}

pub async fn by_number(conn: &mut Conn, number: &str) -> Result<Option<Certificate>, DbError> {
    let r = sqlx::query(&format!("{SELECT} WHERE number = $1"))
        .bind(number)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(from_row).transpose()
}

/// Whether the person holds a certificate of this training (revoked or not).
pub async fn held_by(
    conn: &mut Conn,
    activity: ActivityId,
    person: PersonId,
) -> Result<bool, DbError> {
    let r = sqlx::query(
        "SELECT COUNT(*) AS n FROM certificates WHERE activity_id = $1 AND person_id = $2",
    )
    .bind(activity.0)
    .bind(person.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(i(&r, "n")? > 0)
}

/// The PDF as issued.
pub async fn pdf(conn: &mut Conn, id: CertificateId) -> Result<Option<Vec<u8>>, DbError> {
    let r = sqlx::query("SELECT pdf FROM certificates WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    match r {
        None => Ok(None),
        Some(r) => Ok(r.try_get::<Option<Vec<u8>>, _>("pdf")?),
    }
}

/// Revoke; false when it was revoked already.
pub async fn revoke(
    conn: &mut Conn,
    id: CertificateId,
    reason: &str,
    now: Instant,
) -> Result<bool, DbError> {
    let row = sqlx::query(
        "UPDATE certificates SET revoked_at = $1, revoked_reason = $2 WHERE id = $3 AND revoked_at IS NULL \
         RETURNING activity_id, person_id",
    )
    .bind(now.stored())
    .bind(reason)
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(false) };
    let (activity, person) = (
        ActivityId(i(&row, "activity_id")?),
        PersonId(i(&row, "person_id")?),
    );
    crate::indicators::touch_activity(
        conn,
        activity,
        crate::indicators::Touch::Certificates(person),
    )
    .await?;
    Ok(true)
}

/// A bulk issue: how far it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub id: i64,
    pub activity: ActivityId,
    pub total: i64,
    pub done: i64,
    /// `queued`, `running`, `done` or `failed`.
    pub state: String,
    pub created_at: Instant,
    pub finished_at: Option<Instant>,
}

fn batch_row(r: &AnyRow) -> Result<Batch, DbError> {
    Ok(Batch {
        id: i(r, "id")?,
        activity: ActivityId(i(r, "activity_id")?),
        total: i(r, "total")?,
        done: i(r, "done")?,
        state: s(r, "state")?,
        created_at: instant(r, "created_at")?,
        finished_at: o_instant(r, "finished_at")?,
    })
}

const BATCH: &str =
    "SELECT id, activity_id, total, done, state, created_at, finished_at FROM certificate_batches";

pub async fn new_batch(
    conn: &mut Conn,
    activity: ActivityId,
    total: i64,
    by: UserId,
    now: Instant,
) -> Result<i64, DbError> {
    let r = sqlx::query(
        "INSERT INTO certificate_batches (activity_id, total, requested_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(activity.0)
    .bind(total)
    .bind(by.0)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    i(&r, "id")
}

pub async fn batch(conn: &mut Conn, id: i64) -> Result<Option<Batch>, DbError> {
    let r = sqlx::query(&format!("{BATCH} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(batch_row).transpose()
}

/// The activity's latest batch, for the page to show its progress.
pub async fn latest_batch(conn: &mut Conn, activity: ActivityId) -> Result<Option<Batch>, DbError> {
    let r = sqlx::query(&format!(
        "{BATCH} WHERE activity_id = $1 ORDER BY id DESC LIMIT 1"
    ))
    .bind(activity.0)
    .fetch_optional(&mut *conn)
    .await?;
    r.as_ref().map(batch_row).transpose()
}

/// An unfinished batch of the activity (one runs at a time).
pub async fn open_batch(conn: &mut Conn, activity: ActivityId) -> Result<Option<Batch>, DbError> {
    let r = sqlx::query(&format!(
        "{BATCH} WHERE activity_id = $1 AND state IN ('queued', 'running') ORDER BY id LIMIT 1"
    ))
    .bind(activity.0)
    .fetch_optional(&mut *conn)
    .await?;
    r.as_ref().map(batch_row).transpose()
}

pub async fn progress(
    conn: &mut Conn,
    id: i64,
    done: i64,
    state: &str,
    finished: Option<Instant>,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE certificate_batches SET done = $1, state = $2, finished_at = $3 WHERE id = $4",
    )
    .bind(done)
    .bind(state)
    .bind(finished.map(|f| f.stored()))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// How many certificates a training has, and the bytes of their stored PDFs.
pub async fn totals(db: &crate::Db, activity: ActivityId) -> Result<(i64, i64), DbError> {
    let r = sqlx::query(
        "SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(pdf)), 0) AS bytes FROM certificates WHERE activity_id = $1",
    )
    .bind(activity.0)
    .fetch_one(&db.pool)
    .await?;
    Ok((i(&r, "n")?, i(&r, "bytes")?))
}

//! The mail outbox: every mail kozos sends is a row here first. A job delivers it; without
//! SMTP configured it stays queued for an administrator to read.

use crate::programmes::activities::{instant, o_instant};
use crate::row::*;
use crate::{Conn, Db, DbError};
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub id: MailId,
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub registration_id: Option<RegistrationId>,
    /// queued, sent, failed
    pub state: String,
    pub created_at: Instant,
    pub sent_at: Option<Instant>,
    pub last_error: Option<String>,
}

pub struct NewMail<'a> {
    pub kind: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub registration: Option<RegistrationId>,
    pub dedupe_key: Option<&'a str>,
}

const SELECT: &str =
    "SELECT id, kind, to_address, subject, body_text, body_html, registration_id, state, \
    created_at, sent_at, last_error FROM mail_outbox";

fn from_row(r: &AnyRow) -> Result<Mail, DbError> {
    Ok(Mail {
        id: MailId(i(r, "id")?),
        kind: s(r, "kind")?,
        to: s(r, "to_address")?,
        subject: s(r, "subject")?,
        body_text: s(r, "body_text")?,
        body_html: s(r, "body_html")?,
        registration_id: oi(r, "registration_id")?.map(RegistrationId),
        state: s(r, "state")?,
        created_at: instant(r, "created_at")?,
        sent_at: o_instant(r, "sent_at")?,
        last_error: os(r, "last_error")?,
    })
}

/// Queue a mail; with a dedupe key already used, the mail queued then (`None` if the
/// key's row was removed).
pub async fn insert(
    conn: &mut Conn,
    m: NewMail<'_>,
    now: Instant,
) -> Result<Option<MailId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO mail_outbox (kind, to_address, subject, body_text, body_html, registration_id, created_at, dedupe_key) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(m.kind)
    .bind(m.to)
    .bind(m.subject)
    .bind(m.body_text)
    .bind(m.body_html)
    .bind(m.registration.map(|r| r.0))
    .bind(now.stored())
    .bind(m.dedupe_key)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = id {
        return Ok(Some(MailId(id)));
    }
    let earlier: Option<i64> =
        sqlx::query_scalar("SELECT id FROM mail_outbox WHERE dedupe_key = $1")
            .bind(m.dedupe_key)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(earlier.map(MailId))
}

/// Mails still waiting for delivery, oldest first.
pub async fn queued_ids(db: &Db, limit: i64) -> Result<Vec<MailId>, DbError> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM mail_outbox WHERE state = 'queued' ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(ids.into_iter().map(MailId).collect())
}

pub async fn get(db: &Db, id: MailId) -> Result<Option<Mail>, DbError> {
    let r = sqlx::query(&format!("{SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?;
    r.as_ref().map(from_row).transpose()
}

/// The newest mails first, optionally only those in one state.
pub async fn list(db: &Db, state: Option<&str>, limit: i64) -> Result<Vec<Mail>, DbError> {
    let rows = match state {
        Some(st) => {
            sqlx::query(&format!(
                "{SELECT} WHERE state = $1 ORDER BY id DESC LIMIT $2"
            ))
            .bind(st)
            .bind(limit)
            .fetch_all(&db.pool)
            .await?
        }
        None => {
            sqlx::query(&format!("{SELECT} ORDER BY id DESC LIMIT $1"))
                .bind(limit)
                .fetch_all(&db.pool)
                .await?
        }
    };
    rows.iter().map(from_row).collect()
}

/// Mark delivered; false when it was not queued (another worker sent it).
pub async fn mark_sent(db: &Db, id: MailId, now: Instant) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE mail_outbox SET state = 'sent', sent_at = $1, last_error = NULL WHERE id = $2 AND state <> 'sent'",
    )
    .bind(now.stored())
    .bind(id.0)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(n > 0)
}

pub async fn mark_error(db: &Db, id: MailId, error: &str, failed: bool) -> Result<(), DbError> {
    sqlx::query("UPDATE mail_outbox SET last_error = $1, state = CASE WHEN $2 = 1 THEN 'failed' ELSE state END WHERE id = $3")
        .bind(error)
        .bind(i64::from(failed))
        .bind(id.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The mails to one address, newest first (tests and the ticket page's "sent to" line).
pub async fn to_address(db: &Db, to: &str) -> Result<Vec<Mail>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE to_address = $1 ORDER BY id DESC"))
        .bind(to)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(from_row).collect()
}

//! One-time keys of create forms (and API `Idempotency-Key`s): the first submission claims
//! its key inside the transaction that creates the record; a repeat finds the claim and is
//! answered with the record the first one made.

use crate::{Conn, Db, DbError};
use kozos_domain::UserId;

/// What claiming a one-time key came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// The key is new and now this transaction's (commit it with the record, then
    /// [`complete`]).
    New,
    /// An earlier submission with this key and the same content created record `id`.
    Done(i64),
    /// The key was used before for something else (other content, another account).
    Reused,
}

/// Claim `key` for this transaction, for a submission with this `fingerprint`.
///
/// On PostgreSQL a concurrent second claim waits at the insert until the first
/// transaction ends; `ON CONFLICT DO NOTHING` then lets it read the finished claim. On
/// SQLite write transactions are serialised, so the read sees the committed claim.
pub async fn claim(
    conn: &mut Conn,
    key: &str,
    user: UserId,
    now: &str,
    fingerprint: &str,
) -> Result<Claim, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO form_submissions (key, user_id, created_at, fingerprint) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(user.0)
    .bind(now)
    .bind(fingerprint)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let row: Option<(Option<i64>, String, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, fingerprint, result_id FROM form_submissions WHERE key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some((Some(owner), fp, Some(result))) if owner == user.0 && fp == fingerprint => {
            Claim::Done(result)
        }
        _ => Claim::Reused,
    })
}

/// Record what the claimed submission created.
pub async fn complete(conn: &mut Conn, key: &str, result_id: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE form_submissions SET result_id = $1 WHERE key = $2")
        .bind(result_id)
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Forget claims made before `before` (a form is not resubmitted days later).
pub async fn purge(db: &Db, before: &str) -> Result<u64, DbError> {
    Ok(
        sqlx::query("DELETE FROM form_submissions WHERE created_at < $1")
            .bind(before)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

//! One-time keys of create forms (and API `Idempotency-Key`s): the first submission claims
//! its key inside the transaction that creates the record; a repeat finds the claim and is
//! answered with the record the first one made.

use crate::{Conn, Db, DbError};
use kozos_domain::UserId;

/// Claim `key` for this transaction. `None`: the key is new and now ours (commit with the
/// record, then [`complete`]). `Some(id)`: an earlier submission with this key already
/// created record `id`.
///
/// On PostgreSQL a concurrent second claim waits at the insert until the first
/// transaction ends; `ON CONFLICT DO NOTHING` then lets it read the finished claim. On
/// SQLite write transactions are serialised, so the read sees the committed claim.
pub async fn claim(
    conn: &mut Conn,
    key: &str,
    user: UserId,
    now: &str,
) -> Result<Option<i64>, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO form_submissions (key, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(user.0)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(None);
    }
    let row: Option<(Option<i64>, Option<i64>)> =
        sqlx::query_as("SELECT user_id, result_id FROM form_submissions WHERE key = $1")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    match row {
        // Someone else's key (a guessed or leaked value) gives nothing away.
        Some((Some(owner), result)) if owner == user.0 => Ok(Some(result.unwrap_or(0))),
        _ => Err(DbError::Unique("form_submissions.key".into())),
    }
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

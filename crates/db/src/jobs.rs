//! The job queue (see migration 0005): enqueue inside the caller's transaction, claim a due
//! job with a lease, finish it as done, queued again for later, or failed.
//!
//! Claiming is safe with many workers on many instances: on PostgreSQL the due row is
//! taken with `FOR UPDATE SKIP LOCKED`, so concurrent claimers pass over each other's rows;
//! on SQLite the claim runs in a write transaction (`BEGIN IMMEDIATE`), so claimants take
//! turns. Finishing a job names the worker that holds its lease: a worker whose lease ran
//! out and whose job was taken by another cannot overwrite what the other reports.

use crate::row::*;
use crate::{timestamp, Backend, Conn, Db, DbError};
use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    /// Waiting for `run_at`.
    Queued,
    /// Leased by a worker until `locked_until` (taken again after that).
    Running,
    Done,
    /// Out of attempts; kept with its last error until an administrator retries it.
    Failed,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Failed => "failed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "queued" => Some(JobState::Queued),
            "running" => Some(JobState::Running),
            "done" => Some(JobState::Done),
            "failed" => Some(JobState::Failed),
            _ => None,
        }
    }
}

/// A stored job. Instants are stored text (RFC 3339 UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// JSON text.
    pub payload: String,
    pub state: JobState,
    /// How many times a worker has taken it (counted when taken, so a job that brings its
    /// worker down still runs out of attempts).
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_at: String,
    pub locked_by: Option<String>,
    pub locked_until: Option<String>,
    pub last_error: Option<String>,
    pub dedupe_key: Option<String>,
    pub created_at: String,
    pub finished_at: Option<String>,
}

const COLUMNS: &str = "id, kind, payload, state, attempts, max_attempts, run_at, locked_by, \
                       locked_until, last_error, dedupe_key, created_at, finished_at";

fn job(r: &AnyRow) -> Result<Job, DbError> {
    Ok(Job {
        id: i(r, "id")?,
        kind: s(r, "kind")?,
        payload: s(r, "payload")?,
        state: e(r, "state", JobState::parse)?,
        attempts: i(r, "attempts")?,
        max_attempts: i(r, "max_attempts")?,
        run_at: s(r, "run_at")?,
        locked_by: os(r, "locked_by")?,
        locked_until: os(r, "locked_until")?,
        last_error: os(r, "last_error")?,
        dedupe_key: os(r, "dedupe_key")?,
        created_at: s(r, "created_at")?,
        finished_at: os(r, "finished_at")?,
    })
}

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    pub kind: &'a str,
    /// JSON text.
    pub payload: &'a str,
    pub run_at: DateTime<Utc>,
    pub max_attempts: i64,
    /// At most one job with this key is ever stored (until it is purged).
    pub dedupe_key: Option<&'a str>,
}

/// Add a job in the caller's transaction: it exists exactly when that transaction commits.
/// `None` when a job with the same dedupe key is already stored.
pub async fn enqueue(
    conn: &mut Conn,
    job: &NewJob<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO jobs (kind, payload, state, attempts, max_attempts, run_at, dedupe_key, created_at) \
         VALUES ($1, $2, 'queued', 0, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(job.kind)
    .bind(job.payload)
    .bind(job.max_attempts.max(1))
    .bind(timestamp(job.run_at))
    .bind(job.dedupe_key)
    .bind(timestamp(now))
    .fetch_optional(&mut *conn)
    .await?)
}

/// Is a job with this dedupe key stored? (A read, so a scheduler that finds its periodic
/// job already there writes nothing.)
pub async fn has_dedupe_key(db: &Db, key: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE dedupe_key = $1")
        .bind(key)
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}

/// Due and pending: queued with its time come, or leased to a worker whose lease ran out
/// (a running job's `run_at` is its lease's end) and that still has attempts left.
const DUE: &str = "state IN ('queued', 'running') AND run_at <= $1 \
                   AND (state = 'queued' OR attempts < max_attempts)";

/// Take the earliest due job for `worker` until `now + lease`: it becomes `running`, its
/// attempt is counted, and no other claimant gets it before the lease ends.
pub async fn claim(
    db: &Db,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<Option<Job>, DbError> {
    let now_text = timestamp(now);
    // A read through the pool first: an idle queue costs no write transaction (on SQLite
    // that would take the database's one write lock every time a worker looks).
    let due: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM jobs WHERE {DUE} LIMIT 1"))
        .bind(&now_text)
        .fetch_optional(&db.pool)
        .await?;
    if due.is_none() {
        return Ok(None);
    }
    let skip_locked = match db.backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        // The write transaction already excludes every other claimant.
        Backend::Sqlite => "",
    };
    let mut tx = db.begin().await?;
    let id: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM jobs WHERE {DUE} ORDER BY run_at, id LIMIT 1{skip_locked}"
    ))
    .bind(&now_text)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        tx.rollback().await?;
        return Ok(None);
    };
    let until = timestamp(now + lease);
    // The update repeats the condition: were the row taken meanwhile, it would not match.
    let row = sqlx::query(&format!(
        "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $2, \
         locked_until = $3, run_at = $3 WHERE id = $4 AND {DUE} RETURNING {COLUMNS}"
    ))
    .bind(&now_text)
    .bind(worker)
    .bind(&until)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        tx.rollback().await?;
        return Ok(None);
    };
    let claimed = job(&row)?;
    tx.commit().await?;
    Ok(Some(claimed))
}

/// Error text as stored: no NUL (PostgreSQL refuses it in text), at most 2 000 characters.
fn error_text(error: &str) -> String {
    let clean: String = error.chars().filter(|c| *c != '\0').collect();
    match clean.char_indices().nth(2000) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}

/// The job ran to its end. `false` when `worker` no longer holds its lease (it ran out and
/// another worker took the job): then nothing is written.
pub async fn complete(db: &Db, id: i64, worker: &str, now: DateTime<Utc>) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE jobs SET state = 'done', finished_at = $1, locked_by = NULL, locked_until = NULL \
         WHERE id = $2 AND state = 'running' AND locked_by = $3",
    )
    .bind(timestamp(now))
    .bind(id)
    .bind(worker)
    .execute(&db.pool)
    .await?
    .rows_affected()
        > 0)
}

/// The job failed with `error`: queued again to run at `next_run_at`, or, without one,
/// `failed` for good. `false` when `worker` no longer holds its lease.
pub async fn fail(
    db: &Db,
    id: i64,
    worker: &str,
    now: DateTime<Utc>,
    error: &str,
    next_run_at: Option<DateTime<Utc>>,
) -> Result<bool, DbError> {
    let q = match next_run_at {
        Some(_) => {
            "UPDATE jobs SET state = 'queued', run_at = $1, last_error = $2, locked_by = NULL, \
             locked_until = NULL WHERE id = $3 AND state = 'running' AND locked_by = $4"
        }
        None => {
            "UPDATE jobs SET state = 'failed', finished_at = $1, last_error = $2, locked_by = NULL, \
             locked_until = NULL WHERE id = $3 AND state = 'running' AND locked_by = $4"
        }
    };
    Ok(sqlx::query(q)
        .bind(timestamp(next_run_at.unwrap_or(now)))
        .bind(error_text(error))
        .bind(id)
        .bind(worker)
        .execute(&db.pool)
        .await?
        .rows_affected()
        > 0)
}

/// Queue a failed job again with a fresh set of attempts (an administrator's retry), in
/// the caller's transaction. `false` when there is no failed job `id`.
pub async fn retry(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE jobs SET state = 'queued', attempts = 0, run_at = $1, finished_at = NULL, \
         locked_by = NULL, locked_until = NULL WHERE id = $2 AND state = 'failed'",
    )
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        > 0)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Job>, DbError> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(job)
        .transpose()
}

/// Failed jobs, the latest failure first.
pub async fn failed(db: &Db, limit: i64) -> Result<Vec<Job>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM jobs WHERE state = 'failed' ORDER BY finished_at DESC, id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(job).collect()
}

/// Queued and running jobs, the next to run first.
pub async fn pending(db: &Db, limit: i64) -> Result<Vec<Job>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM jobs WHERE state IN ('queued', 'running') ORDER BY run_at, id LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(job).collect()
}

/// Jobs whose lease ran out on their last attempt (their worker stopped while running
/// them, every time) become `failed`, so administrators see them.
pub async fn fail_abandoned(db: &Db, now: DateTime<Utc>) -> Result<u64, DbError> {
    Ok(sqlx::query(
        "UPDATE jobs SET state = 'failed', finished_at = $1, locked_by = NULL, locked_until = NULL, \
         last_error = $2 WHERE state = 'running' AND run_at <= $1 AND attempts >= max_attempts",
    )
    .bind(timestamp(now))
    .bind("the worker stopped before the job finished (its lease ran out) on every attempt")
    .execute(&db.pool)
    .await?
    .rows_affected())
}

/// Forget jobs done before `done_before` and jobs failed before `failed_before`.
pub async fn purge(
    db: &Db,
    done_before: DateTime<Utc>,
    failed_before: DateTime<Utc>,
) -> Result<u64, DbError> {
    Ok(sqlx::query(
        "DELETE FROM jobs WHERE (state = 'done' AND finished_at < $1) \
         OR (state = 'failed' AND finished_at < $2)",
    )
    .bind(timestamp(done_before))
    .bind(timestamp(failed_before))
    .execute(&db.pool)
    .await?
    .rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_text_drops_nul_and_stays_short() {
        assert_eq!(error_text("a\0b"), "ab");
        let long = "é".repeat(3000);
        let t = error_text(&long);
        assert_eq!(t.chars().count(), 2001);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn states_round_trip() {
        for s in [
            JobState::Queued,
            JobState::Running,
            JobState::Done,
            JobState::Failed,
        ] {
            assert_eq!(JobState::parse(s.as_str()), Some(s));
        }
        assert_eq!(JobState::parse("lost"), None);
    }
}

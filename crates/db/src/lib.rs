//! kozos storage: one SQL layer over SQLite and PostgreSQL.
//!
//! Every query is written once, in SQL both engines accept (`$1` placeholders, ISO-text
//! dates, BIGINT ids and flags), and run through sqlx's `Any` driver. The migration runner
//! rewrites the engine-specific tokens (`{{ID}}`, `{{BLOB}}`). Repositories (one module per
//! aggregate) return domain types, never rows. Every repository is exercised on both
//! engines by the integration tests.

pub mod audit;
pub mod bulk;
pub mod cache_versions;
mod error;
pub mod forms;
pub mod indicators;
pub mod information;
pub mod initiatives;
pub mod jobs;
pub mod knowledge;
pub mod migrate;
pub mod organisations;
pub mod participation;
pub mod places;
pub mod programmes;
pub mod questions;
mod row;
pub mod search;
pub mod settings;
pub mod users;

pub use error::{DbError, UNIQUE_CONSTRAINTS};
pub use sqlx::AnyConnection as Conn;

use kozos_domain::time::Instant;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A pool on either engine. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

impl Db {
    /// Connect to `sqlite://path?mode=rwc` or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(DbError::BadUrl(
                url.split(':').next().unwrap_or("").to_string(),
            ));
        };
        let opts = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the one writer. FULL syncs the log at every commit, so
                        // an answered write (a check-in) survives a power cut, not only a crash.
                        conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(opts)
            .await?;
        Ok(Db { pool, backend })
    }

    /// Begin a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and then writes must
    /// upgrade its lock, and when another writer holds it SQLite fails the upgrade at once
    /// ("database is locked") instead of waiting out the busy timeout. Taken up front, the
    /// lock is waited for like any other, so concurrent saves queue instead of failing.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Is the database reachable? (for `/readyz`)
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// What an edit that names the version it started from came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Done,
    /// The record was saved by someone else after that version.
    Stale,
    /// No such record (or not under the parent named in the URL).
    Missing,
}

/// Turn an `UPDATE … WHERE id = $a AND <parent> AND version = COALESCE($v, version)` that
/// touched `affected` rows into a [`Saved`]: when it touched none, `exists_sql` (taking
/// the same id and parent as `$1`, `$2`) tells a stale version from a missing record.
pub(crate) async fn saved(
    conn: &mut Conn,
    affected: u64,
    exists_sql: &str,
    id: i64,
    parent: i64,
) -> Result<Saved, DbError> {
    if affected > 0 {
        return Ok(Saved::Done);
    }
    let n: i64 = sqlx::query_scalar(exists_sql)
        .bind(id)
        .bind(parent)
        .fetch_one(&mut *conn)
        .await?;
    Ok(if n > 0 { Saved::Stale } else { Saved::Missing })
}

/// A `LIKE` pattern that finds `needle` anywhere, with `%`, `_` and the escape character
/// itself taken literally. Use with `LIKE $n ESCAPE '\\'`.
pub fn like_contains(needle: &str) -> String {
    let mut p = String::with_capacity(needle.len() + 2);
    p.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// An instant with milliseconds, for rows whose spacing in time matters (sign-in
/// attempts). Compare only with values written the same way: as text, `…00Z` sorts after
/// `…00.500Z`.
pub fn timestamp_millis(at: chrono::DateTime<chrono::Utc>) -> String {
    Instant::from(at).stored_millis()
}

/// An instant as stored: RFC 3339, UTC, seconds (the convention is `Instant`'s).
pub fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    Instant::from(at).stored()
}

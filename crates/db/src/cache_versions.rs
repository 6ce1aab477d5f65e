//! Versions of what cached pages show, by scope: `programme:17` (a programme and all its
//! parts), `organisation:4`, `places` (the places tree), `all` (anything; a demo load).
//!
//! A write bumps the scopes it changes inside its own transaction, derived from its audit
//! entry ([`crate::audit::record`] calls [`bump_for`]), so no write can forget it. On
//! PostgreSQL the upsert locks only its scope's row: writers to different programmes do
//! not queue on one counter. Versions only grow, so the sum of a set of scopes' versions
//! moves whenever any of them does; a cached page keeps the sum it was built at (read
//! before its data) and is current while the sum is unchanged.

use crate::{Conn, Db, DbError};

/// The places tree (names and lineage shown on pages).
pub const PLACES: &str = "places";
/// Everything: every cached page depends on it.
pub const ALL: &str = "all";

pub fn programme(id: i64) -> String {
    format!("programme:{id}")
}

pub fn organisation(id: i64) -> String {
    format!("organisation:{id}")
}

/// The scopes a write changes, from its audit entry (entity and id). Writes no public page
/// shows (accounts, grants) change none; an entity this table does not know changes
/// [`ALL`], so a new kind of write costs cache hits until it is mapped here, never
/// freshness.
pub fn scopes_for(entity: &str, entity_id: Option<i64>) -> Vec<String> {
    match (entity, entity_id) {
        ("programme", Some(id)) => vec![programme(id)],
        ("organisation", Some(id)) => vec![organisation(id)],
        ("place" | "places" | "gazetteer", _) => vec![PLACES.to_string()],
        // nor does the people registry (merges that free a place bump the programme)
        ("user" | "grant" | "session" | "token" | "job" | "person", _) => vec![],
        // no cached page shows the knowledge library (its pages read the database), nor
        // the questions of no programme (a programme's are audited as the programme)
        ("knowledge" | "question", _) => vec![],
        _ => vec![ALL.to_string()],
    }
}

/// Move one scope's version on; call inside the write transaction.
pub async fn bump(conn: &mut Conn, scope: &str) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO cache_versions (scope, version) VALUES ($1, 1) \
         ON CONFLICT (scope) DO UPDATE SET version = cache_versions.version + 1",
    )
    .bind(scope)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Bump what a write to `entity`/`entity_id` changes (see [`scopes_for`]).
pub async fn bump_for(
    conn: &mut Conn,
    entity: &str,
    entity_id: Option<i64>,
) -> Result<(), DbError> {
    for scope in scopes_for(entity, entity_id) {
        bump(conn, &scope).await?;
    }
    Ok(())
}

/// The committed sum of the scopes' versions, in one statement (so from one snapshot).
pub async fn sum(db: &Db, scopes: &[String]) -> Result<i64, DbError> {
    let mut conn = db.pool.acquire().await?;
    sum_on(&mut conn, scopes).await
}

/// [`sum`] on a given connection (outside a transaction: each read sees every commit made
/// before it started).
pub async fn sum_on(conn: &mut Conn, scopes: &[String]) -> Result<i64, DbError> {
    if scopes.is_empty() {
        return Ok(0);
    }
    let placeholders = (1..=scopes.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    // SUM of BIGINT is NUMERIC on PostgreSQL: cast back for the Any driver.
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM cache_versions WHERE scope IN ({placeholders})"
    );
    let mut q = sqlx::query_scalar::<_, i64>(&sql);
    for s in scopes {
        q = q.bind(s.as_str());
    }
    Ok(q.fetch_one(&mut *conn).await?)
}

/// The sum of every scope's version: it moves with any write that changes what pages show
/// (a value derived from data across the whole site is current while it stands still).
/// One read of a table with a row per programme and organisation, and no hot row for
/// writers: each still bumps only its own scopes.
pub async fn sum_all(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM cache_versions",
    )
    .fetch_one(&db.pool)
    .await?)
}

/// A connection of its own for version reads, taken out of the pool (it no longer counts
/// against it): a read on it neither queues for a pooled connection nor waits for the
/// liveness round trip the pool makes before lending one.
pub async fn reader(db: &Db) -> Result<Conn, DbError> {
    Ok(db.pool.acquire().await?.detach())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_map_to_the_scopes_pages_show() {
        let table: &[(&str, Option<i64>, &[&str])] = &[
            // a programme and every one of its parts are audited as the programme
            ("programme", Some(17), &["programme:17"]),
            ("organisation", Some(4), &["organisation:4"]),
            ("places", None, &["places"]),
            ("gazetteer", None, &["places"]),
            // accounts and grants show on no public page
            ("user", Some(3), &[]),
            ("grant", Some(3), &[]),
            // nor does the job queue (a retried job)
            ("job", Some(5), &[]),
            // nor does the people registry
            ("person", Some(8), &[]),
            // the demo load touches anything
            ("demo", None, &["all"]),
            // unknown or id-less writes invalidate everything rather than nothing
            ("programme", None, &["all"]),
            ("check_in", Some(9), &["all"]),
        ];
        for (entity, id, want) in table {
            assert_eq!(
                scopes_for(entity, *id),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{entity} {id:?}"
            );
        }
    }
}

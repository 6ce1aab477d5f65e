//! Accounts, grants, sessions, sign-in attempts and API tokens.

use crate::row::*;
use crate::{Conn, Db, DbError};
use kozos_domain::user::{Grant, Role, Scope, User};
use kozos_domain::UserId;

pub struct Credentials {
    pub user_id: UserId,
    pub password_hash: String,
    pub active: bool,
}

pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, DbError> {
    let row = sqlx::query("SELECT id, password_hash, active FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        Ok(Credentials {
            user_id: UserId(i(&r, "id")?),
            password_hash: s(&r, "password_hash")?,
            active: i(&r, "active")? == 1,
        })
    })
    .transpose()
}

pub async fn get(db: &Db, id: UserId) -> Result<Option<User>, DbError> {
    let row =
        sqlx::query("SELECT id, email, display_name, lang FROM users WHERE id = $1 AND active = 1")
            .bind(id.0)
            .fetch_optional(&db.pool)
            .await?;
    let Some(r) = row else { return Ok(None) };
    let grants = grants(db, id).await?;
    Ok(Some(User {
        id,
        email: s(&r, "email")?,
        display_name: s(&r, "display_name")?,
        lang: os(&r, "lang")?,
        grants,
    }))
}

pub async fn grants(db: &Db, id: UserId) -> Result<Vec<Grant>, DbError> {
    Ok(grants_with_ids(db, id)
        .await?
        .into_iter()
        .map(|(_, g)| g)
        .collect())
}

pub async fn list(db: &Db) -> Result<Vec<User>, DbError> {
    let rows = sqlx::query("SELECT id FROM users WHERE active = 1 ORDER BY email")
        .fetch_all(&db.pool)
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        if let Some(u) = get(db, UserId(i(r, "id")?)).await? {
            out.push(u);
        }
    }
    Ok(out)
}

pub async fn insert(
    conn: &mut Conn,
    email: &str,
    name: &str,
    hash: &str,
    demo: bool,
    now: &str,
) -> Result<UserId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, demo, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(hash)
    .bind(if demo { 1i64 } else { 0 })
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(UserId(id))
}

pub async fn id_by_email(conn: &mut Conn, email: &str) -> Result<Option<UserId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(UserId))
}

pub async fn set_password(conn: &mut Conn, id: UserId, hash: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_lang(db: &Db, id: UserId, lang: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
        .bind(lang)
        .bind(id.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn add_grant(conn: &mut Conn, id: UserId, g: Grant) -> Result<(), DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM grants WHERE user_id = $1 AND role = $2 AND scope_kind = $3 AND COALESCE(scope_id, 0) = $4",
    )
    .bind(id.0)
    .bind(g.role.as_str())
    .bind(g.scope.kind_str())
    .bind(g.scope.id().unwrap_or(0))
    .fetch_one(&mut *conn)
    .await?;
    if n == 0 {
        sqlx::query(
            "INSERT INTO grants (user_id, role, scope_kind, scope_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.0)
        .bind(g.role.as_str())
        .bind(g.scope.kind_str())
        .bind(g.scope.id())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Are there demo accounts (with their published passwords) in this database?
pub async fn has_demo_accounts(db: &Db) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE demo = 1 AND active = 1")
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await?)
}

// ---- sessions ----

pub async fn insert_session(
    db: &Db,
    token_hash: &str,
    user: UserId,
    now: &str,
    expires: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user.0)
        .bind(now)
        .bind(expires)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The user of a live session.
pub async fn session_user(db: &Db, token_hash: &str, now: &str) -> Result<Option<UserId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    Ok(id.map(UserId))
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_expired_sessions(db: &Db, now: &str) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

// ---- sign-in attempts ----

/// What became of a sign-in attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptOutcome {
    Ok,
    Failed,
    /// Refused before the password was checked: too many failures just before.
    Throttled,
}

impl AttemptOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptOutcome::Ok => "ok",
            AttemptOutcome::Failed => "failed",
            AttemptOutcome::Throttled => "throttled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ok" => Some(AttemptOutcome::Ok),
            "failed" => Some(AttemptOutcome::Failed),
            "throttled" => Some(AttemptOutcome::Throttled),
            _ => None,
        }
    }
}

pub async fn record_attempt(
    db: &Db,
    email: &str,
    ip: &str,
    at: &str,
    outcome: AttemptOutcome,
    device_hash: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO login_attempts (email, ip, at, success, outcome, device_hash) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(email)
    .bind(ip)
    .bind(at)
    .bind(if outcome == AttemptOutcome::Ok { 1i64 } else { 0 })
    .bind(outcome.as_str())
    .bind(device_hash)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Failures since `since` and the time of the latest one.
#[derive(Debug, Clone, Default)]
pub struct Failures {
    pub count: i64,
    pub last_at: Option<String>,
}

/// Failed attempts (not from a known device) since `since` for this account, and from
/// this address.
pub async fn recent_failures(
    db: &Db,
    email: &str,
    ip: &str,
    since: &str,
) -> Result<(Failures, Failures), DbError> {
    let q = |col: &str| {
        format!(
            "SELECT COUNT(*) AS n, MAX(at) AS last_at FROM login_attempts \
             WHERE {col} = $1 AND at > $2 AND outcome = 'failed' AND device_hash IS NULL"
        )
    };
    let mut out = Vec::new();
    for (col, v) in [("email", email), ("ip", ip)] {
        let r = sqlx::query(&q(col))
            .bind(v)
            .bind(since)
            .fetch_one(&db.pool)
            .await?;
        out.push(Failures {
            count: i(&r, "n")?,
            last_at: os(&r, "last_at")?,
        });
    }
    let ip_f = out.pop().unwrap_or_default();
    let email_f = out.pop().unwrap_or_default();
    Ok((email_f, ip_f))
}

/// Failed attempts made with this known-device token since `since`.
pub async fn device_failures(db: &Db, device_hash: &str, since: &str) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_attempts WHERE device_hash = $1 AND at > $2 AND outcome = 'failed'",
    )
    .bind(device_hash)
    .bind(since)
    .fetch_one(&db.pool)
    .await?)
}

#[derive(Debug, Clone)]
pub struct Attempt {
    pub at: String,
    pub email: String,
    pub ip: String,
    pub outcome: AttemptOutcome,
    pub known_device: bool,
}

/// The latest sign-in attempts, newest first (for administrators).
pub async fn recent_attempts(db: &Db, limit: i64) -> Result<Vec<Attempt>, DbError> {
    let rows = sqlx::query(
        "SELECT at, email, ip, outcome, device_hash FROM login_attempts ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Attempt {
                at: s(r, "at")?,
                email: s(r, "email")?,
                ip: s(r, "ip")?,
                outcome: e(r, "outcome", AttemptOutcome::parse)?,
                known_device: os(r, "device_hash")?.is_some(),
            })
        })
        .collect()
}

pub async fn purge_attempts(db: &Db, before: &str) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM login_attempts WHERE at < $1")
        .bind(before)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

// ---- known devices ----

/// The account a known-device token belongs to.
pub async fn device_user(db: &Db, token_hash: &str) -> Result<Option<UserId>, DbError> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT user_id FROM known_devices WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&db.pool)
            .await?;
    Ok(id.map(UserId))
}

pub async fn remember_device(
    db: &Db,
    token_hash: &str,
    user: UserId,
    now: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO known_devices (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (token_hash) DO UPDATE SET last_used_at = $3",
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn purge_devices(db: &Db, unused_since: &str) -> Result<u64, DbError> {
    Ok(
        sqlx::query("DELETE FROM known_devices WHERE last_used_at < $1")
            .bind(unused_since)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

// ---- API tokens ----

pub async fn insert_api_token(
    conn: &mut Conn,
    user: UserId,
    name: &str,
    token_hash: &str,
    now: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user.0)
    .bind(name)
    .bind(token_hash)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn api_token_user(db: &Db, token_hash: &str) -> Result<Option<UserId>, DbError> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT user_id FROM api_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&db.pool)
            .await?;
    Ok(id.map(UserId))
}

/// Grants of a user with their row ids (for removing one).
pub async fn grants_with_ids(
    db: &Db,
    id: UserId,
) -> Result<Vec<(kozos_domain::GrantId, Grant)>, DbError> {
    let rows = sqlx::query(
        "SELECT id, role, scope_kind, scope_id FROM grants WHERE user_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let role = e(r, "role", Role::parse)?;
            let kind = s(r, "scope_kind")?;
            let scope = Scope::from_parts(&kind, oi(r, "scope_id")?)
                .ok_or_else(|| DbError::Corrupt(format!("scope {kind}")))?;
            Ok((kozos_domain::GrantId(i(r, "id")?), Grant { role, scope }))
        })
        .collect()
}

pub async fn delete_grant(
    conn: &mut Conn,
    user: UserId,
    grant: kozos_domain::GrantId,
) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM grants WHERE id = $1 AND user_id = $2")
        .bind(grant.0)
        .bind(user.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Country-wide administrator grants of active accounts (to refuse removing the last one).
pub async fn count_country_admins(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM grants g JOIN users u ON u.id = g.user_id WHERE g.role = 'administrator' AND g.scope_kind = 'country' AND u.active = 1",
    )
    .fetch_one(&mut *conn)
    .await?)
}

//! Residents (one per verified e-mail address, optionally an account's) and the actions
//! visitors asked for, held until they open the link mailed to them.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::initiative::*;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str =
    "SELECT id, email, display_name, user_id, blocked_at, blocked_reason FROM residents";

fn from_row(r: &AnyRow) -> Result<Resident, DbError> {
    let blocked = match os(r, "blocked_at")? {
        Some(at) => Some(Blocked {
            at,
            reason: os(r, "blocked_reason")?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(Resident {
        id: ResidentId(i(r, "id")?),
        email: s(r, "email")?,
        display_name: s(r, "display_name")?,
        user_id: oi(r, "user_id")?.map(UserId),
        blocked,
    })
}

pub async fn get(conn: &mut Conn, id: ResidentId) -> Result<Option<Resident>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn of_user(conn: &mut Conn, user: UserId) -> Result<Option<Resident>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE user_id = $1"))
        .bind(user.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_email(conn: &mut Conn, email: &str) -> Result<Option<Resident>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE email = $1"))
        .bind(email)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// A resident with this verified address (an account's when `user` is given): the one
/// there is, linked to the account if it was not, or a new one.
pub async fn ensure(
    conn: &mut Conn,
    email: &str,
    name: &str,
    user: Option<UserId>,
    now: Instant,
) -> Result<Resident, DbError> {
    if let Some(u) = user {
        if let Some(r) = of_user(conn, u).await? {
            return Ok(r);
        }
    }
    if let Some(r) = by_email(conn, email).await? {
        if let (Some(u), None) = (user, r.user_id) {
            sqlx::query("UPDATE residents SET user_id = $1 WHERE id = $2")
                .bind(u.0)
                .bind(r.id.0)
                .execute(&mut *conn)
                .await?;
            return Ok(Resident {
                user_id: Some(u),
                ..r
            });
        }
        return Ok(r);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO residents (email, display_name, user_id, verified_at, created_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(user.map(|u| u.0))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(Resident {
        id: ResidentId(id),
        email: email.to_string(),
        display_name: name.to_string(),
        user_id: user,
        blocked: None,
    })
}

/// Block a resident from writing (`None`: unblock).
pub async fn set_blocked(
    conn: &mut Conn,
    id: ResidentId,
    reason: Option<&str>,
    by: UserId,
    now: Instant,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE residents SET blocked_at = $1, blocked_reason = $2, blocked_by = $3 WHERE id = $4",
    )
    .bind(reason.map(|_| now.stored()))
    .bind(reason)
    .bind(reason.map(|_| by.0))
    .bind(id.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Has this resident written on `programme`'s initiatives (proposed, commented,
/// supported)? A moderator of one programme blocks only people seen there.
pub async fn seen_in(
    conn: &mut Conn,
    id: ResidentId,
    programme: ProgrammeId,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM initiatives i WHERE i.programme_id = $2 AND (i.proposed_by = $1 \
         OR EXISTS (SELECT 1 FROM initiative_comments c WHERE c.initiative_id = i.id AND c.resident_id = $1))",
    )
    .bind(id.0)
    .bind(programme.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// A visitor's action waiting for its confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAction {
    pub id: PendingActionId,
    pub kind: String,
    pub payload: String,
    pub email: String,
    pub display_name: String,
    pub lang: String,
    pub has_token: bool,
    pub expires_at: String,
    pub done_at: Option<String>,
    pub result_id: Option<i64>,
}

const PENDING: &str = "SELECT id, kind, payload, email, display_name, lang, token_hash, expires_at, done_at, result_id FROM resident_actions";

fn pending_row(r: &AnyRow) -> Result<PendingAction, DbError> {
    Ok(PendingAction {
        id: PendingActionId(i(r, "id")?),
        kind: s(r, "kind")?,
        payload: s(r, "payload")?,
        email: s(r, "email")?,
        display_name: s(r, "display_name")?,
        lang: s(r, "lang")?,
        has_token: os(r, "token_hash")?.is_some(),
        expires_at: s(r, "expires_at")?,
        done_at: os(r, "done_at")?,
        result_id: oi(r, "result_id")?,
    })
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_pending(
    conn: &mut Conn,
    kind: &str,
    payload: &str,
    visitor: &Visitor,
    lang: &str,
    now: Instant,
    expires: Instant,
) -> Result<PendingActionId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO resident_actions (kind, payload, email, display_name, lang, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(kind)
    .bind(payload)
    .bind(&visitor.email)
    .bind(&visitor.name)
    .bind(lang)
    .bind(now.stored())
    .bind(expires.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(PendingActionId(id))
}

/// How many actions held for this address still wait for their link.
pub async fn waiting_for(conn: &mut Conn, email: &str, now: Instant) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM resident_actions WHERE email = $1 AND done_at IS NULL AND expires_at > $2",
    )
    .bind(email)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?)
}

/// A waiting action of this address, of this kind and content, held since `since`: the
/// same form sent again (a double click, a reload) is that action, not a second mail.
pub async fn same_waiting(
    conn: &mut Conn,
    kind: &str,
    payload: &str,
    email: &str,
    since: Instant,
) -> Result<Option<PendingActionId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM resident_actions WHERE email = $1 AND kind = $2 AND payload = $3 \
         AND done_at IS NULL AND created_at >= $4 ORDER BY id LIMIT 1",
    )
    .bind(email)
    .bind(kind)
    .bind(payload)
    .bind(since.stored())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(PendingActionId))
}

pub async fn pending(
    conn: &mut Conn,
    id: PendingActionId,
) -> Result<Option<PendingAction>, DbError> {
    let row = sqlx::query(&format!("{PENDING} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(pending_row).transpose()
}

/// Give a pending action its token's hash, once: `false` when it had one already (the
/// composing job ran before and its mail is in the outbox).
pub async fn set_token(conn: &mut Conn, id: PendingActionId, hash: &str) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE resident_actions SET token_hash = $1 WHERE id = $2 AND token_hash IS NULL",
    )
    .bind(hash)
    .bind(id.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n > 0)
}

pub async fn by_token(conn: &mut Conn, hash: &str) -> Result<Option<PendingAction>, DbError> {
    let row = sqlx::query(&format!("{PENDING} WHERE token_hash = $1"))
        .bind(hash)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(pending_row).transpose()
}

/// Mark it done (with what it made); `false` when it already was (a second click).
pub async fn mark_done(
    conn: &mut Conn,
    id: PendingActionId,
    result: Option<i64>,
    now: Instant,
) -> Result<bool, DbError> {
    let n = sqlx::query("UPDATE resident_actions SET done_at = $1, result_id = $2 WHERE id = $3 AND done_at IS NULL")
        .bind(now.stored())
        .bind(result)
        .bind(id.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

/// Forget held actions (they hold a name and an address): those nobody confirmed,
/// expired before `expired_before`, and those done before `done_before`.
pub async fn forget_old(
    conn: &mut Conn,
    expired_before: Instant,
    done_before: Instant,
) -> Result<u64, DbError> {
    Ok(sqlx::query(
        "DELETE FROM resident_actions WHERE (done_at IS NULL AND expires_at < $1) OR (done_at IS NOT NULL AND done_at < $2)",
    )
    .bind(expired_before.stored())
    .bind(done_before.stored())
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

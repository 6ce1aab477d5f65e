//! The audit log: who changed what, when. Written in the same transaction as the change,
//! which also moves on the cache versions of what it changed (see `cache_versions`).

use crate::row::*;
use crate::{Conn, Db, DbError};
use kozos_domain::UserId;

pub async fn record(
    conn: &mut Conn,
    at: &str,
    user: Option<UserId>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(at)
        .bind(user.map(|u| u.0))
        .bind(action)
        .bind(entity)
        .bind(entity_id)
        .bind(detail)
        .execute(&mut *conn)
        .await?;
    crate::cache_versions::bump_for(conn, entity, entity_id).await
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub at: String,
    pub user_email: Option<String>,
    pub action: String,
    pub detail: String,
}

pub async fn for_entity(db: &Db, entity: &str, id: i64, limit: i64) -> Result<Vec<Entry>, DbError> {
    let rows = sqlx::query(
        "SELECT a.at, u.email, a.action, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.user_id \
         WHERE a.entity = $1 AND a.entity_id = $2 ORDER BY a.id DESC LIMIT $3",
    )
    .bind(entity)
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Entry {
                at: s(r, "at")?,
                user_email: os(r, "email")?,
                action: s(r, "action")?,
                detail: s(r, "detail")?,
            })
        })
        .collect()
}

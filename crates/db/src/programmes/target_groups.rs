//! A programme's target groups.

use super::owned::TARGET_GROUPS;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::programme::*;
use kozos_domain::text::name_key;
use kozos_domain::*;
use sqlx::{Any, Executor};

pub async fn target_groups<'c>(
    ex: impl Executor<'c, Database = Any>,
    id: ProgrammeId,
) -> Result<Vec<TargetGroup>, DbError> {
    let rows = sqlx::query("SELECT id, name, description, planned_size, version FROM target_groups WHERE programme_id = $1 ORDER BY id")
        .bind(id.0)
        .fetch_all(ex)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(TargetGroup {
                id: TargetGroupId(i(r, "id")?),
                programme_id: id,
                name: s(r, "name")?,
                description: os(r, "description")?,
                planned_size: oi(r, "planned_size")?,
                version: i(r, "version")?,
            })
        })
        .collect()
}

/// Insert a target group; the unique name key turns a duplicate (however it is capitalised
/// or spaced) into a clear form error.
pub async fn insert_target_group(
    conn: &mut Conn,
    programme: ProgrammeId,
    t: &TargetGroupInput,
) -> Result<TargetGroupId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO target_groups (programme_id, name, name_key, description, planned_size) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(programme.0)
    .bind(&t.name)
    .bind(name_key(&t.name))
    .bind(t.description.as_deref())
    .bind(t.planned_size)
    .fetch_one(&mut *conn)
    .await?;
    Ok(TargetGroupId(id))
}

pub async fn update_target_group(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: TargetGroupId,
    t: &TargetGroupInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = TARGET_GROUPS.update_sql(&["name", "name_key", "description", "planned_size"]);
    let done = sqlx::query(&sql)
        .bind(&t.name)
        .bind(name_key(&t.name))
        .bind(t.description.as_deref())
        .bind(t.planned_size)
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    TARGET_GROUPS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await
}

pub async fn target_group_exists(
    conn: &mut Conn,
    programme: ProgrammeId,
    name: &str,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM target_groups WHERE programme_id = $1 AND name_key = $2",
    )
    .bind(programme.0)
    .bind(name_key(name))
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

pub async fn delete_target_group(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: TargetGroupId,
) -> Result<bool, DbError> {
    TARGET_GROUPS.delete(conn, id.0, programme).await
}

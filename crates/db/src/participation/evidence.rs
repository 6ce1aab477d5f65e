//! Evidence files on an activity, bytes and all, in the database: every instance serves
//! the same files. Lists read the metadata only; the bytes are read one file at a time.
//! Every query names the activity, so an id from another activity finds nothing.

use crate::programmes::activities::instant;
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::participation::{EvidenceFile, EvidenceKind};
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;
use sqlx::Row;

const SELECT: &str = "SELECT e.id, e.activity_id, e.kind, e.file_name, e.content_type, e.size, \
    e.sha256, e.uploaded_by, u.display_name AS uploaded_by_name, e.uploaded_at \
    FROM evidence_files e LEFT JOIN users u ON u.id = e.uploaded_by";

fn from_row(r: &AnyRow) -> Result<EvidenceFile, DbError> {
    Ok(EvidenceFile {
        id: EvidenceId(i(r, "id")?),
        activity_id: ActivityId(i(r, "activity_id")?),
        kind: e(r, "kind", EvidenceKind::parse)?,
        file_name: s(r, "file_name")?,
        content_type: s(r, "content_type")?,
        size: i(r, "size")?,
        sha256: s(r, "sha256")?,
        uploaded_by: oi(r, "uploaded_by")?.map(UserId),
        uploaded_by_name: os(r, "uploaded_by_name")?,
        uploaded_at: instant(r, "uploaded_at")?,
    })
}

pub struct NewEvidence<'a> {
    pub activity: ActivityId,
    pub kind: EvidenceKind,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub data: &'a [u8],
    pub by: Option<UserId>,
}

pub async fn insert(
    conn: &mut Conn,
    f: NewEvidence<'_>,
    now: Instant,
) -> Result<EvidenceId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO evidence_files (activity_id, kind, file_name, content_type, size, sha256, data, uploaded_by, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(f.activity.0)
    .bind(f.kind.as_str())
    .bind(f.file_name)
    .bind(f.content_type)
    .bind(f.data.len() as i64)
    .bind(f.sha256)
    .bind(f.data)
    .bind(f.by.map(|u| u.0))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(EvidenceId(id))
}

/// An activity's files, oldest first, without their bytes.
pub async fn list(conn: &mut Conn, activity: ActivityId) -> Result<Vec<EvidenceFile>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE e.activity_id = $1 ORDER BY e.uploaded_at, e.id"
    ))
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One file of the activity, without its bytes.
pub async fn get(
    conn: &mut Conn,
    activity: ActivityId,
    id: EvidenceId,
) -> Result<Option<EvidenceFile>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE e.id = $1 AND e.activity_id = $2"))
        .bind(id.0)
        .bind(activity.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// One file of the activity with its bytes.
pub async fn with_data(
    conn: &mut Conn,
    activity: ActivityId,
    id: EvidenceId,
) -> Result<Option<(EvidenceFile, Vec<u8>)>, DbError> {
    let row = sqlx::query(&format!(
        "{} WHERE e.id = $1 AND e.activity_id = $2",
        SELECT.replacen("SELECT ", "SELECT e.data, ", 1)
    ))
    .bind(id.0)
    .bind(activity.0)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        None => Ok(None),
        Some(r) => {
            let data: Vec<u8> = r.try_get("data")?;
            Ok(Some((from_row(&r)?, data)))
        }
    }
}

/// Remove a file of the activity; false when there was none.
pub async fn delete(
    conn: &mut Conn,
    activity: ActivityId,
    id: EvidenceId,
) -> Result<bool, DbError> {
    let n = sqlx::query("DELETE FROM evidence_files WHERE id = $1 AND activity_id = $2")
        .bind(id.0)
        .bind(activity.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

/// How many files the activity has.
pub async fn count(conn: &mut Conn, activity: ActivityId) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM evidence_files WHERE activity_id = $1")
            .bind(activity.0)
            .fetch_one(&mut *conn)
            .await?,
    )
}

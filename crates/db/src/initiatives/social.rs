//! What residents do with an initiative: support it (one support per resident, the unique
//! index says so), comment on it, report a comment (one report per reporter); and what
//! moderators do with comments (hide with a reason, restore).

use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::initiative::*;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

/// Support `initiative` as `resident`. A second support is the unique constraint
/// `initiative_supports_unique` (the use case answers it with a message).
pub async fn support(
    conn: &mut Conn,
    programme: ProgrammeId,
    initiative: InitiativeId,
    resident: ResidentId,
    now: Instant,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO initiative_supports (initiative_id, resident_id, created_at) VALUES ($1, $2, $3)")
        .bind(initiative.0)
        .bind(resident.0)
        .bind(now.stored())
        .execute(&mut *conn)
        .await?;
    super::touch(conn, programme).await
}

/// Withdraw a support; `false` when there was none.
pub async fn withdraw(
    conn: &mut Conn,
    programme: ProgrammeId,
    initiative: InitiativeId,
    resident: ResidentId,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "DELETE FROM initiative_supports WHERE initiative_id = $1 AND resident_id = $2",
    )
    .bind(initiative.0)
    .bind(resident.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n > 0 {
        super::touch(conn, programme).await?;
    }
    Ok(n > 0)
}

pub async fn supports(
    conn: &mut Conn,
    initiative: InitiativeId,
    resident: ResidentId,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM initiative_supports WHERE initiative_id = $1 AND resident_id = $2",
    )
    .bind(initiative.0)
    .bind(resident.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

const COMMENT: &str = "SELECT c.id, c.initiative_id, c.resident_id, r.display_name, c.body, c.created_at, \
    c.hidden_reason, c.version, \
    (SELECT COUNT(*) FROM comment_reports p WHERE p.comment_id = c.id AND p.resolved_at IS NULL) AS reports \
    FROM initiative_comments c JOIN residents r ON r.id = c.resident_id";

fn comment_row(r: &AnyRow) -> Result<Comment, DbError> {
    Ok(Comment {
        id: CommentId(i(r, "id")?),
        initiative_id: InitiativeId(i(r, "initiative_id")?),
        author: ResidentId(i(r, "resident_id")?),
        author_name: s(r, "display_name")?,
        body: s(r, "body")?,
        created_at: s(r, "created_at")?,
        hidden_reason: os(r, "hidden_reason")?,
        reports: i(r, "reports")?,
        version: i(r, "version")?,
    })
}

pub async fn insert_comment(
    conn: &mut Conn,
    initiative: InitiativeId,
    resident: ResidentId,
    body: &str,
    now: Instant,
) -> Result<CommentId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO initiative_comments (initiative_id, resident_id, body, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(initiative.0)
    .bind(resident.0)
    .bind(body)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(CommentId(id))
}

/// Save a comment's text if it is still at `version`.
pub async fn update_comment(
    conn: &mut Conn,
    initiative: InitiativeId,
    id: CommentId,
    body: &str,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let n = sqlx::query(
        "UPDATE initiative_comments SET body = $1, updated_at = $2, version = version + 1 \
         WHERE id = $3 AND initiative_id = $4 AND version = COALESCE($5, version)",
    )
    .bind(body)
    .bind(now.stored())
    .bind(id.0)
    .bind(initiative.0)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    crate::saved(
        conn,
        n,
        "SELECT COUNT(*) FROM initiative_comments WHERE id = $1 AND initiative_id = $2",
        id.0,
        initiative.0,
    )
    .await
}

pub async fn delete_comment(
    conn: &mut Conn,
    initiative: InitiativeId,
    id: CommentId,
) -> Result<bool, DbError> {
    sqlx::query("DELETE FROM comment_reports WHERE comment_id IN (SELECT id FROM initiative_comments WHERE id = $1 AND initiative_id = $2)")
        .bind(id.0)
        .bind(initiative.0)
        .execute(&mut *conn)
        .await?;
    let n = sqlx::query("DELETE FROM initiative_comments WHERE id = $1 AND initiative_id = $2")
        .bind(id.0)
        .bind(initiative.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(n > 0)
}

/// The comment, only when it is on `initiative`.
pub async fn comment(
    conn: &mut Conn,
    initiative: InitiativeId,
    id: CommentId,
) -> Result<Option<Comment>, DbError> {
    let row = sqlx::query(&format!(
        "{COMMENT} WHERE c.id = $1 AND c.initiative_id = $2"
    ))
    .bind(id.0)
    .bind(initiative.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(comment_row).transpose()
}

/// An initiative's comments, oldest first (hidden ones too: the page shows the reason).
pub async fn comments(conn: &mut Conn, initiative: InitiativeId) -> Result<Vec<Comment>, DbError> {
    let rows = sqlx::query(&format!(
        "{COMMENT} WHERE c.initiative_id = $1 ORDER BY c.created_at, c.id"
    ))
    .bind(initiative.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(comment_row).collect()
}

/// Report a comment as `reporter`; a second report by the same reporter is the unique
/// constraint `comment_reports_unique`.
pub async fn report(
    conn: &mut Conn,
    comment: CommentId,
    reporter: ResidentId,
    now: Instant,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO comment_reports (comment_id, reporter_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(comment.0)
    .bind(reporter.0)
    .bind(now.stored())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A reported comment waiting for a moderator, with its initiative's title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub comment: Comment,
    pub initiative_title: String,
    pub author_blocked: bool,
}

/// The programme's comments with open reports, most reported first.
pub async fn reported(conn: &mut Conn, programme: ProgrammeId) -> Result<Vec<Reported>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT * FROM ({COMMENT}) c JOIN (SELECT id AS iid, title, programme_id FROM initiatives) i ON i.iid = c.initiative_id \
         JOIN (SELECT id AS rid, blocked_at FROM residents) b ON b.rid = c.resident_id \
         WHERE i.programme_id = $1 AND c.reports > 0 ORDER BY c.reports DESC, c.id"
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Reported {
                comment: comment_row(r)?,
                initiative_title: s(r, "title")?,
                author_blocked: os(r, "blocked_at")?.is_some(),
            })
        })
        .collect()
}

/// Hide a comment with the moderator's reason (`None`: show it again), and resolve its
/// reports either way: the moderator has looked at it.
pub async fn set_hidden(
    conn: &mut Conn,
    initiative: InitiativeId,
    id: CommentId,
    reason: Option<&str>,
    by: UserId,
    now: Instant,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE initiative_comments SET hidden_reason = $1, hidden_at = $2, hidden_by = $3, version = version + 1 \
         WHERE id = $4 AND initiative_id = $5",
    )
    .bind(reason)
    .bind(reason.map(|_| now.stored()))
    .bind(reason.map(|_| by.0))
    .bind(id.0)
    .bind(initiative.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n > 0 {
        sqlx::query("UPDATE comment_reports SET resolved_at = $1 WHERE comment_id = $2 AND resolved_at IS NULL")
            .bind(now.stored())
            .bind(id.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(n > 0)
}

/// The initiative a comment is on, only when that initiative is `programme`'s.
pub async fn comment_in_programme(
    conn: &mut Conn,
    programme: ProgrammeId,
    comment: CommentId,
) -> Result<Option<Comment>, DbError> {
    let row = sqlx::query(&format!(
        "{COMMENT} JOIN initiatives i ON i.id = c.initiative_id WHERE c.id = $1 AND i.programme_id = $2"
    ))
    .bind(comment.0)
    .bind(programme.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(comment_row).transpose()
}

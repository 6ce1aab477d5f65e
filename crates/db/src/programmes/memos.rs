//! Memos of a programme's conversations, forums and workshops, with their follow-up
//! actions. Every write refreshes the memo in the search index.

use super::owned::MEMOS;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::community::memo::{FollowUp, Memo, MemoInput};
use kozos_domain::search::DocKind;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str =
    "SELECT id, programme_id, activity_id, title, moderator, body, decisions, published, \
    published_at, version FROM memos";

fn memo(r: &AnyRow, follow_ups: Vec<FollowUp>) -> Result<Memo, DbError> {
    Ok(Memo {
        id: MemoId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        activity_id: ActivityId(i(r, "activity_id")?),
        title: s(r, "title")?,
        moderator: s(r, "moderator")?,
        body: s(r, "body")?,
        decisions: s(r, "decisions")?,
        follow_ups,
        published: i(r, "published")? != 0,
        published_at: os(r, "published_at")?
            .as_deref()
            .and_then(Instant::parse_stored),
        version: i(r, "version")?,
    })
}

async fn follow_ups(conn: &mut Conn, id: i64) -> Result<Vec<FollowUp>, DbError> {
    let rows = sqlx::query(
        "SELECT task, owner, due_date FROM memo_follow_ups WHERE memo_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(FollowUp {
                task: s(r, "task")?,
                owner: os(r, "owner")?,
                due: od(r, "due_date")?,
            })
        })
        .collect()
}

async fn one(conn: &mut Conn, sql: &str, a: i64, b: Option<i64>) -> Result<Option<Memo>, DbError> {
    let mut q = sqlx::query(sql).bind(a);
    if let Some(b) = b {
        q = q.bind(b);
    }
    let Some(r) = q.fetch_optional(&mut *conn).await? else {
        return Ok(None);
    };
    let f = follow_ups(conn, i(&r, "id")?).await?;
    Ok(Some(memo(&r, f)?))
}

/// A memo of this programme.
pub async fn get(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: MemoId,
) -> Result<Option<Memo>, DbError> {
    let sql = format!("{SELECT} WHERE id = $1 AND programme_id = $2");
    one(conn, &sql, id.0, Some(programme.0)).await
}

/// Any memo by id (the public page checks it is published).
pub async fn by_id(conn: &mut Conn, id: MemoId) -> Result<Option<Memo>, DbError> {
    one(conn, &format!("{SELECT} WHERE id = $1"), id.0, None).await
}

/// The memo of an activity, if it has one.
pub async fn of_activity(conn: &mut Conn, activity: ActivityId) -> Result<Option<Memo>, DbError> {
    one(
        conn,
        &format!("{SELECT} WHERE activity_id = $1"),
        activity.0,
        None,
    )
    .await
}

async fn write_follow_ups(conn: &mut Conn, id: i64, list: &[FollowUp]) -> Result<(), DbError> {
    sqlx::query("DELETE FROM memo_follow_ups WHERE memo_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (n, f) in list.iter().enumerate() {
        sqlx::query(
            "INSERT INTO memo_follow_ups (memo_id, position, task, owner, due_date) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(n as i64)
        .bind(&f.task)
        .bind(f.owner.as_deref())
        .bind(f.due.map(Date::stored))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn insert(
    conn: &mut Conn,
    programme: ProgrammeId,
    activity: ActivityId,
    m: &MemoInput,
    now: Instant,
) -> Result<MemoId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO memos (programme_id, activity_id, title, moderator, body, decisions, published, published_at, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(programme.0)
    .bind(activity.0)
    .bind(&m.title)
    .bind(&m.moderator)
    .bind(&m.body)
    .bind(&m.decisions)
    .bind(i64::from(m.published))
    .bind(m.published.then(|| now.stored()))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    write_follow_ups(conn, id, &m.follow_ups).await?;
    crate::search::refresh(conn, DocKind::Memo, id).await?;
    Ok(MemoId(id))
}

pub async fn update(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: MemoId,
    m: &MemoInput,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE memos SET title = $1, moderator = $2, body = $3, decisions = $4, published = $5, \
         published_at = CASE WHEN $5 = 1 THEN COALESCE(published_at, $6) ELSE published_at END, \
         updated_at = $6, version = version + 1 \
         WHERE id = $7 AND programme_id = $8 AND version = COALESCE($9, version)",
    )
    .bind(&m.title)
    .bind(&m.moderator)
    .bind(&m.body)
    .bind(&m.decisions)
    .bind(i64::from(m.published))
    .bind(now.stored())
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    let saved = MEMOS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        write_follow_ups(conn, id.0, &m.follow_ups).await?;
        crate::search::refresh(conn, DocKind::Memo, id.0).await?;
    }
    Ok(saved)
}

pub async fn delete(conn: &mut Conn, programme: ProgrammeId, id: MemoId) -> Result<bool, DbError> {
    let gone = MEMOS.delete(conn, id.0, programme).await?;
    if gone {
        crate::search::remove(conn, DocKind::Memo, id.0).await?;
    }
    Ok(gone)
}

/// Does the activity have a memo? (It is then not deleted.)
pub async fn exists_for(conn: &mut Conn, activity: ActivityId) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memos WHERE activity_id = $1")
        .bind(activity.0)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

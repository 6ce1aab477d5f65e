//! Questions to the experts and their answers. Every write refreshes the question in the
//! search index in its transaction (its answers are part of its text; a refused question
//! leaves the index, a waiting one is there for moderators only).

use crate::row::*;
use crate::{Conn, Db, DbError, Saved};
use kozos_domain::community::questions::*;
use kozos_domain::search::DocKind;
use kozos_domain::time::Instant;
use kozos_domain::user::Role;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str = "SELECT q.id, q.programme_id, pr.title AS programme_title, q.place_id, \
    pl.name AS place_name, q.title, q.body, q.tags, q.asked_by, r.display_name, q.status, \
    q.refused_reason, q.created_at, q.published_at, q.answered_at, q.version, \
    (SELECT COUNT(*) FROM question_answers a WHERE a.question_id = q.id) AS answers \
    FROM questions q JOIN residents r ON r.id = q.asked_by \
    LEFT JOIN programmes pr ON pr.id = q.programme_id LEFT JOIN places pl ON pl.id = q.place_id";

fn question(r: &AnyRow) -> Result<ExpertQuestion, DbError> {
    Ok(ExpertQuestion {
        id: ExpertQuestionId(i(r, "id")?),
        programme_id: oi(r, "programme_id")?.map(ProgrammeId),
        programme_title: os(r, "programme_title")?,
        place_id: oi(r, "place_id")?.map(PlaceId),
        place_name: os(r, "place_name")?,
        title: s(r, "title")?,
        body: s(r, "body")?,
        tags: crate::knowledge::tags_of(&s(r, "tags")?),
        asker: ResidentId(i(r, "asked_by")?),
        asker_name: s(r, "display_name")?,
        status: e(r, "status", QuestionStatus::parse)?,
        refused_reason: os(r, "refused_reason")?,
        created_at: s(r, "created_at")?,
        published_at: os(r, "published_at")?,
        answered_at: os(r, "answered_at")?,
        answers: i(r, "answers")?,
        version: i(r, "version")?,
    })
}

async fn reindex(conn: &mut Conn, id: ExpertQuestionId) -> Result<(), DbError> {
    crate::search::refresh(conn, DocKind::Question, id.0).await
}

pub async fn get(conn: &mut Conn, id: ExpertQuestionId) -> Result<Option<ExpertQuestion>, DbError> {
    let r = sqlx::query(&format!("{SELECT} WHERE q.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(question).transpose()
}

/// Which programme's questions a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    Programme(ProgrammeId),
    /// Questions of no programme.
    National,
}

/// The order of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Answered ones first (most recently answered first), then the newest.
    #[default]
    Answered,
    Newest,
    /// The longest waiting first (the moderation queue).
    Oldest,
}

/// What a list asks for.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<QuestionStatus>,
    pub of: Option<Of>,
    /// Only questions of these programmes (`None`: of any programme or none).
    pub within: Option<Vec<ProgrammeId>>,
    pub tag: Option<String>,
    pub answered: Option<bool>,
    pub asker: Option<ResidentId>,
    pub order: Order,
}

/// A page of questions and how many match, in one query each (answer counts included).
pub async fn list(
    db: &Db,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ExpertQuestion>, i64), DbError> {
    let mut conds = vec!["1 = 1".to_string()];
    let mut binds: Vec<String> = Vec::new();
    if let Some(st) = f.status {
        binds.push(st.as_str().into());
        conds.push(format!("q.status = ${}", binds.len()));
    }
    match f.of {
        Some(Of::Programme(p)) => conds.push(format!("q.programme_id = {}", p.0)),
        Some(Of::National) => conds.push("q.programme_id IS NULL".into()),
        None => {}
    }
    if let Some(ps) = &f.within {
        conds.push(if ps.is_empty() {
            "1 = 0".into()
        } else {
            format!(
                "q.programme_id IN ({})",
                crate::indicators::id_list(ps.iter().map(|p| p.0))
            )
        });
    }
    if let Some(t) = &f.tag {
        // Tags are stored as "a,b": match a whole one, its characters taken literally.
        binds.push(crate::like_contains(&format!(",{t},")));
        conds.push(format!(
            "(',' || q.tags || ',') LIKE ${} ESCAPE '\\'",
            binds.len()
        ));
    }
    match f.answered {
        Some(true) => conds.push("q.answered_at IS NOT NULL".into()),
        Some(false) => conds.push("q.answered_at IS NULL".into()),
        None => {}
    }
    if let Some(r) = f.asker {
        conds.push(format!("q.asked_by = {}", r.0));
    }
    let wh = conds.join(" AND ");
    let count_sql = format!("SELECT COUNT(*) FROM questions q WHERE {wh}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for b in &binds {
        count = count.bind(b);
    }
    let total = count.fetch_one(&db.pool).await?;
    let order = match f.order {
        Order::Answered => {
            "CASE WHEN q.answered_at IS NULL THEN 1 ELSE 0 END, \
             COALESCE(q.answered_at, q.published_at, q.created_at) DESC, q.id DESC"
        }
        Order::Newest => "COALESCE(q.published_at, q.created_at) DESC, q.id DESC",
        Order::Oldest => "q.created_at, q.id",
    };
    let sql = format!(
        "{SELECT} WHERE {wh} ORDER BY {order} LIMIT {} OFFSET {}",
        limit.max(1),
        offset.max(0)
    );
    let mut q = sqlx::query(&sql);
    for b in &binds {
        q = q.bind(b);
    }
    let rows = q.fetch_all(&db.pool).await?;
    Ok((rows.iter().map(question).collect::<Result<_, _>>()?, total))
}

/// The tags in use on published questions, most used first.
pub async fn tags(db: &Db) -> Result<Vec<(String, i64)>, DbError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT tags FROM questions WHERE status = 'published' AND tags <> ''")
            .fetch_all(&db.pool)
            .await?;
    Ok(crate::knowledge::tally_tags(rows.into_iter().map(|(t,)| t)))
}

/// A new question, waiting for moderation.
pub async fn insert(
    conn: &mut Conn,
    q: &QuestionInput,
    place: Option<PlaceId>,
    (asker, lang): (ResidentId, &str),
    now: Instant,
) -> Result<ExpertQuestionId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO questions (programme_id, place_id, title, body, tags, asked_by, lang, status, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $8) RETURNING id",
    )
    .bind(q.programme_id.map(|p| p.0))
    .bind(place.map(|p| p.0))
    .bind(&q.title)
    .bind(&q.body)
    .bind(q.tags.join(","))
    .bind(asker.0)
    .bind(lang)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    let id = ExpertQuestionId(id);
    reindex(conn, id).await?;
    Ok(id)
}

/// A moderator's correction (text, programme, settlement, tags) if still at `version`.
pub async fn update(
    conn: &mut Conn,
    id: ExpertQuestionId,
    q: &QuestionInput,
    place: Option<PlaceId>,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let n = sqlx::query(
        "UPDATE questions SET programme_id = $1, place_id = $2, title = $3, body = $4, tags = $5, \
         updated_at = $6, version = version + 1 WHERE id = $7 AND version = COALESCE($8, version)",
    )
    .bind(q.programme_id.map(|p| p.0))
    .bind(place.map(|p| p.0))
    .bind(&q.title)
    .bind(&q.body)
    .bind(q.tags.join(","))
    .bind(now.stored())
    .bind(id.0)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let saved = crate::saved(
        conn,
        n,
        "SELECT COUNT(*) FROM questions WHERE id = $1 AND id = $2",
        id.0,
        id.0,
    )
    .await?;
    if saved == Saved::Done {
        reindex(conn, id).await?;
    }
    Ok(saved)
}

/// Publish a question (`reason` `None`) or refuse it with a reason. Its first
/// publication's time is kept.
pub async fn set_status(
    conn: &mut Conn,
    id: ExpertQuestionId,
    reason: Option<&str>,
    by: UserId,
    now: Instant,
) -> Result<bool, DbError> {
    let status = if reason.is_some() {
        QuestionStatus::Refused
    } else {
        QuestionStatus::Published
    };
    let n = sqlx::query(
        "UPDATE questions SET status = $1, refused_reason = $2, moderated_by = $3, moderated_at = $4, \
         published_at = CASE WHEN $1 = 'published' THEN COALESCE(published_at, $4) ELSE published_at END, \
         updated_at = $4, version = version + 1 WHERE id = $5",
    )
    .bind(status.as_str())
    .bind(reason)
    .bind(by.0)
    .bind(now.stored())
    .bind(id.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    reindex(conn, id).await?;
    Ok(n > 0)
}

const ANSWER: &str = "SELECT a.id, a.question_id, a.body, a.author_id, u.display_name, a.author_role, \
    a.created_at, a.edited_at, a.version FROM question_answers a JOIN users u ON u.id = a.author_id";

fn answer_row(r: &AnyRow) -> Result<ExpertAnswer, DbError> {
    Ok(ExpertAnswer {
        id: ExpertAnswerId(i(r, "id")?),
        question_id: ExpertQuestionId(i(r, "question_id")?),
        body: s(r, "body")?,
        author: UserId(i(r, "author_id")?),
        author_name: s(r, "display_name")?,
        author_role: e(r, "author_role", Role::parse)?,
        created_at: s(r, "created_at")?,
        edited_at: os(r, "edited_at")?,
        version: i(r, "version")?,
    })
}

/// The answers of these questions, oldest first (one query for a whole page).
pub async fn answers(
    conn: &mut Conn,
    questions: &[ExpertQuestionId],
) -> Result<Vec<ExpertAnswer>, DbError> {
    if questions.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::indicators::id_list(questions.iter().map(|q| q.0));
    let rows = sqlx::query(&format!(
        "{ANSWER} WHERE a.question_id IN ({list}) ORDER BY a.created_at, a.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(answer_row).collect()
}

/// One answer of the question (`None` when it is another question's).
pub async fn answer(
    conn: &mut Conn,
    question: ExpertQuestionId,
    id: ExpertAnswerId,
) -> Result<Option<ExpertAnswer>, DbError> {
    let r = sqlx::query(&format!("{ANSWER} WHERE a.id = $1 AND a.question_id = $2"))
        .bind(id.0)
        .bind(question.0)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(answer_row).transpose()
}

/// Add an answer; `true` in the second place when it is the question's first.
pub async fn insert_answer(
    conn: &mut Conn,
    question: ExpertQuestionId,
    body: &str,
    (author, role): (UserId, Role),
    now: Instant,
) -> Result<(ExpertAnswerId, bool), DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO question_answers (question_id, body, author_id, author_role, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(question.0)
    .bind(body)
    .bind(author.0)
    .bind(role.as_str())
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    let first =
        sqlx::query("UPDATE questions SET answered_at = $1 WHERE id = $2 AND answered_at IS NULL")
            .bind(now.stored())
            .bind(question.0)
            .execute(&mut *conn)
            .await?
            .rows_affected()
            > 0;
    reindex(conn, question).await?;
    Ok((ExpertAnswerId(id), first))
}

/// Save an edit of an answer if it is still at `version`.
pub async fn update_answer(
    conn: &mut Conn,
    question: ExpertQuestionId,
    id: ExpertAnswerId,
    body: &str,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let n = sqlx::query(
        "UPDATE question_answers SET body = $1, edited_at = $2, version = version + 1 \
         WHERE id = $3 AND question_id = $4 AND version = COALESCE($5, version)",
    )
    .bind(body)
    .bind(now.stored())
    .bind(id.0)
    .bind(question.0)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let saved = crate::saved(
        conn,
        n,
        "SELECT COUNT(*) FROM question_answers WHERE id = $1 AND question_id = $2",
        id.0,
        question.0,
    )
    .await?;
    if saved == Saved::Done {
        reindex(conn, question).await?;
    }
    Ok(saved)
}

/// Remove an answer; a question left without answers is unanswered again.
pub async fn delete_answer(
    conn: &mut Conn,
    question: ExpertQuestionId,
    id: ExpertAnswerId,
) -> Result<bool, DbError> {
    let n = sqlx::query("DELETE FROM question_answers WHERE id = $1 AND question_id = $2")
        .bind(id.0)
        .bind(question.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sqlx::query(
        "UPDATE questions SET answered_at = NULL WHERE id = $1 AND NOT EXISTS \
         (SELECT 1 FROM question_answers a WHERE a.question_id = $1)",
    )
    .bind(question.0)
    .execute(&mut *conn)
    .await?;
    reindex(conn, question).await?;
    Ok(n > 0)
}

/// Where a mail about the question goes: the asker's address, name and language (the
/// address is never shown on a page).
pub async fn asker_contact(
    conn: &mut Conn,
    id: ExpertQuestionId,
) -> Result<Option<(String, String, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT r.email, r.display_name, q.lang FROM questions q JOIN residents r ON r.id = q.asked_by \
         WHERE q.id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The id of the question with this title, if there is one (the demo loads once).
pub async fn id_titled(conn: &mut Conn, title: &str) -> Result<Option<ExpertQuestionId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT MIN(id) FROM questions WHERE title = $1")
        .bind(title)
        .fetch_one(&mut *conn)
        .await?;
    Ok(id.map(ExpertQuestionId))
}

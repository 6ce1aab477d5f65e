//! The Information Point's reads: what a programme (or a settlement) has published,
//! newest first, whatever its kind: memos, published plans, the knowledge library's
//! items and answered questions to the experts.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::time::Instant;
use kozos_domain::*;

/// What the point lists from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Programme(ProgrammeId),
    /// A settlement and its parts.
    Places(Vec<PlaceId>),
}

/// One published item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `memo`, `plan`, `question`, or the library's `practice`, `publication`, `video`,
    /// `study` (the search index's kind names).
    pub kind: String,
    pub id: i64,
    pub title: String,
    /// Its text (Markdown) for a summary.
    pub text: String,
    pub published_at: Instant,
    pub programme_id: Option<ProgrammeId>,
    pub programme_title: Option<String>,
    pub place_id: Option<PlaceId>,
}

fn scope_sql(scope: &Scope, programme_col: &str, place_col: &str) -> String {
    match scope {
        Scope::Programme(p) => format!("{programme_col} = {}", p.0),
        Scope::Places(ids) if ids.is_empty() => "1 = 0".into(),
        Scope::Places(ids) => format!(
            "{place_col} IN ({})",
            crate::indicators::id_list(ids.iter().map(|p| p.0))
        ),
    }
}

/// A page of published items, newest first, and how many there are.
pub async fn entries(
    conn: &mut Conn,
    scope: &Scope,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Entry>, i64), DbError> {
    let union = format!(
        "SELECT 'memo' AS kind, m.id, m.title, m.body AS text, m.published_at, m.programme_id, \
         pr.title AS programme_title, a.place_id \
         FROM memos m JOIN activities a ON a.id = m.activity_id JOIN programmes pr ON pr.id = m.programme_id \
         WHERE m.published = 1 AND {} \
         UNION ALL \
         SELECT k.kind, k.id, k.title, k.summary AS text, k.published_at, k.programme_id, \
         pr.title AS programme_title, k.place_id \
         FROM knowledge_items k LEFT JOIN programmes pr ON pr.id = k.programme_id \
         WHERE k.published = 1 AND {} \
         UNION ALL \
         SELECT 'plan' AS kind, p.id, p.title, '' AS text, p.adopted_on AS published_at, p.programme_id, \
         pr.title AS programme_title, pr.place_id \
         FROM plans p JOIN programmes pr ON pr.id = p.programme_id \
         WHERE p.published = 1 AND p.adopted_on IS NOT NULL AND {} \
         UNION ALL \
         SELECT 'question' AS kind, q.id, q.title, q.body AS text, q.answered_at AS published_at, \
         q.programme_id, pr.title AS programme_title, COALESCE(q.place_id, pr.place_id) AS place_id \
         FROM questions q LEFT JOIN programmes pr ON pr.id = q.programme_id \
         WHERE q.status = 'published' AND q.answered_at IS NOT NULL AND {}",
        scope_sql(scope, "m.programme_id", "a.place_id"),
        scope_sql(scope, "k.programme_id", "k.place_id"),
        scope_sql(scope, "p.programme_id", "pr.place_id"),
        scope_sql(scope, "q.programme_id", "COALESCE(q.place_id, pr.place_id)"),
    );
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM ({union}) x"))
        .fetch_one(&mut *conn)
        .await?;
    let rows = sqlx::query(&format!(
        "SELECT * FROM ({union}) x ORDER BY published_at DESC, kind, id DESC LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let list = rows
        .iter()
        .map(|r| {
            Ok(Entry {
                kind: s(r, "kind")?,
                id: i(r, "id")?,
                title: s(r, "title")?,
                text: s(r, "text")?,
                // A plan is dated by the day it was adopted, a question by its first answer.
                published_at: {
                    let t = s(r, "published_at")?;
                    Instant::parse_stored(&t)
                        .or_else(|| kozos_domain::time::Date::parse_stored(&t).map(|d| d.start()))
                        .ok_or_else(|| DbError::Corrupt("published_at".into()))?
                },
                programme_id: oi(r, "programme_id")?.map(ProgrammeId),
                programme_title: os(r, "programme_title")?,
                place_id: oi(r, "place_id")?.map(PlaceId),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok((list, total))
}

/// What a published memo's page shows besides the memo: its activity and programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoContext {
    pub activity_title: String,
    pub starts_at: Instant,
    pub place_name: Option<String>,
    pub address: String,
    pub programme_title: String,
    /// People who attended (from the attendance records).
    pub attended: i64,
}

pub async fn memo_context(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Option<MemoContext>, DbError> {
    let Some(r) = sqlx::query(
        "SELECT a.title, a.starts_at, a.address, pl.name AS place_name, pr.title AS programme_title, \
         (SELECT COUNT(*) FROM attendance WHERE activity_id = a.id) AS attended \
         FROM activities a JOIN programmes pr ON pr.id = a.programme_id \
         LEFT JOIN places pl ON pl.id = a.place_id WHERE a.id = $1",
    )
    .bind(activity.0)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(MemoContext {
        activity_title: s(&r, "title")?,
        starts_at: Instant::parse_stored(&s(&r, "starts_at")?)
            .ok_or_else(|| DbError::Corrupt("starts_at".into()))?,
        place_name: os(&r, "place_name")?,
        address: s(&r, "address")?,
        programme_title: s(&r, "programme_title")?,
        attended: i(&r, "attended")?,
    }))
}

/// A programme's memos and the meetings held (begun by `now`) that could have one but have
/// none yet, for the back office: (activity id, title, start, memo id, memo title, published).
pub async fn memo_board(
    conn: &mut Conn,
    programme: ProgrammeId,
    now: Instant,
) -> Result<Vec<BoardRow>, DbError> {
    let rows = sqlx::query(
        "SELECT a.id AS activity_id, a.title AS activity_title, a.starts_at, m.id AS memo_id, m.title AS memo_title, \
         m.published, \
         (SELECT COUNT(*) FROM memo_follow_ups f WHERE f.memo_id = m.id) AS follow_ups, \
         (SELECT COUNT(*) FROM memo_follow_ups f WHERE f.memo_id = m.id AND EXISTS \
            (SELECT 1 FROM plan_actions pa WHERE pa.memo_id = m.id AND pa.memo_task = f.task)) AS taken \
         FROM activities a LEFT JOIN memos m ON m.activity_id = a.id \
         WHERE a.programme_id = $1 AND (m.id IS NOT NULL OR (a.starts_at <= $2 AND \
         a.kind IN ('community_conversation', 'participatory_forum', 'workshop'))) \
         ORDER BY a.starts_at DESC, a.id DESC",
    )
    .bind(programme.0)
    .bind(now.stored())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(BoardRow {
                activity: ActivityId(i(r, "activity_id")?),
                activity_title: s(r, "activity_title")?,
                starts_at: Instant::parse_stored(&s(r, "starts_at")?)
                    .ok_or_else(|| DbError::Corrupt("starts_at".into()))?,
                memo: oi(r, "memo_id")?.map(MemoId),
                memo_title: os(r, "memo_title")?,
                published: oi(r, "published")?.unwrap_or(0) != 0,
                follow_ups: i(r, "follow_ups")?,
                follow_ups_taken: i(r, "taken")?,
            })
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub activity: ActivityId,
    pub activity_title: String,
    pub starts_at: Instant,
    pub memo: Option<MemoId>,
    pub memo_title: Option<String>,
    pub published: bool,
    /// The memo's follow-ups, and how many of them are in a plan.
    pub follow_ups: i64,
    pub follow_ups_taken: i64,
}

//! What each kind of record puts in the index, read from its own tables: one SELECT per
//! kind giving the same columns, so `refresh` and `reindex_all` treat every kind alike.
//! A record a source does not return (deleted, or not searchable) leaves the index.

use super::Doc;
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::search::DocKind;
use kozos_domain::time::{Date, Instant};
use kozos_domain::{PlaceId, ProgrammeId};
use sqlx::any::AnyRow;

/// The source of a kind: its SELECT (columns ref_id, programme_id, place_id, public,
/// title, body, keywords, dated; ending in a WHERE clause that more conditions are
/// ANDed to) and the column `ref_id` is.
fn source(kind: DocKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        DocKind::Programme => (
            "SELECT p.id AS ref_id, p.id AS programme_id, p.place_id, 1 AS public, p.title, \
             p.description AS body, \
             COALESCE(o.name, '') || ' ' || COALESCE(p.code, '') || ' ' || COALESCE(pl.name, '') AS keywords, \
             p.start_date AS dated \
             FROM programmes p LEFT JOIN organisations o ON o.id = p.beneficiary_id \
             LEFT JOIN places pl ON pl.id = p.place_id WHERE 1 = 1",
            "p.id",
        ),
        DocKind::Activity => (
            "SELECT a.id AS ref_id, a.programme_id, a.place_id, a.public, a.title, \
             a.description || ' ' || a.address AS body, \
             COALESCE(pl.name, '') || ' ' || pr.title AS keywords, a.starts_at AS dated \
             FROM activities a JOIN programmes pr ON pr.id = a.programme_id \
             LEFT JOIN places pl ON pl.id = a.place_id \
             LEFT JOIN activity_series s ON s.id = a.series_id \
             WHERE NOT (s.id IS NOT NULL AND s.name = a.title AND s.description = a.description)",
            "a.id",
        ),
        // A date of a series that still reads as its series is found through the series.
        DocKind::Series => (
            "SELECT s.id AS ref_id, s.programme_id, s.place_id, s.public, s.name AS title, \
             s.description || ' ' || s.address AS body, \
             COALESCE(pl.name, '') || ' ' || pr.title AS keywords, s.first_date AS dated \
             FROM activity_series s JOIN programmes pr ON pr.id = s.programme_id \
             LEFT JOIN places pl ON pl.id = s.place_id WHERE 1 = 1",
            "s.id",
        ),
        DocKind::Memo => (
            "SELECT m.id AS ref_id, m.programme_id, a.place_id, m.published AS public, m.title, \
             m.body || ' ' || m.decisions AS body, \
             m.moderator || ' ' || COALESCE(pl.name, '') || ' ' || pr.title AS keywords, \
             a.starts_at AS dated \
             FROM memos m JOIN activities a ON a.id = m.activity_id \
             JOIN programmes pr ON pr.id = m.programme_id \
             LEFT JOIN places pl ON pl.id = a.place_id WHERE 1 = 1",
            "m.id",
        ),
        // Every proposal is public; its stage and outcome are found too.
        DocKind::Initiative => (
            "SELECT i.id AS ref_id, i.programme_id, pr.place_id, 1 AS public, i.title, i.summary AS body, \
             i.stage || ' ' || COALESCE(i.outcome_name, '') || ' ' || pr.title AS keywords, \
             i.created_at AS dated \
             FROM initiatives i JOIN programmes pr ON pr.id = i.programme_id WHERE 1 = 1",
            "i.id",
        ),
        // A plan's text is its whole tree (needs, goals, actions), added by `with_tree`.
        DocKind::Plan => (
            "SELECT p.id AS ref_id, p.programme_id, pr.place_id, p.published AS public, p.title, \
             '' AS body, \
             CASE p.kind WHEN 'local_action_plan' THEN 'helyi cselekvési terv' \
             WHEN 'equal_opportunity' THEN 'helyi esélyegyenlőségi program' ELSE '' END \
             || ' ' || pr.title AS keywords, p.adopted_on AS dated \
             FROM plans p JOIN programmes pr ON pr.id = p.programme_id WHERE 1 = 1",
            "p.id",
        ),
        // A question to the experts: public once published, held for its moderators
        // while waiting, gone from the index when refused; its answers are added by
        // `with_children`.
        DocKind::Question => (
            "SELECT q.id AS ref_id, q.programme_id, COALESCE(q.place_id, pr.place_id) AS place_id, \
             CASE WHEN q.status = 'published' THEN 1 ELSE 0 END AS public, q.title, q.body, \
             REPLACE(q.tags, ',', ' ') || ' ' || COALESCE(pl.name, '') || ' ' || COALESCE(pr.title, '') AS keywords, \
             COALESCE(q.published_at, q.created_at) AS dated \
             FROM questions q LEFT JOIN programmes pr ON pr.id = q.programme_id \
             LEFT JOIN places pl ON pl.id = q.place_id WHERE q.status <> 'refused'",
            "q.id",
        ),
        DocKind::Practice => (KNOWLEDGE_PRACTICE, "k.id"),
        DocKind::Publication => (KNOWLEDGE_PUBLICATION, "k.id"),
        DocKind::Video => (KNOWLEDGE_VIDEO, "k.id"),
        DocKind::Study => (KNOWLEDGE_STUDY, "k.id"),
    })
}

/// The library's items, one kind each (a changed kind moves the item between them).
macro_rules! knowledge {
    ($kind:literal) => {
        concat!(
            "SELECT k.id AS ref_id, k.programme_id, k.place_id, k.published AS public, k.title, \
             k.summary AS body, k.author || ' ' || REPLACE(k.tags, ',', ' ') || ' ' || COALESCE(pl.name, '') AS keywords, \
             COALESCE(k.published_at, k.created_at) AS dated \
             FROM knowledge_items k LEFT JOIN places pl ON pl.id = k.place_id WHERE k.kind = '",
            $kind,
            "'"
        )
    };
}
const KNOWLEDGE_PRACTICE: &str = knowledge!("practice");
const KNOWLEDGE_PUBLICATION: &str = knowledge!("publication");
const KNOWLEDGE_VIDEO: &str = knowledge!("video");
const KNOWLEDGE_STUDY: &str = knowledge!("study");

/// The documents of these records of a kind (those that exist and are searchable).
pub(super) async fn load(conn: &mut Conn, kind: DocKind, ids: &[i64]) -> Result<Vec<Doc>, DbError> {
    let Some((select, id)) = source(kind) else {
        return Ok(Vec::new());
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::indicators::id_list(ids.iter().copied());
    let sql = format!("{select} AND {id} IN ({list})");
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    let docs = rows
        .iter()
        .map(|r| doc(kind, r))
        .collect::<Result<_, _>>()?;
    with_children(conn, kind, docs).await
}

/// The next `limit` records of a kind after `after`, in id order.
pub(super) async fn batch(
    conn: &mut Conn,
    kind: DocKind,
    after: i64,
    limit: i64,
) -> Result<Vec<Doc>, DbError> {
    let Some((select, id)) = source(kind) else {
        return Ok(Vec::new());
    };
    let sql = format!("{select} AND {id} > $1 ORDER BY {id} LIMIT $2");
    let rows = sqlx::query(&sql)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    let docs = rows
        .iter()
        .map(|r| doc(kind, r))
        .collect::<Result<_, _>>()?;
    with_children(conn, kind, docs).await
}

/// What a record's body gains from its children, as (record id, text) rows of the
/// records `{list}` names: a plan's needs (with their descriptions), goals and actions in
/// order; a question's answers (Markdown, read as plain words).
fn children(kind: DocKind, list: &str) -> Option<String> {
    match kind {
        DocKind::Plan => Some(format!(
            "SELECT n.plan_id, n.title || '. ' || n.description AS t FROM plan_needs n WHERE n.plan_id IN ({list}) \
             UNION ALL SELECT n.plan_id, g.title FROM plan_goals g JOIN plan_needs n ON n.id = g.need_id \
             WHERE n.plan_id IN ({list}) \
             UNION ALL SELECT n.plan_id, a.title || ' (' || a.owner || ')' FROM plan_actions a \
             JOIN plan_goals g ON g.id = a.goal_id JOIN plan_needs n ON n.id = g.need_id WHERE n.plan_id IN ({list})"
        )),
        DocKind::Question => Some(format!(
            "SELECT a.question_id, a.body FROM question_answers a WHERE a.question_id IN ({list}) ORDER BY a.id"
        )),
        _ => None,
    }
}

async fn with_children(
    conn: &mut Conn,
    kind: DocKind,
    mut docs: Vec<Doc>,
) -> Result<Vec<Doc>, DbError> {
    if docs.is_empty() {
        return Ok(docs);
    }
    let list = crate::indicators::id_list(docs.iter().map(|d| d.ref_id));
    let Some(sql) = children(kind, &list) else {
        return Ok(docs);
    };
    let rows: Vec<(i64, String)> = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
    for (parent, text) in rows {
        if let Some(d) = docs.iter_mut().find(|d| d.ref_id == parent) {
            if !d.body.is_empty() {
                d.body.push('\n');
            }
            if kind == DocKind::Question {
                d.body.push_str(&plain(&text));
            } else {
                d.body.push_str(&text);
            }
        }
    }
    Ok(docs)
}

fn doc(kind: DocKind, r: &AnyRow) -> Result<Doc, DbError> {
    Ok(Doc {
        kind,
        ref_id: i(r, "ref_id")?,
        programme: oi(r, "programme_id")?.map(ProgrammeId),
        place: oi(r, "place_id")?.map(PlaceId),
        public: i(r, "public")? != 0,
        title: s(r, "title")?,
        body: plain(&os(r, "body")?.unwrap_or_default()),
        keywords: os(r, "keywords")?.unwrap_or_default(),
        dated: os(r, "dated")?.as_deref().and_then(day_of),
    })
}

/// A stored date, or the Budapest day of a stored instant.
fn day_of(text: &str) -> Option<Date> {
    Date::parse_stored(text).or_else(|| Instant::parse_stored(text).map(Instant::date))
}

/// Text as a reader sees it in a snippet: Markdown's marks (`#`, `*`, `_`, `>`, link
/// targets) dropped, the words kept.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // "[words](https://…)": keep the words, drop the target.
    while let Some(at) = rest.find("](") {
        let Some(end) = rest[at..].find(')') else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    let mut plain = String::with_capacity(out.len());
    for c in out.chars() {
        let c = if matches!(c, '#' | '*' | '_' | '>' | '[' | '`') {
            ' '
        } else {
            c
        };
        if !(c == ' ' && plain.ends_with([' ', '\n'])) {
            plain.push(c);
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_marks_leave_the_snippet_text() {
        assert_eq!(
            super::plain("## Döntés\n**Piac** [a honlapon](https://kisber.hu) _is_"),
            " Döntés\nPiac a honlapon is "
        );
    }
}

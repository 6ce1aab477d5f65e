//! Finding records: every query word must match (a stem, or for the word still being
//! typed a prefix), and records are ranked by BM25: the weights stored per term times
//! each term's rarity, computed here from the index at query time so a new record
//! counts at once. Visibility and filters are applied in the same query, so a page of
//! results and its total never include what the reader may not see.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::search::{DocKind, Query};
use kozos_domain::time::Date;
use kozos_domain::{PlaceId, ProgrammeId};
use std::collections::BTreeMap;

/// Whose eyes: what, beyond public records, the reader may find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visible {
    Public,
    /// Public records and the internal ones of these programmes.
    Programmes(Vec<ProgrammeId>),
    Everything,
}

/// What a reader may find beyond public records: the internal records (drafts, internal
/// activities) of the programmes their back-office grants cover, and the records held
/// for moderation (questions waiting to be published) of those their moderating grants
/// cover. `held` alone decides the held kinds: reading a programme's back office does
/// not show what its residents asked before a moderator let it through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sight {
    pub internal: Visible,
    pub held: Visible,
}

impl Sight {
    pub fn public() -> Self {
        Sight {
            internal: Visible::Public,
            held: Visible::Public,
        }
    }
}

/// The kinds whose records that are not public are held for moderation.
const HELD: &str = "'question'";

/// Filters the reader chose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Where {
    pub kind: Option<DocKind>,
    pub programme: Option<ProgrammeId>,
    /// A settlement and its parts (empty: anywhere).
    pub places: Vec<PlaceId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    pub ref_id: i64,
    pub programme: Option<ProgrammeId>,
    pub place: Option<PlaceId>,
    pub public: bool,
    pub title: String,
    pub body: String,
    pub dated: Option<Date>,
    pub score: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// Records matching, with every filter.
    pub total: i64,
    /// Records matching by kind, with every filter but the kind's.
    pub kinds: Vec<(DocKind, i64)>,
}

/// Terms a prefix stands for at most (the most frequent ones), so "ko" cannot turn one
/// word into thousands.
const PREFIX_TERMS: i64 = 12;

/// One matching term: which query word it serves and its factor (rarity, halved for a
/// prefix match), in thousandths.
struct Matcher {
    word: usize,
    term: String,
    factor: i64,
}

pub async fn find(
    conn: &mut Conn,
    q: &Query,
    sight: &Sight,
    w: &Where,
    limit: i64,
    offset: i64,
) -> Result<Found, DbError> {
    let Some(matchers) = matchers(conn, q).await? else {
        return Ok(Found::default());
    };
    let words = q.words.len();
    let mut binds: Vec<String> = Vec::new();
    let branches: Vec<String> = matchers
        .iter()
        .map(|m| {
            binds.push(m.term.clone());
            format!(
                "SELECT doc_id, weight * {} AS s, {} AS w FROM search_terms WHERE term = ${}",
                m.factor,
                m.word,
                binds.len()
            )
        })
        .collect();
    let matched = format!(
        "WITH m AS ({}), g AS (SELECT doc_id, CAST(SUM(s) AS BIGINT) AS score FROM m \
         GROUP BY doc_id HAVING COUNT(DISTINCT w) = {words})",
        branches.join(" UNION ALL ")
    );
    let mut conds = vec![visibility(sight)];
    if let Some(p) = w.programme {
        conds.push(format!("d.programme_id = {}", p.0));
    }
    if !w.places.is_empty() {
        let list = crate::indicators::id_list(w.places.iter().map(|p| p.0));
        conds.push(format!("d.place_id IN ({list})"));
    }
    let by_kind = format!(
        "{matched} SELECT d.kind, COUNT(*) AS n FROM g JOIN search_docs d ON d.id = g.doc_id \
         WHERE {} GROUP BY d.kind",
        conds.join(" AND ")
    );
    if let Some(k) = w.kind {
        conds.push(format!("d.kind = '{}'", k.as_str()));
    }
    let page = format!(
        "{matched} SELECT d.kind, d.ref_id, d.programme_id, d.place_id, d.public, d.title, d.body, \
         d.dated, g.score FROM g JOIN search_docs d ON d.id = g.doc_id WHERE {} \
         ORDER BY g.score DESC, d.dated DESC, d.id DESC LIMIT {} OFFSET {}",
        conds.join(" AND "),
        limit.clamp(1, 100),
        offset.max(0)
    );
    let mut kinds = Vec::new();
    let mut q_kinds = sqlx::query(&by_kind);
    for b in &binds {
        q_kinds = q_kinds.bind(b);
    }
    for r in q_kinds.fetch_all(&mut *conn).await? {
        if let Some(k) = DocKind::parse(&s(&r, "kind")?) {
            kinds.push((k, i(&r, "n")?));
        }
    }
    kinds.sort();
    let total = kinds
        .iter()
        .filter(|(k, _)| w.kind.is_none_or(|f| f == *k))
        .map(|(_, n)| n)
        .sum();
    let mut q_page = sqlx::query(&page);
    for b in &binds {
        q_page = q_page.bind(b);
    }
    let hits = q_page
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            Ok(Hit {
                kind: e(r, "kind", DocKind::parse)?,
                ref_id: i(r, "ref_id")?,
                programme: oi(r, "programme_id")?.map(ProgrammeId),
                place: oi(r, "place_id")?.map(PlaceId),
                public: i(r, "public")? != 0,
                title: s(r, "title")?,
                body: s(r, "body")?,
                dated: od(r, "dated")?,
                score: i(r, "score")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Found { hits, total, kinds })
}

fn visibility(s: &Sight) -> String {
    if s == &Sight::public() {
        return "d.public = 1".into();
    }
    format!(
        "(d.public = 1 OR (d.kind NOT IN ({HELD}) AND {}) OR (d.kind IN ({HELD}) AND {}))",
        beyond_public(&s.internal),
        beyond_public(&s.held)
    )
}

/// Which records that are not public a scope reaches.
fn beyond_public(v: &Visible) -> String {
    match v {
        Visible::Everything => "1 = 1".into(),
        Visible::Programmes(ps) if !ps.is_empty() => format!(
            "d.programme_id IN ({})",
            crate::indicators::id_list(ps.iter().map(|p| p.0))
        ),
        _ => "1 = 0".into(),
    }
}

/// The terms each query word matches in the index, with their factors; `None` when a
/// word matches nothing (then no record has every word).
async fn matchers(conn: &mut Conn, q: &Query) -> Result<Option<Vec<Matcher>>, DbError> {
    if q.is_empty() {
        return Ok(None);
    }
    let docs: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM search_docs")
        .fetch_one(&mut *conn)
        .await?;
    let mut out = Vec::new();
    for (word, qw) in q.words.iter().enumerate() {
        // term → (documents with it, exact?)
        let mut found: BTreeMap<String, (i64, bool)> = BTreeMap::new();
        let list = qw
            .terms
            .iter()
            .enumerate()
            .map(|(n, _)| format!("${}", n + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT term, COUNT(*) AS n FROM search_terms WHERE term IN ({list}) GROUP BY term"
        );
        let mut exact = sqlx::query(&sql);
        for t in &qw.terms {
            exact = exact.bind(t);
        }
        for r in exact.fetch_all(&mut *conn).await? {
            found.insert(s(&r, "term")?, (i(&r, "n")?, true));
        }
        if !qw.partial.is_empty() {
            let list = (1..=qw.partial.len())
                .map(|n| format!("${n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "SELECT term, COUNT(*) AS n FROM search_terms WHERE term IN ({list}) GROUP BY term"
            );
            let mut partial = sqlx::query(&sql);
            for t in &qw.partial {
                partial = partial.bind(t);
            }
            for r in partial.fetch_all(&mut *conn).await? {
                found.entry(s(&r, "term")?).or_insert((i(&r, "n")?, false));
            }
        }
        if let Some(prefix) = &qw.prefix {
            let upper = format!("{prefix}{}", char::MAX);
            let rows = sqlx::query(
                "SELECT term, COUNT(*) AS n FROM search_terms WHERE term >= $1 AND term < $2 \
                 GROUP BY term ORDER BY COUNT(*) DESC, term LIMIT $3",
            )
            .bind(prefix)
            .bind(&upper)
            .bind(PREFIX_TERMS)
            .fetch_all(&mut *conn)
            .await?;
            for r in rows {
                found.entry(s(&r, "term")?).or_insert((i(&r, "n")?, false));
            }
        }
        if found.is_empty() {
            return Ok(None);
        }
        for (term, (df, exact)) in found {
            let idf = (1.0 + (docs as f64 - df as f64 + 0.5) / (df as f64 + 0.5)).ln();
            let factor = (idf * if exact { 1000.0 } else { 500.0 }).round().max(1.0) as i64;
            out.push(Matcher { word, term, factor });
        }
    }
    Ok(Some(out))
}

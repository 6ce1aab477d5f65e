//! The search index. Every write of a searchable record calls [`refresh`] for it in the
//! same transaction: the record is read back from its own table (through its kind's
//! source in `sources.rs`) and its row and terms are rewritten, or removed when it is
//! gone. So the index never lags the records on any instance, and one call per write
//! path is all a new kind needs. Reading is `find.rs`.

mod find;
mod sources;

pub use find::{find, Found, Hit, Sight, Visible, Where};

use crate::bulk::{Cell, Inserter};
use crate::{Conn, DbError};
use kozos_domain::search::{index_terms, DocKind, Field};
use kozos_domain::time::Date;
use kozos_domain::{PlaceId, ProgrammeId};

/// The body kept for snippets; longer texts are indexed whole but shown from this much.
const BODY_KEPT: usize = 20_000;

/// A searchable record as its source reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub kind: DocKind,
    pub ref_id: i64,
    pub programme: Option<ProgrammeId>,
    pub place: Option<PlaceId>,
    pub public: bool,
    pub title: String,
    pub body: String,
    /// Indexed with more weight than the body, not shown (place names, tags, codes).
    pub keywords: String,
    pub dated: Option<Date>,
}

impl Doc {
    fn terms(&self) -> Vec<(String, i64)> {
        index_terms(&[
            (Field::Title, &self.title),
            (Field::Keywords, &self.keywords),
            (Field::Body, &self.body),
        ])
    }

    fn kept_body(&self) -> &str {
        match self.body.char_indices().nth(BODY_KEPT) {
            Some((i, _)) => &self.body[..i],
            None => &self.body,
        }
    }
}

/// Bring the index up to date with one record: call after writing it (or deleting it),
/// inside the writing transaction.
pub async fn refresh(conn: &mut Conn, kind: DocKind, ref_id: i64) -> Result<(), DbError> {
    match sources::load(conn, kind, &[ref_id]).await?.pop() {
        Some(doc) => put(conn, &doc).await,
        None => remove(conn, kind, ref_id).await,
    }
}

/// Refresh several records of one kind (a series' dates, a programme's records).
pub async fn refresh_many(conn: &mut Conn, kind: DocKind, ids: &[i64]) -> Result<(), DbError> {
    for chunk in ids.chunks(500) {
        let docs = sources::load(conn, kind, chunk).await?;
        for id in chunk {
            match docs.iter().find(|d| d.ref_id == *id) {
                Some(doc) => put(conn, doc).await?,
                None => remove(conn, kind, *id).await?,
            }
        }
    }
    Ok(())
}

async fn put(conn: &mut Conn, doc: &Doc) -> Result<(), DbError> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM search_docs WHERE kind = $1 AND ref_id = $2")
            .bind(doc.kind.as_str())
            .bind(doc.ref_id)
            .fetch_optional(&mut *conn)
            .await?;
    let id = match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE search_docs SET programme_id = $1, place_id = $2, public = $3, title = $4, \
                 body = $5, dated = $6 WHERE id = $7",
            )
            .bind(doc.programme.map(|p| p.0))
            .bind(doc.place.map(|p| p.0))
            .bind(i64::from(doc.public))
            .bind(&doc.title)
            .bind(doc.kept_body())
            .bind(doc.dated.map(Date::stored))
            .bind(id)
            .execute(&mut *conn)
            .await?;
            sqlx::query("DELETE FROM search_terms WHERE doc_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO search_docs (kind, ref_id, programme_id, place_id, public, title, body, dated) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(doc.kind.as_str())
            .bind(doc.ref_id)
            .bind(doc.programme.map(|p| p.0))
            .bind(doc.place.map(|p| p.0))
            .bind(i64::from(doc.public))
            .bind(&doc.title)
            .bind(doc.kept_body())
            .bind(doc.dated.map(Date::stored))
            .fetch_one(&mut *conn)
            .await?
        }
    };
    let mut terms = term_inserter();
    for (term, weight) in doc.terms() {
        terms
            .add(conn, [Cell::Text(term), Cell::Int(id), Cell::Int(weight)])
            .await?;
    }
    terms.flush(conn).await
}

fn term_inserter() -> Inserter {
    Inserter::new(
        "INSERT INTO search_terms (term, doc_id, weight) VALUES ",
        "(?1, ?2, ?3)",
        3,
    )
}

/// Take a record out of the index (its terms go with it).
pub async fn remove(conn: &mut Conn, kind: DocKind, ref_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM search_docs WHERE kind = $1 AND ref_id = $2")
        .bind(kind.as_str())
        .bind(ref_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Rebuild the whole index from the records (the migration that made it, and loads that
/// write records in bulk). Returns how many records it holds.
pub async fn reindex_all(conn: &mut Conn) -> Result<u64, DbError> {
    reindex(conn, &DocKind::ALL).await
}

/// How big the index is: (documents, postings).
pub async fn size(conn: &mut Conn) -> Result<(i64, i64), DbError> {
    let docs = sqlx::query_scalar("SELECT COUNT(*) FROM search_docs")
        .fetch_one(&mut *conn)
        .await?;
    let postings = sqlx::query_scalar("SELECT COUNT(*) FROM search_terms")
        .fetch_one(&mut *conn)
        .await?;
    Ok((docs, postings))
}

/// Rebuild the index of these kinds from their records.
pub async fn reindex(conn: &mut Conn, kinds: &[DocKind]) -> Result<u64, DbError> {
    let mut n = 0;
    for kind in kinds {
        sqlx::query(
            "DELETE FROM search_terms WHERE doc_id IN (SELECT id FROM search_docs WHERE kind = $1)",
        )
        .bind(kind.as_str())
        .execute(&mut *conn)
        .await?;
        sqlx::query("DELETE FROM search_docs WHERE kind = $1")
            .bind(kind.as_str())
            .execute(&mut *conn)
            .await?;
        n += index_kind(conn, *kind).await?;
    }
    Ok(n)
}

/// Index every record of a kind, in batches, with multi-row inserts (the index of that
/// kind must be empty).
async fn index_kind(conn: &mut Conn, kind: DocKind) -> Result<u64, DbError> {
    const BATCH: i64 = 2_000;
    let mut after = 0;
    let mut n = 0;
    loop {
        let docs = sources::batch(conn, kind, after, BATCH).await?;
        let Some(last) = docs.last() else { break };
        after = last.ref_id;
        let mut rows = Inserter::new(
            "INSERT INTO search_docs (kind, ref_id, programme_id, place_id, public, title, body, dated) VALUES ",
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            8,
        );
        for doc in &docs {
            rows.add(
                conn,
                [
                    Cell::Text(doc.kind.as_str().into()),
                    Cell::Int(doc.ref_id),
                    Cell::OptInt(doc.programme.map(|p| p.0)),
                    Cell::OptInt(doc.place.map(|p| p.0)),
                    Cell::Int(i64::from(doc.public)),
                    Cell::Text(doc.title.clone()),
                    Cell::Text(doc.kept_body().to_string()),
                    Cell::OptText(doc.dated.map(Date::stored)),
                ],
            )
            .await?;
        }
        rows.flush(conn).await?;
        // The ids the rows were given, by the record they index.
        let ids: std::collections::HashMap<i64, i64> = sqlx::query_as(
            "SELECT ref_id, id FROM search_docs WHERE kind = $1 AND ref_id >= $2 AND ref_id <= $3",
        )
        .bind(kind.as_str())
        .bind(docs[0].ref_id)
        .bind(after)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
        let mut terms = term_inserter();
        for doc in &docs {
            let id = ids[&doc.ref_id];
            for (term, weight) in doc.terms() {
                terms
                    .add(conn, [Cell::Text(term), Cell::Int(id), Cell::Int(weight)])
                    .await?;
            }
        }
        terms.flush(conn).await?;
        n += docs.len() as u64;
    }
    Ok(n)
}

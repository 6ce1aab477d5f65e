//! The knowledge library's items. Every write refreshes the item in the search index
//! (under each of the four kinds, so a changed kind moves it).

use crate::row::*;
use crate::{Conn, Db, DbError, Saved};
use kozos_domain::community::knowledge::*;
use kozos_domain::search::DocKind;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str = "SELECT k.id, k.kind, k.title, k.summary, k.author, k.programme_id, pr.title AS programme_title, \
    k.place_id, pl.name AS place_name, k.tags, k.language, k.url, k.published, k.version \
    FROM knowledge_items k LEFT JOIN programmes pr ON pr.id = k.programme_id \
    LEFT JOIN places pl ON pl.id = k.place_id";

fn item(r: &AnyRow) -> Result<KnowledgeItem, DbError> {
    Ok(KnowledgeItem {
        id: KnowledgeId(i(r, "id")?),
        kind: e(r, "kind", KnowledgeKind::parse)?,
        title: s(r, "title")?,
        summary: s(r, "summary")?,
        author: s(r, "author")?,
        programme_id: oi(r, "programme_id")?.map(ProgrammeId),
        programme_title: os(r, "programme_title")?,
        place_id: oi(r, "place_id")?.map(PlaceId),
        place_name: os(r, "place_name")?,
        tags: tags_of(&s(r, "tags")?),
        language: e(r, "language", ItemLanguage::parse)?,
        url: os(r, "url")?,
        published: i(r, "published")? != 0,
        version: i(r, "version")?,
    })
}

pub fn search_kind(k: KnowledgeKind) -> DocKind {
    match k {
        KnowledgeKind::Practice => DocKind::Practice,
        KnowledgeKind::Publication => DocKind::Publication,
        KnowledgeKind::Video => DocKind::Video,
        KnowledgeKind::Study => DocKind::Study,
    }
}

async fn reindex(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    for k in KnowledgeKind::ALL {
        crate::search::refresh(conn, search_kind(*k), id).await?;
    }
    Ok(())
}

pub async fn get(conn: &mut Conn, id: KnowledgeId) -> Result<Option<KnowledgeItem>, DbError> {
    let r = sqlx::query(&format!("{SELECT} WHERE k.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    r.as_ref().map(item).transpose()
}

/// What a list asks for.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub published_only: bool,
    pub kind: Option<KnowledgeKind>,
    pub tag: Option<String>,
    pub language: Option<ItemLanguage>,
    /// Only items of these programmes or without one (`None`: all).
    pub programmes: Option<Vec<ProgrammeId>>,
}

/// A page of items, newest first, and how many match.
pub async fn list(
    db: &Db,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<KnowledgeItem>, i64), DbError> {
    let mut conds = vec!["1 = 1".to_string()];
    let mut binds: Vec<String> = Vec::new();
    if f.published_only {
        conds.push("k.published = 1".into());
    }
    if let Some(k) = f.kind {
        binds.push(k.as_str().into());
        conds.push(format!("k.kind = ${}", binds.len()));
    }
    if let Some(l) = f.language {
        binds.push(l.as_str().into());
        conds.push(format!("k.language = ${}", binds.len()));
    }
    if let Some(t) = &f.tag {
        // Tags are stored as "a,b": match a whole one.
        binds.push(format!(",{t},"));
        conds.push(format!(
            "(',' || k.tags || ',') LIKE '%' || ${} || '%'",
            binds.len()
        ));
    }
    if let Some(ps) = &f.programmes {
        let list = crate::indicators::id_list(ps.iter().map(|p| p.0));
        conds.push(if ps.is_empty() {
            "k.programme_id IS NULL".into()
        } else {
            format!("(k.programme_id IS NULL OR k.programme_id IN ({list}))")
        });
    }
    let wh = conds.join(" AND ");
    let count_sql = format!("SELECT COUNT(*) FROM knowledge_items k WHERE {wh}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for b in &binds {
        count = count.bind(b);
    }
    let total = count.fetch_one(&db.pool).await?;
    let sql = format!(
        "{SELECT} WHERE {wh} ORDER BY COALESCE(k.published_at, k.created_at) DESC, k.id DESC LIMIT {} OFFSET {}",
        limit.max(1),
        offset.max(0)
    );
    let mut q = sqlx::query(&sql);
    for b in &binds {
        q = q.bind(b);
    }
    let rows = q.fetch_all(&db.pool).await?;
    Ok((rows.iter().map(item).collect::<Result<_, _>>()?, total))
}

/// The tags in use on published items, most used first.
pub async fn tags(db: &Db) -> Result<Vec<(String, i64)>, DbError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT tags FROM knowledge_items WHERE published = 1 AND tags <> ''")
            .fetch_all(&db.pool)
            .await?;
    Ok(tally_tags(rows.into_iter().map(|(t,)| t)))
}

/// Tags as stored ("a,b") as a list.
pub(crate) fn tags_of(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// How many records use each tag (of their stored tag lists), most used first.
pub(crate) fn tally_tags(stored: impl IntoIterator<Item = String>) -> Vec<(String, i64)> {
    let mut count: std::collections::BTreeMap<String, i64> = Default::default();
    for t in stored {
        for tag in tags_of(&t) {
            *count.entry(tag).or_default() += 1;
        }
    }
    let mut out: Vec<(String, i64)> = count.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn tag_text(tags: &[String]) -> String {
    tags.join(",")
}

pub async fn insert(
    conn: &mut Conn,
    k: &KnowledgeInput,
    place: Option<PlaceId>,
    now: Instant,
) -> Result<KnowledgeId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO knowledge_items (kind, title, summary, author, programme_id, place_id, tags, language, url, \
         published, published_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
    )
    .bind(k.kind.as_str())
    .bind(&k.title)
    .bind(&k.summary)
    .bind(&k.author)
    .bind(k.programme_id.map(|p| p.0))
    .bind(place.map(|p| p.0))
    .bind(tag_text(&k.tags))
    .bind(k.language.as_str())
    .bind(k.url.as_deref())
    .bind(i64::from(k.published))
    .bind(k.published.then(|| now.stored()))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    reindex(conn, id).await?;
    Ok(KnowledgeId(id))
}

pub async fn update(
    conn: &mut Conn,
    id: KnowledgeId,
    k: &KnowledgeInput,
    place: Option<PlaceId>,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE knowledge_items SET kind = $1, title = $2, summary = $3, author = $4, programme_id = $5, place_id = $6, \
         tags = $7, language = $8, url = $9, published = $10, \
         published_at = CASE WHEN $10 = 1 THEN COALESCE(published_at, $11) ELSE published_at END, \
         updated_at = $11, version = version + 1 WHERE id = $12 AND version = COALESCE($13, version)",
    )
    .bind(k.kind.as_str())
    .bind(&k.title)
    .bind(&k.summary)
    .bind(&k.author)
    .bind(k.programme_id.map(|p| p.0))
    .bind(place.map(|p| p.0))
    .bind(tag_text(&k.tags))
    .bind(k.language.as_str())
    .bind(k.url.as_deref())
    .bind(i64::from(k.published))
    .bind(now.stored())
    .bind(id.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    let saved = crate::saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM knowledge_items WHERE id = $1 AND id = $2",
        id.0,
        id.0,
    )
    .await?;
    if saved == Saved::Done {
        reindex(conn, id.0).await?;
    }
    Ok(saved)
}

pub async fn delete(conn: &mut Conn, id: KnowledgeId) -> Result<bool, DbError> {
    let n = sqlx::query("DELETE FROM knowledge_items WHERE id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    reindex(conn, id.0).await?;
    Ok(n > 0)
}

/// Is there an item with this title? (the demo loads once)
pub async fn exists_titled(conn: &mut Conn, title: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM knowledge_items WHERE title = $1")
        .bind(title)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

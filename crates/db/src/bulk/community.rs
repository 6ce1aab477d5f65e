//! The community process's records as a loader makes them (the national data set's
//! memos, initiatives and library items), written like the other bulk writers: without
//! the per-row work of the use cases. The search index is rebuilt afterwards
//! (`search::reindex_all`).

use super::{Cell, Inserter};
use crate::{Conn, DbError};
use kozos_domain::community::knowledge::KnowledgeKind;
use kozos_domain::initiative::Stage;
use kozos_domain::time::Instant;
use kozos_domain::*;

pub struct NewMemo<'a> {
    pub programme: ProgrammeId,
    pub activity: ActivityId,
    pub title: &'a str,
    pub moderator: &'a str,
    pub body: &'a str,
    pub decisions: &'a str,
    /// When it was published, if it was.
    pub published: Option<Instant>,
}

pub struct NewInitiative<'a> {
    pub programme: ProgrammeId,
    pub title: &'a str,
    pub summary: &'a str,
    pub stage: Stage,
}

pub struct NewKnowledge<'a> {
    pub kind: KnowledgeKind,
    pub title: &'a str,
    pub summary: &'a str,
    pub author: &'a str,
    pub programme: Option<ProgrammeId>,
    pub place: Option<PlaceId>,
    pub tags: &'a str,
    pub url: Option<&'a str>,
}

pub struct CommunityWriter {
    memos: Inserter,
    initiatives: Inserter,
    knowledge: Inserter,
    now: String,
}

impl CommunityWriter {
    pub fn new(now: Instant) -> CommunityWriter {
        CommunityWriter {
            memos: Inserter::new(
                "INSERT INTO memos (programme_id, activity_id, title, moderator, body, decisions, published, \
                 published_at, created_at, updated_at) VALUES ",
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                9,
            ),
            initiatives: Inserter::new(
                "INSERT INTO initiatives (programme_id, title, summary, stage, created_at, updated_at) VALUES ",
                "(?1, ?2, ?3, ?4, ?5, ?5)",
                5,
            ),
            knowledge: Inserter::new(
                "INSERT INTO knowledge_items (kind, title, summary, author, programme_id, place_id, tags, language, \
                 url, published, published_at, created_at, updated_at) VALUES ",
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'hu', ?8, 1, ?9, ?9, ?9)",
                9,
            ),
            now: now.stored(),
        }
    }

    pub async fn memo(&mut self, conn: &mut Conn, m: NewMemo<'_>) -> Result<(), DbError> {
        let row = [
            Cell::Int(m.programme.0),
            Cell::Int(m.activity.0),
            Cell::Text(m.title.to_string()),
            Cell::Text(m.moderator.to_string()),
            Cell::Text(m.body.to_string()),
            Cell::Text(m.decisions.to_string()),
            Cell::Int(i64::from(m.published.is_some())),
            Cell::OptText(m.published.map(Instant::stored)),
            Cell::Text(self.now.clone()),
        ];
        self.memos.add(conn, row).await
    }

    pub async fn initiative(
        &mut self,
        conn: &mut Conn,
        i: NewInitiative<'_>,
    ) -> Result<(), DbError> {
        let row = [
            Cell::Int(i.programme.0),
            Cell::Text(i.title.to_string()),
            Cell::Text(i.summary.to_string()),
            Cell::Text(i.stage.as_str().to_string()),
            Cell::Text(self.now.clone()),
        ];
        self.initiatives.add(conn, row).await
    }

    pub async fn knowledge(&mut self, conn: &mut Conn, k: NewKnowledge<'_>) -> Result<(), DbError> {
        let row = [
            Cell::Text(k.kind.as_str().to_string()),
            Cell::Text(k.title.to_string()),
            Cell::Text(k.summary.to_string()),
            Cell::Text(k.author.to_string()),
            Cell::OptInt(k.programme.map(|p| p.0)),
            Cell::OptInt(k.place.map(|p| p.0)),
            Cell::Text(k.tags.to_string()),
            Cell::OptText(k.url.map(str::to_string)),
            Cell::Text(self.now.clone()),
        ];
        self.knowledge.add(conn, row).await
    }

    /// Write what is buffered: (memos, initiatives, library items) written in all.
    pub async fn finish(&mut self, conn: &mut Conn) -> Result<(u64, u64, u64), DbError> {
        self.memos.flush(conn).await?;
        self.initiatives.flush(conn).await?;
        self.knowledge.flush(conn).await?;
        Ok((
            self.memos.written,
            self.initiatives.written,
            self.knowledge.written,
        ))
    }
}

/// The programme with the most published memos, and its place (a benchmark's busiest
/// Information Point).
pub async fn most_memos(
    conn: &mut Conn,
) -> Result<Option<(ProgrammeId, Option<PlaceId>)>, DbError> {
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT m.programme_id, p.place_id FROM memos m JOIN programmes p ON p.id = m.programme_id \
         WHERE m.published = 1 GROUP BY m.programme_id, p.place_id \
         ORDER BY COUNT(*) DESC, m.programme_id LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(p, place)| (ProgrammeId(p), place.map(PlaceId))))
}

//! What the funder's progress report lists besides the indicator table: the programme's
//! activities held in the period (with how many attended and how many files back them)
//! and the evidence files of those activities.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::time::Instant;
use kozos_domain::*;

/// An activity as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportActivity {
    pub id: ActivityId,
    pub title: String,
    pub kind: String,
    pub starts_at: Instant,
    pub place: Option<String>,
    pub attended: i64,
    pub evidence: i64,
}

/// An evidence file as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    pub activity: ActivityId,
    pub activity_title: String,
    pub starts_at: Instant,
    pub kind: String,
    pub file_name: String,
    pub size: i64,
    pub sha256: String,
}

fn instant(r: &sqlx::any::AnyRow, col: &str) -> Result<Instant, DbError> {
    let t = s(r, col)?;
    Instant::parse_stored(&t).ok_or_else(|| DbError::Corrupt(format!("{col}={t}")))
}

/// The programme's activities starting in `[from, until)`, in order.
pub async fn activities(
    conn: &mut Conn,
    programme: ProgrammeId,
    from: Instant,
    until: Instant,
) -> Result<Vec<ReportActivity>, DbError> {
    let rows = sqlx::query(
        "SELECT a.id, a.title, a.kind, a.starts_at, pl.name AS place, \
         (SELECT COUNT(DISTINCT t.person_id) FROM attendance t WHERE t.activity_id = a.id) AS attended, \
         (SELECT COUNT(*) FROM evidence_files e WHERE e.activity_id = a.id) AS evidence \
         FROM activities a LEFT JOIN places pl ON pl.id = a.place_id \
         WHERE a.programme_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 \
         ORDER BY a.starts_at, a.id",
    )
    .bind(programme.0)
    .bind(from.stored())
    .bind(until.stored())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ReportActivity {
                id: ActivityId(i(r, "id")?),
                title: s(r, "title")?,
                kind: s(r, "kind")?,
                starts_at: instant(r, "starts_at")?,
                place: os(r, "place")?,
                attended: i(r, "attended")?,
                evidence: i(r, "evidence")?,
            })
        })
        .collect()
}

/// The evidence files of the programme's activities starting in `[from, until)`.
pub async fn files(
    conn: &mut Conn,
    programme: ProgrammeId,
    from: Instant,
    until: Instant,
) -> Result<Vec<ReportFile>, DbError> {
    let rows = sqlx::query(
        "SELECT a.id, a.title, a.starts_at, e.kind, e.file_name, e.size, e.sha256 \
         FROM evidence_files e JOIN activities a ON a.id = e.activity_id \
         WHERE a.programme_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 \
         ORDER BY a.starts_at, a.id, e.id",
    )
    .bind(programme.0)
    .bind(from.stored())
    .bind(until.stored())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ReportFile {
                activity: ActivityId(i(r, "id")?),
                activity_title: s(r, "title")?,
                starts_at: instant(r, "starts_at")?,
                kind: s(r, "kind")?,
                file_name: s(r, "file_name")?,
                size: i(r, "size")?,
                sha256: s(r, "sha256")?,
            })
        })
        .collect()
}

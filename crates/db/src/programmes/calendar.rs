//! The public calendar's reads across programmes: the entries a month or week shows,
//! and what its filters offer.

use super::activities::{filtered, instant, rows, Filter};
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::activity::ActivityKind;
use kozos_domain::time::Instant;
use kozos_domain::ActivityId;

/// What a calendar grid shows of an activity: no description, partners or groups, so
/// a busy month reads a few short columns per activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: ActivityId,
    pub kind: ActivityKind,
    pub title: String,
    pub starts_at: Instant,
    pub ends_at: Instant,
    pub place_name: Option<String>,
}

/// The calendar's entries matching `f`, by start time.
pub async fn entries(conn: &mut Conn, f: &Filter) -> Result<Vec<Entry>, DbError> {
    let (rest, binds) = filtered(f);
    let sql = format!(
        "SELECT a.id, a.kind, a.title, a.starts_at, a.ends_at, pl.name AS place_name \
         FROM activities a LEFT JOIN places pl ON pl.id = a.place_id WHERE 1 = 1{rest}"
    );
    rows(conn, &sql, binds)
        .await?
        .iter()
        .map(|r| {
            Ok(Entry {
                id: ActivityId(i(r, "id")?),
                kind: e(r, "kind", ActivityKind::parse)?,
                title: s(r, "title")?,
                starts_at: instant(r, "starts_at")?,
                ends_at: instant(r, "ends_at")?,
                place_name: os(r, "place_name")?,
            })
        })
        .collect()
}

type Named = Vec<(i64, String)>;

/// The programmes, settlements (a part counts as its settlement) and organisations
/// (organisers and partners) that have public activities, each sorted by name.
pub async fn calendar_choices(conn: &mut Conn) -> Result<(Named, Named, Named), DbError> {
    async fn named(conn: &mut Conn, sql: &str) -> Result<Named, DbError> {
        let rows = sqlx::query(sql).fetch_all(&mut *conn).await?;
        let mut out = rows
            .iter()
            .map(|r| Ok((i(r, "id")?, s(r, "name")?)))
            .collect::<Result<Vec<_>, DbError>>()?;
        out.sort_by(|a, b| kozos_domain::text::hu_cmp(&a.1, &b.1));
        Ok(out)
    }
    let programmes = named(
        conn,
        "SELECT p.id, p.title AS name FROM programmes p WHERE EXISTS (SELECT 1 FROM activities a WHERE a.programme_id = p.id AND a.public = 1)",
    )
    .await?;
    let settlements = named(
        conn,
        "SELECT DISTINCT s.id, s.name FROM activities a JOIN places pl ON pl.id = a.place_id \
         JOIN places s ON s.id = CASE WHEN pl.kind = 'settlement_part' THEN pl.parent_id ELSE pl.id END WHERE a.public = 1",
    )
    .await?;
    let organisations = named(
        conn,
        "SELECT DISTINCT o.id, o.name FROM organisations o WHERE o.id IN \
         (SELECT organiser_id FROM activities WHERE public = 1 AND organiser_id IS NOT NULL \
          UNION SELECT ap.organisation_id FROM activity_partners ap JOIN activities a ON a.id = ap.activity_id WHERE a.public = 1)",
    )
    .await?;
    Ok((programmes, settlements, organisations))
}

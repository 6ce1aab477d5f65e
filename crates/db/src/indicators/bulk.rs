//! Computing indicators in bulk, after a load that wrote records without maintaining
//! them (the national demo data set). The same domain functions as `maintain` decide
//! (facts → `compute::members` per programme, `rollup::reach` per key over all of the
//! key's members), only in big batches: a programme's members at once, a key's reach a
//! run of items at a time, and the daily sums in one `INSERT … SELECT … GROUP BY` per key.
//! The result is what `touch` keeps row by row (the integration tests compare the two).
//!
//! Run it where nobody else writes records of these programmes meanwhile (a loader);
//! it takes the maintenance lock in every transaction it is called in, like `touch`.

use super::facts;
use super::maintain::lock;
use crate::bulk::{Cell, Inserter};
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::indicator::compute;
use kozos_domain::indicator::rollup;
use kozos_domain::indicator::SourceKind;
use kozos_domain::place::decode_lineage;
use kozos_domain::*;
use std::collections::{HashMap, HashSet};

/// Members on their way to `indicator_members`, across programmes.
pub struct MemberWriter {
    rows: Inserter,
}

impl Default for MemberWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl MemberWriter {
    pub fn new() -> MemberWriter {
        MemberWriter {
            rows: Inserter::new(
                "INSERT INTO indicator_members (indicator_id, item, place_id, on_date, amount, via) VALUES ",
                "(?1, ?2, ?3, ?4, ?5, ?6)",
                6,
            ),
        }
    }

    /// Write what is buffered; the members written so far.
    pub async fn flush(&mut self, conn: &mut Conn) -> Result<u64, DbError> {
        self.rows.flush(conn).await?;
        Ok(self.rows.written)
    }
}

/// Compute every indicator of `programme` from its records and write the members
/// (replacing any it had). One load of the facts serves all its indicators. Returns how
/// many members it has.
pub async fn members(
    conn: &mut Conn,
    programme: ProgrammeId,
    w: &mut MemberWriter,
) -> Result<u64, DbError> {
    let indicators = super::of_programme(conn, programme).await?;
    if indicators.is_empty() {
        return Ok(0);
    }
    lock(conn).await?;
    sqlx::query(&format!(
        "DELETE FROM indicator_members WHERE indicator_id IN ({})",
        super::id_list(indicators.iter().map(|i| i.id.0))
    ))
    .execute(&mut *conn)
    .await?;
    let kinds: HashSet<SourceKind> = indicators.iter().map(|i| i.source.kind()).collect();
    let mut facts = facts::load(conn, programme, &kinds, None).await?;
    let mut n = 0;
    for ind in &indicators {
        if ind.source.kind() == SourceKind::Manual {
            facts.manual = facts::manual(conn, ind.id).await?;
        }
        for m in compute::members(&ind.source, &facts) {
            let row = [
                Cell::Int(ind.id.0),
                Cell::Int(m.item),
                Cell::Int(m.place.map_or(0, |p| p.0)),
                Cell::Text(m.day.stored()),
                Cell::Int(m.amount),
                Cell::OptInt(m.via.map(|a| a.0)),
            ];
            w.rows.add(conn, row).await?;
            n += 1;
        }
    }
    Ok(n)
}

/// The roll-up keys of these programmes' indicators.
pub async fn keys_of(conn: &mut Conn, programmes: &[ProgrammeId]) -> Result<Vec<i64>, DbError> {
    let mut keys = Vec::new();
    for chunk in programmes.chunks(500) {
        let found: Vec<i64> = sqlx::query_scalar(&format!(
            "SELECT DISTINCT key_id FROM indicators WHERE programme_id IN ({})",
            super::id_list(chunk.iter().map(|p| p.0))
        ))
        .fetch_all(&mut *conn)
        .await?;
        keys.extend(found);
    }
    keys.sort_unstable();
    keys.dedup();
    Ok(keys)
}

/// A key's members, split into runs of items (each item's members in one run) of about
/// the size asked for.
#[derive(Debug, Clone)]
pub struct KeyPlan {
    pub key_id: i64,
    indicators: Vec<i64>,
    /// Items from .0 to .1, both included.
    pub runs: Vec<(i64, i64)>,
    pub members: u64,
}

pub async fn plan_key(conn: &mut Conn, key_id: i64, per_run: u64) -> Result<KeyPlan, DbError> {
    let indicators: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM indicators WHERE key_id = $1 ORDER BY id")
            .bind(key_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut plan = KeyPlan {
        key_id,
        indicators,
        runs: Vec::new(),
        members: 0,
    };
    if plan.indicators.is_empty() {
        return Ok(plan);
    }
    let row = sqlx::query(&format!(
        "SELECT MIN(item) AS lo, MAX(item) AS hi, COUNT(*) AS n FROM indicator_members WHERE indicator_id IN ({})",
        super::id_list(plan.indicators.iter().copied())
    ))
    .fetch_one(&mut *conn)
    .await?;
    let (Some(lo), Some(hi)) = (oi(&row, "lo")?, oi(&row, "hi")?) else {
        return Ok(plan);
    };
    plan.members = i(&row, "n")? as u64;
    // Items are ids, mostly dense: runs of equal width hold about equal numbers.
    let runs = plan.members.div_ceil(per_run.max(1)).max(1) as i64;
    let width = ((hi - lo + 1) + runs - 1) / runs;
    let mut from = lo;
    while from <= hi {
        let to = (from + width - 1).min(hi);
        plan.runs.push((from, to));
        from = to + 1;
    }
    Ok(plan)
}

/// Remove a key's roll-up (reach and daily sums), before its runs are rebuilt.
pub async fn clear_key(conn: &mut Conn, key_id: i64) -> Result<(), DbError> {
    lock(conn).await?;
    for table in ["indicator_reach", "indicator_daily"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE key_id = $1"))
            .bind(key_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Every place's lineage (the place and its ancestors), for [`reach_run`].
pub async fn lineages(conn: &mut Conn) -> Result<HashMap<PlaceId, Vec<PlaceId>>, DbError> {
    let rows = sqlx::query("SELECT id, lineage FROM places")
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| Ok((PlaceId(i(r, "id")?), decode_lineage(&s(r, "lineage")?))))
        .collect()
}

/// Write the reach of one run of a key's items, from every member of the key with an
/// item in it (after [`clear_key`]). Returns how many reach rows it wrote.
pub async fn reach_run(
    conn: &mut Conn,
    plan: &KeyPlan,
    (from, to): (i64, i64),
    lineages: &HashMap<PlaceId, Vec<PlaceId>>,
) -> Result<u64, DbError> {
    lock(conn).await?;
    let rows = sqlx::query(&format!(
        "SELECT i.programme_id, m.item, m.place_id, m.on_date, m.amount, m.via FROM indicator_members m \
         JOIN indicators i ON i.id = m.indicator_id WHERE m.indicator_id IN ({}) AND m.item >= $1 AND m.item <= $2",
        super::id_list(plan.indicators.iter().copied())
    ))
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?;
    let mut members = Vec::with_capacity(rows.len());
    for r in &rows {
        let place = i(r, "place_id")?;
        members.push((
            ProgrammeId(i(r, "programme_id")?),
            compute::Member {
                item: i(r, "item")?,
                place: (place != 0).then_some(PlaceId(place)),
                day: od(r, "on_date")?.ok_or_else(|| DbError::Corrupt("on_date".into()))?,
                amount: i(r, "amount")?,
                via: oi(r, "via")?.map(ActivityId),
            },
        ));
    }
    drop(rows);
    let reach = rollup::reach(members.iter().map(|(p, m)| (*p, m)), |p| {
        lineages.get(&p).cloned().unwrap_or_else(|| vec![p])
    });
    drop(members);
    let mut w = Inserter::new(
        "INSERT INTO indicator_reach (key_id, scope, item, on_date, amount, via) VALUES ",
        "(?1, ?2, ?3, ?4, ?5, ?6)",
        6,
    );
    for r in reach {
        let row = [
            Cell::Int(plan.key_id),
            Cell::Int(r.scope),
            Cell::Int(r.item),
            Cell::Text(r.day.stored()),
            Cell::Int(r.amount),
            Cell::OptInt(r.via.map(|a| a.0)),
        ];
        w.add(conn, row).await?;
    }
    w.flush(conn).await?;
    Ok(w.written)
}

/// A key's daily sums, from its reach (after every run is written). Returns how many
/// days' rows it wrote.
pub async fn daily(conn: &mut Conn, key_id: i64) -> Result<u64, DbError> {
    lock(conn).await?;
    let done = sqlx::query(
        "INSERT INTO indicator_daily (key_id, scope, on_date, n, amount) \
         SELECT key_id, scope, on_date, COUNT(*), SUM(amount) FROM indicator_reach WHERE key_id = $1 \
         GROUP BY key_id, scope, on_date",
    )
    .bind(key_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

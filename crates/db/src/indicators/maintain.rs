//! Keeping the value tables current. Every write that can change what an indicator
//! counts calls [`touch`] inside its own transaction; the indicators it can affect are
//! recomputed for what changed (one person after a check-in, the whole programme after
//! an activity is edited), the members that differ are rewritten, and their roll-up
//! (`indicator_reach`) and daily sums (`indicator_daily`) follow by difference. So a
//! saved record is on every dashboard when its transaction commits: zero lag, and
//! nothing kept in an instance's memory.
//!
//! On PostgreSQL, writers that maintain indicators take one transaction-scoped advisory
//! lock first, so two transactions never compute the same item's roll-up from different
//! snapshots (SQLite's single writer gives the same order for free). The lock is taken
//! only when a programme has indicators the write can change.

use super::facts;
use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::indicator::compute::{self, Member};
use kozos_domain::indicator::rollup::{self, Reach};
use kozos_domain::indicator::{Indicator, Source, SourceKind};
use kozos_domain::place::decode_lineage;
use kozos_domain::time::Date;
use kozos_domain::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a write changed, for the indicators of one programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Touch {
    /// A person's attendance (a check-in, a tick, a walk-in, its removal).
    Attendance(PersonId),
    /// A person's own details (age, residence, organisation, sensitive data).
    Person(PersonId),
    /// A person's certificates (issued, revoked).
    Certificates(PersonId),
    /// Activities (added, edited, moved, deleted).
    Activities,
    /// Volunteer shifts.
    Shifts,
    /// Partners and their agreements.
    Partners,
    /// A training's rule, sessions or distance part.
    Trainings,
    /// One indicator: its definition or its manual values.
    Indicator(IndicatorId),
    /// A programme's initiatives: proposed, moved, supported, their outcome.
    Initiatives,
    /// Answer sheets of the programme's questionnaires.
    Responses,
}

/// Which of the indicator's members to recompute: all, or one person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    None,
    All,
    Person(PersonId),
}

fn scope(ind: &Indicator, touch: Touch) -> Scope {
    use SourceKind as K;
    let kind = ind.source.kind();
    let person_items = matches!(kind, K::Participants | K::TrainingCompleters);
    match touch {
        Touch::Indicator(id) if id == ind.id => Scope::All,
        Touch::Indicator(_) => Scope::None,
        _ if matches!(kind, K::Ratio | K::Manual) => Scope::None,
        Touch::Activities => Scope::All,
        Touch::Attendance(p) if person_items => Scope::Person(p),
        Touch::Attendance(_) if matches!(kind, K::Organisations | K::Settlements) => {
            match &ind.source {
                Source::Settlements(_, kozos_domain::indicator::SettlementsBy::Held) => Scope::None,
                _ => Scope::All,
            }
        }
        Touch::Person(p) if kind == K::Participants => Scope::Person(p),
        Touch::Person(_) if matches!(kind, K::Organisations | K::Settlements) => Scope::All,
        Touch::Certificates(p) if kind == K::Certificates => Scope::Person(p),
        Touch::Shifts if kind == K::VolunteerHours => Scope::All,
        Touch::Partners if kind == K::Organisations => Scope::All,
        Touch::Trainings if kind == K::TrainingCompleters => Scope::All,
        Touch::Initiatives
            if matches!(
                kind,
                K::InitiativesAtStage | K::InitiativesSupported | K::OrganisationsFounded
            ) =>
        {
            Scope::All
        }
        Touch::Responses if kind == K::SurveysAnswered => Scope::All,
        _ => Scope::None,
    }
}

pub(crate) async fn lock(conn: &mut Conn) -> Result<(), DbError> {
    if conn.backend_name() == "PostgreSQL" {
        // "kozos-ind": one lock for indicator maintenance, held until the transaction ends.
        sqlx::query("SELECT pg_advisory_xact_lock(7021, 1)")
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Bring `programme`'s indicators up to date after a write described by `touch`.
pub async fn touch(conn: &mut Conn, programme: ProgrammeId, touch: Touch) -> Result<(), DbError> {
    let indicators = super::of_programme(conn, programme).await?;
    touch_these(conn, &indicators, touch).await
}

async fn touch_these(
    conn: &mut Conn,
    indicators: &[Indicator],
    touch: Touch,
) -> Result<(), DbError> {
    let due: Vec<(&Indicator, Scope)> = indicators
        .iter()
        .map(|ind| (ind, scope(ind, touch)))
        .filter(|(_, s)| *s != Scope::None)
        .collect();
    let Some((first, _)) = due.first() else {
        return Ok(());
    };
    lock(conn).await?;
    // One load of the facts per scope serves every indicator it touches.
    let programme = first.programme_id;
    let mut scopes: Vec<Scope> = Vec::new();
    for (_, s) in &due {
        if !scopes.contains(s) {
            scopes.push(*s);
        }
    }
    for sc in scopes {
        let these: Vec<&Indicator> = due
            .iter()
            .filter(|(_, s)| *s == sc)
            .map(|(i, _)| *i)
            .collect();
        let kinds: std::collections::HashSet<SourceKind> =
            these.iter().map(|i| i.source.kind()).collect();
        let person = match sc {
            Scope::Person(p) => Some(p),
            _ => None,
        };
        let mut facts = facts::load(conn, programme, &kinds, person).await?;
        for ind in these {
            if ind.source.kind() == SourceKind::Manual {
                facts.manual = facts::manual(conn, ind.id).await?;
            }
            refresh(conn, ind, sc, &facts).await?;
        }
    }
    Ok(())
}

/// [`touch`] the programme an activity belongs to (one query when it has no indicators:
/// this runs with every check-in).
pub async fn touch_activity(
    conn: &mut Conn,
    activity: ActivityId,
    t: Touch,
) -> Result<(), DbError> {
    let indicators = super::of_activity_programme(conn, activity).await?;
    touch_these(conn, &indicators, t).await
}

/// The programmes a person took part in (before a merge moves their rows).
pub async fn programmes_of_person(
    conn: &mut Conn,
    person: PersonId,
) -> Result<Vec<ProgrammeId>, DbError> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT a.programme_id FROM attendance t JOIN activities a ON a.id = t.activity_id \
         WHERE t.person_id = $1 UNION SELECT DISTINCT a.programme_id FROM certificates c \
         JOIN activities a ON a.id = c.activity_id WHERE c.person_id = $1",
    )
    .bind(person.0)
    .fetch_all(&mut *conn)
    .await?;
    Ok(ids.into_iter().map(ProgrammeId).collect())
}

/// After a person's own details change: every programme they took part in.
pub async fn touch_person(conn: &mut Conn, person: PersonId) -> Result<(), DbError> {
    for p in programmes_of_person(conn, person).await? {
        touch(conn, p, Touch::Person(person)).await?;
    }
    Ok(())
}

/// Recompute one indicator's members in `scope` from `facts` and write what differs.
async fn refresh(
    conn: &mut Conn,
    ind: &Indicator,
    scope: Scope,
    facts: &compute::Facts,
) -> Result<(), DbError> {
    let mut new = compute::members(&ind.source, facts);
    // A person's facts hold only their rows; the items recomputed are theirs.
    let items: Option<Vec<i64>> = match (scope, ind.source.kind()) {
        (Scope::Person(p), SourceKind::Certificates) => Some(
            sqlx::query_scalar::<_, i64>(
                "SELECT c.id FROM certificates c JOIN activities a ON a.id = c.activity_id \
                 WHERE c.person_id = $1 AND a.programme_id = $2",
            )
            .bind(p.0)
            .bind(ind.programme_id.0)
            .fetch_all(&mut *conn)
            .await?,
        ),
        (Scope::Person(p), _) => Some(vec![p.0]),
        _ => None,
    };
    if let Some(items) = &items {
        new.retain(|m| items.contains(&m.item));
    }
    let old = members(conn, ind.id, items.as_deref()).await?;
    let changed = changed_items(&old, &new);
    if changed.is_empty() {
        return Ok(());
    }
    let list = id_list(&changed);
    sqlx::query(&format!(
        "DELETE FROM indicator_members WHERE indicator_id = $1 AND item IN ({list})"
    ))
    .bind(ind.id.0)
    .execute(&mut *conn)
    .await?;
    let rows: Vec<&Member> = new.iter().filter(|m| changed.contains(&m.item)).collect();
    insert_members(conn, ind.id, &rows).await?;
    reach(conn, ind.key_id, &changed).await
}

/// Remove everything computed for an indicator (before it is deleted).
pub async fn forget(conn: &mut Conn, ind: &Indicator) -> Result<(), DbError> {
    lock(conn).await?;
    let items: Vec<i64> = members(conn, ind.id, None)
        .await?
        .iter()
        .map(|m| m.item)
        .collect();
    sqlx::query("DELETE FROM indicator_members WHERE indicator_id = $1")
        .bind(ind.id.0)
        .execute(&mut *conn)
        .await?;
    let items: BTreeSet<i64> = items.into_iter().collect();
    reach(conn, ind.key_id, &items).await
}

/// After an own indicator's code changed its key: move its members' roll-up from the old
/// key to the new one.
pub async fn rekey(conn: &mut Conn, ind: &Indicator, old_key: i64) -> Result<(), DbError> {
    lock(conn).await?;
    let items: BTreeSet<i64> = members(conn, ind.id, None)
        .await?
        .iter()
        .map(|m| m.item)
        .collect();
    reach(conn, old_key, &items).await?;
    reach(conn, ind.key_id, &items).await
}

fn id_list(ids: &BTreeSet<i64>) -> String {
    super::id_list(ids.iter().copied())
}

fn changed_items(old: &[Member], new: &[Member]) -> BTreeSet<i64> {
    let group = |ms: &[Member]| {
        let mut by: BTreeMap<i64, Vec<Member>> = BTreeMap::new();
        for m in ms {
            by.entry(m.item).or_default().push(*m);
        }
        for v in by.values_mut() {
            v.sort();
        }
        by
    };
    let (a, b) = (group(old), group(new));
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(k) != b.get(k))
        .copied()
        .collect()
}

async fn members(
    conn: &mut Conn,
    indicator: IndicatorId,
    items: Option<&[i64]>,
) -> Result<Vec<Member>, DbError> {
    let filter = match items {
        Some([]) => return Ok(Vec::new()),
        Some(items) => format!(" AND item IN ({})", super::id_list(items.iter().copied())),
        None => String::new(),
    };
    let rows = sqlx::query(&format!(
        "SELECT item, place_id, on_date, amount, via FROM indicator_members WHERE indicator_id = $1{filter}"
    ))
    .bind(indicator.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(member_row).collect()
}

fn member_row(r: &sqlx::any::AnyRow) -> Result<Member, DbError> {
    let place = i(r, "place_id")?;
    Ok(Member {
        item: i(r, "item")?,
        place: (place != 0).then_some(PlaceId(place)),
        day: od(r, "on_date")?.ok_or_else(|| DbError::Corrupt("on_date".into()))?,
        amount: i(r, "amount")?,
        via: oi(r, "via")?.map(ActivityId),
    })
}

/// Rows per multi-row INSERT: few statements, well under either engine's bind limit.
const BATCH: usize = 200;

async fn insert_members(
    conn: &mut Conn,
    indicator: IndicatorId,
    rows: &[&Member],
) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        let sql = format!(
            "INSERT INTO indicator_members (indicator_id, item, place_id, on_date, amount, via) VALUES {}",
            super::placeholders(chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for m in chunk {
            q = q
                .bind(indicator.0)
                .bind(m.item)
                .bind(m.place.map_or(0, |p| p.0))
                .bind(m.day.stored())
                .bind(m.amount)
                .bind(m.via.map(|a| a.0));
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Recompute the roll-up of `items` under `key_id` from every member of the key, and
/// write the difference to the reach and the daily sums.
async fn reach(conn: &mut Conn, key_id: i64, items: &BTreeSet<i64>) -> Result<(), DbError> {
    let all: Vec<i64> = items.iter().copied().collect();
    for chunk in all.chunks(500) {
        let list = super::id_list(chunk.iter().copied());
        let rows = sqlx::query(&format!(
            "SELECT i.programme_id, m.item, m.place_id, m.on_date, m.amount, m.via FROM indicator_members m \
             JOIN indicators i ON i.id = m.indicator_id WHERE i.key_id = $1 AND m.item IN ({list})"
        ))
        .bind(key_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut members = Vec::with_capacity(rows.len());
        for r in &rows {
            members.push((ProgrammeId(i(r, "programme_id")?), member_row(r)?));
        }
        let lineages = lineages(conn, members.iter().filter_map(|(_, m)| m.place)).await?;
        let new = rollup::reach(members.iter().map(|(p, m)| (*p, m)), |p| {
            lineages.get(&p).cloned().unwrap_or_else(|| vec![p])
        });
        let old = reach_rows(conn, key_id, &list).await?;
        write_reach(conn, key_id, &old, &new).await?;
    }
    Ok(())
}

/// Places' lineages (the place and its ancestors), by id.
pub(crate) async fn lineages(
    conn: &mut Conn,
    places: impl Iterator<Item = PlaceId>,
) -> Result<HashMap<PlaceId, Vec<PlaceId>>, DbError> {
    let ids: BTreeSet<i64> = places.map(|p| p.0).collect();
    let mut out = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = sqlx::query(&format!(
        "SELECT id, lineage FROM places WHERE id IN ({})",
        id_list(&ids)
    ))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        out.insert(PlaceId(i(r, "id")?), decode_lineage(&s(r, "lineage")?));
    }
    Ok(out)
}

async fn reach_rows(conn: &mut Conn, key_id: i64, list: &str) -> Result<Vec<Reach>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT scope, item, on_date, amount, via FROM indicator_reach WHERE key_id = $1 AND item IN ({list})"
    ))
    .bind(key_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Reach {
                scope: i(r, "scope")?,
                item: i(r, "item")?,
                day: od(r, "on_date")?.ok_or_else(|| DbError::Corrupt("on_date".into()))?,
                amount: i(r, "amount")?,
                via: oi(r, "via")?.map(ActivityId),
            })
        })
        .collect()
}

async fn write_reach(
    conn: &mut Conn,
    key_id: i64,
    old: &[Reach],
    new: &[Reach],
) -> Result<(), DbError> {
    let old_by: HashMap<(i64, i64), &Reach> = old.iter().map(|r| ((r.scope, r.item), r)).collect();
    let new_by: HashMap<(i64, i64), &Reach> = new.iter().map(|r| ((r.scope, r.item), r)).collect();
    // (scope, day) → (Δn, Δamount)
    let mut delta: BTreeMap<(i64, Date), (i64, i64)> = BTreeMap::new();
    for (k, o) in &old_by {
        match new_by.get(k) {
            Some(n) if n == o => {}
            Some(n) => {
                sqlx::query(
                    "UPDATE indicator_reach SET on_date = $1, amount = $2, via = $3 WHERE key_id = $4 AND scope = $5 AND item = $6",
                )
                .bind(n.day.stored())
                .bind(n.amount)
                .bind(n.via.map(|a| a.0))
                .bind(key_id)
                .bind(o.scope)
                .bind(o.item)
                .execute(&mut *conn)
                .await?;
                let e = delta.entry((o.scope, o.day)).or_default();
                e.0 -= 1;
                e.1 -= o.amount;
                let e = delta.entry((n.scope, n.day)).or_default();
                e.0 += 1;
                e.1 += n.amount;
            }
            None => {
                sqlx::query(
                    "DELETE FROM indicator_reach WHERE key_id = $1 AND scope = $2 AND item = $3",
                )
                .bind(key_id)
                .bind(o.scope)
                .bind(o.item)
                .execute(&mut *conn)
                .await?;
                let e = delta.entry((o.scope, o.day)).or_default();
                e.0 -= 1;
                e.1 -= o.amount;
            }
        }
    }
    let added: Vec<&Reach> = new_by
        .iter()
        .filter(|(k, _)| !old_by.contains_key(k))
        .map(|(_, r)| *r)
        .collect();
    for r in &added {
        let e = delta.entry((r.scope, r.day)).or_default();
        e.0 += 1;
        e.1 += r.amount;
    }
    insert_reach(conn, key_id, &added).await?;
    for ((scope, day), (dn, da)) in delta {
        if dn == 0 && da == 0 {
            continue;
        }
        sqlx::query(
            "INSERT INTO indicator_daily (key_id, scope, on_date, n, amount) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (key_id, scope, on_date) DO UPDATE SET n = indicator_daily.n + $4, amount = indicator_daily.amount + $5",
        )
        .bind(key_id)
        .bind(scope)
        .bind(day.stored())
        .bind(dn)
        .bind(da)
        .execute(&mut *conn)
        .await?;
        if dn < 0 {
            sqlx::query("DELETE FROM indicator_daily WHERE key_id = $1 AND scope = $2 AND on_date = $3 AND n = 0")
                .bind(key_id)
                .bind(scope)
                .bind(day.stored())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

pub(crate) async fn insert_reach(
    conn: &mut Conn,
    key_id: i64,
    rows: &[&Reach],
) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        let sql = format!(
            "INSERT INTO indicator_reach (key_id, scope, item, on_date, amount, via) VALUES {}",
            super::placeholders(chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for r in chunk {
            q = q
                .bind(key_id)
                .bind(r.scope)
                .bind(r.item)
                .bind(r.day.stored())
                .bind(r.amount)
                .bind(r.via.map(|a| a.0));
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

//! Indicators summed over the places tree: a settlement, district, county or the country
//! shows every call template's indicator with the value reached there (distinct items
//! counted once however many programmes reached them), the targets of the programmes
//! based there, its children's values, and the programmes behind target.
//!
//! Staff read what their grants cover (a county coordinator their county, the national
//! coordinator all). Anyone else reads public aggregates: counts of people are yearly
//! (or to date), and figures under five people are hidden together with what would let
//! them be worked out (see `domain::indicator::suppression`).

use super::days;
use crate::{App, AppError, Result};
use kozos_db::indicators::read::{self, Days};
use kozos_db::indicators::{self as db};
use kozos_db::{places, DbError};
use kozos_domain::indicator::rollup::programme_scope;
use kozos_domain::indicator::status::{expected_at, status_against};
use kozos_domain::indicator::suppression::suppress_table;
use kozos_domain::indicator::*;
use kozos_domain::place::Place;
use kozos_domain::policy::{allows, Action, Target};
use kozos_domain::time::Date;
use kozos_domain::user::User;
use kozos_domain::*;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct PlaceLine {
    pub key_id: i64,
    pub template: Template,
    pub unit: Unit,
    /// `None`: hidden (a small number of people).
    pub value: Option<i64>,
    /// Summed over the programmes based here that committed to it.
    pub target: i64,
    pub expected: Option<i64>,
    pub status: Status,
    pub programmes: usize,
    /// The children's values, in the children's order.
    pub children: Vec<Option<i64>>,
}

#[derive(Debug, Clone)]
pub struct BehindProgramme {
    pub programme: ProgrammeId,
    pub title: String,
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    pub status: Status,
    pub value: i64,
    pub target: i64,
}

#[derive(Debug, Clone)]
pub struct PlaceRollup {
    pub place: Place,
    pub period: Option<ReportPeriod>,
    pub until: Date,
    pub children: Vec<Place>,
    pub lines: Vec<PlaceLine>,
    /// Programmes based here with an indicator behind or at risk (staff only).
    pub behind: Vec<BehindProgramme>,
    /// Read as staff (exact figures), or as the public (suppressed aggregates).
    pub staff: bool,
}

fn counts_people(t: &Template) -> bool {
    matches!(
        t.source.kind().item(),
        Some(ItemKind::Person | ItemKind::Certificate)
    )
}

pub async fn place_rollup(
    app: &App,
    user: Option<&User>,
    id: PlaceId,
    period: Option<ReportPeriod>,
) -> Result<PlaceRollup> {
    let place = places::get(&app.db, id).await?.ok_or(AppError::NotFound)?;
    let target = Target {
        places: place.lineage.clone(),
        ..Target::default()
    };
    let staff = user.is_some_and(|u| allows(&u.grants, Action::ViewIndicators, &target));
    // The tree's roll-up levels end at settlements.
    let children: Vec<Place> = if place.lineage.len() < 4 {
        places::children(&app.db, Some(id)).await?
    } else {
        Vec::new()
    };
    let today = app.clock.today();
    let d = days(period, today);
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let templates = db::all_templates(&mut conn).await?;
    let keys: Vec<i64> = templates.iter().map(|t| t.key_id).collect();
    let all_time = Days {
        from: None,
        until: d.until,
    };
    // The place and its children in the period, and the place to date: two queries.
    let mut scopes = vec![id.0];
    scopes.extend(children.iter().map(|c| c.id.0));
    let in_period = read::sums(&mut conn, Some(&keys), &scopes, d).await?;
    // Without a period, "in the period" is "to date" already.
    let to_date = if period.is_none() {
        in_period.clone()
    } else {
        read::sums(&mut conn, Some(&keys), &[id.0], all_time).await?
    };
    let amount = |m: &HashMap<(i64, i64), read::Sum>, key: i64, scope: i64| {
        m.get(&(key, scope)).map_or(0, |s| s.amount)
    };
    let commitments: Vec<read::Commitment> = read::all_commitments(&mut conn)
        .await?
        .into_iter()
        // A programme with no place of its own (a national one) belongs to the country.
        .filter(|c| c.places.contains(&id) || (c.places.is_empty() && place.lineage.len() == 1))
        .collect();
    let programme_scopes: Vec<i64> = {
        let mut v: Vec<i64> = commitments
            .iter()
            .map(|c| programme_scope(c.programme))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    // Only staff see who is behind. The keys committed to, named: without them the read
    // cannot use the (key, scope, day) index and walks every daily sum.
    let programme_sums = if staff {
        let mut committed: Vec<i64> = commitments.iter().map(|c| c.key_id).collect();
        committed.sort_unstable();
        committed.dedup();
        read::sums(&mut conn, Some(&committed), &programme_scopes, all_time).await?
    } else {
        HashMap::new()
    };
    let mut lines = Vec::new();
    for t in &templates {
        let mut children_values: Vec<Option<i64>> = children
            .iter()
            .map(|c| Some(amount(&in_period, t.key_id, c.id.0)))
            .collect();
        let mut value = Some(amount(&in_period, t.key_id, id.0));
        let mine: Vec<&read::Commitment> = commitments
            .iter()
            .filter(|c| c.key_id == t.key_id)
            .collect();
        if value == Some(0) && mine.is_empty() && children_values.iter().all(|v| *v == Some(0)) {
            continue;
        }
        let target_sum: i64 = mine.iter().map(|c| c.target).sum();
        let baseline_sum: i64 = mine.iter().map(|c| c.baseline).sum();
        let expected: Option<i64> = mine
            .iter()
            .map(|c| {
                expected_at(
                    c.baseline,
                    c.target,
                    c.start,
                    c.deadline,
                    &c.milestones,
                    d.until,
                )
            })
            .try_fold(0i64, |acc, e| e.map(|e| acc + e))
            .filter(|_| !mine.is_empty());
        let past = !mine.is_empty()
            && mine
                .iter()
                .all(|c| c.deadline.is_some_and(|dl| d.until > dl));
        let status = status_against(
            amount(&to_date, t.key_id, id.0),
            baseline_sum,
            target_sum,
            expected,
            past,
        );
        if !staff && counts_people(t) {
            let (v, kids) =
                public_figures(&mut conn, t.key_id, &place, &children, period, d.until).await?;
            value = v;
            children_values = kids;
        }
        lines.push(PlaceLine {
            key_id: t.key_id,
            template: t.clone(),
            unit: t.source.unit(),
            value,
            target: target_sum,
            expected,
            status,
            programmes: mine.len(),
            children: children_values,
        });
    }
    let mut behind = Vec::new();
    if staff {
        for c in &commitments {
            let value = programme_sums
                .get(&(c.key_id, programme_scope(c.programme)))
                .map_or(0, |s| s.amount);
            let expected = expected_at(
                c.baseline,
                c.target,
                c.start,
                c.deadline,
                &c.milestones,
                d.until,
            );
            let past = c.deadline.is_some_and(|dl| d.until > dl);
            let st = status_against(value, c.baseline, c.target, expected, past);
            if matches!(st, Status::Behind | Status::AtRisk) {
                behind.push(BehindProgramme {
                    programme: c.programme,
                    title: c.programme_title.clone(),
                    code: c.code.clone(),
                    name_hu: c.name_hu.clone(),
                    name_en: c.name_en.clone(),
                    status: st,
                    value,
                    target: c.target,
                });
            }
        }
        behind.sort_by(|a, b| {
            (a.status != Status::Behind, &a.title).cmp(&(b.status != Status::Behind, &b.title))
        });
    }
    Ok(PlaceRollup {
        place,
        period,
        until: d.until,
        children,
        lines,
        behind,
        staff,
    })
}

/// A people count as the public may see it: the place and its children, over the whole
/// time and year by year, with small figures (and what would give them away) hidden.
/// Quarters and months of people are not published.
async fn public_figures(
    conn: &mut kozos_db::Conn,
    key_id: i64,
    place: &Place,
    children: &[Place],
    period: Option<ReportPeriod>,
    until: Date,
) -> Result<(Option<i64>, Vec<Option<i64>>)> {
    let year = match period {
        None => None,
        Some(ReportPeriod::Year(y)) => Some(y),
        Some(_) => return Ok((None, vec![None; children.len()])),
    };
    let mut scopes = vec![place.id.0];
    scopes.extend(children.iter().map(|c| c.id.0));
    let yearly = read::yearly_by_scope(conn, key_id, &scopes, until).await?;
    let mut years: Vec<i32> = yearly.iter().map(|(_, y, _)| *y).collect();
    if let Some(y) = year {
        years.push(y);
    }
    years.sort();
    years.dedup();
    let by: HashMap<(i64, i32), i64> = yearly
        .iter()
        .map(|(s, y, sum)| ((*s, *y), sum.amount))
        .collect();
    let table: Vec<Vec<i64>> = scopes
        .iter()
        .map(|s| {
            let per_year: Vec<i64> = years
                .iter()
                .map(|y| by.get(&(*s, *y)).copied().unwrap_or(0))
                .collect();
            let mut row = vec![per_year.iter().sum()];
            row.extend(per_year);
            row
        })
        .collect();
    let hidden = suppress_table(&table);
    let col = match year {
        None => 0,
        Some(y) => 1 + years.iter().position(|x| *x == y).unwrap_or(0),
    };
    let shown = |r: usize| (!hidden[r][col]).then_some(table[r][col]);
    Ok((shown(0), (1..scopes.len()).map(shown).collect()))
}

/// A settlement reached, as a dot on the map.
#[derive(Debug, Clone)]
pub struct Dot {
    pub place: PlaceId,
    pub name: String,
    pub x: f32,
    pub y: f32,
    /// `None` for the public when the figure counts people (the dot says only "reached").
    pub value: Option<i64>,
}

/// The settlements under a roll-up's place reached by one of its lines' indicators (its
/// roll-up key), in the roll-up's period, with their positions. The public sees dots for
/// people counts too, but not how many: "someone from here took part" is what a public
/// activity already says. What the reader may see was decided by `place_rollup`.
pub async fn reached(app: &App, r: &PlaceRollup, key_id: i64) -> Result<Vec<Dot>> {
    let line = r
        .lines
        .iter()
        .find(|l| l.key_id == key_id)
        .ok_or(AppError::NotFound)?;
    let d = days(r.period, app.clock.today());
    let prefix = kozos_domain::place::encode_lineage(&r.place.lineage);
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let rows = read::settlements_reached(&mut conn, key_id, &prefix, d).await?;
    drop(conn);
    let Some(country) = r.place.lineage.first() else {
        return Ok(Vec::new());
    };
    let counties: HashMap<PlaceId, String> = places::children(&app.db, Some(*country))
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let hide = !r.staff && counts_people(&line.template);
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let county = counties.get(row.lineage.get(1)?)?;
            let (x, y) = super::geo::position(county, &row.name)?;
            Some(Dot {
                place: row.place,
                name: row.name,
                x,
                y,
                value: (!hide).then_some(row.sum.amount),
            })
        })
        .collect())
}

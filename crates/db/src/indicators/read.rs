//! Reading values: a scope's sum over a run of days, its months, its children's sums, and
//! the rows behind a value (the drill-down lists exactly the reach rows the value sums).

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::indicator::rollup::Reach;
use kozos_domain::time::Date;
use kozos_domain::*;
use std::collections::HashMap;

/// A run of days, both ends included; `from: None` is from the beginning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    pub from: Option<Date>,
    pub until: Date,
}

impl Days {
    fn clause(&self, first: usize) -> String {
        match self.from {
            Some(_) => format!(" AND on_date >= ${first} AND on_date <= ${}", first + 1),
            None => format!(" AND on_date <= ${first}"),
        }
    }
}

/// Items counted and the sum of their amounts (equal for distinct counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub n: i64,
    pub amount: i64,
}

fn bind_days<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    days: Days,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    if let Some(f) = days.from {
        q = q.bind(f.stored());
    }
    q.bind(days.until.stored())
}

fn list(ids: &[i64]) -> String {
    super::id_list(ids.iter().copied())
}

fn sum_of(r: &sqlx::any::AnyRow) -> Result<Sum, DbError> {
    Ok(Sum {
        n: i(r, "n")?,
        amount: i(r, "amount")?,
    })
}

/// Sums by (key, scope): of these keys (`None`: every key) in these scopes, in one query
/// per 500 scopes. A programme's dashboard asks one scope, a county its children, a
/// roll-up every programme based there.
pub async fn sums(
    conn: &mut Conn,
    keys: Option<&[i64]>,
    scopes: &[i64],
    days: Days,
) -> Result<HashMap<(i64, i64), Sum>, DbError> {
    let mut out = HashMap::new();
    if keys.is_some_and(<[i64]>::is_empty) {
        return Ok(out);
    }
    let keys = keys
        .map(|k| format!(" AND key_id IN ({})", list(k)))
        .unwrap_or_default();
    for chunk in scopes.chunks(500) {
        let sql = format!(
            "SELECT key_id, scope, CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(amount) AS BIGINT) AS amount \
             FROM indicator_daily WHERE scope IN ({}){keys}{} GROUP BY key_id, scope",
            list(chunk),
            days.clause(1)
        );
        let rows = bind_days(sqlx::query(&sql), days)
            .fetch_all(&mut *conn)
            .await?;
        for r in &rows {
            out.insert((i(r, "key_id")?, i(r, "scope")?), sum_of(r)?);
        }
    }
    Ok(out)
}

/// Month by month (`YYYY-MM`) for several keys in one scope, for the time-series charts.
pub async fn monthly(
    conn: &mut Conn,
    keys: &[i64],
    scope: i64,
    days: Days,
) -> Result<HashMap<i64, Vec<(String, Sum)>>, DbError> {
    let mut out: HashMap<i64, Vec<(String, Sum)>> = HashMap::new();
    if keys.is_empty() {
        return Ok(out);
    }
    let sql = format!(
        "SELECT key_id, SUBSTR(on_date, 1, 7) AS month, CAST(SUM(n) AS BIGINT) AS n, \
         CAST(SUM(amount) AS BIGINT) AS amount FROM indicator_daily \
         WHERE key_id IN ({}) AND scope = $1{} GROUP BY key_id, SUBSTR(on_date, 1, 7) ORDER BY month",
        list(keys),
        days.clause(2)
    );
    let rows = bind_days(sqlx::query(&sql).bind(scope), days)
        .fetch_all(&mut *conn)
        .await?;
    for r in &rows {
        out.entry(i(r, "key_id")?)
            .or_default()
            .push((s(r, "month")?, sum_of(r)?));
    }
    Ok(out)
}

/// Year by year (`YYYY`), per scope, for public statistics.
pub async fn yearly_by_scope(
    conn: &mut Conn,
    key_id: i64,
    scopes: &[i64],
    until: Date,
) -> Result<Vec<(i64, i32, Sum)>, DbError> {
    if scopes.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query(&format!(
        "SELECT scope, SUBSTR(on_date, 1, 4) AS year, CAST(SUM(n) AS BIGINT) AS n, \
         CAST(SUM(amount) AS BIGINT) AS amount FROM indicator_daily \
         WHERE key_id = $1 AND scope IN ({}) AND on_date <= $2 GROUP BY scope, SUBSTR(on_date, 1, 4)",
        list(scopes)
    ))
    .bind(key_id)
    .bind(until.stored())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let year = s(r, "year")?;
            Ok((
                i(r, "scope")?,
                year.parse()
                    .map_err(|_| DbError::Corrupt(format!("year={year}")))?,
                sum_of(r)?,
            ))
        })
        .collect()
}

/// The rows behind a value, oldest first, a page at a time.
pub async fn rows(
    conn: &mut Conn,
    key_id: i64,
    scope: i64,
    days: Days,
    limit: i64,
    offset: i64,
) -> Result<Vec<Reach>, DbError> {
    let sql = format!(
        "SELECT scope, item, on_date, amount, via FROM indicator_reach WHERE key_id = $1 AND scope = $2{} \
         ORDER BY on_date, item LIMIT {limit} OFFSET {offset}",
        days.clause(3)
    );
    let rows = bind_days(sqlx::query(&sql).bind(key_id).bind(scope), days)
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

/// How many rows [`rows`] has in all.
pub async fn row_count(
    conn: &mut Conn,
    key_id: i64,
    scope: i64,
    days: Days,
) -> Result<i64, DbError> {
    let sql = format!(
        "SELECT COUNT(*) FROM indicator_reach WHERE key_id = $1 AND scope = $2{}",
        days.clause(3)
    );
    let q = sqlx::query_scalar::<_, i64>(&sql).bind(key_id).bind(scope);
    let q = match days.from {
        Some(f) => q.bind(f.stored()),
        None => q,
    };
    Ok(q.bind(days.until.stored()).fetch_one(&mut *conn).await?)
}

/// What the drill-down names each item by: a title, a name, a number.
pub async fn labels(
    conn: &mut Conn,
    kind: kozos_domain::indicator::ItemKind,
    ids: &[i64],
) -> Result<HashMap<i64, String>, DbError> {
    use kozos_domain::indicator::ItemKind as K;
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = match kind {
        K::Activity => "SELECT id, title AS label FROM activities WHERE id IN ({ids})",
        K::Person => "SELECT id, name AS label FROM people WHERE id IN ({ids})",
        K::Place => "SELECT id, name AS label FROM places WHERE id IN ({ids})",
        K::Organisation => "SELECT id, name AS label FROM organisations WHERE id IN ({ids})",
        K::Certificate => {
            "SELECT id, number || ' · ' || name AS label FROM certificates WHERE id IN ({ids})"
        }
        K::Shift => {
            "SELECT v.id, p.name || ' · ' || v.role AS label FROM volunteer_shifts v \
             JOIN people p ON p.id = v.person_id WHERE v.id IN ({ids})"
        }
        K::Initiative => "SELECT id, title AS label FROM initiatives WHERE id IN ({ids})",
        K::Response => {
            "SELECT r.id, q.title || ' · ' || COALESCE(r.interviewed_on, SUBSTR(r.submitted_at, 1, 10)) AS label \
             FROM survey_responses r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE r.id IN ({ids})"
        }
        K::ManualValue => {
            "SELECT id, CASE WHEN note = '' THEN file_name ELSE note END AS label \
             FROM indicator_manual_values WHERE id IN ({ids})"
        }
    };
    let rows = sqlx::query(&sql.replace("{ids}", &list(ids)))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| Ok((i(r, "id")?, s(r, "label")?)))
        .collect()
}

/// An activity as a drill-down row shows it: title, start, programme, evidence files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityBrief {
    pub title: String,
    pub starts_at: String,
    pub programme: ProgrammeId,
    pub evidence: i64,
}

pub async fn activity_briefs(
    conn: &mut Conn,
    ids: &[i64],
) -> Result<HashMap<i64, ActivityBrief>, DbError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.title, a.starts_at, a.programme_id, \
         (SELECT COUNT(*) FROM evidence_files e WHERE e.activity_id = a.id) AS evidence \
         FROM activities a WHERE a.id IN ({})",
        list(ids)
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                i(r, "id")?,
                ActivityBrief {
                    title: s(r, "title")?,
                    starts_at: s(r, "starts_at")?,
                    programme: ProgrammeId(i(r, "programme_id")?),
                    evidence: i(r, "evidence")?,
                },
            ))
        })
        .collect()
}

/// Every indicator with its programme's place lineage and dates, for roll-up targets.
pub async fn all_commitments(conn: &mut Conn) -> Result<Vec<Commitment>, DbError> {
    let rows = sqlx::query(
        "SELECT i.id, i.programme_id, i.key_id, i.code, i.name_hu, i.name_en, i.baseline, i.target, i.deadline, \
         i.milestones, p.title, p.start_date, p.end_date, pl.lineage \
         FROM indicators i JOIN programmes p ON p.id = i.programme_id LEFT JOIN places pl ON pl.id = p.place_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let milestones = s(r, "milestones")?;
            Ok(Commitment {
                indicator: IndicatorId(i(r, "id")?),
                programme: ProgrammeId(i(r, "programme_id")?),
                programme_title: s(r, "title")?,
                key_id: i(r, "key_id")?,
                code: s(r, "code")?,
                name_hu: s(r, "name_hu")?,
                name_en: s(r, "name_en")?,
                baseline: i(r, "baseline")?,
                target: i(r, "target")?,
                deadline: od(r, "deadline")?.or(od(r, "end_date")?),
                start: od(r, "start_date")?,
                milestones: serde_json::from_str(&milestones)
                    .map_err(|_| DbError::Corrupt(format!("milestones={milestones}")))?,
                places: os(r, "lineage")?
                    .map(|l| kozos_domain::place::decode_lineage(&l))
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// An indicator a programme committed to, with what a roll-up needs of the programme.
#[derive(Debug, Clone)]
pub struct Commitment {
    pub indicator: IndicatorId,
    pub programme: ProgrammeId,
    pub programme_title: String,
    pub key_id: i64,
    pub code: String,
    pub name_hu: String,
    pub name_en: String,
    pub baseline: i64,
    pub target: i64,
    pub deadline: Option<Date>,
    pub start: Option<Date>,
    pub milestones: Vec<kozos_domain::indicator::Milestone>,
    /// The programme's place and its ancestors.
    pub places: Vec<PlaceId>,
}

/// The settlements under a place (its lineage prefix, `/1/5/`) with a value for a key in
/// these days: (settlement, its name, its lineage, the sum), for the map's dots.
pub async fn settlements_reached(
    conn: &mut Conn,
    key_id: i64,
    under: &str,
    days: Days,
) -> Result<Vec<Reached>, DbError> {
    let sql = format!(
        "SELECT d.scope, p.name, p.lineage, CAST(SUM(d.n) AS BIGINT) AS n, CAST(SUM(d.amount) AS BIGINT) AS amount \
         FROM indicator_daily d JOIN places p ON p.id = d.scope \
         WHERE d.key_id = $1 AND p.kind = 'settlement' AND p.lineage LIKE $2{} \
         GROUP BY d.scope, p.name, p.lineage",
        days.clause(3).replace("on_date", "d.on_date")
    );
    let rows = bind_days(
        sqlx::query(&sql).bind(key_id).bind(format!("{under}%")),
        days,
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Reached {
                place: PlaceId(i(r, "scope")?),
                name: s(r, "name")?,
                lineage: kozos_domain::place::decode_lineage(&s(r, "lineage")?),
                sum: sum_of(r)?,
            })
        })
        .filter(|r| r.as_ref().map_or(true, |r| r.sum.amount > 0))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub place: PlaceId,
    pub name: String,
    pub lineage: Vec<PlaceId>,
    pub sum: Sum,
}

//! Activities and series: the programme's calendar. Read with their place, organiser,
//! partners and target groups; the public calendar reads a range of start times across
//! programmes with filters.

use super::owned::{ACTIVITIES, SERIES};
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::activity::recurrence::{Frequency, Rule};
use kozos_domain::activity::*;
use kozos_domain::time::{read_time, time_text, Date, Instant};
use kozos_domain::*;
use sqlx::any::AnyRow;
use std::collections::HashMap;

const SELECT: &str = "SELECT a.id, a.programme_id, a.series_id, a.kind, a.phase, a.forum_format, a.title, \
    a.description, a.starts_at, a.ends_at, a.place_id, pl.name AS place_name, a.address, a.organiser_id, \
    o.name AS organiser_name, a.public, a.capacity, a.registration_opens, a.registration_closes, a.uid, \
    a.updated_at, a.version \
    FROM activities a LEFT JOIN places pl ON pl.id = a.place_id LEFT JOIN organisations o ON o.id = a.organiser_id";

fn instant(r: &AnyRow, col: &str) -> Result<Instant, DbError> {
    let t = s(r, col)?;
    Instant::parse_stored(&t).ok_or_else(|| DbError::Corrupt(format!("{col}={t}")))
}

fn o_instant(r: &AnyRow, col: &str) -> Result<Option<Instant>, DbError> {
    os(r, col)?
        .map(|t| Instant::parse_stored(&t).ok_or_else(|| DbError::Corrupt(format!("{col}={t}"))))
        .transpose()
}

fn from_row(r: &AnyRow) -> Result<Activity, DbError> {
    Ok(Activity {
        id: ActivityId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        series_id: oi(r, "series_id")?.map(SeriesId),
        kind: e(r, "kind", ActivityKind::parse)?,
        phase: oe(r, "phase", WorkshopPhase::parse)?,
        forum_format: oe(r, "forum_format", ForumFormat::parse)?,
        title: s(r, "title")?,
        description: s(r, "description")?,
        starts_at: instant(r, "starts_at")?,
        ends_at: instant(r, "ends_at")?,
        place_id: oi(r, "place_id")?.map(PlaceId),
        place_name: os(r, "place_name")?,
        address: s(r, "address")?,
        organiser_id: oi(r, "organiser_id")?.map(OrganisationId),
        organiser_name: os(r, "organiser_name")?,
        partners: Vec::new(),
        target_groups: Vec::new(),
        public: i(r, "public")? != 0,
        capacity: oi(r, "capacity")?,
        registration_opens: o_instant(r, "registration_opens")?,
        registration_closes: o_instant(r, "registration_closes")?,
        uid: s(r, "uid")?,
        updated_at: instant(r, "updated_at")?,
        version: i(r, "version")?,
    })
}

/// A value bound to a placeholder of a query built from filters.
enum Bind {
    I(i64),
    S(String),
}

async fn fetch(conn: &mut Conn, sql: &str, binds: Vec<Bind>) -> Result<Vec<Activity>, DbError> {
    let mut q = sqlx::query(sql);
    for b in binds {
        q = match b {
            Bind::I(n) => q.bind(n),
            Bind::S(t) => q.bind(t),
        };
    }
    let rows = q.fetch_all(&mut *conn).await?;
    let mut list = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    with_links(conn, &mut list).await?;
    Ok(list)
}

/// Fill in partners and target groups, two queries for the whole list.
async fn with_links(conn: &mut Conn, list: &mut [Activity]) -> Result<(), DbError> {
    if list.is_empty() {
        return Ok(());
    }
    // Ids are numbers we read from the database, so listing them inline is safe.
    let ids = list
        .iter()
        .map(|a| a.id.0.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let mut partners: HashMap<i64, Vec<(OrganisationId, String)>> = HashMap::new();
    let rows = sqlx::query(&format!(
        "SELECT ap.activity_id, o.id, o.name FROM activity_partners ap JOIN organisations o ON o.id = ap.organisation_id \
         WHERE ap.activity_id IN ({ids}) ORDER BY o.name_folded"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        partners
            .entry(i(r, "activity_id")?)
            .or_default()
            .push((OrganisationId(i(r, "id")?), s(r, "name")?));
    }
    let mut groups: HashMap<i64, Vec<(TargetGroupId, String)>> = HashMap::new();
    let rows = sqlx::query(&format!(
        "SELECT at.activity_id, t.id, t.name FROM activity_target_groups at JOIN target_groups t ON t.id = at.target_group_id \
         WHERE at.activity_id IN ({ids}) ORDER BY t.name_key"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        groups
            .entry(i(r, "activity_id")?)
            .or_default()
            .push((TargetGroupId(i(r, "id")?), s(r, "name")?));
    }
    for a in list.iter_mut() {
        a.partners = partners.remove(&a.id.0).unwrap_or_default();
        a.target_groups = groups.remove(&a.id.0).unwrap_or_default();
    }
    Ok(())
}

/// One activity by its id alone (the public page, the API's `/activities/{id}`).
pub async fn activity(conn: &mut Conn, id: ActivityId) -> Result<Option<Activity>, DbError> {
    let sql = format!("{SELECT} WHERE a.id = $1");
    Ok(fetch(conn, &sql, vec![Bind::I(id.0)]).await?.pop())
}

/// One activity, only when it is in `programme`.
pub async fn activity_in(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: ActivityId,
) -> Result<Option<Activity>, DbError> {
    let sql = format!("{SELECT} WHERE a.id = $1 AND a.programme_id = $2");
    Ok(fetch(conn, &sql, vec![Bind::I(id.0), Bind::I(programme.0)])
        .await?
        .pop())
}

/// Which programme an activity belongs to (for authorising by the activity's id).
pub async fn programme_of(conn: &mut Conn, id: ActivityId) -> Result<Option<ProgrammeId>, DbError> {
    let p: Option<i64> = sqlx::query_scalar("SELECT programme_id FROM activities WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(p.map(ProgrammeId))
}

/// What the calendar shows: a range of start times, and any of the filters.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Starts at or after (or ends after, for activities running into the range).
    pub from: Option<Instant>,
    /// Starts before.
    pub to: Option<Instant>,
    pub public_only: bool,
    pub programme: Option<ProgrammeId>,
    /// A settlement: activities in it or in one of its parts.
    pub place: Option<PlaceId>,
    pub kind: Option<ActivityKind>,
    /// Organised by, or a partner in.
    pub organisation: Option<OrganisationId>,
    pub series: Option<SeriesId>,
    pub limit: Option<i64>,
}

/// The filter as SQL after `WHERE 1 = 1`, with its binds; `ORDER BY` and `LIMIT` included.
fn filtered(f: &Filter) -> (String, Vec<Bind>) {
    let mut sql = String::new();
    let mut binds = Vec::new();
    let mut arg = |sql: &mut String, cond: &str, b: Bind| {
        binds.push(b);
        sql.push_str(&cond.replace("$n", &format!("${}", binds.len())));
    };
    if let Some(from) = f.from {
        arg(&mut sql, " AND a.ends_at > $n", Bind::S(from.stored()));
        // No activity lasts longer than MAX_DAYS, so the start-time index is read from
        // there on rather than from the first activity ever held.
        let earliest = from.plus_minutes(-MAX_DAYS * 24 * 60);
        arg(
            &mut sql,
            " AND a.starts_at >= $n",
            Bind::S(earliest.stored()),
        );
    }
    if let Some(to) = f.to {
        arg(&mut sql, " AND a.starts_at < $n", Bind::S(to.stored()));
    }
    if f.public_only {
        sql.push_str(" AND a.public = 1");
    }
    if let Some(p) = f.programme {
        arg(&mut sql, " AND a.programme_id = $n", Bind::I(p.0));
    }
    if let Some(p) = f.place {
        arg(&mut sql, " AND (a.place_id = $n", Bind::I(p.0));
        arg(&mut sql, " OR pl.parent_id = $n)", Bind::I(p.0));
    }
    if let Some(k) = f.kind {
        arg(&mut sql, " AND a.kind = $n", Bind::S(k.as_str().into()));
    }
    if let Some(o) = f.organisation {
        arg(&mut sql, " AND (a.organiser_id = $n", Bind::I(o.0));
        arg(
            &mut sql,
            " OR a.id IN (SELECT activity_id FROM activity_partners WHERE organisation_id = $n))",
            Bind::I(o.0),
        );
    }
    if let Some(s) = f.series {
        arg(&mut sql, " AND a.series_id = $n", Bind::I(s.0));
    }
    sql.push_str(" ORDER BY a.starts_at, a.id");
    if let Some(limit) = f.limit {
        arg(&mut sql, " LIMIT $n", Bind::I(limit));
    }
    (sql, binds)
}

/// Activities matching `f`, by start time.
pub async fn list(conn: &mut Conn, f: &Filter) -> Result<Vec<Activity>, DbError> {
    let (rest, binds) = filtered(f);
    fetch(conn, &format!("{SELECT} WHERE 1 = 1{rest}"), binds).await
}

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
    let mut q = sqlx::query(&sql);
    for b in binds {
        q = match b {
            Bind::I(n) => q.bind(n),
            Bind::S(t) => q.bind(t),
        };
    }
    let rows = q.fetch_all(&mut *conn).await?;
    rows.iter()
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

/// How many activities a programme has (the manage page's count).
pub async fn count_in(conn: &mut Conn, programme: ProgrammeId) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM activities WHERE programme_id = $1")
            .bind(programme.0)
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// Where a new activity's place was resolved to.
pub struct Placed<'a> {
    pub input: &'a ActivityInput,
    pub place: Option<PlaceId>,
}

async fn write_links(
    conn: &mut Conn,
    id: ActivityId,
    input: &ActivityInput,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM activity_partners WHERE activity_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM activity_target_groups WHERE activity_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    for o in &input.partner_ids {
        sqlx::query("INSERT INTO activity_partners (activity_id, organisation_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(o.0)
            .execute(&mut *conn)
            .await?;
    }
    for t in &input.target_group_ids {
        sqlx::query(
            "INSERT INTO activity_target_groups (activity_id, target_group_id) VALUES ($1, $2)",
        )
        .bind(id.0)
        .bind(t.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn o_text(t: Option<Instant>) -> Option<String> {
    t.map(Instant::stored)
}

/// Add an activity; `series` and its date when it is one of a series' dates.
pub async fn insert_activity(
    conn: &mut Conn,
    programme: ProgrammeId,
    a: Placed<'_>,
    series: Option<(SeriesId, Date)>,
    uid: &str,
    now: Instant,
) -> Result<ActivityId, DbError> {
    let i = a.input;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO activities (programme_id, series_id, occurrence_date, kind, phase, forum_format, title, description, \
         starts_at, ends_at, place_id, address, organiser_id, public, capacity, registration_opens, registration_closes, \
         uid, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) RETURNING id",
    )
    .bind(programme.0)
    .bind(series.map(|s| s.0 .0))
    .bind(series.map(|s| s.1.stored()))
    .bind(i.kind.as_str())
    .bind(i.phase.map(|p| p.as_str()))
    .bind(i.forum_format.map(|p| p.as_str()))
    .bind(&i.title)
    .bind(&i.description)
    .bind(i.starts_at.stored())
    .bind(i.ends_at.stored())
    .bind(a.place.map(|p| p.0))
    .bind(&i.address)
    .bind(i.organiser_id.map(|o| o.0))
    .bind(i64::from(i.public))
    .bind(i.capacity)
    .bind(o_text(i.registration_opens))
    .bind(o_text(i.registration_closes))
    .bind(uid)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    write_links(conn, ActivityId(id), i).await?;
    Ok(ActivityId(id))
}

pub async fn update_activity(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: ActivityId,
    a: Placed<'_>,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let i = a.input;
    let sql = ACTIVITIES.update_sql(&[
        "kind",
        "phase",
        "forum_format",
        "title",
        "description",
        "starts_at",
        "ends_at",
        "place_id",
        "address",
        "organiser_id",
        "public",
        "capacity",
        "registration_opens",
        "registration_closes",
        "updated_at",
    ]);
    let done = sqlx::query(&sql)
        .bind(i.kind.as_str())
        .bind(i.phase.map(|p| p.as_str()))
        .bind(i.forum_format.map(|p| p.as_str()))
        .bind(&i.title)
        .bind(&i.description)
        .bind(i.starts_at.stored())
        .bind(i.ends_at.stored())
        .bind(a.place.map(|p| p.0))
        .bind(&i.address)
        .bind(i.organiser_id.map(|o| o.0))
        .bind(i64::from(i.public))
        .bind(i.capacity)
        .bind(o_text(i.registration_opens))
        .bind(o_text(i.registration_closes))
        .bind(now.stored())
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let saved = ACTIVITIES
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        write_links(conn, id, i).await?;
    }
    Ok(saved)
}

pub async fn delete_activity(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: ActivityId,
) -> Result<bool, DbError> {
    ACTIVITIES.delete(conn, id.0, programme).await
}

// ----- series -----

const SERIES_SELECT: &str = "SELECT s.id, s.programme_id, s.name, s.kind, s.description, s.place_id, pl.name AS place_name, \
    s.address, s.public, s.frequency, s.interval_n, s.weekdays, s.month_day, s.nth, s.nth_weekday, s.first_date, \
    s.until_date, s.exceptions, s.start_time, s.end_time, s.version \
    FROM activity_series s LEFT JOIN places pl ON pl.id = s.place_id";

fn corrupt(what: &str) -> DbError {
    DbError::Corrupt(what.to_string())
}

fn series_row(r: &AnyRow) -> Result<Series, DbError> {
    let date = |col: &str| od(r, col)?.ok_or_else(|| corrupt(col));
    let time = |col: &str| read_time(&s(r, col)?).map_err(|_| corrupt(col));
    let list = |col: &str| -> Result<Vec<String>, DbError> {
        Ok(s(r, col)?
            .split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect())
    };
    Ok(Series {
        id: SeriesId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        name: s(r, "name")?,
        kind: e(r, "kind", ActivityKind::parse)?,
        description: s(r, "description")?,
        place_id: oi(r, "place_id")?.map(PlaceId),
        place_name: os(r, "place_name")?,
        address: s(r, "address")?,
        public: i(r, "public")? != 0,
        rule: Rule {
            frequency: e(r, "frequency", Frequency::parse)?,
            interval: i(r, "interval_n")? as u32,
            weekdays: list("weekdays")?
                .iter()
                .map(|w| w.parse().map_err(|_| corrupt("weekdays")))
                .collect::<Result<_, _>>()?,
            month_day: i(r, "month_day")? as u32,
            nth: i(r, "nth")? as i32,
            nth_weekday: i(r, "nth_weekday")? as u32,
            first: date("first_date")?,
            until: date("until_date")?,
            exceptions: list("exceptions")?
                .iter()
                .map(|d| Date::parse_stored(d).ok_or_else(|| corrupt("exceptions")))
                .collect::<Result<_, _>>()?,
            start_time: time("start_time")?,
            end_time: time("end_time")?,
        },
        version: i(r, "version")?,
    })
}

pub async fn series_in(conn: &mut Conn, programme: ProgrammeId) -> Result<Vec<Series>, DbError> {
    let rows = sqlx::query(&format!(
        "{SERIES_SELECT} WHERE s.programme_id = $1 ORDER BY s.name"
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(series_row).collect()
}

pub async fn series(conn: &mut Conn, id: SeriesId) -> Result<Option<Series>, DbError> {
    let row = sqlx::query(&format!("{SERIES_SELECT} WHERE s.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(series_row).transpose()
}

fn rule_columns(r: &Rule) -> (String, String) {
    let weekdays = r
        .weekdays
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let exceptions = r
        .exceptions
        .iter()
        .map(|d| d.stored())
        .collect::<Vec<_>>()
        .join(",");
    (weekdays, exceptions)
}

pub async fn insert_series(
    conn: &mut Conn,
    programme: ProgrammeId,
    s: &SeriesInput,
    place: Option<PlaceId>,
) -> Result<SeriesId, DbError> {
    let (weekdays, exceptions) = rule_columns(&s.rule);
    let r = &s.rule;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO activity_series (programme_id, name, kind, description, place_id, address, public, frequency, interval_n, \
         weekdays, month_day, nth, nth_weekday, first_date, until_date, exceptions, start_time, end_time) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
    )
    .bind(programme.0)
    .bind(&s.name)
    .bind(s.kind.as_str())
    .bind(&s.description)
    .bind(place.map(|p| p.0))
    .bind(&s.address)
    .bind(i64::from(s.public))
    .bind(r.frequency.as_str())
    .bind(i64::from(r.interval))
    .bind(weekdays)
    .bind(i64::from(r.month_day))
    .bind(i64::from(r.nth))
    .bind(i64::from(r.nth_weekday))
    .bind(r.first.stored())
    .bind(r.until.stored())
    .bind(exceptions)
    .bind(time_text(r.start_time))
    .bind(time_text(r.end_time))
    .fetch_one(&mut *conn)
    .await?;
    Ok(SeriesId(id))
}

pub async fn update_series(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: SeriesId,
    s: &SeriesInput,
    place: Option<PlaceId>,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let (weekdays, exceptions) = rule_columns(&s.rule);
    let r = &s.rule;
    let sql = SERIES.update_sql(&[
        "name",
        "kind",
        "description",
        "place_id",
        "address",
        "public",
        "frequency",
        "interval_n",
        "weekdays",
        "month_day",
        "nth",
        "nth_weekday",
        "first_date",
        "until_date",
        "exceptions",
        "start_time",
        "end_time",
    ]);
    let done = sqlx::query(&sql)
        .bind(&s.name)
        .bind(s.kind.as_str())
        .bind(&s.description)
        .bind(place.map(|p| p.0))
        .bind(&s.address)
        .bind(i64::from(s.public))
        .bind(r.frequency.as_str())
        .bind(i64::from(r.interval))
        .bind(weekdays)
        .bind(i64::from(r.month_day))
        .bind(i64::from(r.nth))
        .bind(i64::from(r.nth_weekday))
        .bind(r.first.stored())
        .bind(r.until.stored())
        .bind(exceptions)
        .bind(time_text(r.start_time))
        .bind(time_text(r.end_time))
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    SERIES
        .saved(conn, done.rows_affected(), id.0, programme)
        .await
}

pub async fn delete_series(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: SeriesId,
) -> Result<bool, DbError> {
    SERIES.delete(conn, id.0, programme).await
}

/// A series' activities: (id, its series date, start, end).
pub async fn occurrences(
    conn: &mut Conn,
    id: SeriesId,
) -> Result<Vec<(ActivityId, Date, Instant, Instant)>, DbError> {
    let rows = sqlx::query(
        "SELECT id, occurrence_date, starts_at, ends_at FROM activities WHERE series_id = $1 AND occurrence_date IS NOT NULL ORDER BY occurrence_date",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                ActivityId(i(r, "id")?),
                od(r, "occurrence_date")?.ok_or_else(|| corrupt("occurrence_date"))?,
                instant(r, "starts_at")?,
                instant(r, "ends_at")?,
            ))
        })
        .collect()
}

/// Move one of a series' activities to new times (the series' rule changed).
pub async fn move_occurrence(
    conn: &mut Conn,
    id: ActivityId,
    starts: Instant,
    ends: Instant,
    now: Instant,
) -> Result<(), DbError> {
    sqlx::query("UPDATE activities SET starts_at = $1, ends_at = $2, updated_at = $3, version = version + 1 WHERE id = $4")
        .bind(starts.stored())
        .bind(ends.stored())
        .bind(now.stored())
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Are all these organisations partners of the programme (or its beneficiary)?
pub async fn all_partners(
    conn: &mut Conn,
    programme: ProgrammeId,
    orgs: &[OrganisationId],
) -> Result<bool, DbError> {
    for o in orgs {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM programmes p WHERE p.id = $1 AND (p.beneficiary_id = $2 OR EXISTS \
             (SELECT 1 FROM partners pa WHERE pa.programme_id = p.id AND pa.organisation_id = $2))",
        )
        .bind(programme.0)
        .bind(o.0)
        .fetch_one(&mut *conn)
        .await?;
        if n == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Are all these target groups the programme's?
pub async fn all_target_groups(
    conn: &mut Conn,
    programme: ProgrammeId,
    groups: &[TargetGroupId],
) -> Result<bool, DbError> {
    for g in groups {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM target_groups WHERE id = $1 AND programme_id = $2",
        )
        .bind(g.0)
        .bind(programme.0)
        .fetch_one(&mut *conn)
        .await?;
        if n == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Does the organisation exist?
pub async fn organisation_exists(conn: &mut Conn, id: OrganisationId) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Skip a date of a series from now on (its activity was deleted on purpose).
pub async fn add_exception(conn: &mut Conn, id: SeriesId, day: Date) -> Result<(), DbError> {
    let Some(mut s) = series(conn, id).await? else {
        return Ok(());
    };
    if !s.rule.exceptions.contains(&day) {
        s.rule.exceptions.push(day);
        s.rule.exceptions.sort();
        let (_, exceptions) = rule_columns(&s.rule);
        sqlx::query(
            "UPDATE activity_series SET exceptions = $1, version = version + 1 WHERE id = $2",
        )
        .bind(exceptions)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The series date of an activity, if it is one.
pub async fn occurrence_of(
    conn: &mut Conn,
    id: ActivityId,
) -> Result<Option<(SeriesId, Date)>, DbError> {
    let row = sqlx::query("SELECT series_id, occurrence_date FROM activities WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(match (oi(&r, "series_id")?, od(&r, "occurrence_date")?) {
        (Some(s), Some(d)) => Some((SeriesId(s), d)),
        _ => None,
    })
}

/// Carry a series' name, kind, description, place and visibility to its activities that
/// have not started by `now` and still read as the series did before (`was`): the past
/// is evidence, and a date someone edited on its own keeps its own details.
pub async fn refresh_upcoming(
    conn: &mut Conn,
    id: SeriesId,
    (s, place): (&SeriesInput, Option<PlaceId>),
    was: &Series,
    now: Instant,
) -> Result<u64, DbError> {
    let done = sqlx::query(
        "UPDATE activities SET title = $1, kind = $2, description = $3, place_id = $4, address = $5, public = $6, \
         updated_at = $7, version = version + 1 WHERE series_id = $8 AND starts_at > $7 AND \
         (title <> $1 OR kind <> $2 OR description <> $3 OR COALESCE(place_id, 0) <> COALESCE($4, 0) OR address <> $5 OR public <> $6) \
         AND title = $9 AND kind = $10 AND description = $11 AND COALESCE(place_id, 0) = COALESCE($12, 0) AND address = $13 AND public = $14",
    )
    .bind(&s.name)
    .bind(s.kind.as_str())
    .bind(&s.description)
    .bind(place.map(|p| p.0))
    .bind(&s.address)
    .bind(i64::from(s.public))
    .bind(now.stored())
    .bind(id.0)
    .bind(&was.name)
    .bind(was.kind.as_str())
    .bind(&was.description)
    .bind(was.place_id.map(|p| p.0))
    .bind(&was.address)
    .bind(i64::from(was.public))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
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

/// Is there an activity with this iCalendar UID? (The demo gives its activities fixed
/// UIDs, and loads each once.)
pub async fn uid_exists(conn: &mut Conn, uid: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activities WHERE uid = $1")
        .bind(uid)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

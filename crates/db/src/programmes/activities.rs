//! Activities: read with their place, organiser, partners and target groups, one by one
//! or by a filter (a programme's list, a feed); written with their links. Series are in
//! `series.rs`, the public calendar's lean reads in `calendar.rs`.

use super::owned::ACTIVITIES;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::activity::*;
use kozos_domain::search::DocKind;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use sqlx::any::AnyRow;
use std::collections::HashMap;

const SELECT: &str = "SELECT a.id, a.programme_id, a.series_id, a.kind, a.phase, a.forum_format, a.title, \
    a.description, a.starts_at, a.ends_at, a.place_id, pl.name AS place_name, a.address, a.organiser_id, \
    o.name AS organiser_name, a.public, a.capacity, a.registration_opens, a.registration_closes, a.uid, \
    a.updated_at, a.version \
    FROM activities a LEFT JOIN places pl ON pl.id = a.place_id LEFT JOIN organisations o ON o.id = a.organiser_id";

pub fn instant(r: &AnyRow, col: &str) -> Result<Instant, DbError> {
    let t = s(r, col)?;
    Instant::parse_stored(&t).ok_or_else(|| DbError::Corrupt(format!("{col}={t}")))
}

pub fn o_instant(r: &AnyRow, col: &str) -> Result<Option<Instant>, DbError> {
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
pub(crate) enum Bind {
    I(i64),
    S(String),
}

/// Run a query built from filters with its binds.
pub(crate) async fn rows(
    conn: &mut Conn,
    sql: &str,
    binds: Vec<Bind>,
) -> Result<Vec<AnyRow>, DbError> {
    let mut q = sqlx::query(sql);
    for b in binds {
        q = match b {
            Bind::I(n) => q.bind(n),
            Bind::S(t) => q.bind(t),
        };
    }
    Ok(q.fetch_all(&mut *conn).await?)
}

async fn fetch(conn: &mut Conn, sql: &str, binds: Vec<Bind>) -> Result<Vec<Activity>, DbError> {
    let rows = rows(conn, sql, binds).await?;
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
}

/// The filter as SQL after `WHERE 1 = 1`, with its binds; `ORDER BY` included.
pub(crate) fn filtered(f: &Filter) -> (String, Vec<Bind>) {
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
    (sql, binds)
}

/// Activities matching `f`, by start time.
pub async fn list(conn: &mut Conn, f: &Filter) -> Result<Vec<Activity>, DbError> {
    let (rest, binds) = filtered(f);
    fetch(conn, &format!("{SELECT} WHERE 1 = 1{rest}"), binds).await
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
    crate::search::refresh(conn, DocKind::Activity, id).await?;
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
        crate::search::refresh(conn, DocKind::Activity, id.0).await?;
    }
    Ok(saved)
}

pub async fn delete_activity(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: ActivityId,
) -> Result<bool, DbError> {
    let gone = ACTIVITIES.delete(conn, id.0, programme).await?;
    if gone {
        crate::search::remove(conn, DocKind::Activity, id.0).await?;
    }
    Ok(gone)
}

/// How many rows a count over `… IN ({ids})` finds for `ids` (distinct; a form's
/// ticked boxes) in `programme` (`$1`).
async fn found(
    conn: &mut Conn,
    sql: &str,
    programme: ProgrammeId,
    ids: &[i64],
) -> Result<usize, DbError> {
    if ids.is_empty() {
        return Ok(0);
    }
    // Numbers only (typed ids), so listing them inline is safe.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let n: i64 = sqlx::query_scalar(&sql.replace("{ids}", &list))
        .bind(programme.0)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n as usize)
}

/// Are all these organisations (distinct) the programme's beneficiary or partners?
pub async fn all_partners(
    conn: &mut Conn,
    programme: ProgrammeId,
    orgs: &[OrganisationId],
) -> Result<bool, DbError> {
    let ids: Vec<i64> = orgs.iter().map(|o| o.0).collect();
    let sql = "SELECT COUNT(*) FROM organisations o WHERE o.id IN ({ids}) AND (o.id IN (SELECT beneficiary_id FROM programmes WHERE id = $1) \
               OR o.id IN (SELECT organisation_id FROM partners WHERE programme_id = $1))";
    Ok(found(conn, sql, programme, &ids).await? == ids.len())
}

/// Are all these target groups (distinct) the programme's?
pub async fn all_target_groups(
    conn: &mut Conn,
    programme: ProgrammeId,
    groups: &[TargetGroupId],
) -> Result<bool, DbError> {
    let ids: Vec<i64> = groups.iter().map(|g| g.0).collect();
    let sql = "SELECT COUNT(*) FROM target_groups WHERE id IN ({ids}) AND programme_id = $1";
    Ok(found(conn, sql, programme, &ids).await? == ids.len())
}

/// Does the organisation exist?
pub async fn organisation_exists(conn: &mut Conn, id: OrganisationId) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
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

/// Is there an activity with this iCalendar UID? (The demo gives its activities fixed
/// UIDs, and loads each once.)
pub async fn uid_exists(conn: &mut Conn, uid: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activities WHERE uid = $1")
        .bind(uid)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// The first activity of a programme with this title (the demo finds its trainings so).
pub async fn id_by_title(
    conn: &mut Conn,
    programme: ProgrammeId,
    title: &str,
) -> Result<Option<ActivityId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM activities WHERE programme_id = $1 AND title = $2 ORDER BY id LIMIT 1",
    )
    .bind(programme.0)
    .bind(title)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(ActivityId))
}

/// The activity with this iCalendar UID (the demo names its activities so).
pub async fn id_by_uid(conn: &mut Conn, uid: &str) -> Result<Option<ActivityId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM activities WHERE uid = $1")
        .bind(uid)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(ActivityId))
}

//! Series: activities under one name whose dates follow a rule. Its dates are stored as
//! activities (`activities.rs`) with the series and the date they stand for.

use super::activities::instant;
use super::owned::SERIES;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::activity::recurrence::{Frequency, Rule};
use kozos_domain::activity::*;
use kozos_domain::search::DocKind;
use kozos_domain::time::{read_time, time_text, Date, Instant};
use kozos_domain::*;
use sqlx::any::AnyRow;

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
    crate::search::refresh(conn, DocKind::Series, id).await?;
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
    let saved = SERIES
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        refresh_with_dates(conn, id).await?;
    }
    Ok(saved)
}

/// The series in the index and its dates (a date found through the series while it
/// reads as the series, on its own once it differs).
async fn refresh_with_dates(conn: &mut Conn, id: SeriesId) -> Result<(), DbError> {
    crate::search::refresh(conn, DocKind::Series, id.0).await?;
    let dates: Vec<i64> = sqlx::query_scalar("SELECT id FROM activities WHERE series_id = $1")
        .bind(id.0)
        .fetch_all(&mut *conn)
        .await?;
    crate::search::refresh_many(conn, DocKind::Activity, &dates).await
}

pub async fn delete_series(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: SeriesId,
) -> Result<bool, DbError> {
    let dates: Vec<i64> = sqlx::query_scalar("SELECT id FROM activities WHERE series_id = $1")
        .bind(id.0)
        .fetch_all(&mut *conn)
        .await?;
    let gone = SERIES.delete(conn, id.0, programme).await?;
    if gone {
        // Its dates stay (evidence), on their own now.
        crate::search::remove(conn, DocKind::Series, id.0).await?;
        crate::search::refresh_many(conn, DocKind::Activity, &dates).await?;
    }
    Ok(gone)
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
    crate::search::refresh(conn, DocKind::Activity, id.0).await
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
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM activities WHERE series_id = $1 AND starts_at > $2")
            .bind(id.0)
            .bind(now.stored())
            .fetch_all(&mut *conn)
            .await?;
    crate::search::refresh_many(conn, DocKind::Activity, &ids).await?;
    Ok(done.rows_affected())
}

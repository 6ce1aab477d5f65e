//! Volunteer shifts: who helped at an activity, in which role, for how long.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str = "SELECT v.id, v.activity_id, a.title, a.programme_id, v.person_id, p.name, v.role, v.minutes \
    FROM volunteer_shifts v JOIN activities a ON a.id = v.activity_id JOIN people p ON p.id = v.person_id";

fn from_row(r: &AnyRow) -> Result<VolunteerShift, DbError> {
    Ok(VolunteerShift {
        id: ShiftId(i(r, "id")?),
        activity_id: ActivityId(i(r, "activity_id")?),
        activity_title: s(r, "title")?,
        programme_id: ProgrammeId(i(r, "programme_id")?),
        person_id: PersonId(i(r, "person_id")?),
        person_name: s(r, "name")?,
        role: s(r, "role")?,
        minutes: i(r, "minutes")?,
    })
}

pub async fn insert(
    conn: &mut Conn,
    activity: ActivityId,
    shift: &ShiftInput,
    by: UserId,
    now: Instant,
) -> Result<ShiftId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO volunteer_shifts (activity_id, person_id, role, minutes, logged_by, logged_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(activity.0)
    .bind(shift.person.0)
    .bind(&shift.role)
    .bind(shift.minutes)
    .bind(by.0)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    crate::indicators::touch_activity(conn, activity, crate::indicators::Touch::Shifts).await?;
    Ok(ShiftId(id))
}

/// A shift of this activity (another activity's is `None`).
pub async fn get(
    conn: &mut Conn,
    activity: ActivityId,
    id: ShiftId,
) -> Result<Option<VolunteerShift>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE v.id = $1 AND v.activity_id = $2"))
        .bind(id.0)
        .bind(activity.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn of_activity(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Vec<VolunteerShift>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE v.activity_id = $1 ORDER BY v.id"))
        .bind(activity.0)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row).collect()
}

pub async fn of_person(conn: &mut Conn, person: PersonId) -> Result<Vec<VolunteerShift>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE v.person_id = $1 ORDER BY a.starts_at DESC, v.id"
    ))
    .bind(person.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Remove a shift of this activity; `false` when there was none.
pub async fn delete(conn: &mut Conn, activity: ActivityId, id: ShiftId) -> Result<bool, DbError> {
    let n = sqlx::query("DELETE FROM volunteer_shifts WHERE id = $1 AND activity_id = $2")
        .bind(id.0)
        .bind(activity.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if n > 0 {
        crate::indicators::touch_activity(conn, activity, crate::indicators::Touch::Shifts).await?;
    }
    Ok(n > 0)
}

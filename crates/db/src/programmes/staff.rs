//! The people working on a programme.

use super::owned::STAFF;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::programme::*;
use kozos_domain::*;
use sqlx::{Any, Executor};

pub async fn staff<'c>(
    ex: impl Executor<'c, Database = Any>,
    id: ProgrammeId,
) -> Result<Vec<StaffAssignment>, DbError> {
    let rows = sqlx::query(
        "SELECT id, name, position, start_date, end_date, note, version FROM staff_assignments WHERE programme_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StaffAssignment {
                id: StaffId(i(r, "id")?),
                programme_id: id,
                name: s(r, "name")?,
                position: e(r, "position", StaffPosition::parse)?,
                start_date: od(r, "start_date")?,
                end_date: od(r, "end_date")?,
                note: os(r, "note")?,
                version: i(r, "version")?,
            })
        })
        .collect()
}

pub async fn insert_staff(
    conn: &mut Conn,
    programme: ProgrammeId,
    st: &StaffInput,
) -> Result<StaffId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO staff_assignments (programme_id, name, position, start_date, end_date, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(programme.0)
    .bind(&st.name)
    .bind(st.position.as_str())
    .bind(date_text(st.start_date))
    .bind(date_text(st.end_date))
    .bind(st.note.as_deref())
    .fetch_one(&mut *conn)
    .await?;
    Ok(StaffId(id))
}

pub async fn update_staff(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: StaffId,
    st: &StaffInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = STAFF.update_sql(&["name", "position", "start_date", "end_date", "note"]);
    let done = sqlx::query(&sql)
        .bind(&st.name)
        .bind(st.position.as_str())
        .bind(date_text(st.start_date))
        .bind(date_text(st.end_date))
        .bind(st.note.as_deref())
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    STAFF
        .saved(conn, done.rows_affected(), id.0, programme)
        .await
}

pub async fn staff_exists(
    conn: &mut Conn,
    programme: ProgrammeId,
    st: &StaffInput,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_assignments WHERE programme_id = $1 AND name = $2 AND position = $3")
        .bind(programme.0)
        .bind(&st.name)
        .bind(st.position.as_str())
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

pub async fn delete_staff(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: StaffId,
) -> Result<bool, DbError> {
    STAFF.delete(conn, id.0, programme).await
}

//! A programme's action areas and the settlements they cover.

use super::owned::ACTION_AREAS;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::programme::*;
use kozos_domain::text::name_key;
use kozos_domain::*;
use sqlx::{Any, Executor};

pub async fn action_areas<'c>(
    ex: impl Executor<'c, Database = Any>,
    id: ProgrammeId,
) -> Result<Vec<ActionArea>, DbError> {
    let rows = sqlx::query(
        "SELECT a.id, a.name, a.boundary, a.version, p.id AS place_id, p.name AS place_name FROM action_areas a \
         LEFT JOIN action_area_places ap ON ap.action_area_id = a.id LEFT JOIN places p ON p.id = ap.place_id \
         WHERE a.programme_id = $1 ORDER BY a.id, p.name_folded",
    )
    .bind(id.0)
    .fetch_all(ex)
    .await?;
    let mut out: Vec<ActionArea> = Vec::new();
    for r in &rows {
        let aid = ActionAreaId(i(r, "id")?);
        if out.last().map(|a| a.id) != Some(aid) {
            out.push(ActionArea {
                id: aid,
                programme_id: id,
                name: s(r, "name")?,
                boundary: s(r, "boundary")?,
                settlements: Vec::new(),
                version: i(r, "version")?,
            });
        }
        if let Some(pid) = oi(r, "place_id")? {
            let area = out.last_mut().expect("pushed above");
            area.settlements.push((PlaceId(pid), s(r, "place_name")?));
        }
    }
    Ok(out)
}

/// Create an action area (`existing` is `None`) or replace one that is still at
/// `version`, with its settlements.
pub async fn upsert_action_area(
    conn: &mut Conn,
    programme: ProgrammeId,
    existing: Option<ActionAreaId>,
    name: &str,
    boundary: &str,
    places: &[PlaceId],
    version: Option<i64>,
) -> Result<(ActionAreaId, Saved), DbError> {
    let id = match existing {
        Some(id) => {
            let sql = ACTION_AREAS.update_sql(&["name", "name_key", "boundary"]);
            let done = sqlx::query(&sql)
            .bind(name)
            .bind(name_key(name))
            .bind(boundary)
            .bind(id.0)
            .bind(programme.0)
            .bind(version)
            .execute(&mut *conn)
            .await?;
            let outcome = ACTION_AREAS
                .saved(conn, done.rows_affected(), id.0, programme)
                .await?;
            if outcome != Saved::Done {
                return Ok((id, outcome));
            }
            sqlx::query("DELETE FROM action_area_places WHERE action_area_id = $1")
                .bind(id.0)
                .execute(&mut *conn)
                .await?;
            id
        }
        None => ActionAreaId(
            sqlx::query_scalar(
                "INSERT INTO action_areas (programme_id, name, name_key, boundary) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(programme.0)
            .bind(name)
            .bind(name_key(name))
            .bind(boundary)
            .fetch_one(&mut *conn)
            .await?,
        ),
    };
    for p in places {
        sqlx::query("INSERT INTO action_area_places (action_area_id, place_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id.0)
            .bind(p.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok((id, Saved::Done))
}

pub async fn action_area_id_by_name(
    conn: &mut Conn,
    programme: ProgrammeId,
    name: &str,
) -> Result<Option<ActionAreaId>, DbError> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM action_areas WHERE programme_id = $1 AND name_key = $2")
            .bind(programme.0)
            .bind(name_key(name))
            .fetch_optional(&mut *conn)
            .await?;
    Ok(id.map(ActionAreaId))
}

pub async fn delete_action_area(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: ActionAreaId,
) -> Result<bool, DbError> {
    sqlx::query("DELETE FROM action_area_places WHERE action_area_id = $1 AND action_area_id IN (SELECT id FROM action_areas WHERE programme_id = $2)")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    ACTION_AREAS.delete(conn, id.0, programme).await
}

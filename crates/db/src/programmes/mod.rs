//! Programmes, and (one module each) the records that belong to them.

mod action_areas;
pub mod activities;
pub mod calendar;
pub mod follow_ups;
pub mod memos;
mod owned;
mod partners;
mod plans;
mod questionnaires;
mod responses;
pub mod series;
mod situation;
mod staff;
mod target_groups;

pub use action_areas::*;
pub use partners::*;
pub use plans::*;
pub use questionnaires::*;
pub use responses::*;
pub use situation::*;
pub use staff::*;
pub use target_groups::*;

use crate::row::*;
use crate::{saved, Conn, Db, DbError, Saved};
use kozos_domain::place::decode_lineage;
use kozos_domain::programme::*;
use kozos_domain::search::DocKind;
use kozos_domain::text::{fold, name_key};
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str = "SELECT pr.id, pr.title, pr.code, pr.beneficiary_id, o.name AS beneficiary_name, pr.place_id, \
    pl.name AS place_name, pr.grant_huf, pr.aid_intensity_bp, pr.fund, pr.start_date, pr.end_date, \
    pr.intermediate_body, pr.description, pr.version \
    FROM programmes pr LEFT JOIN organisations o ON o.id = pr.beneficiary_id LEFT JOIN places pl ON pl.id = pr.place_id";

fn from_row(r: &AnyRow) -> Result<Programme, DbError> {
    Ok(Programme {
        id: ProgrammeId(i(r, "id")?),
        title: s(r, "title")?,
        code: os(r, "code")?,
        beneficiary_id: oi(r, "beneficiary_id")?.map(OrganisationId),
        beneficiary_name: os(r, "beneficiary_name")?,
        place_id: oi(r, "place_id")?.map(PlaceId),
        place_name: os(r, "place_name")?,
        grant_huf: oi(r, "grant_huf")?,
        aid_intensity_bp: oi(r, "aid_intensity_bp")?,
        fund: oe(r, "fund", Fund::parse)?,
        start_date: od(r, "start_date")?,
        end_date: od(r, "end_date")?,
        intermediate_body: os(r, "intermediate_body")?,
        description: s(r, "description")?,
        version: i(r, "version")?,
    })
}

pub async fn get(db: &Db, id: ProgrammeId) -> Result<Option<Programme>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE pr.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Programmes whose title, project ID, beneficiary or settlement (or any action-area
/// settlement) contains `q`, accent- and case-blind; all of them without `q`.
pub async fn search(db: &Db, q: Option<&str>) -> Result<Vec<Programme>, DbError> {
    let rows = match q.map(name_key).filter(|q| !q.is_empty()) {
        Some(q) => sqlx::query(&format!(
            "{SELECT} WHERE pr.title_folded LIKE $1 ESCAPE '\\' OR LOWER(pr.code) LIKE $1 ESCAPE '\\' \
             OR o.name_folded LIKE $1 ESCAPE '\\' OR pl.name_folded LIKE $1 ESCAPE '\\' \
             OR pr.id IN (SELECT a.programme_id FROM action_areas a JOIN action_area_places ap ON ap.action_area_id = a.id \
                          JOIN places x ON x.id = ap.place_id WHERE x.name_folded LIKE $1 ESCAPE '\\') \
             ORDER BY pr.title_folded"
        ))
        .bind(crate::like_contains(&q))
        .fetch_all(&db.pool)
        .await?,
        None => sqlx::query(&format!("{SELECT} ORDER BY pr.title_folded")).fetch_all(&db.pool).await?,
    };
    rows.iter().map(from_row).collect()
}

const TARGET_SELECT: &str = "SELECT pr.id, pr.beneficiary_id, o.parent_id AS org_parent, pl.lineage FROM programmes pr \
     LEFT JOIN organisations o ON o.id = pr.beneficiary_id LEFT JOIN places pl ON pl.id = pr.place_id";

fn target_from_row(r: &AnyRow) -> Result<(ProgrammeId, kozos_domain::policy::Target), DbError> {
    let id = ProgrammeId(i(r, "id")?);
    let organisations = [oi(r, "beneficiary_id")?, oi(r, "org_parent")?]
        .into_iter()
        .flatten()
        .map(OrganisationId)
        .collect();
    let places = os(r, "lineage")?
        .map(|l| decode_lineage(&l))
        .unwrap_or_default();
    Ok((
        id,
        kozos_domain::policy::Target {
            programme: Some(id),
            organisations,
            places,
        },
    ))
}

/// Where a programme sits in the tree, for the policy: its beneficiary (and that
/// organisation's parent) and its place lineage.
pub async fn target(
    db: &Db,
    id: ProgrammeId,
) -> Result<Option<kozos_domain::policy::Target>, DbError> {
    let row = sqlx::query(&format!("{TARGET_SELECT} WHERE pr.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref()
        .map(target_from_row)
        .transpose()
        .map(|t| t.map(|(_, t)| t))
}

/// The targets of every programme, in one query (for filtering lists by scope).
pub async fn all_targets(
    db: &Db,
) -> Result<std::collections::HashMap<ProgrammeId, kozos_domain::policy::Target>, DbError> {
    let rows = sqlx::query(TARGET_SELECT).fetch_all(&db.pool).await?;
    rows.iter().map(target_from_row).collect()
}

fn bind_input<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    p: &'q ProgrammeInput,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(&p.title)
        .bind(fold(&p.title))
        .bind(p.code.as_ref().map(|c| c.as_str().to_string()))
        .bind(p.beneficiary_id.map(|x| x.0))
        .bind(p.place_id.map(|x| x.0))
        .bind(p.grant_huf)
        .bind(p.aid_intensity_bp)
        .bind(p.fund.map(|f| f.as_str()))
        .bind(date_text(p.start_date))
        .bind(date_text(p.end_date))
        .bind(p.intermediate_body.as_deref())
        .bind(&p.description)
}

pub async fn insert(
    conn: &mut Conn,
    p: &ProgrammeInput,
    now: &str,
) -> Result<ProgrammeId, DbError> {
    let q = sqlx::query(
        "INSERT INTO programmes (title, title_folded, code, beneficiary_id, place_id, grant_huf, aid_intensity_bp, fund, \
         start_date, end_date, intermediate_body, description, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
    );
    let row = bind_input(q, p).bind(now).fetch_one(&mut *conn).await?;
    let id = i(&row, "id")?;
    crate::search::refresh(conn, DocKind::Programme, id).await?;
    Ok(ProgrammeId(id))
}

/// Replace a programme's fields if it is still at `version` (any version when `None`).
pub async fn update(
    conn: &mut Conn,
    id: ProgrammeId,
    p: &ProgrammeInput,
    now: &str,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let q = sqlx::query(
        "UPDATE programmes SET title = $1, title_folded = $2, code = $3, beneficiary_id = $4, place_id = $5, grant_huf = $6, \
         aid_intensity_bp = $7, fund = $8, start_date = $9, end_date = $10, intermediate_body = $11, description = $12, \
         updated_at = $13, version = version + 1 WHERE id = $14 AND version = COALESCE($15, version)",
    );
    let done = bind_input(q, p)
        .bind(now)
        .bind(id.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let result = saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM programmes WHERE id = $1 AND id = $2",
        id.0,
        id.0,
    )
    .await?;
    if result == Saved::Done {
        crate::search::refresh(conn, DocKind::Programme, id.0).await?;
        // Its activities carry the programme's title as a keyword.
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM activities WHERE programme_id = $1")
            .bind(id.0)
            .fetch_all(&mut *conn)
            .await?;
        crate::search::refresh_many(conn, DocKind::Activity, &ids).await?;
    }
    Ok(result)
}

pub async fn id_by_code(conn: &mut Conn, code: &str) -> Result<Option<ProgrammeId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM programmes WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(ProgrammeId))
}

pub async fn id_by_title(conn: &mut Conn, title: &str) -> Result<Option<ProgrammeId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM programmes WHERE title_folded = $1")
        .bind(fold(title))
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(ProgrammeId))
}

/// The titles of these programmes (those that exist).
pub async fn titles(db: &Db, ids: &[ProgrammeId]) -> Result<Vec<(ProgrammeId, String)>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::indicators::id_list(ids.iter().map(|p| p.0));
    let rows = sqlx::query(&format!(
        "SELECT id, title FROM programmes WHERE id IN ({list})"
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((ProgrammeId(i(r, "id")?), s(r, "title")?)))
        .collect()
}

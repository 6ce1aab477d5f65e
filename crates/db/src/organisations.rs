//! Organisations.

use crate::row::*;
use crate::{saved, Conn, Db, DbError, Saved};
use kozos_domain::organisation::{OrgKind, Organisation, OrganisationInput, Sector};
use kozos_domain::text::name_key;
use kozos_domain::{OrganisationId, PlaceId};
use sqlx::any::AnyRow;

const SELECT: &str = "SELECT o.id, o.name, o.sector, o.kind, o.settlement_id, p.name AS settlement_name, o.parent_id, o.website, o.version \
    FROM organisations o LEFT JOIN places p ON p.id = o.settlement_id";

fn from_row(r: &AnyRow) -> Result<Organisation, DbError> {
    Ok(Organisation {
        id: OrganisationId(i(r, "id")?),
        name: s(r, "name")?,
        sector: e(r, "sector", Sector::parse)?,
        kind: e(r, "kind", OrgKind::parse)?,
        settlement_id: oi(r, "settlement_id")?.map(PlaceId),
        settlement_name: os(r, "settlement_name")?,
        parent_id: oi(r, "parent_id")?.map(OrganisationId),
        website: os(r, "website")?,
        version: i(r, "version")?,
    })
}

pub async fn get(db: &Db, id: OrganisationId) -> Result<Option<Organisation>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE o.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// All organisations, or those whose name or settlement contains `q` (accent-blind).
pub async fn list(db: &Db, q: Option<&str>) -> Result<Vec<Organisation>, DbError> {
    let rows = match q.map(name_key).filter(|q| !q.is_empty()) {
        Some(q) => {
            sqlx::query(&format!(
            "{SELECT} WHERE o.name_folded LIKE $1 ESCAPE '\\' OR p.name_folded LIKE $1 ESCAPE '\\' ORDER BY o.name_folded"
        ))
            .bind(crate::like_contains(&q))
            .fetch_all(&db.pool)
            .await?
        }
        None => {
            sqlx::query(&format!("{SELECT} ORDER BY o.name_folded"))
                .fetch_all(&db.pool)
                .await?
        }
    };
    rows.iter().map(from_row).collect()
}

pub async fn insert(
    conn: &mut Conn,
    input: &OrganisationInput,
    now: &str,
) -> Result<OrganisationId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (name, name_folded, sector, kind, settlement_id, parent_id, website, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(&input.name)
    .bind(name_key(&input.name))
    .bind(input.sector.as_str())
    .bind(input.kind.as_str())
    .bind(input.settlement_id.map(|p| p.0))
    .bind(input.parent_id.map(|p| p.0))
    .bind(input.website.as_deref())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(OrganisationId(id))
}

/// Replace an organisation's fields if it is still at `version` (any version when `None`).
pub async fn update(
    conn: &mut Conn,
    id: OrganisationId,
    input: &OrganisationInput,
    now: &str,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE organisations SET name = $1, name_folded = $2, sector = $3, kind = $4, settlement_id = $5, parent_id = $6, \
         website = $7, updated_at = $8, version = version + 1 WHERE id = $9 AND version = COALESCE($10, version)",
    )
    .bind(&input.name)
    .bind(name_key(&input.name))
    .bind(input.sector.as_str())
    .bind(input.kind.as_str())
    .bind(input.settlement_id.map(|p| p.0))
    .bind(input.parent_id.map(|p| p.0))
    .bind(input.website.as_deref())
    .bind(now)
    .bind(id.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM organisations WHERE id = $1 AND id = $2",
        id.0,
        id.0,
    )
    .await
}

/// The chain of parents above an organisation, nearest first (stops at `limit`, so a
/// cycle already in the data cannot loop forever).
pub async fn ancestors(
    conn: &mut Conn,
    id: OrganisationId,
    limit: usize,
) -> Result<Vec<OrganisationId>, DbError> {
    let mut out = Vec::new();
    let mut at = id;
    while out.len() < limit {
        let parent: Option<Option<i64>> =
            sqlx::query_scalar("SELECT parent_id FROM organisations WHERE id = $1")
                .bind(at.0)
                .fetch_optional(&mut *conn)
                .await?;
        match parent.flatten() {
            Some(p) => {
                out.push(OrganisationId(p));
                at = OrganisationId(p);
            }
            None => break,
        }
    }
    Ok(out)
}

/// Find by name (accent- and case-blind), or create: the demo loader's idempotent step.
pub async fn ensure(
    conn: &mut Conn,
    input: &OrganisationInput,
    now: &str,
) -> Result<OrganisationId, DbError> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM organisations WHERE name_folded = $1")
            .bind(name_key(&input.name))
            .fetch_optional(&mut *conn)
            .await?;
    match existing {
        Some(id) => Ok(OrganisationId(id)),
        None => insert(conn, input, now).await,
    }
}

/// The settlement lineage of an organisation (for scope checks).
pub async fn lineage(
    db: &Db,
    id: OrganisationId,
) -> Result<Option<(Option<OrganisationId>, Vec<PlaceId>)>, DbError> {
    let row = sqlx::query(
        "SELECT o.parent_id, p.lineage FROM organisations o LEFT JOIN places p ON p.id = o.settlement_id WHERE o.id = $1",
    )
    .bind(id.0)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        None => Ok(None),
        Some(r) => Ok(Some((
            oi(&r, "parent_id")?.map(OrganisationId),
            os(&r, "lineage")?
                .map(|l| kozos_domain::place::decode_lineage(&l))
                .unwrap_or_default(),
        ))),
    }
}

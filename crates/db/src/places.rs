//! The places tree.

use crate::row::*;
use crate::{Conn, Db, DbError};
use kozos_domain::place::{decode_lineage, encode_lineage, Place, PlaceKind};
use kozos_domain::text::fold;
use kozos_domain::PlaceId;
use sqlx::any::AnyRow;

const COLS: &str = "id, kind, name, parent_id, ksh_code, lineage";

fn from_row(r: &AnyRow) -> Result<Place, DbError> {
    Ok(Place {
        id: PlaceId(i(r, "id")?),
        kind: e(r, "kind", PlaceKind::parse)?,
        name: s(r, "name")?,
        parent_id: oi(r, "parent_id")?.map(PlaceId),
        ksh_code: os(r, "ksh_code")?,
        lineage: decode_lineage(&s(r, "lineage")?),
    })
}

pub async fn get(db: &Db, id: PlaceId) -> Result<Option<Place>, DbError> {
    let row = sqlx::query(&format!("SELECT {COLS} FROM places WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn children(db: &Db, parent: Option<PlaceId>) -> Result<Vec<Place>, DbError> {
    let rows = match parent {
        Some(p) => {
            sqlx::query(&format!(
                "SELECT {COLS} FROM places WHERE parent_id = $1 ORDER BY name"
            ))
            .bind(p.0)
            .fetch_all(&db.pool)
            .await?
        }
        None => {
            sqlx::query(&format!(
                "SELECT {COLS} FROM places WHERE parent_id IS NULL ORDER BY name"
            ))
            .fetch_all(&db.pool)
            .await?
        }
    };
    rows.iter().map(from_row).collect()
}

/// Places of one kind, e.g. every settlement, for pick lists.
pub async fn of_kind(db: &Db, kind: PlaceKind) -> Result<Vec<Place>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM places WHERE kind = $1 ORDER BY name_folded, id"
    ))
    .bind(kind.as_str())
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Settlements (and settlement parts) whose name matches exactly, ignoring case and accents.
pub async fn settlements_named(db: &Db, name: &str) -> Result<Vec<Place>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM places WHERE name_folded = $1 AND kind IN ('settlement', 'settlement_part') ORDER BY id"
    ))
    .bind(fold(name.trim()))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(from_row).collect()
}

pub async fn by_ksh(db: &Db, code: &str) -> Result<Option<Place>, DbError> {
    let row = sqlx::query(&format!("SELECT {COLS} FROM places WHERE ksh_code = $1"))
        .bind(code)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find_child(
    conn: &mut Conn,
    parent: Option<PlaceId>,
    kind: PlaceKind,
    name: &str,
) -> Result<Option<Place>, DbError> {
    let row = match parent {
        Some(p) => {
            sqlx::query(&format!(
                "SELECT {COLS} FROM places WHERE parent_id = $1 AND kind = $2 AND name = $3"
            ))
            .bind(p.0)
            .bind(kind.as_str())
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?
        }
        None => {
            sqlx::query(&format!(
                "SELECT {COLS} FROM places WHERE parent_id IS NULL AND kind = $1 AND name = $2"
            ))
            .bind(kind.as_str())
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?
        }
    };
    row.as_ref().map(from_row).transpose()
}

/// Find or create a place under `parent` (idempotent: loading the demo twice adds nothing).
/// A KSH code given for an existing place fills it in when it was missing.
pub async fn ensure(
    conn: &mut Conn,
    parent: Option<&Place>,
    kind: PlaceKind,
    name: &str,
    ksh_code: Option<&str>,
    source: &str,
) -> Result<Place, DbError> {
    if let Some(existing) = find_child(conn, parent.map(|p| p.id), kind, name).await? {
        if let (Some(code), None) = (ksh_code, &existing.ksh_code) {
            sqlx::query("UPDATE places SET ksh_code = $1 WHERE id = $2")
                .bind(code)
                .bind(existing.id.0)
                .execute(&mut *conn)
                .await?;
            return Ok(Place {
                ksh_code: Some(code.to_string()),
                ..existing
            });
        }
        return Ok(existing);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO places (kind, name, name_folded, parent_id, ksh_code, source) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(kind.as_str())
    .bind(name)
    .bind(fold(name))
    .bind(parent.map(|p| p.id.0))
    .bind(ksh_code)
    .bind(source)
    .fetch_one(&mut *conn)
    .await?;
    let mut lineage = parent.map(|p| p.lineage.clone()).unwrap_or_default();
    lineage.push(PlaceId(id));
    sqlx::query("UPDATE places SET lineage = $1 WHERE id = $2")
        .bind(encode_lineage(&lineage))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(Place {
        id: PlaceId(id),
        kind,
        name: name.to_string(),
        parent_id: parent.map(|p| p.id),
        ksh_code: ksh_code.map(str::to_string),
        lineage,
    })
}

/// Names of the given places, in the order given (for breadcrumbs like
/// "Komárom-Esztergom › Kisbéri járás › Kisbér"), in one query.
pub async fn names(db: &Db, ids: &[PlaceId]) -> Result<Vec<(PlaceId, String)>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, name FROM places WHERE id IN ({})",
        placeholders.join(", ")
    );
    let mut q = sqlx::query(&sql);
    for id in ids {
        q = q.bind(id.0);
    }
    let rows = q.fetch_all(&db.pool).await?;
    let mut found: Vec<(PlaceId, String)> = rows
        .iter()
        .map(|r| Ok((PlaceId(i(r, "id")?), s(r, "name")?)))
        .collect::<Result<_, DbError>>()?;
    found.sort_by_key(|(id, _)| ids.iter().position(|x| x == id));
    Ok(found)
}

pub async fn count_by_kind(db: &Db) -> Result<Vec<(String, i64)>, DbError> {
    let rows = sqlx::query("SELECT kind, COUNT(*) AS n FROM places GROUP BY kind ORDER BY kind")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| Ok((s(r, "kind")?, i(r, "n")?)))
        .collect()
}

/// The settlement (preferred) or settlement part with this folded name.
pub async fn settlement_by_folded_name(
    conn: &mut Conn,
    folded: &str,
) -> Result<Option<Place>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {COLS} FROM places WHERE name_folded = $1 AND kind IN ('settlement', 'settlement_part') \
         ORDER BY CASE kind WHEN 'settlement' THEN 0 ELSE 1 END, id LIMIT 1"
    ))
    .bind(folded)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn children_in(conn: &mut Conn, parent: PlaceId) -> Result<Vec<Place>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM places WHERE parent_id = $1 ORDER BY name_folded"
    ))
    .bind(parent.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Every place of the tree (a few thousand rows), for loaders that place many records.
pub async fn all_in(conn: &mut Conn) -> Result<Vec<Place>, DbError> {
    let rows = sqlx::query(&format!("SELECT {COLS} FROM places ORDER BY id"))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Settlements under their parents (districts, or Budapest's county), many at once:
/// (parent, name, KSH code). Their lineages follow from their parents'. Returns how many
/// were added.
pub async fn insert_settlements(
    conn: &mut Conn,
    rows: &[(PlaceId, String, Option<String>)],
    source: &str,
) -> Result<u64, DbError> {
    use crate::bulk::{Cell, Inserter};
    let mut w = Inserter::new(
        "INSERT INTO places (kind, name, name_folded, parent_id, ksh_code, source) VALUES ",
        "('settlement', ?1, ?2, ?3, ?4, ?5)",
        5,
    );
    for (parent, name, ksh) in rows {
        let row = [
            Cell::Text(name.clone()),
            Cell::Text(fold(name)),
            Cell::Int(parent.0),
            Cell::OptText(ksh.clone()),
            Cell::Text(source.to_string()),
        ];
        w.add(conn, row).await?;
    }
    w.flush(conn).await?;
    // New rows still have the default lineage.
    sqlx::query(
        "UPDATE places SET lineage = (SELECT p.lineage FROM places p WHERE p.id = places.parent_id) \
         || CAST(id AS TEXT) || '/' WHERE lineage = '/' AND parent_id IS NOT NULL",
    )
    .execute(&mut *conn)
    .await?;
    Ok(w.written)
}

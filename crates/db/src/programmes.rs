//! Programmes and their parts (partners, agreements, staff, action areas, target groups).

use crate::row::*;
use crate::{saved, Conn, Db, DbError, Saved};
use kozos_domain::place::decode_lineage;
use kozos_domain::programme::*;
use kozos_domain::text::{fold, name_key};
use kozos_domain::*;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor};

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
    Ok(ProgrammeId(i(&row, "id")?))
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
    saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM programmes WHERE id = $1 AND id = $2",
        id.0,
        id.0,
    )
    .await
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

// ---- partners and agreements ----

/// Partners with their agreements, in one query.
pub async fn partners<'c>(
    ex: impl Executor<'c, Database = Any>,
    id: ProgrammeId,
) -> Result<Vec<Partner>, DbError> {
    let rows = sqlx::query(
        "SELECT pa.id, pa.organisation_id, o.name_folded, o.name AS organisation_name, pa.role, pa.version, \
         a.id AS agreement_id, a.signed_on, a.scope, a.version AS agreement_version \
         FROM partners pa JOIN organisations o ON o.id = pa.organisation_id \
         LEFT JOIN agreements a ON a.partner_id = pa.id WHERE pa.programme_id = $1 \
         ORDER BY o.name_folded, pa.id, CASE WHEN a.signed_on IS NULL THEN 1 ELSE 0 END, a.signed_on, a.id",
    )
    .bind(id.0)
    .fetch_all(ex)
    .await?;
    let mut out: Vec<Partner> = Vec::new();
    for r in &rows {
        let pid = PartnerId(i(r, "id")?);
        if out.last().map(|p| p.id) != Some(pid) {
            out.push(Partner {
                id: pid,
                programme_id: id,
                organisation_id: OrganisationId(i(r, "organisation_id")?),
                organisation_name: s(r, "organisation_name")?,
                role: e(r, "role", PartnerRole::parse)?,
                agreements: Vec::new(),
                version: i(r, "version")?,
            });
        }
        if let Some(aid) = oi(r, "agreement_id")? {
            let partner = out.last_mut().expect("pushed above");
            partner.agreements.push(Agreement {
                id: AgreementId(aid),
                partner_id: pid,
                signed_on: od(r, "signed_on")?,
                scope: s(r, "scope")?,
                version: i(r, "agreement_version")?,
            });
        }
    }
    Ok(out)
}

pub async fn insert_partner(
    conn: &mut Conn,
    programme: ProgrammeId,
    p: &PartnerInput,
) -> Result<PartnerId, DbError> {
    let id: i64 = sqlx::query_scalar("INSERT INTO partners (programme_id, organisation_id, role) VALUES ($1, $2, $3) RETURNING id")
        .bind(programme.0)
        .bind(p.organisation_id.0)
        .bind(p.role.as_str())
        .fetch_one(&mut *conn)
        .await?;
    Ok(PartnerId(id))
}

pub async fn update_partner(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PartnerId,
    p: &PartnerInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE partners SET organisation_id = $1, role = $2, version = version + 1 \
         WHERE id = $3 AND programme_id = $4 AND version = COALESCE($5, version)",
    )
    .bind(p.organisation_id.0)
    .bind(p.role.as_str())
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM partners WHERE id = $1 AND programme_id = $2",
        id.0,
        programme.0,
    )
    .await
}

pub async fn delete_partner(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PartnerId,
) -> Result<bool, DbError> {
    sqlx::query("DELETE FROM agreements WHERE partner_id = $1 AND partner_id IN (SELECT id FROM partners WHERE programme_id = $2)")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("DELETE FROM partners WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn partner_id_for(
    conn: &mut Conn,
    programme: ProgrammeId,
    org: OrganisationId,
) -> Result<Option<PartnerId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM partners WHERE programme_id = $1 AND organisation_id = $2",
    )
    .bind(programme.0)
    .bind(org.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(PartnerId))
}

/// Is this partner part of this programme? (guards nested URLs against id tampering)
pub async fn partner_belongs(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PartnerId,
) -> Result<bool, DbError> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM partners WHERE id = $1 AND programme_id = $2")
            .bind(id.0)
            .bind(programme.0)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n == 1)
}

pub async fn insert_agreement(
    conn: &mut Conn,
    partner: PartnerId,
    a: &AgreementInput,
) -> Result<AgreementId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO agreements (partner_id, signed_on, scope) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(partner.0)
    .bind(date_text(a.signed_on))
    .bind(&a.scope)
    .fetch_one(&mut *conn)
    .await?;
    Ok(AgreementId(id))
}

pub async fn agreement_exists(
    conn: &mut Conn,
    partner: PartnerId,
    a: &AgreementInput,
) -> Result<bool, DbError> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM agreements WHERE partner_id = $1 AND scope = $2")
            .bind(partner.0)
            .bind(&a.scope)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n > 0)
}

pub async fn delete_agreement(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: AgreementId,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "DELETE FROM agreements WHERE id = $1 AND partner_id IN (SELECT id FROM partners WHERE programme_id = $2)",
    )
    .bind(id.0)
    .bind(programme.0)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- staff ----

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
    let done = sqlx::query("DELETE FROM staff_assignments WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ---- action areas ----

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
            let done = sqlx::query(
                "UPDATE action_areas SET name = $1, name_key = $2, boundary = $3, version = version + 1 \
                 WHERE id = $4 AND programme_id = $5 AND version = COALESCE($6, version)",
            )
            .bind(name)
            .bind(name_key(name))
            .bind(boundary)
            .bind(id.0)
            .bind(programme.0)
            .bind(version)
            .execute(&mut *conn)
            .await?;
            let outcome = saved(
                conn,
                done.rows_affected(),
                "SELECT COUNT(*) FROM action_areas WHERE id = $1 AND programme_id = $2",
                id.0,
                programme.0,
            )
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

pub async fn action_area_belongs(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: ActionAreaId,
) -> Result<bool, DbError> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM action_areas WHERE id = $1 AND programme_id = $2")
            .bind(id.0)
            .bind(programme.0)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n == 1)
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
    let done = sqlx::query("DELETE FROM action_areas WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ---- target groups ----

pub async fn target_groups<'c>(
    ex: impl Executor<'c, Database = Any>,
    id: ProgrammeId,
) -> Result<Vec<TargetGroup>, DbError> {
    let rows = sqlx::query("SELECT id, name, description, planned_size, version FROM target_groups WHERE programme_id = $1 ORDER BY id")
        .bind(id.0)
        .fetch_all(ex)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(TargetGroup {
                id: TargetGroupId(i(r, "id")?),
                programme_id: id,
                name: s(r, "name")?,
                description: os(r, "description")?,
                planned_size: oi(r, "planned_size")?,
                version: i(r, "version")?,
            })
        })
        .collect()
}

/// Insert a target group; the unique name key turns a duplicate (however it is capitalised
/// or spaced) into a clear form error.
pub async fn insert_target_group(
    conn: &mut Conn,
    programme: ProgrammeId,
    t: &TargetGroupInput,
) -> Result<TargetGroupId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO target_groups (programme_id, name, name_key, description, planned_size) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(programme.0)
    .bind(&t.name)
    .bind(name_key(&t.name))
    .bind(t.description.as_deref())
    .bind(t.planned_size)
    .fetch_one(&mut *conn)
    .await?;
    Ok(TargetGroupId(id))
}

pub async fn target_group_exists(
    conn: &mut Conn,
    programme: ProgrammeId,
    name: &str,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM target_groups WHERE programme_id = $1 AND name_key = $2",
    )
    .bind(programme.0)
    .bind(name_key(name))
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

pub async fn delete_target_group(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: TargetGroupId,
) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM target_groups WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ---- edits of parts (each checks the part belongs to the programme in the URL) ----

pub async fn update_agreement(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: AgreementId,
    a: &AgreementInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE agreements SET signed_on = $1, scope = $2, version = version + 1 \
         WHERE id = $3 AND partner_id IN (SELECT id FROM partners WHERE programme_id = $4) AND version = COALESCE($5, version)",
    )
    .bind(date_text(a.signed_on))
    .bind(&a.scope)
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM agreements WHERE id = $1 AND partner_id IN (SELECT id FROM partners WHERE programme_id = $2)",
        id.0,
        programme.0,
    )
    .await
}

pub async fn update_staff(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: StaffId,
    st: &StaffInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE staff_assignments SET name = $1, position = $2, start_date = $3, end_date = $4, note = $5, version = version + 1 \
         WHERE id = $6 AND programme_id = $7 AND version = COALESCE($8, version)",
    )
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
    saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM staff_assignments WHERE id = $1 AND programme_id = $2",
        id.0,
        programme.0,
    )
    .await
}

pub async fn update_target_group(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: TargetGroupId,
    t: &TargetGroupInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let done = sqlx::query(
        "UPDATE target_groups SET name = $1, name_key = $2, description = $3, planned_size = $4, version = version + 1 \
         WHERE id = $5 AND programme_id = $6 AND version = COALESCE($7, version)",
    )
    .bind(&t.name)
    .bind(name_key(&t.name))
    .bind(t.description.as_deref())
    .bind(t.planned_size)
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    saved(
        conn,
        done.rows_affected(),
        "SELECT COUNT(*) FROM target_groups WHERE id = $1 AND programme_id = $2",
        id.0,
        programme.0,
    )
    .await
}

//! A programme's partners and their cooperation agreements.

use super::owned::{AGREEMENTS, PARTNERS};
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::programme::*;
use kozos_domain::*;
use sqlx::{Any, Executor};

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
    let sql = PARTNERS.update_sql(&["organisation_id", "role"]);
    let done = sqlx::query(&sql)
        .bind(p.organisation_id.0)
        .bind(p.role.as_str())
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    PARTNERS
        .saved(conn, done.rows_affected(), id.0, programme)
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
    PARTNERS.delete(conn, id.0, programme).await
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

pub async fn update_agreement(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: AgreementId,
    a: &AgreementInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = AGREEMENTS.update_sql(&["signed_on", "scope"]);
    let done = sqlx::query(&sql)
        .bind(date_text(a.signed_on))
        .bind(&a.scope)
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    AGREEMENTS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await
}

pub async fn delete_agreement(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: AgreementId,
) -> Result<bool, DbError> {
    AGREEMENTS.delete(conn, id.0, programme).await
}

//! Initiatives of a programme: the proposals, their stage moves, the support given to
//! them, and their outcome. Residents' supports, comments and reports are in [`social`];
//! residents themselves and visitors' held actions in [`residents`].
//!
//! Every write of an initiative refreshes it in the search index in its transaction
//! (`crate::search::refresh`). Every write that can change what the initiative indicator
//! sources count calls [`touch`] in the same transaction.

pub mod residents;
pub mod social;

use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::initiative::*;
use kozos_domain::search::DocKind;
use kozos_domain::time::Instant;
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str =
    "SELECT i.id, i.programme_id, i.title, i.summary, i.stage, i.proposed_by, r.display_name, \
    i.outcome, i.outcome_name, i.outcome_organisation_id, i.created_at, i.version, \
    (SELECT COUNT(*) FROM initiative_supports s WHERE s.initiative_id = i.id) AS supports, \
    (SELECT COUNT(*) FROM initiative_assistance a WHERE a.initiative_id = i.id) AS assistance \
    FROM initiatives i LEFT JOIN residents r ON r.id = i.proposed_by";

fn from_row(r: &AnyRow) -> Result<Initiative, DbError> {
    Ok(Initiative {
        id: InitiativeId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        title: s(r, "title")?,
        summary: s(r, "summary")?,
        stage: e(r, "stage", Stage::parse)?,
        proposer: oi(r, "proposed_by")?.map(ResidentId),
        proposer_name: os(r, "display_name")?,
        outcome: e(r, "outcome", Outcome::parse)?,
        outcome_name: os(r, "outcome_name")?,
        outcome_organisation: oi(r, "outcome_organisation_id")?.map(OrganisationId),
        supports: i(r, "supports")?,
        assistance: i(r, "assistance")?,
        created_at: s(r, "created_at")?,
        version: i(r, "version")?,
    })
}

/// What a change to initiatives can move in the programme's indicators. Called by every
/// write below in its transaction.
pub async fn touch(conn: &mut Conn, programme: ProgrammeId) -> Result<(), DbError> {
    crate::indicators::touch(conn, programme, crate::indicators::Touch::Initiatives).await
}

/// A new proposal, at `proposed`.
pub async fn insert(
    conn: &mut Conn,
    programme: ProgrammeId,
    input: &InitiativeInput,
    by: Option<ResidentId>,
    now: Instant,
) -> Result<InitiativeId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO initiatives (programme_id, title, summary, stage, proposed_by, created_at, updated_at) \
         VALUES ($1, $2, $3, 'proposed', $4, $5, $5) RETURNING id",
    )
    .bind(programme.0)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(by.map(|r| r.0))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    touch(conn, programme).await?;
    crate::search::refresh(conn, DocKind::Initiative, id).await?;
    Ok(InitiativeId(id))
}

/// Save the proposal's text if it is still at `version`.
pub async fn update(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    input: &InitiativeInput,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let n = sqlx::query(
        "UPDATE initiatives SET title = $1, summary = $2, updated_at = $3, version = version + 1 \
         WHERE id = $4 AND programme_id = $5 AND version = COALESCE($6, version)",
    )
    .bind(&input.title)
    .bind(&input.summary)
    .bind(now.stored())
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let saved = crate::saved(
        conn,
        n,
        "SELECT COUNT(*) FROM initiatives WHERE id = $1 AND programme_id = $2",
        id.0,
        programme.0,
    )
    .await?;
    if saved == Saved::Done {
        crate::search::refresh(conn, DocKind::Initiative, id.0).await?;
    }
    Ok(saved)
}

/// Remove an initiative with its moves, supports, comments and support given.
pub async fn delete(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<bool, DbError> {
    // Children first: SQLite enforces the cascade only with foreign keys on, and the
    // reports hang on the comments.
    sqlx::query(
        "DELETE FROM comment_reports WHERE comment_id IN (SELECT c.id FROM initiative_comments c \
         JOIN initiatives i ON i.id = c.initiative_id WHERE i.id = $1 AND i.programme_id = $2)",
    )
    .bind(id.0)
    .bind(programme.0)
    .execute(&mut *conn)
    .await?;
    for table in [
        "initiative_comments",
        "initiative_supports",
        "initiative_moves",
        "initiative_assistance",
    ] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE initiative_id IN (SELECT id FROM initiatives WHERE id = $1 AND programme_id = $2)"
        ))
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    }
    let n = sqlx::query("DELETE FROM initiatives WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if n > 0 {
        touch(conn, programme).await?;
        crate::search::remove(conn, DocKind::Initiative, id.0).await?;
    }
    Ok(n > 0)
}

/// The initiative, only when it is in `programme` (ids from a URL are hostile).
pub async fn get(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Option<Initiative>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE i.id = $1 AND i.programme_id = $2"))
        .bind(id.0)
        .bind(programme.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// A programme's initiatives, newest first, at one stage or all.
pub async fn of_programme(
    conn: &mut Conn,
    programme: ProgrammeId,
    stage: Option<Stage>,
) -> Result<Vec<Initiative>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE i.programme_id = $1 AND ($2 = '' OR i.stage = $2) ORDER BY i.created_at DESC, i.id DESC"
    ))
    .bind(programme.0)
    .bind(stage.map_or("", Stage::as_str))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Lock the initiative's row for a change of its stage or outcome (an `UPDATE` that
/// takes the row lock on PostgreSQL; SQLite's writer lock is already held) and return it
/// as it is now.
pub async fn lock(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Option<Initiative>, DbError> {
    sqlx::query("UPDATE initiatives SET version = version WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    get(conn, programme, id).await
}

/// Move the initiative to `to` if it is still at `version`, keeping the move.
#[allow(clippy::too_many_arguments)]
pub async fn move_stage(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    from: Stage,
    input: &MoveInput,
    by: UserId,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let n = sqlx::query(
        "UPDATE initiatives SET stage = $1, updated_at = $2, version = version + 1 \
         WHERE id = $3 AND programme_id = $4 AND stage = $5 AND version = COALESCE($6, version)",
    )
    .bind(input.to.as_str())
    .bind(now.stored())
    .bind(id.0)
    .bind(programme.0)
    .bind(from.as_str())
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n == 0 {
        return crate::saved(
            conn,
            0,
            "SELECT COUNT(*) FROM initiatives WHERE id = $1 AND programme_id = $2",
            id.0,
            programme.0,
        )
        .await;
    }
    sqlx::query(
        "INSERT INTO initiative_moves (initiative_id, from_stage, to_stage, reason, activity_id, moved_by, moved_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.0)
    .bind(from.as_str())
    .bind(input.to.as_str())
    .bind(input.reason.as_deref())
    .bind(input.activity.map(|a| a.0))
    .bind(by.0)
    .bind(now.stored())
    .execute(&mut *conn)
    .await?;
    touch(conn, programme).await?;
    crate::search::refresh(conn, DocKind::Initiative, id.0).await?;
    Ok(Saved::Done)
}

/// The initiative's moves, oldest first.
pub async fn moves(conn: &mut Conn, id: InitiativeId) -> Result<Vec<StageMove>, DbError> {
    let rows = sqlx::query(
        "SELECT m.id, m.from_stage, m.to_stage, m.reason, m.activity_id, a.title, u.display_name, m.moved_at \
         FROM initiative_moves m LEFT JOIN activities a ON a.id = m.activity_id \
         LEFT JOIN users u ON u.id = m.moved_by WHERE m.initiative_id = $1 ORDER BY m.moved_at, m.id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StageMove {
                id: StageMoveId(i(r, "id")?),
                from: e(r, "from_stage", Stage::parse)?,
                to: e(r, "to_stage", Stage::parse)?,
                reason: os(r, "reason")?,
                activity: oi(r, "activity_id")?.map(ActivityId),
                activity_title: os(r, "title")?,
                moved_by_name: os(r, "display_name")?,
                moved_at: s(r, "moved_at")?,
            })
        })
        .collect()
}

/// Set what the initiative came to (recorded on `on`) if it is still at `version`.
#[allow(clippy::too_many_arguments)]
pub async fn set_outcome(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    input: &OutcomeInput,
    organisation: Option<OrganisationId>,
    on: kozos_domain::time::Date,
    version: Option<i64>,
    now: Instant,
) -> Result<Saved, DbError> {
    let n = sqlx::query(
        "UPDATE initiatives SET outcome = $1, outcome_name = $2, outcome_organisation_id = $3, updated_at = $4, \
         outcome_on = $8, version = version + 1 WHERE id = $5 AND programme_id = $6 AND version = COALESCE($7, version)",
    )
    .bind(input.outcome.as_str())
    .bind(input.name.as_deref())
    .bind(organisation.map(|o| o.0))
    .bind(now.stored())
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .bind((input.outcome != Outcome::None).then(|| on.stored()))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let saved = crate::saved(
        conn,
        n,
        "SELECT COUNT(*) FROM initiatives WHERE id = $1 AND programme_id = $2",
        id.0,
        programme.0,
    )
    .await?;
    if saved == Saved::Done {
        touch(conn, programme).await?;
        crate::search::refresh(conn, DocKind::Initiative, id.0).await?;
    }
    Ok(saved)
}

const ASSISTANCE: &str =
    "SELECT a.id, a.initiative_id, a.kind, a.given_on, a.amount_huf, a.organisation_id, \
    o.name AS organisation_name, a.given_by, a.note FROM initiative_assistance a \
    LEFT JOIN organisations o ON o.id = a.organisation_id";

fn assistance_row(r: &AnyRow) -> Result<Assistance, DbError> {
    Ok(Assistance {
        id: AssistanceId(i(r, "id")?),
        initiative_id: InitiativeId(i(r, "initiative_id")?),
        input: AssistanceInput {
            kind: e(r, "kind", AssistanceKind::parse)?,
            given_on: od(r, "given_on")?.ok_or_else(|| DbError::Corrupt("given_on".into()))?,
            amount_huf: oi(r, "amount_huf")?,
            organisation: oi(r, "organisation_id")?.map(OrganisationId),
            given_by: os(r, "given_by")?,
            note: s(r, "note")?,
        },
        organisation_name: os(r, "organisation_name")?,
    })
}

pub async fn insert_assistance(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    input: &AssistanceInput,
    by: UserId,
    now: Instant,
) -> Result<AssistanceId, DbError> {
    let aid: i64 = sqlx::query_scalar(
        "INSERT INTO initiative_assistance (initiative_id, kind, given_on, amount_huf, organisation_id, given_by, note, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(id.0)
    .bind(input.kind.as_str())
    .bind(input.given_on.stored())
    .bind(input.amount_huf)
    .bind(input.organisation.map(|o| o.0))
    .bind(input.given_by.as_deref())
    .bind(&input.note)
    .bind(by.0)
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    touch(conn, programme).await?;
    Ok(AssistanceId(aid))
}

/// Remove a record of support given to this initiative of this programme.
pub async fn delete_assistance(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: InitiativeId,
    assistance: AssistanceId,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "DELETE FROM initiative_assistance WHERE id = $1 AND initiative_id = $2 \
         AND initiative_id IN (SELECT id FROM initiatives WHERE programme_id = $3)",
    )
    .bind(assistance.0)
    .bind(id.0)
    .bind(programme.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n > 0 {
        touch(conn, programme).await?;
    }
    Ok(n > 0)
}

pub async fn assistance(conn: &mut Conn, id: InitiativeId) -> Result<Vec<Assistance>, DbError> {
    let rows = sqlx::query(&format!(
        "{ASSISTANCE} WHERE a.initiative_id = $1 ORDER BY a.given_on, a.id"
    ))
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(assistance_row).collect()
}

/// Is `activity` one of `programme`'s (a workshop named on a stage move)?
pub async fn activity_in_programme(
    conn: &mut Conn,
    programme: ProgrammeId,
    activity: ActivityId,
) -> Result<bool, DbError> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM activities WHERE id = $1 AND programme_id = $2")
            .bind(activity.0)
            .bind(programme.0)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n > 0)
}

//! Bottom-up initiatives of a programme.
//!
//! - reading (here): the public list with a stage filter and support counts, one
//!   initiative's page with its moves, comments and support given;
//! - [`residents`]: what residents do (propose, edit or delete their own proposal while it
//!   is `proposed`, support and withdraw, comment, edit and delete their own comments,
//!   report a comment), signed in or as visitors confirming by mail;
//! - [`manage`]: what staff with `ManageInitiatives` do (stage moves naming a workshop,
//!   support given, the outcome);
//! - [`moderation`]: the reported comments, hide with a reason, restore, block a resident.

mod comments;
pub mod manage;
pub mod moderation;
pub mod residents;

use crate::residents::{Done, PendingAction};
use crate::{App, AppError, Result};
use kozos_db::initiatives::{self as db, social};
use kozos_db::{Conn, DbError};
use kozos_domain::initiative::*;
use kozos_domain::policy::{allows, Action};
use kozos_domain::user::User;
use kozos_domain::*;
use serde::{Deserialize, Serialize};

/// The programme must exist (ids from a URL are hostile): a 404 otherwise.
pub(crate) async fn programme_exists(app: &App, programme: ProgrammeId) -> Result<()> {
    kozos_db::programmes::get(&app.db, programme)
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound)
}

/// A programme's initiatives, at one stage or all (public: every initiative is).
pub async fn list(
    app: &App,
    programme: ProgrammeId,
    stage: Option<Stage>,
) -> Result<Vec<Initiative>> {
    programme_exists(app, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::of_programme(&mut conn, programme, stage).await?)
}

/// Everything one initiative's page shows, and what the viewer may do there.
#[derive(Debug, Clone)]
pub struct Page {
    pub initiative: Initiative,
    pub moves: Vec<StageMove>,
    pub comments: Vec<Comment>,
    pub assistance: Vec<Assistance>,
    /// The viewer's resident record, when they have one.
    pub me: Option<Resident>,
    pub i_support: bool,
    /// May edit or delete the proposal (its proposer while it is `proposed`, or staff).
    pub can_edit: bool,
    /// Staff with `ManageInitiatives` on the programme.
    pub can_manage: bool,
    pub can_moderate: bool,
}

async fn staff_may(
    app: &App,
    user: Option<&User>,
    action: Action,
    programme: ProgrammeId,
) -> Result<bool> {
    let Some(u) = user else { return Ok(false) };
    if !kozos_domain::policy::allows_somewhere(&u.grants, action) {
        return Ok(false);
    }
    let t = kozos_db::programmes::target(&app.db, programme).await?;
    Ok(t.is_some_and(|t| allows(&u.grants, action, &t)))
}

pub async fn page(
    app: &App,
    viewer: Option<&User>,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Page> {
    let me = crate::residents::current(app, viewer).await?;
    let can_manage = staff_may(app, viewer, Action::ManageInitiatives, programme).await?;
    let can_moderate = staff_may(app, viewer, Action::ModerateComments, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let initiative = db::get(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let moves = db::moves(&mut conn, id).await?;
    let comments = social::comments(&mut conn, id).await?;
    let assistance = db::assistance(&mut conn, id).await?;
    let i_support = match &me {
        Some(r) => social::supports(&mut conn, id, r.id).await?,
        None => false,
    };
    let own = me
        .as_ref()
        .is_some_and(|r| Some(r.id) == initiative.proposer);
    let can_edit = can_manage || (own && initiative.stage == Stage::Proposed);
    Ok(Page {
        initiative,
        moves,
        comments,
        assistance,
        me,
        i_support,
        can_edit,
        can_manage,
        can_moderate,
    })
}

/// What a visitor's held action carries (JSON in `resident_actions.payload`).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Held {
    pub programme: i64,
    #[serde(default)]
    pub initiative: Option<i64>,
    #[serde(default)]
    pub comment: Option<i64>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
}

pub(crate) const PROPOSE: &str = "initiative.propose";
pub(crate) const SUPPORT: &str = "initiative.support";
pub(crate) const COMMENT: &str = "initiative.comment";
pub(crate) const REPORT: &str = "initiative.report";

fn held(p: &PendingAction) -> Result<Held> {
    serde_json::from_str(&p.payload).map_err(|e| AppError::Internal(e.to_string()))
}

/// Where a held initiative action leads once done.
pub(crate) async fn done_of(conn: &mut Conn, p: &PendingAction) -> Result<Option<Done>> {
    let _ = conn;
    let h = held(p)?;
    let initiative = match p.kind.as_str() {
        PROPOSE => p.result_id,
        _ => h.initiative,
    };
    Ok(initiative.map(|i| Done::Initiative(ProgrammeId(h.programme), InitiativeId(i))))
}

/// Do a visitor's held initiative action as `resident`, in the confirming transaction.
/// The input was validated when it was held; it is validated again (the rules may have
/// changed in 48 hours, and the payload is data like any other).
pub(crate) async fn perform(
    app: &App,
    conn: &mut Conn,
    p: &PendingAction,
    resident: &Resident,
) -> Result<(Option<i64>, Option<Done>)> {
    let h = held(p)?;
    let programme = ProgrammeId(h.programme);
    let initiative = h.initiative.map(InitiativeId);
    let made = match p.kind.as_str() {
        PROPOSE => {
            let form = InitiativeForm {
                title: h.title.clone().unwrap_or_default(),
                summary: h.body.clone().unwrap_or_default(),
            };
            let input = form.validate().map_err(AppError::Invalid)?;
            let id = residents::insert_proposal(app, conn, programme, &input, resident).await?;
            Some(id.0)
        }
        SUPPORT => {
            let i = initiative.ok_or(AppError::NotFound)?;
            residents::insert_support(app, conn, programme, i, resident).await?;
            None
        }
        COMMENT => {
            let i = initiative.ok_or(AppError::NotFound)?;
            let body = CommentForm {
                body: h.body.clone().unwrap_or_default(),
            }
            .validate()
            .map_err(AppError::Invalid)?;
            Some(
                residents::insert_comment(app, conn, programme, i, &body, resident)
                    .await?
                    .0,
            )
        }
        REPORT => {
            let i = initiative.ok_or(AppError::NotFound)?;
            let c = CommentId(h.comment.ok_or(AppError::NotFound)?);
            residents::insert_report(app, conn, programme, i, c, resident).await?;
            None
        }
        other => {
            return Err(AppError::Internal(format!(
                "unknown initiative action {other}"
            )))
        }
    };
    let lead = match p.kind.as_str() {
        PROPOSE => made.map(InitiativeId),
        _ => initiative,
    };
    Ok((made, lead.map(|i| Done::Initiative(programme, i))))
}

//! Bottom-up initiatives (kezdeményezések): what residents, communities and organisations
//! propose to a programme, and how it moves through the workshops that explore, analyse,
//! select and elaborate it until it is implemented (or set aside, with a reason).
//!
//! - [`stage`]: the stages in their order and the rule for moving between them;
//! - [`form`]: the forms as typed (a proposal, a comment, a stage move, support given,
//!   the outcome) and their validation;
//! - [`resident`]: the people who act on the public pages (a verified e-mail address, a
//!   display name, optionally an account), shared with other resident-facing features.

pub mod form;
pub mod resident;
pub mod stage;

pub use form::*;
pub use resident::*;
pub use stage::*;

use crate::ids::*;

/// An initiative as the pages show it. The proposer is named by their display name only:
/// e-mail addresses are never shown publicly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initiative {
    pub id: InitiativeId,
    pub programme_id: ProgrammeId,
    pub title: String,
    pub summary: String,
    pub stage: Stage,
    pub proposer: Option<ResidentId>,
    pub proposer_name: Option<String>,
    pub outcome: Outcome,
    /// The founded NGO's or club's name.
    pub outcome_name: Option<String>,
    pub outcome_organisation: Option<OrganisationId>,
    /// How many residents support it.
    pub supports: i64,
    /// Support given to it (mentoring, in kind, money), how many records.
    pub assistance: i64,
    pub created_at: String,
    pub version: i64,
}

/// A stage move as kept: who moved it, when, from where to where, why, at which workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageMove {
    pub id: StageMoveId,
    pub from: Stage,
    pub to: Stage,
    pub reason: Option<String>,
    pub activity: Option<ActivityId>,
    pub activity_title: Option<String>,
    pub moved_by_name: Option<String>,
    pub moved_at: String,
}

/// A resident's comment. A hidden one keeps its text for the moderator; the public sees
/// the moderator's reason instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: CommentId,
    pub initiative_id: InitiativeId,
    pub author: ResidentId,
    pub author_name: String,
    pub body: String,
    pub created_at: String,
    pub hidden_reason: Option<String>,
    /// Open (unresolved) reports on it.
    pub reports: i64,
    pub version: i64,
}

/// Support given to an initiative by the programme or a partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assistance {
    pub id: AssistanceId,
    pub initiative_id: InitiativeId,
    pub input: AssistanceInput,
    pub organisation_name: Option<String>,
}

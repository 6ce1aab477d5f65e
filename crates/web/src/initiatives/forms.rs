//! The initiative forms as the browser sends them (strings, kept as typed when refused).

use kozos_domain::initiative as d;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ProposalForm {
    pub title: String,
    pub summary: String,
    /// A visitor's name and address (absent when signed in).
    #[serde(skip_serializing)]
    pub name: String,
    #[serde(skip_serializing)]
    pub email: String,
}

impl ProposalForm {
    pub fn domain(&self) -> d::InitiativeForm {
        d::InitiativeForm {
            title: self.title.clone(),
            summary: self.summary.clone(),
        }
    }
    pub fn visitor(&self) -> d::VisitorForm {
        d::VisitorForm {
            name: self.name.clone(),
            email: self.email.clone(),
        }
    }
    pub fn of(i: &d::Initiative) -> Self {
        ProposalForm {
            title: i.title.clone(),
            summary: i.summary.clone(),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CommentForm {
    pub body: String,
    #[serde(skip_serializing)]
    pub name: String,
    #[serde(skip_serializing)]
    pub email: String,
}

impl CommentForm {
    pub fn domain(&self) -> d::CommentForm {
        d::CommentForm {
            body: self.body.clone(),
        }
    }
    pub fn visitor(&self) -> d::VisitorForm {
        d::VisitorForm {
            name: self.name.clone(),
            email: self.email.clone(),
        }
    }
}

/// A visitor's name and address alone (supporting, reporting).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct VisitorForm {
    pub name: String,
    pub email: String,
}

impl VisitorForm {
    pub fn domain(&self) -> d::VisitorForm {
        d::VisitorForm {
            name: self.name.clone(),
            email: self.email.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MoveForm {
    pub to: String,
    pub reason: String,
    pub activity_id: String,
}

impl MoveForm {
    pub fn domain(&self) -> d::MoveForm {
        d::MoveForm {
            to: self.to.clone(),
            reason: self.reason.clone(),
            activity_id: self.activity_id.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AssistanceForm {
    pub kind: String,
    pub given_on: String,
    pub amount: String,
    pub organisation_id: String,
    pub given_by: String,
    pub note: String,
}

impl AssistanceForm {
    pub fn domain(&self) -> d::AssistanceForm {
        d::AssistanceForm {
            kind: self.kind.clone(),
            given_on: self.given_on.clone(),
            amount: self.amount.clone(),
            organisation_id: self.organisation_id.clone(),
            given_by: self.given_by.clone(),
            note: self.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct OutcomeForm {
    pub outcome: String,
    pub name: String,
}

impl OutcomeForm {
    pub fn domain(&self) -> d::OutcomeForm {
        d::OutcomeForm {
            outcome: self.outcome.clone(),
            name: self.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StageQuery {
    pub stage: String,
}

//! Ask the experts ("szakértőnk válaszol"): residents and practitioners ask, a moderator
//! publishes the question (or refuses it with a reason the asker sees), and experts of
//! the programme (or of the whole network, for a question of no programme) answer it in
//! public.
//!
//! A question is plain text like every resident's text (markup refused with a message,
//! always rendered escaped); an answer is an expert's Markdown, rendered only through the
//! web layer's safe renderer.

use super::knowledge::read_tags;
use crate::ids::*;
use crate::initiative::form::plain;
use crate::initiative::looks_like_markup;
use crate::organisation::string_enum;
use crate::user::Role;
use crate::validation::*;
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 5000;
pub const ANSWER_MAX: usize = 20_000;

string_enum!(
    /// Where a question is in moderation. Only a published one is public.
    QuestionStatus {
        Waiting = "waiting",
        Published = "published",
        Refused = "refused",
    }
);

impl QuestionStatus {
    pub fn key(self) -> &'static str {
        match self {
            QuestionStatus::Waiting => "questions-status-waiting",
            QuestionStatus::Published => "questions-status-published",
            QuestionStatus::Refused => "questions-status-refused",
        }
    }
}

/// A question as the pages show it. The asker is named by their display name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpertQuestion {
    pub id: ExpertQuestionId,
    /// `None`: a national question, to the whole network.
    pub programme_id: Option<ProgrammeId>,
    pub programme_title: Option<String>,
    pub place_id: Option<PlaceId>,
    pub place_name: Option<String>,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub asker: ResidentId,
    pub asker_name: String,
    pub status: QuestionStatus,
    /// Why a moderator did not publish it (shown to its asker).
    pub refused_reason: Option<String>,
    pub created_at: String,
    pub published_at: Option<String>,
    /// When it was first answered (cleared when its last answer is removed).
    pub answered_at: Option<String>,
    pub answers: i64,
    pub version: i64,
}

impl ExpertQuestion {
    pub fn is_public(&self) -> bool {
        self.status == QuestionStatus::Published
    }
}

/// An expert's public answer, signed with their name and the role they answered in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpertAnswer {
    pub id: ExpertAnswerId,
    pub question_id: ExpertQuestionId,
    /// Markdown.
    pub body: String,
    pub author: UserId,
    pub author_name: String,
    pub author_role: Role,
    pub created_at: String,
    /// When it was last edited, if it was.
    pub edited_at: Option<String>,
    pub version: i64,
}

/// A question as typed (the asking form, and a moderator's edit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub title: String,
    pub body: String,
    /// A programme's id; empty: a national question.
    pub programme_id: String,
    /// A settlement as typed (found in the gazetteer by the use case).
    pub settlement: String,
    /// Comma separated.
    pub tags: String,
}

/// A question as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionInput {
    pub title: String,
    pub body: String,
    pub programme_id: Option<ProgrammeId>,
    pub settlement: Option<String>,
    pub tags: Vec<String>,
}

impl QuestionForm {
    pub fn validate(&self) -> Result<QuestionInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, TITLE_MAX);
        let title = plain(&mut e, "title", title);
        let body = required_long_text(&mut e, "body", &self.body, BODY_MAX);
        let body = plain(&mut e, "body", body);
        let programme_id = optional_id(&mut e, "programme_id", &self.programme_id).map(ProgrammeId);
        let settlement = optional_text(&mut e, "settlement", &self.settlement, 100);
        let tags = if looks_like_markup(&self.tags) {
            e.add("tags", "err-text-markup");
            Vec::new()
        } else {
            read_tags(&mut e, &self.tags)
        };
        e.into_result(QuestionInput {
            title,
            body,
            programme_id,
            settlement,
            tags,
        })
    }

    pub fn from_question(q: &ExpertQuestion) -> Self {
        QuestionForm {
            title: q.title.clone(),
            body: q.body.clone(),
            programme_id: q.programme_id.map(|p| p.to_string()).unwrap_or_default(),
            settlement: q.place_name.clone().unwrap_or_default(),
            tags: q.tags.join(", "),
        }
    }
}

/// An answer as typed: Markdown, required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub body: String,
}

impl AnswerForm {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut e = FieldErrors::new();
        let body = required_long_text(&mut e, "body", &self.body, ANSWER_MAX);
        e.into_result(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> QuestionForm {
        QuestionForm {
            title: "Hogyan kezdjünk közösségi beszélgetést?".into(),
            body: "Egy kis faluban élünk, és szeretnénk összehívni a szomszédokat.".into(),
            tags: "Közösségi beszélgetés, kezdés, közösségi beszélgetés".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_question_is_plain_text_with_tags() {
        let q = form().validate().unwrap();
        assert_eq!(q.tags, ["közösségi beszélgetés", "kezdés"]);
        assert_eq!(q.programme_id, None);
        let mut f = form();
        f.body = "<script>alert(1)</script> Segítség".into();
        f.title = "   ".into();
        f.programme_id = "abc".into();
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("body"), Some("err-text-markup"));
        assert_eq!(e.for_field("title"), Some("err-required"));
        assert_eq!(e.for_field("programme_id"), Some("err-choice"));
        // A lone "<" is ordinary text.
        let mut f = form();
        f.body = "Kevesebb mint <10 fő jön el.".into();
        assert!(f.validate().is_ok());
    }

    #[test]
    fn an_answer_is_required() {
        let e = AnswerForm {
            body: " \n ".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.for_field("body"), Some("err-required"));
        let a = AnswerForm {
            body: "Kezdjétek **kis** körben.".into(),
        };
        assert_eq!(a.validate().unwrap(), "Kezdjétek **kis** körben.");
    }
}

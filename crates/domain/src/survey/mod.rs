//! Needs assessment: questionnaires built by staff, used for community interviews (entered
//! by staff and volunteers) and for public surveys residents answer online.
//!
//! A questionnaire is a list of questions in order; a question may be shown only when an
//! earlier choice question's answer is (or includes) one of its options. The definition is
//! checked here as a whole ([`check_definition`]), and so are answer sheets
//! ([`answers::validate`]). Once a questionnaire has responses its questions are frozen
//! in what would change the meaning of stored answers ([`check_change`]): their type and
//! their options may not change or go (a label may be corrected, an option added).

pub mod answers;
mod definition;

pub use answers::*;
pub use definition::*;

use crate::ids::*;
use crate::organisation::string_enum;
use serde::Serialize;

string_enum!(
    /// What kind of answer a question takes.
    QuestionKind {
        ShortText = "short_text",
        LongText = "long_text",
        Single = "single",
        Multiple = "multiple",
        Scale = "scale",
        Number = "number",
        Date = "date",
    }
);

impl QuestionKind {
    /// Does it pick from options?
    pub fn is_choice(self) -> bool {
        matches!(self, QuestionKind::Single | QuestionKind::Multiple)
    }
    /// Is the answer free text (listed, not counted)?
    pub fn is_text(self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }
}

string_enum!(
    /// How answers come in: typed in by staff and volunteers after an interview, or by
    /// residents on the public survey page.
    SurveyMode {
        Interview = "interview",
        Public = "public",
    }
);

string_enum!(
    /// Draft: being built, nobody answers. Open: answers are taken. Closed: results only.
    SurveyStatus {
        Draft = "draft",
        Open = "open",
        Closed = "closed",
    }
);

/// Show a question only when an earlier choice question's answer is (single) or
/// includes (multiple) `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub question: QuestionId,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub questionnaire_id: QuestionnaireId,
    pub position: i64,
    pub kind: QuestionKind,
    pub label: String,
    pub help: String,
    pub required: bool,
    /// The choices of a single or multiple choice question, in order.
    pub options: Vec<String>,
    /// Bounds of a scale question (e.g. 1–5).
    pub scale_min: Option<i64>,
    pub scale_max: Option<i64>,
    pub condition: Option<Condition>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Questionnaire {
    pub id: QuestionnaireId,
    pub programme_id: ProgrammeId,
    pub title: String,
    pub intro: String,
    pub mode: SurveyMode,
    pub status: SurveyStatus,
    pub questions: Vec<Question>,
    /// How many answer sheets it has.
    pub responses: i64,
    pub version: i64,
}

impl Questionnaire {
    /// Residents may answer it on the public page now.
    pub fn is_public_and_open(&self) -> bool {
        self.mode == SurveyMode::Public && self.status == SurveyStatus::Open
    }
    pub fn question(&self, id: QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

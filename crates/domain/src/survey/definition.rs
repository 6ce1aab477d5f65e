//! The questionnaire and question forms, and the checks on a questionnaire as a whole.

use super::*;
use crate::validation::{long_text, optional_id, required_text, FieldErrors};
use serde::Deserialize;

/// At most this many options per choice question, each at most [`OPTION_MAX`] characters.
pub const OPTIONS_MAX: usize = 30;
pub const OPTION_MAX: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionnaireForm {
    pub title: String,
    pub intro: String,
    pub mode: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireInput {
    pub title: String,
    pub intro: String,
    pub mode: SurveyMode,
    pub status: SurveyStatus,
}

impl QuestionnaireForm {
    pub fn validate(&self) -> Result<QuestionnaireInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 200);
        let intro = long_text(&mut e, "intro", &self.intro, 5000);
        let mode = SurveyMode::parse(self.mode.trim());
        if mode.is_none() {
            e.add("mode", "err-choice");
        }
        let status = if self.status.trim().is_empty() {
            Some(SurveyStatus::Draft)
        } else {
            SurveyStatus::parse(self.status.trim())
        };
        if status.is_none() {
            e.add("status", "err-choice");
        }
        match (mode, status) {
            (Some(mode), Some(status)) if e.is_empty() => Ok(QuestionnaireInput {
                title,
                intro,
                mode,
                status,
            }),
            _ => Err(e),
        }
    }

    pub fn from_questionnaire(q: &Questionnaire) -> Self {
        QuestionnaireForm {
            title: q.title.clone(),
            intro: q.intro.clone(),
            mode: q.mode.as_str().into(),
            status: q.status.as_str().into(),
        }
    }
}

/// A question as typed in the builder: options one per line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub kind: String,
    pub label: String,
    pub help: String,
    /// `on` when ticked.
    pub required: String,
    pub options: String,
    pub scale_min: String,
    pub scale_max: String,
    /// The earlier question whose answer decides whether this one shows (empty: always).
    pub condition_question: String,
    pub condition_value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionInput {
    pub kind: QuestionKind,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub options: Vec<String>,
    pub scale_min: Option<i64>,
    pub scale_max: Option<i64>,
    pub condition: Option<Condition>,
}

fn small_int(e: &mut FieldErrors, field: &'static str, v: &str) -> Option<i64> {
    let v = v.trim();
    if v.is_empty() {
        e.add(field, "err-required");
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) if (-100..=100).contains(&n) => Some(n),
        _ => {
            e.add(field, "err-survey-scale-bound");
            None
        }
    }
}

impl QuestionForm {
    /// The question on its own; how it fits the questionnaire is [`check_definition`].
    pub fn validate(&self) -> Result<QuestionInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = QuestionKind::parse(self.kind.trim());
        if kind.is_none() {
            e.add("kind", "err-choice");
        }
        let label = required_text(&mut e, "label", &self.label, 500);
        let help = long_text(&mut e, "help", &self.help, 2000);
        let required = matches!(self.required.trim(), "on" | "true" | "1");
        let mut options = Vec::new();
        let (mut scale_min, mut scale_max) = (None, None);
        match kind {
            Some(k) if k.is_choice() => {
                let mut oe = FieldErrors::new();
                let text = long_text(&mut oe, "options", &self.options, 20_000);
                for line in text.lines() {
                    let o = required_text(&mut oe, "options", line, OPTION_MAX);
                    if !o.is_empty() && !options.contains(&o) {
                        options.push(o);
                    }
                }
                if let Some(k) = oe.0.first().map(|x| x.key) {
                    // an empty line is only a gap between options
                    if k != "err-required" {
                        e.add("options", k);
                    }
                }
                if options.len() < 2 {
                    e.add("options", "err-survey-options-few");
                } else if options.len() > OPTIONS_MAX {
                    e.add("options", "err-survey-options-many");
                }
            }
            Some(QuestionKind::Scale) => {
                scale_min = small_int(&mut e, "scale_min", &self.scale_min);
                scale_max = small_int(&mut e, "scale_max", &self.scale_max);
                if let (Some(a), Some(b)) = (scale_min, scale_max) {
                    if b <= a || b - a > 20 {
                        e.add("scale_max", "err-survey-scale-order");
                    }
                }
            }
            _ => {}
        }
        let cq = optional_id(&mut e, "condition_question", &self.condition_question);
        let condition = match cq {
            Some(q) => {
                let mut ce = FieldErrors::new();
                let value = required_text(&mut ce, "condition_value", &self.condition_value, 200);
                e.0.extend(ce.0);
                Some(Condition {
                    question: QuestionId(q),
                    value,
                })
            }
            None => None,
        };
        match kind {
            Some(kind) if e.is_empty() => Ok(QuestionInput {
                kind,
                label,
                help,
                required,
                options,
                scale_min,
                scale_max,
                condition,
            }),
            _ => Err(e),
        }
    }

    pub fn from_question(q: &Question) -> Self {
        QuestionForm {
            kind: q.kind.as_str().into(),
            label: q.label.clone(),
            help: q.help.clone(),
            required: if q.required {
                "on".into()
            } else {
                String::new()
            },
            options: q.options.join("\n"),
            scale_min: q.scale_min.map(|n| n.to_string()).unwrap_or_default(),
            scale_max: q.scale_max.map(|n| n.to_string()).unwrap_or_default(),
            condition_question: q
                .condition
                .as_ref()
                .map(|c| c.question.to_string())
                .unwrap_or_default(),
            condition_value: q
                .condition
                .as_ref()
                .map(|c| c.value.clone())
                .unwrap_or_default(),
        }
    }
}

/// Does `input`, placed at `position` among `others` (the questionnaire's other
/// questions), make a valid questionnaire? A condition must name an earlier choice
/// question and one of its options; a question other questions depend on must stay a
/// choice question that keeps the options they name.
pub fn check_definition(
    others: &[Question],
    id: Option<QuestionId>,
    position: i64,
    input: &QuestionInput,
) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    if let Some(c) = &input.condition {
        match others.iter().find(|q| q.id == c.question) {
            None => e.add("condition_question", "err-choice"),
            Some(q) if q.position >= position || Some(q.id) == id => {
                e.add("condition_question", "err-survey-condition-later")
            }
            Some(q) if !q.kind.is_choice() => {
                e.add("condition_question", "err-survey-condition-kind")
            }
            Some(q) if !q.options.contains(&c.value) => {
                e.add("condition_value", "err-survey-condition-option")
            }
            Some(_) => {}
        }
    }
    if let Some(id) = id {
        for q in others {
            if let Some(c) = q.condition.as_ref().filter(|c| c.question == id) {
                if !input.kind.is_choice() || !input.options.contains(&c.value) {
                    e.add("options", "err-survey-condition-used");
                    break;
                }
            }
        }
    }
    e.into_result(())
}

/// What may change in a question once answers exist: its type may not (stored answers
/// would mean something else), and no option may go (answers naming it would be
/// orphaned); label, help, the required flag, new options and the condition may.
pub fn check_change(stored: &Question, input: &QuestionInput) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    if stored.kind != input.kind {
        e.add("kind", "err-survey-frozen-kind");
    }
    if stored.options.iter().any(|o| !input.options.contains(o)) {
        e.add("options", "err-survey-frozen-options");
    }
    if stored.kind == QuestionKind::Scale
        && (stored.scale_min != input.scale_min || stored.scale_max != input.scale_max)
    {
        e.add("scale_max", "err-survey-frozen-scale");
    }
    e.into_result(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn question(
        id: i64,
        position: i64,
        kind: QuestionKind,
        options: &[&str],
    ) -> Question {
        Question {
            id: QuestionId(id),
            questionnaire_id: QuestionnaireId(1),
            position,
            kind,
            label: format!("Kérdés {id}"),
            help: String::new(),
            required: false,
            options: options.iter().map(|s| s.to_string()).collect(),
            scale_min: None,
            scale_max: None,
            condition: None,
            version: 1,
        }
    }

    fn form(kind: &str) -> QuestionForm {
        QuestionForm {
            kind: kind.into(),
            label: "Mi hiányzik Kisbéren?".into(),
            ..Default::default()
        }
    }

    #[test]
    fn choice_questions_need_two_distinct_options() {
        let mut f = form("single");
        f.options = "Igen\n\nIgen\r\n".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("options"),
            Some("err-survey-options-few")
        );
        f.options = "Igen\n\n Nem \r\n".into();
        assert_eq!(f.validate().unwrap().options, vec!["Igen", "Nem"]);
    }

    #[test]
    fn scale_bounds_must_be_in_order() {
        let mut f = form("scale");
        f.scale_min = "5".into();
        f.scale_max = "1".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("scale_max"),
            Some("err-survey-scale-order")
        );
        f.scale_min = "1".into();
        f.scale_max = "5".into();
        let q = f.validate().unwrap();
        assert_eq!((q.scale_min, q.scale_max), (Some(1), Some(5)));
    }

    #[test]
    fn a_condition_must_name_an_earlier_choice_and_one_of_its_options() {
        let others = vec![
            question(1, 1, QuestionKind::Single, &["Igen", "Nem"]),
            question(2, 2, QuestionKind::ShortText, &[]),
            question(3, 5, QuestionKind::Single, &["A", "B"]),
        ];
        let mut f = form("long_text");
        f.condition_question = "1".into();
        f.condition_value = "Igen".into();
        let ok = f.validate().unwrap();
        assert!(check_definition(&others, None, 3, &ok).is_ok());
        // a later question
        f.condition_question = "3".into();
        let later = f.validate().unwrap();
        assert_eq!(
            check_definition(&others, None, 3, &later)
                .unwrap_err()
                .for_field("condition_question"),
            Some("err-survey-condition-later")
        );
        // a missing option
        f.condition_question = "1".into();
        f.condition_value = "Talán".into();
        let missing = f.validate().unwrap();
        assert_eq!(
            check_definition(&others, None, 3, &missing)
                .unwrap_err()
                .for_field("condition_value"),
            Some("err-survey-condition-option")
        );
        // a text question cannot decide
        f.condition_question = "2".into();
        let text = f.validate().unwrap();
        assert_eq!(
            check_definition(&others, None, 3, &text)
                .unwrap_err()
                .for_field("condition_question"),
            Some("err-survey-condition-kind")
        );
        // an unknown question
        f.condition_question = "99".into();
        let unknown = f.validate().unwrap();
        assert!(check_definition(&others, None, 3, &unknown).is_err());
    }

    #[test]
    fn an_option_others_depend_on_stays() {
        let mut dependent = question(2, 2, QuestionKind::LongText, &[]);
        dependent.condition = Some(Condition {
            question: QuestionId(1),
            value: "Igen".into(),
        });
        let others = vec![dependent];
        let mut f = form("single");
        f.options = "Nem\nTalán".into();
        let input = f.validate().unwrap();
        assert_eq!(
            check_definition(&others, Some(QuestionId(1)), 1, &input)
                .unwrap_err()
                .for_field("options"),
            Some("err-survey-condition-used")
        );
    }

    #[test]
    fn answered_questions_keep_their_type_and_options() {
        let stored = question(1, 1, QuestionKind::Single, &["Igen", "Nem"]);
        let mut f = QuestionForm::from_question(&stored);
        f.options = "Igen\nNem\nNem tudom".into();
        assert!(check_change(&stored, &f.validate().unwrap()).is_ok());
        f.options = "Igen".into();
        f.options.push_str("\nTalán");
        assert_eq!(
            check_change(&stored, &f.validate().unwrap())
                .unwrap_err()
                .for_field("options"),
            Some("err-survey-frozen-options")
        );
        let mut f = QuestionForm::from_question(&stored);
        f.kind = "multiple".into();
        assert_eq!(
            check_change(&stored, &f.validate().unwrap())
                .unwrap_err()
                .for_field("kind"),
            Some("err-survey-frozen-kind")
        );
    }

    #[test]
    fn forms_round_trip() {
        let mut q = question(4, 1, QuestionKind::Scale, &[]);
        q.scale_min = Some(1);
        q.scale_max = Some(5);
        q.required = true;
        let input = QuestionForm::from_question(&q).validate().unwrap();
        assert_eq!(input.kind, QuestionKind::Scale);
        assert!(input.required);
        assert_eq!((input.scale_min, input.scale_max), (Some(1), Some(5)));
    }
}

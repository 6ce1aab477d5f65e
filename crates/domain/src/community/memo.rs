//! A memo (emlékeztető) of a community conversation, participatory forum or workshop:
//! what was said (Markdown), what was decided, and the follow-up actions with who does
//! them by when. Published, it appears at the programme's Information Point.

use crate::activity::ActivityKind;
use crate::ids::*;
use crate::time::{Date, Instant};
use crate::validation::{optional_text, read_date, required_long_text, required_text, FieldErrors};
use serde::{Deserialize, Serialize};

/// The kinds of activity that are held to talk things over, and so have a memo.
pub fn has_memo(kind: ActivityKind) -> bool {
    matches!(
        kind,
        ActivityKind::CommunityConversation
            | ActivityKind::ParticipatoryForum
            | ActivityKind::Workshop
    )
}

/// How long a memo may be: a long evening's notes, not a book.
pub const MAX_BODY: usize = 50_000;
pub const MAX_FOLLOW_UPS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    pub task: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Memo {
    pub id: MemoId,
    pub programme_id: ProgrammeId,
    pub activity_id: ActivityId,
    pub title: String,
    pub moderator: String,
    /// Markdown.
    pub body: String,
    /// Markdown, may be empty.
    pub decisions: String,
    pub follow_ups: Vec<FollowUp>,
    pub published: bool,
    /// When it was first published (kept when unpublished and published again).
    pub published_at: Option<Instant>,
    pub version: i64,
}

/// The memo form as typed. Follow-ups are one per line: `task; owner; due date`, the
/// last two optional (what a clerk types from a notebook).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemoForm {
    pub title: String,
    pub moderator: String,
    pub body: String,
    pub decisions: String,
    pub follow_ups: String,
    pub published: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoInput {
    pub title: String,
    pub moderator: String,
    pub body: String,
    pub decisions: String,
    pub follow_ups: Vec<FollowUp>,
    pub published: bool,
}

impl MemoForm {
    pub fn validate(&self) -> Result<MemoInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 200);
        let moderator = required_text(&mut e, "moderator", &self.moderator, 200);
        let body = required_long_text(&mut e, "body", &self.body, MAX_BODY);
        let decisions =
            crate::validation::long_text(&mut e, "decisions", &self.decisions, MAX_BODY);
        let follow_ups = parse_follow_ups(&mut e, &self.follow_ups);
        e.into_result(MemoInput {
            title,
            moderator,
            body,
            decisions,
            follow_ups,
            published: !self.published.is_empty(),
        })
    }

    pub fn from_memo(m: &Memo) -> MemoForm {
        MemoForm {
            title: m.title.clone(),
            moderator: m.moderator.clone(),
            body: m.body.clone(),
            decisions: m.decisions.clone(),
            follow_ups: m
                .follow_ups
                .iter()
                .map(|f| {
                    let mut line = f.task.clone();
                    if f.owner.is_some() || f.due.is_some() {
                        line.push_str("; ");
                        line.push_str(f.owner.as_deref().unwrap_or(""));
                    }
                    if let Some(d) = f.due {
                        line.push_str("; ");
                        line.push_str(&d.stored());
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n"),
            published: if m.published {
                "1".into()
            } else {
                String::new()
            },
        }
    }
}

fn parse_follow_ups(e: &mut FieldErrors, text: &str) -> Vec<FollowUp> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(3, ';').map(str::trim);
        let mut line_errors = FieldErrors::new();
        let task = required_text(
            &mut line_errors,
            "follow_ups",
            parts.next().unwrap_or(""),
            300,
        );
        let owner = optional_text(
            &mut line_errors,
            "follow_ups",
            parts.next().unwrap_or(""),
            200,
        );
        let due = match parts.next().filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => match read_date(d) {
                Ok(d) => Some(d),
                Err(_) => {
                    e.add("follow_ups", "err-follow-up-date");
                    return out;
                }
            },
        };
        if !line_errors.is_empty() {
            e.add("follow_ups", "err-follow-up-line");
            return out;
        }
        out.push(FollowUp { task, owner, due });
    }
    if out.len() > MAX_FOLLOW_UPS {
        e.add("follow_ups", "err-follow-ups-many");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> MemoForm {
        MemoForm {
            title: "Emlékeztető – a piactér jövőjéről".into(),
            moderator: "Kovács Anna közösségfejlesztő".into(),
            body: "Huszonhárman jöttek el.\n\n- a piac legyen szombaton is".into(),
            follow_ups:
                "Kérdőív a piaci árusoknak; Tóth Péter; 2019. 03. 01.\nPlakát a könyvtárba\n".into(),
            ..Default::default()
        }
    }

    #[test]
    fn follow_ups_are_read_one_per_line() {
        let m = form().validate().unwrap();
        assert_eq!(m.follow_ups.len(), 2);
        assert_eq!(m.follow_ups[0].owner.as_deref(), Some("Tóth Péter"));
        assert_eq!(m.follow_ups[0].due, Date::from_ymd(2019, 3, 1));
        assert_eq!(m.follow_ups[1].task, "Plakát a könyvtárba");
        assert_eq!(m.follow_ups[1].owner, None);
        assert!(!m.published);
    }

    #[test]
    fn an_empty_memo_or_a_bad_date_is_refused() {
        let mut f = form();
        f.body = "   \n ".into();
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("body"), Some("err-required"));
        let mut f = form();
        f.follow_ups = "Plakát; Anna; jövő héten".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("follow_ups"),
            Some("err-follow-up-date")
        );
        let mut f = form();
        f.follow_ups = "; Anna; 2019-03-01".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("follow_ups"),
            Some("err-follow-up-line")
        );
    }

    #[test]
    fn the_form_round_trips() {
        let input = form().validate().unwrap();
        let memo = Memo {
            id: MemoId(1),
            programme_id: ProgrammeId(1),
            activity_id: ActivityId(1),
            title: input.title.clone(),
            moderator: input.moderator.clone(),
            body: input.body.clone(),
            decisions: input.decisions.clone(),
            follow_ups: input.follow_ups.clone(),
            published: false,
            published_at: None,
            version: 1,
        };
        assert_eq!(MemoForm::from_memo(&memo).validate().unwrap(), input);
    }
}

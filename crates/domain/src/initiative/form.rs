//! The initiative forms as typed, and what each may hold. Text residents type is plain
//! text: it is always rendered escaped, and markup in it (`<script>`, `<img …>`) is refused
//! with a message, since nobody proposing a playground means to type a tag.

use crate::ids::*;
use crate::money::parse_huf;
use crate::organisation::string_enum;
use crate::time::Date;
use crate::validation::*;
use serde::Serialize;

use super::Stage;

pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 5000;
pub const COMMENT_MAX: usize = 2000;
pub const REASON_MAX: usize = 1000;

/// Does the text hold something a browser would read as markup: `<` followed by a letter,
/// `/`, `!` or `?` (a tag, a closing tag, a comment, a processing instruction)? A lone
/// `<` ("kevesebb mint <10 fő") is ordinary text.
pub fn looks_like_markup(s: &str) -> bool {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?') {
                    return true;
                }
            }
        }
    }
    false
}

/// [`required_text`]-like checks plus the markup rule, for a resident's text.
pub(crate) fn plain(errors: &mut FieldErrors, field: &'static str, value: String) -> String {
    if looks_like_markup(&value) && errors.for_field(field).is_none() {
        errors.add(field, "err-text-markup");
    }
    value
}

/// A proposal as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitiativeForm {
    pub title: String,
    pub summary: String,
}

/// A proposal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeInput {
    pub title: String,
    pub summary: String,
}

impl InitiativeForm {
    pub fn validate(&self) -> Result<InitiativeInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, TITLE_MAX);
        let title = plain(&mut e, "title", title);
        let summary = required_long_text(&mut e, "summary", &self.summary, SUMMARY_MAX);
        let summary = plain(&mut e, "summary", summary);
        e.into_result(InitiativeInput { title, summary })
    }
    pub fn from_input(i: &InitiativeInput) -> Self {
        InitiativeForm {
            title: i.title.clone(),
            summary: i.summary.clone(),
        }
    }
}

/// A comment as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentForm {
    pub body: String,
}

impl CommentForm {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut e = FieldErrors::new();
        let body = required_long_text(&mut e, "body", &self.body, COMMENT_MAX);
        let body = plain(&mut e, "body", body);
        e.into_result(body)
    }
}

/// A reason a moderator or a coordinator gives (required where the form asks for one).
pub fn reason_text(errors: &mut FieldErrors, value: &str) -> Option<String> {
    let r = optional_long_text(errors, "reason", value, REASON_MAX);
    r.map(|r| plain(errors, "reason", r))
}

/// A stage move as typed by staff.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoveForm {
    pub to: String,
    pub reason: String,
    /// The workshop (an activity of the programme) where it was decided; may be empty.
    pub activity_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveInput {
    pub to: Stage,
    pub reason: Option<String>,
    pub activity: Option<ActivityId>,
}

impl MoveForm {
    /// Checks what can be checked without the initiative; the move itself is checked
    /// against the stage it is at with [`super::check_move`], inside the transaction.
    pub fn validate(&self) -> Result<MoveInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let to = Stage::parse(self.to.trim());
        if to.is_none() {
            e.add("to", "err-choice");
        }
        let reason = reason_text(&mut e, &self.reason);
        let activity = optional_id(&mut e, "activity_id", &self.activity_id).map(ActivityId);
        e.into_result(())?;
        Ok(MoveInput {
            to: to.expect("checked"),
            reason,
            activity,
        })
    }
}

string_enum!(
    /// What kind of support was given.
    AssistanceKind {
        Mentoring = "mentoring",
        InKind = "in_kind",
        Money = "money",
    }
);

impl AssistanceKind {
    pub fn key(self) -> &'static str {
        match self {
            AssistanceKind::Mentoring => "initiative-assistance-mentoring",
            AssistanceKind::InKind => "initiative-assistance-in-kind",
            AssistanceKind::Money => "initiative-assistance-money",
        }
    }
}

/// Support given, as typed by staff.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssistanceForm {
    pub kind: String,
    pub given_on: String,
    pub amount: String,
    /// A partner organisation of the programme, by id; or
    pub organisation_id: String,
    /// who gave it, in words (a person, an office).
    pub given_by: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssistanceInput {
    pub kind: AssistanceKind,
    pub given_on: Date,
    /// Forints, for money only.
    pub amount_huf: Option<i64>,
    pub organisation: Option<OrganisationId>,
    pub given_by: Option<String>,
    pub note: String,
}

impl AssistanceForm {
    pub fn validate(&self) -> Result<AssistanceInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = AssistanceKind::parse(self.kind.trim());
        if kind.is_none() {
            e.add("kind", "err-choice");
        }
        let given_on = optional_date(&mut e, "given_on", &self.given_on);
        if given_on.is_none() && e.for_field("given_on").is_none() {
            e.add("given_on", "err-required");
        }
        let amount_huf = match (kind, self.amount.trim()) {
            (Some(AssistanceKind::Money), typed) => match parse_huf(typed) {
                Ok(n) if n > 0 => Some(n),
                Ok(_) => {
                    e.add("amount", "err-amount");
                    None
                }
                Err(k) => {
                    e.add("amount", k);
                    None
                }
            },
            (_, "") => None,
            // An amount on mentoring or in-kind help would be counted nowhere: say so.
            (_, _) => {
                e.add("amount", "err-initiative-amount-money-only");
                None
            }
        };
        let organisation =
            optional_id(&mut e, "organisation_id", &self.organisation_id).map(OrganisationId);
        let given_by = optional_text(&mut e, "given_by", &self.given_by, 200);
        if organisation.is_none() && given_by.is_none() && e.for_field("given_by").is_none() {
            e.add("given_by", "err-initiative-given-by");
        }
        let note = long_text(&mut e, "note", &self.note, REASON_MAX);
        e.into_result(())?;
        Ok(AssistanceInput {
            kind: kind.expect("checked"),
            given_on: given_on.expect("checked"),
            amount_huf,
            organisation,
            given_by,
            note,
        })
    }
}

string_enum!(
    /// What an initiative came to, for the indicators: an NGO or a club founded.
    Outcome {
        None = "none",
        NgoFounded = "ngo_founded",
        ClubFounded = "club_founded",
    }
);

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::None => "initiative-outcome-none",
            Outcome::NgoFounded => "initiative-outcome-ngo",
            Outcome::ClubFounded => "initiative-outcome-club",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeForm {
    pub outcome: String,
    /// The founded organisation's or club's name.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeInput {
    pub outcome: Outcome,
    pub name: Option<String>,
}

impl OutcomeForm {
    pub fn validate(&self) -> Result<OutcomeInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let outcome = Outcome::parse(self.outcome.trim());
        if outcome.is_none() {
            e.add("outcome", "err-choice");
        }
        let name = optional_text(&mut e, "name", &self.name, 200);
        let name = name.map(|n| plain(&mut e, "name", n));
        if outcome.is_some_and(|o| o != Outcome::None)
            && name.is_none()
            && e.for_field("name").is_none()
        {
            e.add("name", "err-required");
        }
        e.into_result(())?;
        let outcome = outcome.expect("checked");
        Ok(OutcomeInput {
            outcome,
            name: if outcome == Outcome::None { None } else { name },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_refused_and_a_lone_angle_bracket_is_not() {
        let f = InitiativeForm {
            title: "Játszótér <script>alert(1)</script>".into(),
            summary: "kevesebb mint <10 gyerek és 3 > 2".into(),
        };
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("title"), Some("err-text-markup"));
        assert_eq!(e.for_field("summary"), None);
        assert!(looks_like_markup("<img src=x onerror=alert(1)>"));
        assert!(looks_like_markup("</b>"));
        assert!(looks_like_markup("<!-- x -->"));
        assert!(!looks_like_markup("a <3 b"));
    }

    #[test]
    fn an_amount_belongs_to_money_only() {
        let mut f = AssistanceForm {
            kind: "money".into(),
            given_on: "2011-05-10".into(),
            amount: "150 000 Ft".into(),
            given_by: "Abaúji Települések Szövetsége".into(),
            ..Default::default()
        };
        assert_eq!(f.validate().unwrap().amount_huf, Some(150_000));
        f.kind = "mentoring".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("amount"),
            Some("err-initiative-amount-money-only")
        );
        f.amount = String::new();
        f.given_by = String::new();
        assert_eq!(
            f.validate().unwrap_err().for_field("given_by"),
            Some("err-initiative-given-by")
        );
    }

    #[test]
    fn a_founded_organisation_needs_its_name() {
        let f = OutcomeForm {
            outcome: "ngo_founded".into(),
            name: " ".into(),
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("name"),
            Some("err-required")
        );
        let none = OutcomeForm {
            outcome: "none".into(),
            name: "elhagyva".into(),
        };
        assert_eq!(none.validate().unwrap().name, None);
    }
}

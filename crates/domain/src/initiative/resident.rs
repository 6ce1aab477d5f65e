//! Residents: the people who act on the public pages (propose, support, comment, report,
//! and later ask the experts). One row per verified e-mail address, so "one support per
//! person" is one per resident; a resident may be an account's. A visitor without an
//! account gives a name and an address, and what they asked for is done when they open
//! the link mailed to that address.

use crate::ids::*;
use crate::user::normalise_email;
use crate::validation::*;

/// How long a confirmation link works.
pub const CONFIRM_HOURS: i64 = 48;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resident {
    pub id: ResidentId,
    /// Never shown publicly.
    pub email: String,
    pub display_name: String,
    pub user_id: Option<UserId>,
    pub blocked: Option<Blocked>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub reason: String,
    pub at: String,
}

/// A visitor's name and address, as typed beside what they ask for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitorForm {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitor {
    pub name: String,
    /// Normalised (lower case).
    pub email: String,
}

impl VisitorForm {
    /// Adds its errors to `e` (the visitor fields sit on the same form as the proposal or
    /// comment), returning the visitor when both fields are good.
    pub fn validate_into(&self, e: &mut FieldErrors) -> Option<Visitor> {
        let before = e.0.len();
        let name = required_text(e, "name", &self.name, 100);
        if looks_like_markup(&name) && e.for_field("name").is_none() {
            e.add("name", "err-text-markup");
        }
        let email = normalise_email(&self.email);
        if email.is_none() {
            e.add(
                "email",
                if self.email.trim().is_empty() {
                    "err-required"
                } else {
                    "err-email"
                },
            );
        }
        (e.0.len() == before).then(|| Visitor {
            name,
            email: email.unwrap_or_default(),
        })
    }
}

use super::form::looks_like_markup;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visitor_needs_a_name_and_an_address() {
        let mut e = FieldErrors::new();
        let v = VisitorForm {
            name: " Kovács  Anna ".into(),
            email: "Anna@Example.HU".into(),
        }
        .validate_into(&mut e)
        .unwrap();
        assert_eq!(v.email, "anna@example.hu");
        assert_eq!(v.name, "Kovács Anna");
        let mut e = FieldErrors::new();
        assert!(VisitorForm {
            name: "".into(),
            email: "nem-cim".into()
        }
        .validate_into(&mut e)
        .is_none());
        assert_eq!(e.for_field("name"), Some("err-required"));
        assert_eq!(e.for_field("email"), Some("err-email"));
    }
}

//! The question forms as the browser sends them, and the list's query string (shared by
//! the page and the API): a value that does not parse is a 400, never a guess.

use kozos_app::questions::{Filter, Of, Order};
use kozos_domain::community::questions::QuestionForm;
use kozos_domain::initiative::VisitorForm;
use kozos_domain::ProgrammeId;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// The asking form: the question, and a visitor's name and address.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AskForm {
    pub title: String,
    pub body: String,
    pub programme_id: String,
    pub settlement: String,
    pub tags: String,
    #[serde(skip_serializing)]
    pub name: String,
    #[serde(skip_serializing)]
    pub email: String,
}

impl AskForm {
    pub fn domain(&self) -> QuestionForm {
        QuestionForm {
            title: self.title.clone(),
            body: self.body.clone(),
            programme_id: self.programme_id.clone(),
            settlement: self.settlement.clone(),
            tags: self.tags.clone(),
        }
    }
    pub fn visitor(&self) -> VisitorForm {
        VisitorForm {
            name: self.name.clone(),
            email: self.email.clone(),
        }
    }
}

/// `?programme=ID` on the asking form: ask that programme's experts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    pub programme: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ListQuery {
    /// A programme's id, or `national` for the questions of no programme.
    pub programme: Option<String>,
    /// A tag (lower case), e.g. `fiatalok`.
    pub tag: Option<String>,
    /// `yes`: only answered questions; `no`: only those still waiting for an answer.
    pub answered: Option<String>,
    /// `answered` (answered ones first, the default) or `newest`.
    pub order: Option<String>,
    /// From 1; 20 questions a page.
    pub page: Option<String>,
}

/// The list's choices, checked.
#[derive(Debug, Clone, Default)]
pub struct Asked {
    pub of: Option<Of>,
    pub tag: Option<String>,
    pub answered: Option<bool>,
    pub order: Order,
    pub page: i64,
}

fn opt(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl ListQuery {
    pub fn asked(&self) -> Result<Asked, ()> {
        let of = match opt(&self.programme) {
            None => None,
            Some("national") => Some(Of::National),
            Some(p) => Some(Of::Programme(ProgrammeId(
                p.parse::<i64>().map_err(|_| ())?,
            ))),
        };
        let tag = opt(&self.tag).map(str::to_lowercase);
        if tag.as_ref().is_some_and(|t| {
            t.chars().count() > 40 || t.contains(',') || t.chars().any(char::is_control)
        }) {
            return Err(());
        }
        let answered = match opt(&self.answered) {
            None => None,
            Some("yes") => Some(true),
            Some("no") => Some(false),
            Some(_) => return Err(()),
        };
        let order = match opt(&self.order) {
            None | Some("answered") => Order::Answered,
            Some("newest") => Order::Newest,
            Some(_) => return Err(()),
        };
        let page = match opt(&self.page) {
            None => 1,
            Some(p) => p
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or(())?,
        };
        Ok(Asked {
            of,
            tag,
            answered,
            order,
            page,
        })
    }
}

impl Asked {
    pub fn filter(&self) -> Filter {
        Filter {
            of: self.of,
            tag: self.tag.clone(),
            answered: self.answered,
            order: self.order,
            ..Default::default()
        }
    }

    /// The list's address with these choices on page `page`.
    pub fn link(&self, page: i64) -> String {
        let mut q = Vec::new();
        match self.of {
            Some(Of::Programme(p)) => q.push(format!("programme={p}")),
            Some(Of::National) => q.push("programme=national".into()),
            None => {}
        }
        if let Some(t) = &self.tag {
            q.push(format!("tag={}", crate::routes::encode_query(t)));
        }
        match self.answered {
            Some(true) => q.push("answered=yes".into()),
            Some(false) => q.push("answered=no".into()),
            None => {}
        }
        if self.order == Order::Newest {
            q.push("order=newest".into());
        }
        if page > 1 {
            q.push(format!("page={page}"));
        }
        if q.is_empty() {
            "/questions".into()
        } else {
            format!("/questions?{}", q.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(programme: &str, answered: &str, page: &str) -> ListQuery {
        ListQuery {
            programme: Some(programme.into()),
            answered: Some(answered.into()),
            page: Some(page.into()),
            ..Default::default()
        }
    }

    #[test]
    fn bad_values_are_refused_and_links_keep_the_choices() {
        assert!(q("abc", "", "").asked().is_err());
        assert!(q("", "maybe", "").asked().is_err());
        assert!(q("", "", "0").asked().is_err());
        let a = q("national", "no", "2").asked().unwrap();
        assert_eq!(a.of, Some(Of::National));
        assert_eq!(
            a.link(3),
            "/questions?programme=national&answered=no&page=3"
        );
        let mut a = q("7", "", "").asked().unwrap();
        a.tag = Some("helyi cselekvési terv".into());
        assert_eq!(
            a.link(1),
            "/questions?programme=7&tag=helyi%20cselekv%C3%A9si%20terv"
        );
    }
}

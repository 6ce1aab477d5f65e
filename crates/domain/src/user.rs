//! Accounts, roles and grants. A grant says who may act in which role on which part of
//! the tree: the whole country, a place (and everything below it), an organisation, or a
//! single programme.

use crate::ids::*;
use crate::organisation::string_enum;
use serde::Serialize;

string_enum!(
    Role {
        Resident = "resident",
        Volunteer = "volunteer",
        CommunityDeveloper = "community_developer",
        Coordinator = "coordinator",
        ProjectManager = "project_manager",
        Mentor = "mentor",
        CountyCoordinator = "county_coordinator",
        NationalCoordinator = "national_coordinator",
        Auditor = "auditor",
        Administrator = "administrator",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Scope {
    Country,
    Place(PlaceId),
    Organisation(OrganisationId),
    Programme(ProgrammeId),
}

impl Scope {
    pub fn kind_str(self) -> &'static str {
        match self {
            Scope::Country => "country",
            Scope::Place(_) => "place",
            Scope::Organisation(_) => "organisation",
            Scope::Programme(_) => "programme",
        }
    }
    pub fn id(self) -> Option<i64> {
        match self {
            Scope::Country => None,
            Scope::Place(p) => Some(p.0),
            Scope::Organisation(o) => Some(o.0),
            Scope::Programme(p) => Some(p.0),
        }
    }
    pub fn from_parts(kind: &str, id: Option<i64>) -> Option<Self> {
        match (kind, id) {
            ("country", _) => Some(Scope::Country),
            ("place", Some(i)) => Some(Scope::Place(PlaceId(i))),
            ("organisation", Some(i)) => Some(Scope::Organisation(OrganisationId(i))),
            ("programme", Some(i)) => Some(Scope::Programme(ProgrammeId(i))),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub role: Role,
    pub scope: Scope,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub lang: Option<String>,
    pub grants: Vec<Grant>,
}

/// A normalised e-mail address (trimmed, lower-case), or `None` when it is not one a
/// person could type at sign-in: the part before `@` takes the ASCII characters mail
/// systems allow in practice (letters, digits and `.!#$%&'*+/=?^_`{|}~-`, no leading,
/// trailing or double dot); the domain has at least two labels of letters (accented
/// Latin too), digits and hyphens. No spaces, invisible or look-alike characters.
pub fn normalise_email(s: &str) -> Option<String> {
    let e = s.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| {
                    c.is_ascii_alphanumeric() || c == '-' || matches!(c, '\u{00e0}'..='\u{024f}')
                })
        });
    (local_ok && domain_ok && e.len() <= 254).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            normalise_email(" Admin@Kisber.HU "),
            Some("admin@kisber.hu".into())
        );
        assert_eq!(normalise_email("admin@kisber"), None);
        assert_eq!(normalise_email("ad min@kisber.hu"), None);
        assert_eq!(normalise_email("@kisber.hu"), None);
        for bad in [
            "ad\u{0}min@kisber.hu",
            "lakos\u{200b}@demo.kozos.hu",
            "\u{430}dmin@demo.kozos.hu",
            "x\u{202e}@demo.kozos.hu",
            "<b>x</b>@demo.kozos.hu",
            "a..b@kisber.hu",
            "a@kisber..hu",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad:?}");
        }
        assert_eq!(
            normalise_email("Kovacs.Eva+hirlevel@Kisbér.hu"),
            Some("kovacs.eva+hirlevel@kisbér.hu".into())
        );
    }
}

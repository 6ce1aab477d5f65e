//! Organisations: municipalities, cultural institutions, NGOs, police, national bodies …

use crate::ids::{OrganisationId, PlaceId};
use crate::validation::{optional_id, required_text, FieldErrors};
use serde::Serialize;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$variant),)* _ => None }
            }
        }
    };
}
pub(crate) use string_enum;

string_enum!(
    /// The four sectors of Hungarian community life.
    Sector {
        Public = "public",
        Civil = "civil",
        Business = "business",
        Church = "church",
    }
);

string_enum!(
    OrgKind {
        Municipality = "municipality",
        Museum = "museum",
        Library = "library",
        CommunityCentre = "community_centre",
        Ngo = "ngo",
        Police = "police",
        CivilGuard = "civil_guard",
        School = "school",
        Enterprise = "enterprise",
        NationalBody = "national_body",
        CountyOffice = "county_office",
        ChurchBody = "church_body",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub sector: Sector,
    pub kind: OrgKind,
    pub settlement_id: Option<PlaceId>,
    pub settlement_name: Option<String>,
    /// A county office belongs to its national network, for example.
    pub parent_id: Option<OrganisationId>,
    pub website: Option<String>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

/// What a person typed into the organisation form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct OrganisationForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub settlement_id: String,
    #[serde(default)]
    pub parent_id: String,
    #[serde(default)]
    pub website: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationInput {
    pub name: String,
    pub sector: Sector,
    pub kind: OrgKind,
    pub settlement_id: Option<PlaceId>,
    pub parent_id: Option<OrganisationId>,
    pub website: Option<String>,
}

impl OrganisationForm {
    pub fn validate(&self) -> Result<OrganisationInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let sector = Sector::parse(self.sector.trim());
        if sector.is_none() {
            e.add("sector", "err-choice");
        }
        let kind = OrgKind::parse(self.kind.trim());
        if kind.is_none() {
            e.add("kind", "err-choice");
        }
        let settlement_id = optional_id(&mut e, "settlement_id", &self.settlement_id).map(PlaceId);
        let parent_id = optional_id(&mut e, "parent_id", &self.parent_id).map(OrganisationId);
        let website = match self.website.trim() {
            "" => None,
            w if w.chars().count() > 300 => {
                e.add("website", "err-too-long");
                None
            }
            w if !is_website(w) => {
                e.add("website", "err-url");
                None
            }
            w => Some(w.to_string()),
        };
        match (sector, kind) {
            (Some(sector), Some(kind)) if e.is_empty() => Ok(OrganisationInput {
                name,
                sector,
                kind,
                settlement_id,
                parent_id,
                website,
            }),
            _ => Err(e),
        }
    }

    pub fn from_organisation(o: &Organisation) -> Self {
        OrganisationForm {
            name: o.name.clone(),
            sector: o.sector.as_str().into(),
            kind: o.kind.as_str().into(),
            settlement_id: o.settlement_id.map(|p| p.0.to_string()).unwrap_or_default(),
            parent_id: o.parent_id.map(|p| p.0.to_string()).unwrap_or_default(),
            website: o.website.clone().unwrap_or_default(),
        }
    }
}

/// An address a browser can open and a person meant: `http://` or `https://`, a host name
/// with at least one dot (labels of letters, digits and inner hyphens; accented letters
/// allowed for Hungarian domain names such as `kisbér.hu`), an optional port, then an
/// optional path, query or fragment. Nothing invisible and none of the characters that
/// would break out of an HTML attribute or are never literal in a URL.
pub fn is_website(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    if url.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | '"' | '\'' | '{' | '}' | '|' | '\\' | '^' | '`'
            )
            || crate::validation::is_invisible(c)
            || crate::validation::is_bidi_control(c)
    }) {
        return false;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host = match authority.rsplit_once(':') {
        Some((host, port)) => {
            let port_ok = !port.is_empty()
                && port.len() <= 5
                && port.chars().all(|c| c.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
            if !port_ok {
                return false;
            }
            host
        }
        None => authority,
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && host.len() <= 253
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                // ASCII and accented Latin letters only: a Cyrillic "і" makes
                // kіsber.hu look like kisber.hu
                && label.chars().all(|c| {
                    c.is_ascii_alphanumeric() || c == '-' || matches!(c, '\u{00c0}'..='\u{024f}')
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_form_rules() {
        let ok = OrganisationForm {
            name: " Kisbéri Polgárőr Egyesület ".into(),
            sector: "civil".into(),
            kind: "civil_guard".into(),
            ..Default::default()
        };
        let input = ok.validate().unwrap();
        assert_eq!(input.name, "Kisbéri Polgárőr Egyesület");
        assert_eq!(input.kind, OrgKind::CivilGuard);

        let bad = OrganisationForm {
            name: "".into(),
            sector: "pirate".into(),
            kind: "museum".into(),
            website: "kisber.hu".into(),
            ..Default::default()
        };
        let e = bad.validate().unwrap_err();
        assert_eq!(e.for_field("name"), Some("err-required"));
        assert_eq!(e.for_field("sector"), Some("err-choice"));
        assert_eq!(e.for_field("website"), Some("err-url"));
    }

    #[test]
    fn websites() {
        for ok in [
            "https://kisber.hu",
            "http://www.kisber.hu/",
            "https://www.kisber.hu/onkormanyzat/palyazatok?ev=2017#top",
            "https://kisbér.hu",
            "HTTPS://Kisber.HU",
            "https://palyazat.gov.hu:8443/projekt/TOP-5.3.1-16",
            "https://xn--kisbr-csa.hu",
        ] {
            assert!(is_website(ok), "{ok}");
        }
        for bad in [
            "http://",
            "https://",
            "http://x",
            "https://kisber",
            "kisber.hu",
            "ftp://kisber.hu",
            "javascript:alert(1)",
            "https://kisber .hu",
            "https://kisber.hu/a b",
            "https://kisber.hu/\u{0}",
            "https://kisber.hu/\t",
            "https://kisber.hu/<script>",
            "https://kisber.hu/\"onmouseover=",
            "https://kisber.hu/'",
            "https://kisber.hu/{x}",
            "https://kisber.hu/a|b",
            "https://kisber.hu/a\\b",
            "https://kisber.hu/^",
            "https://kisber.hu/`",
            "https://.kisber.hu",
            "https://kisber..hu",
            "https://kisber.hu.",
            "https://-kisber.hu",
            "https://kisber-.hu",
            "https://kis_ber.hu",
            "https://kisber.hu:",
            "https://kisber.hu:99999",
            "https://kisber.hu:80a",
            "https://user@kisber.hu",
            "https://kisber.hu@evil.example",
            "https://kisber.hu\u{202e}",
        ] {
            assert!(!is_website(bad), "{bad:?}");
        }
        let form = |website: &str| OrganisationForm {
            name: "Kisbér Város Önkormányzata".into(),
            sector: "public".into(),
            kind: "municipality".into(),
            website: website.into(),
            ..Default::default()
        };
        assert_eq!(
            form(" https://kisber.hu ")
                .validate()
                .unwrap()
                .website
                .as_deref(),
            Some("https://kisber.hu")
        );
        assert_eq!(form("   ").validate().unwrap().website, None);
        for bad in ["http://", "https://x", "https://kisber.hu/\u{0}"] {
            assert_eq!(
                form(bad).validate().unwrap_err().for_field("website"),
                Some("err-url")
            );
        }
        let long = format!("https://kisber.hu/{}", "a".repeat(300));
        assert_eq!(
            form(&long).validate().unwrap_err().for_field("website"),
            Some("err-too-long")
        );
    }

    #[test]
    fn organisation_form_round_trips() {
        let o = Organisation {
            version: 1,
            id: OrganisationId(3),
            name: "Kisbéri Polgárőr Egyesület".into(),
            sector: Sector::Civil,
            kind: OrgKind::CivilGuard,
            settlement_id: Some(PlaceId(42)),
            settlement_name: Some("Kisbér".into()),
            parent_id: Some(OrganisationId(1)),
            website: Some("https://kisber.hu/polgarorseg".into()),
        };
        let input = OrganisationForm::from_organisation(&o).validate().unwrap();
        assert_eq!(
            input,
            OrganisationInput {
                name: o.name.clone(),
                sector: o.sector,
                kind: o.kind,
                settlement_id: o.settlement_id,
                parent_id: o.parent_id,
                website: o.website.clone(),
            }
        );
        let bare = Organisation {
            settlement_id: None,
            settlement_name: None,
            parent_id: None,
            website: None,
            ..o
        };
        let input = OrganisationForm::from_organisation(&bare)
            .validate()
            .unwrap();
        assert_eq!(
            (input.settlement_id, input.parent_id, input.website),
            (None, None, None)
        );
    }
}

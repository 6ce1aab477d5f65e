//! Organisations: municipalities, cultural institutions, NGOs, police, national bodies …

use crate::ids::{OrganisationId, PlaceId};
use crate::validation::{optional_id, optional_text, required_text, FieldErrors};
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
}

/// What a person typed into the organisation form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
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
        let website = optional_text(&mut e, "website", &self.website, 300);
        if let Some(w) = &website {
            if !(w.starts_with("https://") || w.starts_with("http://")) || w.contains(' ') {
                e.add("website", "err-url");
            }
        }
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
}

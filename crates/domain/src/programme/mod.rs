//! Programmes (funded projects) and their parts: partners with cooperation agreements,
//! staff assignments, action areas and target groups.
//! One file per kind of record; everything is re-exported here, so callers name them as
//! `programme::Partner` and so on.

mod action_areas;
mod partners;
mod staff;
mod target_groups;

pub use action_areas::*;
pub use partners::*;
pub use staff::*;
pub use target_groups::*;

use crate::ids::*;
use crate::money::{parse_count, parse_huf, parse_percent};
use crate::organisation::string_enum;
use crate::project_code::ProjectCode;
use crate::time::Date;
use crate::validation::{
    clean_text, is_blank, long_text, optional_date, optional_id, optional_long_text, optional_text,
    required_long_text, required_text, FieldErrors, Lines,
};
use serde::{Deserialize, Serialize};

string_enum!(
    /// The EU or domestic fund a grant comes from (the publicity block's "alap").
    Fund {
        Esza = "esza",
        EszaPlusz = "esza_plusz",
        Erfa = "erfa",
        Ka = "ka",
        Eafa = "eafa",
        Domestic = "domestic",
        Other = "other",
    }
);

impl Fund {
    /// A fund of the European Union: its documents carry the EU emblem.
    pub fn is_eu(self) -> bool {
        !matches!(self, Fund::Domestic | Fund::Other)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Programme {
    pub id: ProgrammeId,
    pub title: String,
    pub code: Option<String>,
    pub beneficiary_id: Option<OrganisationId>,
    pub beneficiary_name: Option<String>,
    pub place_id: Option<PlaceId>,
    pub place_name: Option<String>,
    pub grant_huf: Option<i64>,
    /// Aid intensity in hundredths of a percent (10000 = 100 %).
    pub aid_intensity_bp: Option<i64>,
    pub fund: Option<Fund>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub intermediate_body: Option<String>,
    pub description: String,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

impl Fund {
    /// The fund's official Hungarian name, as printed on documents (which are Hungarian
    /// whatever the reader's language; the pages use the catalogue).
    pub fn hungarian(self) -> &'static str {
        match self {
            Fund::Esza => "Európai Szociális Alap",
            Fund::EszaPlusz => "Európai Szociális Alap Plusz",
            Fund::Erfa => "Európai Regionális Fejlesztési Alap",
            Fund::Ka => "Kohéziós Alap",
            Fund::Eafa => "Európai Mezőgazdasági Vidékfejlesztési Alap",
            Fund::Domestic => "Hazai forrás",
            Fund::Other => "Egyéb forrás",
        }
    }
}

impl Programme {
    /// A programme with a project ID is EU/state funded and must publish the publicity block.
    pub fn is_funded(&self) -> bool {
        self.code.is_some()
    }
    /// A project of the Széchenyi 2020 operational programmes (TOP, EFOP), whose publicity
    /// names that programme line.
    pub fn is_szechenyi_2020(&self) -> bool {
        self.code
            .as_deref()
            .is_some_and(|c| c.starts_with("TOP-") || c.starts_with("EFOP-"))
    }
}

/// What a person typed into the programme form; kept as typed so a rejected form
/// comes back with every character in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgrammeForm {
    pub title: String,
    pub code: String,
    pub beneficiary_id: String,
    pub place_id: String,
    pub grant_huf: String,
    pub aid_intensity: String,
    pub fund: String,
    pub start_date: String,
    pub end_date: String,
    pub intermediate_body: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeInput {
    pub title: String,
    pub code: Option<ProjectCode>,
    pub beneficiary_id: Option<OrganisationId>,
    pub place_id: Option<PlaceId>,
    pub grant_huf: Option<i64>,
    pub aid_intensity_bp: Option<i64>,
    pub fund: Option<Fund>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub intermediate_body: Option<String>,
    pub description: String,
}

impl ProgrammeForm {
    pub fn validate(&self) -> Result<ProgrammeInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 300);
        let code = if self.code.trim().is_empty() {
            None
        } else {
            match ProjectCode::parse(&self.code) {
                Ok(c) => Some(c),
                Err(key) => {
                    e.add("code", key);
                    None
                }
            }
        };
        let funded = !self.code.trim().is_empty();
        let beneficiary_id =
            optional_id(&mut e, "beneficiary_id", &self.beneficiary_id).map(OrganisationId);
        let place_id = optional_id(&mut e, "place_id", &self.place_id).map(PlaceId);
        let grant_huf = if self.grant_huf.trim().is_empty() {
            None
        } else {
            parse_huf(&self.grant_huf)
                .map_err(|k| e.add("grant_huf", k))
                .ok()
        };
        let aid_intensity_bp = if self.aid_intensity.trim().is_empty() {
            None
        } else {
            parse_percent(&self.aid_intensity)
                .map_err(|k| e.add("aid_intensity", k))
                .ok()
        };
        let fund = if self.fund.trim().is_empty() {
            None
        } else {
            let f = Fund::parse(self.fund.trim());
            if f.is_none() {
                e.add("fund", "err-choice");
            }
            f
        };
        let start_date = optional_date(&mut e, "start_date", &self.start_date);
        let end_date = optional_date(&mut e, "end_date", &self.end_date);
        if let (Some(s), Some(end)) = (start_date, end_date) {
            if end < s {
                e.add("end_date", "err-end-before-start");
            }
        }
        let intermediate_body =
            optional_text(&mut e, "intermediate_body", &self.intermediate_body, 300);
        let description = long_text(&mut e, "description", &self.description, 20_000);
        // A funded project must be able to print its mandatory publicity block.
        if funded {
            if self.beneficiary_id.trim().is_empty() {
                e.add("beneficiary_id", "err-required-funded");
            }
            if self.grant_huf.trim().is_empty() {
                e.add("grant_huf", "err-required-funded");
            }
            if self.aid_intensity.trim().is_empty() {
                e.add("aid_intensity", "err-required-funded");
            }
            if self.fund.trim().is_empty() {
                e.add("fund", "err-required-funded");
            }
            if self.end_date.trim().is_empty() {
                e.add("end_date", "err-required-funded");
            }
        }
        e.into_result(ProgrammeInput {
            title,
            code,
            beneficiary_id,
            place_id,
            grant_huf,
            aid_intensity_bp,
            fund,
            start_date,
            end_date,
            intermediate_body,
            description,
        })
    }

    pub fn from_programme(p: &Programme) -> Self {
        ProgrammeForm {
            title: p.title.clone(),
            code: p.code.clone().unwrap_or_default(),
            beneficiary_id: p
                .beneficiary_id
                .map(|x| x.0.to_string())
                .unwrap_or_default(),
            place_id: p.place_id.map(|x| x.0.to_string()).unwrap_or_default(),
            grant_huf: p.grant_huf.map(|x| x.to_string()).unwrap_or_default(),
            aid_intensity: p.aid_intensity_bp.map(format_bp).unwrap_or_default(),
            fund: p.fund.map(|f| f.as_str().to_string()).unwrap_or_default(),
            start_date: p.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end_date: p.end_date.map(|d| d.to_string()).unwrap_or_default(),
            intermediate_body: p.intermediate_body.clone().unwrap_or_default(),
            description: p.description.clone(),
        }
    }
}

/// 10000 → "100", 8550 → "85.5" (the form shows it back; the parser accepts both separators).
pub fn format_bp(bp: i64) -> String {
    if bp.rem_euclid(100) == 0 {
        (bp / 100).to_string()
    } else {
        let s = format!("{}.{:02}", bp / 100, bp % 100);
        s.trim_end_matches('0').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kisber() -> ProgrammeForm {
        ProgrammeForm {
            title: "Helyi kisközösségek Kisbérhez tartozásának erősítése".into(),
            code: "TOP-5.3.1-16-KO1-2017-00005".into(),
            beneficiary_id: "3".into(),
            grant_huf: "22.407.407.- Ft".into(),
            aid_intensity: "100%".into(),
            fund: "esza".into(),
            end_date: "2023.01.31.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn kisber_as_published_is_valid() {
        let p = kisber().validate().unwrap();
        assert_eq!(p.grant_huf, Some(22_407_407));
        assert_eq!(p.aid_intensity_bp, Some(10_000));
        assert_eq!(p.end_date, Date::from_ymd(2023, 1, 31));
    }

    #[test]
    fn every_rule_of_the_issue_is_reported_on_its_field() {
        let f = ProgrammeForm {
            title: "  ".into(),
            grant_huf: "-100".into(),
            aid_intensity: "120".into(),
            start_date: "2023-02-01".into(),
            end_date: "2023-01-31".into(),
            code: "TOP-5.3.1-KO1-2017-5".into(),
            ..kisber()
        };
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("title"), Some("err-required"));
        assert_eq!(e.for_field("grant_huf"), Some("err-negative"));
        assert_eq!(e.for_field("aid_intensity"), Some("err-percent-range"));
        assert_eq!(e.for_field("end_date"), Some("err-end-before-start"));
        assert_eq!(e.for_field("code"), Some("err-project-code"));
    }

    #[test]
    fn funded_programme_needs_its_publicity_fields() {
        let f = ProgrammeForm {
            title: "X".into(),
            code: "TOP-5.3.1-16-KO1-2017-00005".into(),
            ..Default::default()
        };
        let e = f.validate().unwrap_err();
        for field in [
            "beneficiary_id",
            "grant_huf",
            "aid_intensity",
            "fund",
            "end_date",
        ] {
            assert_eq!(e.for_field(field), Some("err-required-funded"), "{field}");
        }
        // An unfunded network programme needs only a title.
        let f = ProgrammeForm {
            title: "Közösségi kezdeményezéseket támogató hálózat".into(),
            ..Default::default()
        };
        assert!(f.validate().is_ok());
    }

    #[test]
    fn percent_round_trips_through_the_form() {
        assert_eq!(format_bp(10_000), "100");
        assert_eq!(format_bp(8_550), "85.5");
        assert_eq!(format_bp(8_505), "85.05");
    }

    fn programme() -> Programme {
        Programme {
            version: 1,
            id: ProgrammeId(7),
            title: "Helyi kisközösségek Kisbérhez tartozásának erősítése".into(),
            code: Some("TOP-5.3.1-16-KO1-2017-00005".into()),
            beneficiary_id: Some(OrganisationId(3)),
            beneficiary_name: Some("Kisbér Város Önkormányzata".into()),
            place_id: Some(PlaceId(42)),
            place_name: Some("Kisbér".into()),
            grant_huf: Some(22_407_407),
            aid_intensity_bp: Some(8_550),
            fund: Some(Fund::Esza),
            start_date: Date::from_ymd(2018, 7, 1),
            end_date: Date::from_ymd(2023, 1, 31),
            intermediate_body: Some("Pénzügyminisztérium".into()),
            description: "Első bekezdés.\n\n\tMásodik bekezdés, Kisbér – Ászár.".into(),
        }
    }

    #[test]
    fn programme_form_round_trips() {
        for p in [
            programme(),
            Programme {
                code: None,
                beneficiary_id: None,
                place_id: None,
                grant_huf: Some(165_000_000),
                aid_intensity_bp: Some(10_000),
                fund: None,
                start_date: None,
                end_date: None,
                intermediate_body: None,
                description: String::new(),
                ..programme()
            },
            Programme {
                aid_intensity_bp: Some(8_505),
                grant_huf: Some(0),
                ..programme()
            },
        ] {
            let form = ProgrammeForm::from_programme(&p);
            let input = form.validate().unwrap();
            assert_eq!(
                input,
                ProgrammeInput {
                    title: p.title.clone(),
                    code: p.code.as_deref().map(|c| ProjectCode::parse(c).unwrap()),
                    beneficiary_id: p.beneficiary_id,
                    place_id: p.place_id,
                    grant_huf: p.grant_huf,
                    aid_intensity_bp: p.aid_intensity_bp,
                    fund: p.fund,
                    start_date: p.start_date,
                    end_date: p.end_date,
                    intermediate_body: p.intermediate_body.clone(),
                    description: p.description.clone(),
                }
            );
            assert_eq!(input.code.map(|c| c.to_string()), p.code);
        }
        // amounts are shown back as plain digits, the intensity with a dot
        let form = ProgrammeForm::from_programme(&programme());
        assert_eq!(form.grant_huf, "22407407");
        assert_eq!(form.aid_intensity, "85.5");
    }

    #[test]
    fn programme_description_is_long_text() {
        let f = ProgrammeForm {
            description: "  Sor egy\r\n\r\nsor kettő  ".into(),
            ..kisber()
        };
        assert_eq!(f.validate().unwrap().description, "Sor egy\n\nsor kettő");
        let f = ProgrammeForm {
            description: "rejtett\u{0}bájt".into(),
            ..kisber()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("description"),
            Some("err-text-control")
        );
        let f = ProgrammeForm {
            title: "Kisbér\u{202e}".into(),
            ..kisber()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("title"),
            Some("err-text-bidi")
        );
    }
}

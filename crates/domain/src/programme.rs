//! Programmes (funded projects) and their parts: partners with cooperation agreements,
//! staff assignments, action areas and target groups.

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

impl Programme {
    /// A programme with a project ID is EU/state funded and must publish the publicity block.
    pub fn is_funded(&self) -> bool {
        self.code.is_some()
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

string_enum!(
    PartnerRole {
        ConsortiumMember = "consortium_member",
        CooperationPartner = "cooperation_partner",
        Supporter = "supporter",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub id: PartnerId,
    pub programme_id: ProgrammeId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub role: PartnerRole,
    pub agreements: Vec<Agreement>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub id: AgreementId,
    pub partner_id: PartnerId,
    pub signed_on: Option<Date>,
    pub scope: String,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerForm {
    pub organisation_id: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerInput {
    pub organisation_id: OrganisationId,
    pub role: PartnerRole,
}

impl PartnerForm {
    pub fn validate(&self) -> Result<PartnerInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let org = optional_id(&mut e, "organisation_id", &self.organisation_id);
        if org.is_none() && e.is_empty() {
            e.add("organisation_id", "err-required");
        }
        let role = PartnerRole::parse(self.role.trim());
        if role.is_none() {
            e.add("role", "err-choice");
        }
        match (org, role) {
            (Some(o), Some(r)) if e.is_empty() => Ok(PartnerInput {
                organisation_id: OrganisationId(o),
                role: r,
            }),
            _ => Err(e),
        }
    }

    pub fn from_partner(p: &Partner) -> Self {
        PartnerForm {
            organisation_id: p.organisation_id.0.to_string(),
            role: p.role.as_str().into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgreementForm {
    pub signed_on: String,
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementInput {
    pub signed_on: Option<Date>,
    pub scope: String,
}

impl AgreementForm {
    pub fn validate(&self, today: Date) -> Result<AgreementInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let signed_on = optional_date(&mut e, "signed_on", &self.signed_on);
        if signed_on.is_some_and(|d| d > today) {
            e.add("signed_on", "err-date-future");
        }
        let scope = required_long_text(&mut e, "scope", &self.scope, 2000);
        e.into_result(AgreementInput { signed_on, scope })
    }

    pub fn from_agreement(a: &Agreement) -> Self {
        AgreementForm {
            signed_on: a.signed_on.map(|d| d.to_string()).unwrap_or_default(),
            scope: a.scope.clone(),
        }
    }
}

string_enum!(
    StaffPosition {
        ProjectManager = "project_manager",
        ProfessionalLead = "professional_lead",
        Coordinator = "coordinator",
        CommunityDeveloper = "community_developer",
        FinancialManager = "financial_manager",
        Mentor = "mentor",
        Volunteer = "volunteer",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffAssignment {
    pub id: StaffId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub position: StaffPosition,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub note: Option<String>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffForm {
    pub name: String,
    pub position: String,
    pub start_date: String,
    pub end_date: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffInput {
    pub name: String,
    pub position: StaffPosition,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub note: Option<String>,
}

impl StaffForm {
    pub fn validate(&self) -> Result<StaffInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let position = StaffPosition::parse(self.position.trim());
        if position.is_none() {
            e.add("position", "err-choice");
        }
        let start_date = optional_date(&mut e, "start_date", &self.start_date);
        let end_date = optional_date(&mut e, "end_date", &self.end_date);
        if let (Some(s), Some(end)) = (start_date, end_date) {
            if end < s {
                e.add("end_date", "err-end-before-start");
            }
        }
        let note = optional_text(&mut e, "note", &self.note, 1000);
        match position {
            Some(position) if e.is_empty() => Ok(StaffInput {
                name,
                position,
                start_date,
                end_date,
                note,
            }),
            _ => Err(e),
        }
    }

    pub fn from_staff(st: &StaffAssignment) -> Self {
        StaffForm {
            name: st.name.clone(),
            position: st.position.as_str().into(),
            start_date: st.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end_date: st.end_date.map(|d| d.to_string()).unwrap_or_default(),
            note: st.note.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionArea {
    pub id: ActionAreaId,
    pub programme_id: ProgrammeId,
    pub name: String,
    /// How the boundary is described in the grant documents, e.g. a list of streets.
    pub boundary: String,
    pub settlements: Vec<(PlaceId, String)>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionAreaForm {
    pub name: String,
    pub boundary: String,
    /// Settlement names, one per line or separated by commas.
    pub settlements: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionAreaInput {
    pub name: String,
    pub boundary: String,
    pub settlement_names: Vec<String>,
}

impl ActionAreaForm {
    pub fn validate(&self) -> Result<ActionAreaInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let boundary = long_text(&mut e, "boundary", &self.boundary, 5000);
        // One name per line or separated by commas; each name is single-line text.
        let settlement_names: Vec<String> = match clean_text(&self.settlements, Lines::Multi)
            .and_then(|list| {
                list.split([',', '\n', ';'])
                    .filter(|s| !is_blank(s))
                    .map(|s| clean_text(s, Lines::Single))
                    .collect::<Result<Vec<_>, _>>()
            }) {
            Ok(names) => names,
            Err(key) => {
                e.add("settlements", key);
                Vec::new()
            }
        };
        if settlement_names.is_empty() && e.for_field("settlements").is_none() {
            e.add("settlements", "err-required");
        } else if settlement_names.iter().any(|n| n.chars().count() > 200) {
            e.add("settlements", "err-too-long");
        }
        e.into_result(ActionAreaInput {
            name,
            boundary,
            settlement_names,
        })
    }

    /// The settlements joined with ", ", the way a person would type them.
    pub fn from_area(a: &ActionArea) -> Self {
        ActionAreaForm {
            name: a.name.clone(),
            boundary: a.boundary.clone(),
            settlements: a
                .settlements
                .iter()
                .map(|(_, n)| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetGroup {
    pub id: TargetGroupId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub description: Option<String>,
    pub planned_size: Option<i64>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetGroupForm {
    pub name: String,
    pub description: String,
    pub planned_size: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetGroupInput {
    pub name: String,
    pub description: Option<String>,
    pub planned_size: Option<i64>,
}

impl TargetGroupForm {
    pub fn validate(&self) -> Result<TargetGroupInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let description = optional_long_text(&mut e, "description", &self.description, 2000);
        let planned_size = if self.planned_size.trim().is_empty() {
            None
        } else {
            parse_count(&self.planned_size)
                .map_err(|k| e.add("planned_size", k))
                .ok()
        };
        e.into_result(TargetGroupInput {
            name,
            description,
            planned_size,
        })
    }

    pub fn from_group(g: &TargetGroup) -> Self {
        TargetGroupForm {
            name: g.name.clone(),
            description: g.description.clone().unwrap_or_default(),
            planned_size: g.planned_size.map(|n| n.to_string()).unwrap_or_default(),
        }
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

    #[test]
    fn agreement_dates_cannot_be_in_the_future() {
        let today = Date::from_ymd(2026, 11, 21).unwrap();
        let ok = AgreementForm {
            signed_on: "2018.07.19.".into(),
            scope: "Cselekvő közösségek".into(),
        };
        assert_eq!(
            ok.validate(today).unwrap().signed_on,
            Date::from_ymd(2018, 7, 19)
        );
        let bad = AgreementForm {
            signed_on: "2030-01-01".into(),
            scope: "".into(),
        };
        let e = bad.validate(today).unwrap_err();
        assert_eq!(e.for_field("signed_on"), Some("err-date-future"));
        assert_eq!(e.for_field("scope"), Some("err-required"));
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

    #[test]
    fn partner_form_round_trips() {
        let p = Partner {
            version: 1,
            id: PartnerId(5),
            programme_id: ProgrammeId(7),
            organisation_id: OrganisationId(12),
            organisation_name: "Kisbéri Polgárőr Egyesület".into(),
            role: PartnerRole::CooperationPartner,
            agreements: vec![],
        };
        assert_eq!(
            PartnerForm::from_partner(&p).validate(),
            Ok(PartnerInput {
                organisation_id: p.organisation_id,
                role: p.role,
            })
        );
    }

    #[test]
    fn agreement_form_round_trips() {
        let today = Date::from_ymd(2026, 11, 21).unwrap();
        for a in [
            Agreement {
                version: 1,
                id: AgreementId(1),
                partner_id: PartnerId(5),
                signed_on: Date::from_ymd(2018, 7, 19),
                scope: "Cselekvő közösségek\nhelyi rendezvények".into(),
            },
            Agreement {
                version: 1,
                id: AgreementId(2),
                partner_id: PartnerId(5),
                signed_on: None,
                scope: "Közös pályázat".into(),
            },
        ] {
            assert_eq!(
                AgreementForm::from_agreement(&a).validate(today),
                Ok(AgreementInput {
                    signed_on: a.signed_on,
                    scope: a.scope.clone(),
                })
            );
        }
    }

    #[test]
    fn staff_form_round_trips() {
        let st = StaffAssignment {
            version: 1,
            id: StaffId(4),
            programme_id: ProgrammeId(7),
            name: "Kovács Anna".into(),
            position: StaffPosition::CommunityDeveloper,
            start_date: Date::from_ymd(2018, 9, 1),
            end_date: Date::from_ymd(2022, 12, 31),
            note: Some("heti 20 óra".into()),
        };
        assert_eq!(
            StaffForm::from_staff(&st).validate(),
            Ok(StaffInput {
                name: st.name.clone(),
                position: st.position,
                start_date: st.start_date,
                end_date: st.end_date,
                note: st.note.clone(),
            })
        );
        let bare = StaffAssignment {
            start_date: None,
            end_date: None,
            note: None,
            ..st
        };
        let input = StaffForm::from_staff(&bare).validate().unwrap();
        assert_eq!(
            (input.start_date, input.end_date, input.note),
            (None, None, None)
        );
    }

    #[test]
    fn action_area_form_round_trips() {
        let a = ActionArea {
            version: 1,
            id: ActionAreaId(2),
            programme_id: ProgrammeId(7),
            name: "Abaúj".into(),
            boundary: "Fő utca – Petőfi utca\nés a vasútállomás környéke".into(),
            settlements: vec![
                (PlaceId(1), "Encs".into()),
                (PlaceId(2), "Gönc".into()),
                (PlaceId(3), "Abaújszántó".into()),
            ],
        };
        let form = ActionAreaForm::from_area(&a);
        assert_eq!(form.settlements, "Encs, Gönc, Abaújszántó");
        assert_eq!(
            form.validate(),
            Ok(ActionAreaInput {
                name: a.name.clone(),
                boundary: a.boundary.clone(),
                settlement_names: a.settlements.iter().map(|(_, n)| n.clone()).collect(),
            })
        );
    }

    #[test]
    fn target_group_form_round_trips() {
        for g in [
            TargetGroup {
                version: 1,
                id: TargetGroupId(3),
                programme_id: ProgrammeId(7),
                name: "Helyi fiatalok".into(),
                description: Some("14–25 évesek\na járás településeiről".into()),
                planned_size: Some(1_200),
            },
            TargetGroup {
                version: 1,
                id: TargetGroupId(4),
                programme_id: ProgrammeId(7),
                name: "Idősek".into(),
                description: None,
                planned_size: None,
            },
        ] {
            assert_eq!(
                TargetGroupForm::from_group(&g).validate(),
                Ok(TargetGroupInput {
                    name: g.name.clone(),
                    description: g.description.clone(),
                    planned_size: g.planned_size,
                })
            );
        }
    }

    #[test]
    fn planned_size_is_a_whole_number_of_people() {
        let f = |size: &str| TargetGroupForm {
            name: "Helyi fiatalok".into(),
            planned_size: size.into(),
            ..Default::default()
        };
        assert_eq!(f("1.200").validate().unwrap().planned_size, Some(1_200));
        assert_eq!(f("1 200").validate().unwrap().planned_size, Some(1_200));
        assert_eq!(f("40").validate().unwrap().planned_size, Some(40));
        assert_eq!(f("").validate().unwrap().planned_size, None);
        for (typed, key) in [
            ("1.5", "err-count-fraction"),
            ("12,5", "err-count-fraction"),
            ("1.20", "err-count-fraction"),
            ("1 20", "err-amount-grouping"),
            ("sok", "err-number"),
            ("-3", "err-negative"),
        ] {
            assert_eq!(
                f(typed).validate().unwrap_err().for_field("planned_size"),
                Some(key),
                "{typed}"
            );
        }
    }

    #[test]
    fn action_area_settlements_are_single_line_names() {
        let f = |settlements: &str| ActionAreaForm {
            name: "Abaúj".into(),
            boundary: "".into(),
            settlements: settlements.into(),
        };
        assert_eq!(
            f("Encs,\r\n  Gönc   város ; ;")
                .validate()
                .unwrap()
                .settlement_names,
            vec!["Encs", "Gönc város"]
        );
        assert_eq!(
            f("Encs;\u{200b}Gönc")
                .validate()
                .unwrap_err()
                .for_field("settlements"),
            Some("err-text-invisible")
        );
        assert_eq!(
            f("Encs\u{0}")
                .validate()
                .unwrap_err()
                .for_field("settlements"),
            Some("err-text-control")
        );
        assert_eq!(
            f("En\tcs").validate().unwrap_err().for_field("settlements"),
            Some("err-text-control")
        );
        assert_eq!(
            f(" , ;\n").validate().unwrap_err().for_field("settlements"),
            Some("err-required")
        );
    }

    #[test]
    fn action_area_lists_settlements() {
        let f = ActionAreaForm {
            name: "Abaúj".into(),
            boundary: "".into(),
            settlements: "Encs, Gönc\nAbaújszántó;".into(),
        };
        assert_eq!(
            f.validate().unwrap().settlement_names,
            vec!["Encs", "Gönc", "Abaújszántó"]
        );
        let f = ActionAreaForm {
            name: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("settlements"),
            Some("err-required")
        );
    }
}

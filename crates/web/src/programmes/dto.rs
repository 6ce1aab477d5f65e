//! API data shapes. Money is whole forints, aid intensity a percentage, dates ISO 8601.

use crate::api::s;
use kozos_app::catalogue::ProgrammePage;
use kozos_domain::programme::Programme;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ProgrammeDto {
    pub id: i64,
    pub title: String,
    /// Project ID, e.g. `TOP-5.3.1-16-KO1-2017-00005`.
    pub code: Option<String>,
    pub beneficiary_id: Option<i64>,
    pub beneficiary_name: Option<String>,
    pub place_id: Option<i64>,
    pub place_name: Option<String>,
    /// Contracted grant in whole forints.
    pub grant_huf: Option<i64>,
    /// Aid intensity in percent (0–100).
    pub aid_intensity_percent: Option<f64>,
    /// `esza`, `esza_plusz`, `erfa`, `ka`, `eafa`, `domestic`, `other`.
    pub fund: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub intermediate_body: Option<String>,
    pub description: String,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

impl From<&Programme> for ProgrammeDto {
    fn from(p: &Programme) -> Self {
        ProgrammeDto {
            id: p.id.0,
            title: p.title.clone(),
            code: p.code.clone(),
            beneficiary_id: p.beneficiary_id.map(|x| x.0),
            beneficiary_name: p.beneficiary_name.clone(),
            place_id: p.place_id.map(|x| x.0),
            place_name: p.place_name.clone(),
            grant_huf: p.grant_huf,
            aid_intensity_percent: p.aid_intensity_bp.map(|b| b as f64 / 100.0),
            fund: p.fund.map(|f| f.as_str().to_string()),
            start_date: p.start_date.map(|d| d.to_string()),
            end_date: p.end_date.map(|d| d.to_string()),
            intermediate_body: p.intermediate_body.clone(),
            description: p.description.clone(),
            version: p.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AgreementDto {
    pub id: i64,
    pub signed_on: Option<String>,
    pub scope: String,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct PartnerDto {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// `consortium_member`, `cooperation_partner`, `supporter`.
    pub role: String,
    pub agreements: Vec<AgreementDto>,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ActionAreaDto {
    pub id: i64,
    pub name: String,
    pub boundary: String,
    pub settlements: Vec<PlaceRefDto>,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct PlaceRefDto {
    pub id: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct TargetGroupDto {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub planned_size: Option<i64>,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeDetailDto {
    #[serde(flatten)]
    pub programme: ProgrammeDto,
    pub partners: Vec<PartnerDto>,
    pub action_areas: Vec<ActionAreaDto>,
    pub target_groups: Vec<TargetGroupDto>,
}

impl From<&ProgrammePage> for ProgrammeDetailDto {
    fn from(p: &ProgrammePage) -> Self {
        ProgrammeDetailDto {
            programme: (&p.programme).into(),
            partners: p
                .partners
                .iter()
                .map(|pa| PartnerDto {
                    id: pa.id.0,
                    organisation_id: pa.organisation_id.0,
                    organisation_name: pa.organisation_name.clone(),
                    role: pa.role.as_str().into(),
                    version: pa.version,
                    agreements: pa
                        .agreements
                        .iter()
                        .map(|a| AgreementDto {
                            id: a.id.0,
                            signed_on: a.signed_on.map(|d| d.to_string()),
                            scope: a.scope.clone(),
                            version: a.version,
                        })
                        .collect(),
                })
                .collect(),
            action_areas: p
                .action_areas
                .iter()
                .map(|a| ActionAreaDto {
                    id: a.id.0,
                    name: a.name.clone(),
                    boundary: a.boundary.clone(),
                    version: a.version,
                    settlements: a
                        .settlements
                        .iter()
                        .map(|(id, n)| PlaceRefDto {
                            id: id.0,
                            name: n.clone(),
                        })
                        .collect(),
                })
                .collect(),
            target_groups: p
                .target_groups
                .iter()
                .map(|g| TargetGroupDto {
                    id: g.id.0,
                    name: g.name.clone(),
                    description: g.description.clone(),
                    planned_size: g.planned_size,
                    version: g.version,
                })
                .collect(),
        }
    }
}

/// A programme to create or replace. Same rules as the staff form.
#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ProgrammeWrite {
    pub title: String,
    pub code: Option<String>,
    pub beneficiary_id: Option<i64>,
    pub place_id: Option<i64>,
    pub grant_huf: Option<i64>,
    pub aid_intensity_percent: Option<f64>,
    pub fund: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub intermediate_body: Option<String>,
    pub description: Option<String>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl ProgrammeWrite {
    pub fn to_form(&self) -> kozos_domain::programme::ProgrammeForm {
        kozos_domain::programme::ProgrammeForm {
            title: self.title.clone(),
            code: s(&self.code),
            beneficiary_id: s(&self.beneficiary_id),
            place_id: s(&self.place_id),
            grant_huf: s(&self.grant_huf),
            aid_intensity: s(&self.aid_intensity_percent),
            fund: s(&self.fund),
            start_date: s(&self.start_date),
            end_date: s(&self.end_date),
            intermediate_body: s(&self.intermediate_body),
            description: s(&self.description),
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct AgreementWrite {
    /// ISO date; may be omitted when the agreement is undated.
    pub signed_on: Option<String>,
    pub scope: String,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl AgreementWrite {
    pub fn to_form(&self) -> kozos_domain::programme::AgreementForm {
        kozos_domain::programme::AgreementForm {
            signed_on: s(&self.signed_on),
            scope: self.scope.clone(),
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct PartnerWrite {
    pub organisation_id: Option<i64>,
    /// `consortium_member`, `cooperation_partner`, `supporter`.
    pub role: String,
    /// Optionally the cooperation agreement signed with the partner (on creation only).
    pub agreement: Option<AgreementWrite>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl PartnerWrite {
    pub fn to_form(&self) -> kozos_domain::programme::PartnerForm {
        kozos_domain::programme::PartnerForm {
            organisation_id: s(&self.organisation_id),
            role: self.role.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StaffDto {
    pub id: i64,
    pub name: String,
    pub position: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub note: Option<String>,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

impl From<&kozos_domain::programme::StaffAssignment> for StaffDto {
    fn from(st: &kozos_domain::programme::StaffAssignment) -> Self {
        StaffDto {
            id: st.id.0,
            name: st.name.clone(),
            position: st.position.as_str().into(),
            start_date: st.start_date.map(|d| d.to_string()),
            end_date: st.end_date.map(|d| d.to_string()),
            note: st.note.clone(),
            version: st.version,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct StaffWrite {
    pub name: String,
    /// `project_manager`, `professional_lead`, `coordinator`, `community_developer`,
    /// `financial_manager`, `mentor`, `volunteer`, `other`.
    pub position: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub note: Option<String>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl StaffWrite {
    pub fn to_form(&self) -> kozos_domain::programme::StaffForm {
        kozos_domain::programme::StaffForm {
            name: self.name.clone(),
            position: self.position.clone(),
            start_date: s(&self.start_date),
            end_date: s(&self.end_date),
            note: s(&self.note),
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ActionAreaWrite {
    pub name: String,
    /// How the grant documents describe the boundary, e.g. a list of streets.
    pub boundary: String,
    /// Settlement names (accent- and case-blind), e.g. `["Kisbér", "Hánta"]`.
    pub settlements: Vec<String>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl ActionAreaWrite {
    pub fn to_form(&self) -> kozos_domain::programme::ActionAreaForm {
        kozos_domain::programme::ActionAreaForm {
            name: self.name.clone(),
            boundary: self.boundary.clone(),
            settlements: self.settlements.join("\n"),
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct TargetGroupWrite {
    pub name: String,
    pub description: Option<String>,
    pub planned_size: Option<i64>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl TargetGroupWrite {
    pub fn to_form(&self) -> kozos_domain::programme::TargetGroupForm {
        kozos_domain::programme::TargetGroupForm {
            name: self.name.clone(),
            description: s(&self.description),
            planned_size: s(&self.planned_size),
        }
    }
}

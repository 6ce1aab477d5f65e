//! The JSON shapes of organisations.

use crate::api::s;
use kozos_domain::organisation::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct OrganisationDto {
    pub id: i64,
    pub name: String,
    /// `public`, `civil`, `business`, `church`.
    pub sector: String,
    pub kind: String,
    pub settlement_id: Option<i64>,
    pub settlement_name: Option<String>,
    pub parent_id: Option<i64>,
    pub website: Option<String>,
    /// The record's version: send it back with an edit to have the edit refused (409)
    /// if someone saved in between.
    pub version: i64,
}

impl From<&Organisation> for OrganisationDto {
    fn from(o: &Organisation) -> Self {
        OrganisationDto {
            id: o.id.0,
            name: o.name.clone(),
            sector: o.sector.as_str().into(),
            kind: o.kind.as_str().into(),
            settlement_id: o.settlement_id.map(|x| x.0),
            settlement_name: o.settlement_name.clone(),
            parent_id: o.parent_id.map(|x| x.0),
            website: o.website.clone(),
            version: o.version,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct OrganisationWrite {
    pub name: String,
    pub sector: String,
    pub kind: String,
    pub settlement_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub website: Option<String>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

impl OrganisationWrite {
    pub fn to_form(&self) -> kozos_domain::organisation::OrganisationForm {
        kozos_domain::organisation::OrganisationForm {
            name: self.name.clone(),
            sector: self.sector.clone(),
            kind: self.kind.clone(),
            settlement_id: s(&self.settlement_id),
            parent_id: s(&self.parent_id),
            website: s(&self.website),
        }
    }
}

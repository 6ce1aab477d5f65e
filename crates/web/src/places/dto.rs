//! The JSON shape of a place.

use kozos_domain::place::Place;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PlaceDto {
    pub id: i64,
    /// `country`, `county`, `district`, `settlement`, `settlement_part`.
    pub kind: String,
    pub name: String,
    pub parent_id: Option<i64>,
    pub ksh_code: Option<String>,
}

impl From<&Place> for PlaceDto {
    fn from(p: &Place) -> Self {
        PlaceDto {
            id: p.id.0,
            kind: p.kind.as_str().into(),
            name: p.name.clone(),
            parent_id: p.parent_id.map(|x| x.0),
            ksh_code: p.ksh_code.clone(),
        }
    }
}

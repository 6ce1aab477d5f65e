//! The places tree (country › counties › districts › settlements › parts), read-only.

mod dto;

use crate::routes::{api as api_route, RouteDef};
use utoipa_axum::routes;

use crate::api::{ApiError, ApiErrorBody, ApiQuery};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use dto::PlaceDto;
use kozos_app::catalogue;
use kozos_domain::PlaceId;
use serde::Deserialize;
use utoipa::IntoParams;

type ApiResult<T> = Result<T, ApiError>;

#[derive(Deserialize, IntoParams, Default)]
pub struct PlaceParams {
    /// Children of this place; without it, the top of the tree (the country).
    #[serde(default)]
    pub parent: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/places", params(PlaceParams), responses((status = 200, body = Vec<PlaceDto>), (status = 404, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn list_places(
    State(s): State<AppState>,
    ApiQuery(p): ApiQuery<PlaceParams>,
) -> ApiResult<Json<Vec<PlaceDto>>> {
    let list = catalogue::place_children(&s.app, p.parent.map(PlaceId)).await?;
    Ok(Json(list.iter().map(PlaceDto::from).collect()))
}

pub fn routes() -> Vec<RouteDef> {
    vec![api_route(routes!(list_places))]
}

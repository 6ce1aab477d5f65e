//! `GET /api/v1/programmes/{id}/initiatives`: a programme's initiatives with their public
//! fields (never a proposer's e-mail address).

use crate::api::{ApiError, ApiErrorBody, ApiLang, ApiPath, ApiQuery};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kozos_app::initiatives;
use kozos_domain::initiative::{Initiative, Stage};
use kozos_domain::ProgrammeId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct StageParams {
    /// Only initiatives at this stage: proposed, explored, analysed, selected, elaborated,
    /// implemented or set_aside.
    pub stage: Option<String>,
}

/// An initiative as the public sees it.
#[derive(Serialize, ToSchema)]
pub struct InitiativeDto {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// proposed, explored, analysed, selected, elaborated, implemented or set_aside.
    pub stage: String,
    /// The proposer's display name.
    pub proposed_by: Option<String>,
    /// How many residents support it.
    pub supports: i64,
    /// none, ngo_founded or club_founded.
    pub outcome: String,
    /// The founded NGO's or club's name.
    pub outcome_name: Option<String>,
    /// When it was proposed (RFC 3339, UTC).
    pub created_at: String,
}

impl From<&Initiative> for InitiativeDto {
    fn from(i: &Initiative) -> Self {
        InitiativeDto {
            id: i.id.0,
            title: i.title.clone(),
            summary: i.summary.clone(),
            stage: i.stage.as_str().to_string(),
            proposed_by: i.proposer_name.clone(),
            supports: i.supports,
            outcome: i.outcome.as_str().to_string(),
            outcome_name: i.outcome_name.clone(),
            created_at: i.created_at.clone(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}/initiatives", params(("id" = i64, Path), StageParams),
    responses((status = 200, body = Vec<InitiativeDto>, description = "The programme's initiatives, newest first."),
        (status = 400, body = ApiErrorBody, description = "An unknown stage or a malformed id."),
        (status = 404, body = ApiErrorBody, description = "No such programme.")))]
pub async fn list(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<StageParams>,
) -> Result<Json<Vec<InitiativeDto>>, ApiError> {
    let stage = match q.stage.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(Stage::parse(s).ok_or_else(|| ApiError::bad_query(lang.0))?),
    };
    let items = initiatives::list(&s.app, ProgrammeId(id), stage).await?;
    Ok(Json(items.iter().map(InitiativeDto::from).collect()))
}

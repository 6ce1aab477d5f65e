use super::dto::*;
use super::{
    json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiQuery, ApiUser, IdempotencyKey,
};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::{catalogue, organisations, programmes};
use kozos_domain::{OrganisationId, PlaceId, ProgrammeId};
use serde::Deserialize;
use utoipa::IntoParams;

type ApiResult<T> = Result<T, ApiError>;

#[derive(Deserialize, IntoParams, Default)]
pub struct SearchParams {
    /// Accent- and case-blind search in names, project IDs and settlements.
    #[serde(default)]
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/programmes", params(SearchParams), responses((status = 200, body = Vec<ProgrammeDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_programmes(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<Vec<ProgrammeDto>>> {
    let list = catalogue::search_programmes(&s.app, p.q.as_deref())
        .await
        .map_err(lang.err())?;
    Ok(Json(list.iter().map(ProgrammeDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}", params(("id" = i64, Path)),
    responses((status = 200, body = ProgrammeDetailDto), (status = 404, body = ApiErrorBody)))]
pub async fn get_programme(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ProgrammeDetailDto>> {
    let page = catalogue::programme_page(&s.app, ProgrammeId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(ProgrammeDetailDto::from(&*page)))
}

#[utoipa::path(post, path = "/api/v1/programmes", request_body = ProgrammeWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn create_programme(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    IdempotencyKey(key): IdempotencyKey,
    body: Result<Json<ProgrammeWrite>, axum::extract::rejection::JsonRejection>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let body = json_body(&lang, body)?;
    let id = programmes::create(&s.app, &user, &body.to_form(), key.as_deref())
        .await
        .map_err(lang.err())?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}", params(("id" = i64, Path)), request_body = ProgrammeWrite, security(("bearer" = [])),
    responses((status = 200, body = ProgrammeDetailDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_programme(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    body: Result<Json<ProgrammeWrite>, axum::extract::rejection::JsonRejection>,
) -> ApiResult<Json<ProgrammeDetailDto>> {
    let body = json_body(&lang, body)?;
    programmes::update(
        &s.app,
        &user,
        ProgrammeId(id),
        &body.to_form(),
        body.version,
    )
    .await
    .map_err(lang.err())?;
    let page = catalogue::programme_page(&s.app, ProgrammeId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(ProgrammeDetailDto::from(&*page)))
}

#[utoipa::path(get, path = "/api/v1/organisations", params(SearchParams), responses((status = 200, body = Vec<OrganisationDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_organisations(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<Vec<OrganisationDto>>> {
    let list = catalogue::organisations(&s.app, p.q.as_deref())
        .await
        .map_err(lang.err())?;
    Ok(Json(list.iter().map(OrganisationDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationDto), (status = 404, body = ApiErrorBody)))]
pub async fn get_organisation(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OrganisationDto>> {
    let o = catalogue::organisation(&s.app, OrganisationId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json((&o).into()))
}

#[utoipa::path(post, path = "/api/v1/organisations", request_body = OrganisationWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn create_organisation(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    IdempotencyKey(key): IdempotencyKey,
    body: Result<Json<OrganisationWrite>, axum::extract::rejection::JsonRejection>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let body = json_body(&lang, body)?;
    let id = organisations::create(&s.app, &user, &body.to_form(), key.as_deref())
        .await
        .map_err(lang.err())?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[utoipa::path(put, path = "/api/v1/organisations/{id}", params(("id" = i64, Path)), request_body = OrganisationWrite, security(("bearer" = [])),
    responses((status = 200, body = OrganisationDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_organisation(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    body: Result<Json<OrganisationWrite>, axum::extract::rejection::JsonRejection>,
) -> ApiResult<Json<OrganisationDto>> {
    let body = json_body(&lang, body)?;
    organisations::update(
        &s.app,
        &user,
        OrganisationId(id),
        &body.to_form(),
        body.version,
    )
    .await
    .map_err(lang.err())?;
    let o = catalogue::organisation(&s.app, OrganisationId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json((&o).into()))
}

#[derive(Deserialize, IntoParams, Default)]
pub struct PlaceParams {
    /// Children of this place; without it, the top of the tree (the country).
    #[serde(default)]
    pub parent: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/places", params(PlaceParams), responses((status = 200, body = Vec<PlaceDto>), (status = 404, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn list_places(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiQuery(p): ApiQuery<PlaceParams>,
) -> ApiResult<Json<Vec<PlaceDto>>> {
    let list = catalogue::place_children(&s.app, p.parent.map(PlaceId))
        .await
        .map_err(lang.err())?;
    Ok(Json(list.iter().map(PlaceDto::from).collect()))
}

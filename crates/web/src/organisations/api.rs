//! The organisations API: anyone reads, staff with a token write.

use super::dto::*;
use crate::api::{
    json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiQuery, ApiUser, Created,
    IdempotencyKey, SearchParams,
};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::{catalogue, organisations};
use kozos_domain::OrganisationId;

type ApiResult<T> = Result<T, ApiError>;

#[utoipa::path(get, path = "/api/v1/organisations", params(SearchParams), responses((status = 200, body = Vec<OrganisationDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_organisations(
    State(s): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<Vec<OrganisationDto>>> {
    let list = catalogue::organisations(&s.app, p.q.as_deref()).await?;
    Ok(Json(list.iter().map(OrganisationDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationDto), (status = 404, body = ApiErrorBody)))]
pub async fn get_organisation(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OrganisationDto>> {
    let o = catalogue::organisation(&s.app, OrganisationId(id)).await?;
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
    let id = organisations::create(&s.app, &user, &body.to_form(), key.as_deref()).await?;
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
    .await?;
    let o = catalogue::organisation(&s.app, OrganisationId(id)).await?;
    Ok(Json((&o).into()))
}

//! The programmes API: anyone reads, staff with a token write.

use super::dto::*;
use crate::api::{
    json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiQuery, ApiUser, Created,
    IdempotencyKey, SearchParams,
};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::{catalogue, programmes};
use kozos_domain::ProgrammeId;

type ApiResult<T> = Result<T, ApiError>;

#[utoipa::path(get, path = "/api/v1/programmes", params(SearchParams), responses((status = 200, body = Vec<ProgrammeDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_programmes(
    State(s): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<Vec<ProgrammeDto>>> {
    let list = catalogue::search_programmes(&s.app, p.q.as_deref()).await?;
    Ok(Json(list.iter().map(ProgrammeDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}", params(("id" = i64, Path)),
    responses((status = 200, body = ProgrammeDetailDto), (status = 404, body = ApiErrorBody)))]
pub async fn get_programme(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ProgrammeDetailDto>> {
    let page = catalogue::programme_page(&s.app, ProgrammeId(id)).await?;
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
    let id = programmes::create(&s.app, &user, &body.to_form(), key.as_deref()).await?;
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
    .await?;
    let page = catalogue::programme_page(&s.app, ProgrammeId(id)).await?;
    Ok(Json(ProgrammeDetailDto::from(&*page)))
}

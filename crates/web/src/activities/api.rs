//! The activities API: create and list under a programme, read, edit and delete by the
//! activity's own id (a scanner app or calendar client knows activities, not programmes).
//! The same use cases, rules and scopes as the pages.

use super::dto::{ActivityDto, ActivityWrite};
use crate::api::{
    json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiUser, Created, IdempotencyKey,
    MaybeApiUser,
};
use crate::programmes::records::path::ApiUnder;
use crate::programmes::records::ApiRecord;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::{activities, records};
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::{ActivityId, ProgrammeId};

type ApiResult<T> = Result<T, ApiError>;
type Body<T> = Result<Json<T>, JsonRejection>;

impl ApiRecord for Activity {
    type Write = ActivityWrite;
    fn form(w: &ActivityWrite) -> ActivityForm {
        w.to_form()
    }
    fn new_form(w: &ActivityWrite) -> ActivityForm {
        w.to_form()
    }
    fn edit_version(w: &ActivityWrite) -> Option<i64> {
        w.version
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/activities", params(("id" = i64, Path)), request_body = ActivityWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_activity(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiUnder<Activity>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<ActivityWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    crate::programmes::records::create_via_api(&s, (&lang, &user), at, key, b).await
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}/activities", params(("id" = i64, Path)), security((), ("bearer" = [])),
    responses((status = 200, body = Vec<ActivityDto>, description = "Public activities; with a token of the programme's staff, internal ones too."), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list_activities(
    State(s): State<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<ActivityDto>>> {
    let list = activities::list_for(&s.app, user.as_ref(), ProgrammeId(id)).await?;
    Ok(Json(list.iter().map(ActivityDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/activities/{id}", params(("id" = i64, Path)), security((), ("bearer" = [])),
    responses((status = 200, body = ActivityDto), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn get_activity(
    State(s): State<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ActivityDto>> {
    let a = activities::get(&s.app, user.as_ref(), ActivityId(id)).await?;
    Ok(Json(ActivityDto::from(&a)))
}

#[utoipa::path(put, path = "/api/v1/activities/{id}", params(("id" = i64, Path)), request_body = ActivityWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn update_activity(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    b: Body<ActivityWrite>,
) -> ApiResult<StatusCode> {
    let id = ActivityId(id);
    let programme = activities::programme_of(&s.app, id).await?;
    let b = json_body(&lang, b)?;
    records::update::<Activity>(&s.app, &user, programme, id, &b.to_form(), b.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/activities/{id}", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody, description = "Not deleted: people registered for it or attended it, or it holds evidence files (they are records).")))]
pub async fn delete_activity(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    let id = ActivityId(id);
    let programme = activities::programme_of(&s.app, id).await?;
    records::delete::<Activity>(&s.app, &user, programme, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

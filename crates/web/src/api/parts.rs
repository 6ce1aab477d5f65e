//! API for a programme's parts: partners and their agreements, staff, action areas,
//! target groups. Same use cases, rules and scopes as the back-office forms.

use super::dto::*;
use super::{json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiUser, IdempotencyKey};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::programmes;
use kozos_domain::*;

type ApiResult<T> = Result<T, ApiError>;
type Body<T> = Result<Json<T>, JsonRejection>;

fn created(id: i64) -> (StatusCode, Json<Created>) {
    (StatusCode::CREATED, Json(Created { id }))
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/partners", params(("id" = i64, Path)), request_body = PartnerWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_partner(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<PartnerWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let b = json_body(&lang, b)?;
    let agreement = b
        .agreement
        .as_ref()
        .map(AgreementWrite::to_form)
        .unwrap_or_default();
    let pid = programmes::add_partner(
        &s.app,
        &user,
        ProgrammeId(id),
        &b.to_form(),
        &agreement,
        key.as_deref(),
    )
    .await
    .map_err(lang.err())?;
    Ok(created(pid.0))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/partners/{partner}", params(("id" = i64, Path), ("partner" = i64, Path)), request_body = PartnerWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_partner(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, partner)): ApiPath<(i64, i64)>,
    b: Body<PartnerWrite>,
) -> ApiResult<StatusCode> {
    let b = json_body(&lang, b)?;
    programmes::update_partner(
        &s.app,
        &user,
        ProgrammeId(id),
        PartnerId(partner),
        &b.to_form(),
        b.version,
    )
    .await
    .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/partners/{partner}", params(("id" = i64, Path), ("partner" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_partner(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, partner)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    programmes::delete_partner(&s.app, &user, ProgrammeId(id), PartnerId(partner))
        .await
        .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/partners/{partner}/agreements", params(("id" = i64, Path), ("partner" = i64, Path)), request_body = AgreementWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_agreement(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, partner)): ApiPath<(i64, i64)>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<AgreementWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let b = json_body(&lang, b)?;
    let aid = programmes::add_agreement(
        &s.app,
        &user,
        ProgrammeId(id),
        PartnerId(partner),
        &b.to_form(),
        key.as_deref(),
    )
    .await
    .map_err(lang.err())?;
    Ok(created(aid.0))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/agreements/{agreement}", params(("id" = i64, Path), ("agreement" = i64, Path)), request_body = AgreementWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_agreement(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, agreement)): ApiPath<(i64, i64)>,
    b: Body<AgreementWrite>,
) -> ApiResult<StatusCode> {
    let b = json_body(&lang, b)?;
    programmes::update_agreement(
        &s.app,
        &user,
        ProgrammeId(id),
        AgreementId(agreement),
        &b.to_form(),
        b.version,
    )
    .await
    .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/agreements/{agreement}", params(("id" = i64, Path), ("agreement" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_agreement(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, agreement)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    programmes::delete_agreement(&s.app, &user, ProgrammeId(id), AgreementId(agreement))
        .await
        .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}/staff", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<StaffDto>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list_staff(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<StaffDto>>> {
    let view = programmes::staff_view(&s.app, &user, ProgrammeId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(view.staff.iter().map(StaffDto::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/staff", params(("id" = i64, Path)), request_body = StaffWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_staff(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<StaffWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let b = json_body(&lang, b)?;
    let sid = programmes::add_staff(&s.app, &user, ProgrammeId(id), &b.to_form(), key.as_deref())
        .await
        .map_err(lang.err())?;
    Ok(created(sid.0))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/staff/{staff}", params(("id" = i64, Path), ("staff" = i64, Path)), request_body = StaffWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_staff(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, staff)): ApiPath<(i64, i64)>,
    b: Body<StaffWrite>,
) -> ApiResult<StatusCode> {
    let b = json_body(&lang, b)?;
    programmes::update_staff(
        &s.app,
        &user,
        ProgrammeId(id),
        StaffId(staff),
        &b.to_form(),
        b.version,
    )
    .await
    .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/staff/{staff}", params(("id" = i64, Path), ("staff" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_staff(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, staff)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    programmes::delete_staff(&s.app, &user, ProgrammeId(id), StaffId(staff))
        .await
        .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/action-areas", params(("id" = i64, Path)), request_body = ActionAreaWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_action_area(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<ActionAreaWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let b = json_body(&lang, b)?;
    let edit = kozos_app::Edit {
        version: None,
        once: key.as_deref(),
    };
    let aid =
        programmes::save_action_area(&s.app, &user, ProgrammeId(id), None, &b.to_form(), edit)
            .await
            .map_err(lang.err())?;
    Ok(created(aid.0))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/action-areas/{area}", params(("id" = i64, Path), ("area" = i64, Path)), request_body = ActionAreaWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_action_area(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, area)): ApiPath<(i64, i64)>,
    b: Body<ActionAreaWrite>,
) -> ApiResult<StatusCode> {
    let b = json_body(&lang, b)?;
    programmes::save_action_area(
        &s.app,
        &user,
        ProgrammeId(id),
        Some(ActionAreaId(area)),
        &b.to_form(),
        kozos_app::Edit {
            version: b.version,
            once: None,
        },
    )
    .await
    .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/action-areas/{area}", params(("id" = i64, Path), ("area" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_action_area(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, area)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    programmes::delete_action_area(&s.app, &user, ProgrammeId(id), ActionAreaId(area))
        .await
        .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/target-groups", params(("id" = i64, Path)), request_body = TargetGroupWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_target_group(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<TargetGroupWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let b = json_body(&lang, b)?;
    let gid =
        programmes::add_target_group(&s.app, &user, ProgrammeId(id), &b.to_form(), key.as_deref())
            .await
            .map_err(lang.err())?;
    Ok(created(gid.0))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/target-groups/{group}", params(("id" = i64, Path), ("group" = i64, Path)), request_body = TargetGroupWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_target_group(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, group)): ApiPath<(i64, i64)>,
    b: Body<TargetGroupWrite>,
) -> ApiResult<StatusCode> {
    let b = json_body(&lang, b)?;
    programmes::update_target_group(
        &s.app,
        &user,
        ProgrammeId(id),
        TargetGroupId(group),
        &b.to_form(),
        b.version,
    )
    .await
    .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/target-groups/{group}", params(("id" = i64, Path), ("group" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_target_group(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath((id, group)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    programmes::delete_target_group(&s.app, &user, ProgrammeId(id), TargetGroupId(group))
        .await
        .map_err(lang.err())?;
    Ok(StatusCode::NO_CONTENT)
}

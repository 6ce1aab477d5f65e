//! The API of a programme's records: the same use cases, rules and scopes as the
//! back-office forms, through the same generic path. Each kind's three endpoints are
//! one line each; their `#[utoipa::path]` is what the OpenAPI document is built from.

use super::path::{ApiAt, ApiUnder};
use super::RecordUi;
use crate::api::{
    json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiUser, Created, IdempotencyKey,
};
use crate::programmes::dto::*;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::programmes;
use kozos_app::records::{self, NewPartnerForm, PartnerAgreement};
use kozos_domain::programme::{ActionArea, Partner, StaffAssignment, TargetGroup};
use kozos_domain::ProgrammeId;
use serde::de::DeserializeOwned;

type ApiResult<T> = Result<T, ApiError>;
type Body<T> = Result<Json<T>, JsonRejection>;

/// How a kind's JSON body becomes its forms (the API and the pages share validation).
pub trait ApiRecord: RecordUi {
    type Write: DeserializeOwned + Send;
    fn form(w: &Self::Write) -> Self::Form;
    fn new_form(w: &Self::Write) -> Self::NewForm;
    fn edit_version(w: &Self::Write) -> Option<i64>;
}

/// Create a record of kind `K` from a JSON body (every kind's add endpoint).
pub(crate) async fn create_via_api<K: ApiRecord>(
    s: &AppState,
    (lang, user): (&ApiLang, &kozos_domain::user::User),
    ApiUnder(at): ApiUnder<K>,
    key: Option<String>,
    body: Body<K::Write>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let b = json_body(lang, body)?;
    let form = K::new_form(&b);
    let id =
        records::create::<K>(&s.app, user, at.programme, at.parent, &form, key.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.into() })))
}

async fn update<K: ApiRecord>(
    s: &AppState,
    (lang, user): (&ApiLang, &kozos_domain::user::User),
    ApiAt(at): ApiAt<K>,
    body: Body<K::Write>,
) -> ApiResult<StatusCode> {
    let b = json_body(lang, body)?;
    records::update::<K>(
        &s.app,
        user,
        at.programme,
        at.id,
        &K::form(&b),
        K::edit_version(&b),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete<K: ApiRecord>(
    s: &AppState,
    user: &kozos_domain::user::User,
    ApiAt(at): ApiAt<K>,
) -> ApiResult<StatusCode> {
    records::delete::<K>(&s.app, user, at.programme, at.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

impl ApiRecord for Partner {
    type Write = PartnerWrite;
    fn form(w: &PartnerWrite) -> Self::Form {
        w.to_form()
    }
    fn new_form(w: &PartnerWrite) -> NewPartnerForm {
        let p = w.to_form();
        let a = w
            .agreement
            .as_ref()
            .map(AgreementWrite::to_form)
            .unwrap_or_default();
        NewPartnerForm {
            organisation_id: p.organisation_id,
            role: p.role,
            signed_on: a.signed_on,
            scope: a.scope,
        }
    }
    fn edit_version(w: &PartnerWrite) -> Option<i64> {
        w.version
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/partners", params(("id" = i64, Path)), request_body = PartnerWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_partner(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiUnder<Partner>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<PartnerWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    create_via_api(&s, (&lang, &user), at, key, b).await
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/partners/{partner}", params(("id" = i64, Path), ("partner" = i64, Path)), request_body = PartnerWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_partner(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiAt<Partner>,
    b: Body<PartnerWrite>,
) -> ApiResult<StatusCode> {
    update(&s, (&lang, &user), at, b).await
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/partners/{partner}", params(("id" = i64, Path), ("partner" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_partner(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    at: ApiAt<Partner>,
) -> ApiResult<StatusCode> {
    delete(&s, &user, at).await
}

impl ApiRecord for PartnerAgreement {
    type Write = AgreementWrite;
    fn form(w: &AgreementWrite) -> Self::Form {
        w.to_form()
    }
    fn new_form(w: &AgreementWrite) -> Self::NewForm {
        w.to_form()
    }
    fn edit_version(w: &AgreementWrite) -> Option<i64> {
        w.version
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/partners/{partner}/agreements", params(("id" = i64, Path), ("partner" = i64, Path)), request_body = AgreementWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_agreement(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiUnder<PartnerAgreement>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<AgreementWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    create_via_api(&s, (&lang, &user), at, key, b).await
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/agreements/{agreement}", params(("id" = i64, Path), ("agreement" = i64, Path)), request_body = AgreementWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_agreement(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiAt<PartnerAgreement>,
    b: Body<AgreementWrite>,
) -> ApiResult<StatusCode> {
    update(&s, (&lang, &user), at, b).await
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/agreements/{agreement}", params(("id" = i64, Path), ("agreement" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_agreement(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    at: ApiAt<PartnerAgreement>,
) -> ApiResult<StatusCode> {
    delete(&s, &user, at).await
}

impl ApiRecord for StaffAssignment {
    type Write = StaffWrite;
    fn form(w: &StaffWrite) -> Self::Form {
        w.to_form()
    }
    fn new_form(w: &StaffWrite) -> Self::NewForm {
        w.to_form()
    }
    fn edit_version(w: &StaffWrite) -> Option<i64> {
        w.version
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/staff", params(("id" = i64, Path)), request_body = StaffWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_staff(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiUnder<StaffAssignment>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<StaffWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    create_via_api(&s, (&lang, &user), at, key, b).await
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/staff/{staff}", params(("id" = i64, Path), ("staff" = i64, Path)), request_body = StaffWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_staff(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiAt<StaffAssignment>,
    b: Body<StaffWrite>,
) -> ApiResult<StatusCode> {
    update(&s, (&lang, &user), at, b).await
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/staff/{staff}", params(("id" = i64, Path), ("staff" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_staff(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    at: ApiAt<StaffAssignment>,
) -> ApiResult<StatusCode> {
    delete(&s, &user, at).await
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}/staff", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<StaffDto>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list_staff(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<StaffDto>>> {
    let view = programmes::staff_view(&s.app, &user, ProgrammeId(id)).await?;
    Ok(Json(view.staff.iter().map(StaffDto::from).collect()))
}

impl ApiRecord for ActionArea {
    type Write = ActionAreaWrite;
    fn form(w: &ActionAreaWrite) -> Self::Form {
        w.to_form()
    }
    fn new_form(w: &ActionAreaWrite) -> Self::NewForm {
        w.to_form()
    }
    fn edit_version(w: &ActionAreaWrite) -> Option<i64> {
        w.version
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/action-areas", params(("id" = i64, Path)), request_body = ActionAreaWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_action_area(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiUnder<ActionArea>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<ActionAreaWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    create_via_api(&s, (&lang, &user), at, key, b).await
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/action-areas/{area}", params(("id" = i64, Path), ("area" = i64, Path)), request_body = ActionAreaWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_action_area(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiAt<ActionArea>,
    b: Body<ActionAreaWrite>,
) -> ApiResult<StatusCode> {
    update(&s, (&lang, &user), at, b).await
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/action-areas/{area}", params(("id" = i64, Path), ("area" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_action_area(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    at: ApiAt<ActionArea>,
) -> ApiResult<StatusCode> {
    delete(&s, &user, at).await
}

impl ApiRecord for TargetGroup {
    type Write = TargetGroupWrite;
    fn form(w: &TargetGroupWrite) -> Self::Form {
        w.to_form()
    }
    fn new_form(w: &TargetGroupWrite) -> Self::NewForm {
        w.to_form()
    }
    fn edit_version(w: &TargetGroupWrite) -> Option<i64> {
        w.version
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/target-groups", params(("id" = i64, Path)), request_body = TargetGroupWrite, security(("bearer" = [])),
    responses((status = 201, body = Created), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 400, body = ApiErrorBody)))]
pub async fn add_target_group(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiUnder<TargetGroup>,
    IdempotencyKey(key): IdempotencyKey,
    b: Body<TargetGroupWrite>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    create_via_api(&s, (&lang, &user), at, key, b).await
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}/target-groups/{group}", params(("id" = i64, Path), ("group" = i64, Path)), request_body = TargetGroupWrite, security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn update_target_group(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    at: ApiAt<TargetGroup>,
    b: Body<TargetGroupWrite>,
) -> ApiResult<StatusCode> {
    update(&s, (&lang, &user), at, b).await
}

#[utoipa::path(delete, path = "/api/v1/programmes/{id}/target-groups/{group}", params(("id" = i64, Path), ("group" = i64, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn delete_target_group(
    State(s): State<AppState>,
    ApiUser(user): ApiUser,
    at: ApiAt<TargetGroup>,
) -> ApiResult<StatusCode> {
    delete(&s, &user, at).await
}

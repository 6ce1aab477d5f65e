//! The check-in API. Every 2xx is committed before it is sent.

use super::dto::{
    self, AttendanceDto, BatchBody, BatchResult, CheckInBody, CheckInResult, CheckInUnprocessable,
};
use crate::api::{json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiUser};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::participation::checkin::{self, Outcome};
use kozos_app::AppError;
use kozos_domain::ActivityId;

type ApiResult<T> = Result<T, ApiError>;

#[utoipa::path(post, path = "/api/v1/check-ins", request_body = CheckInBody, security(("bearer" = [])),
    responses(
        (status = 201, body = CheckInResult, description = "Checked in (`status`: `checked_in`)."),
        (status = 200, body = CheckInResult, description = "The same ticket or the same scan (`client_id`) again: `already_checked_in`, with the attendance first recorded."),
        (status = 422, body = CheckInUnprocessable, description = "Refused (`status`: `refused`) with a `reason`: `malformed`, `forged` (the check symbol is wrong), `unknown`, `other_activity`, `cancelled`, `waiting`, `too_early`, `expired`, `future_scan`; or, when the body's fields are wrong, the usual error body (`validation_failed`)."),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody, description = "No such activity."), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody)))]
pub async fn check_in(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    b: Result<Json<CheckInBody>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<CheckInResult>)> {
    let b = json_body(&lang, b)?;
    let scan =
        dto::scan(&b).map_err(|f| (lang.err())(AppError::invalid(f, "err-datetime-rfc3339")))?;
    let out = checkin::check_in(&s.app, &user, &[scan])
        .await
        .map_err(lang.err())?;
    let o = out
        .into_iter()
        .next()
        .ok_or_else(|| (lang.err())(AppError::Internal("no outcome".into())))?;
    let status = match o {
        Outcome::CheckedIn(_) => StatusCode::CREATED,
        Outcome::AlreadyCheckedIn(_) => StatusCode::OK,
        Outcome::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok((status, Json(dto::result(lang.0, b.client_id.clone(), &o))))
}

#[utoipa::path(post, path = "/api/v1/check-ins/batch", request_body = BatchBody, security(("bearer" = [])),
    responses(
        (status = 200, body = BatchResult, description = "Every scan's result, in order; all recorded scans are committed together. Safe to send again."),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody, description = "A scan's time is not RFC 3339, a client id is too long, or more than 1000 scans.")))]
pub async fn check_in_batch(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    b: Result<Json<BatchBody>, JsonRejection>,
) -> ApiResult<Json<BatchResult>> {
    let b = json_body(&lang, b)?;
    Ok(Json(
        batch(&s, lang.0, &user, &b).await.map_err(lang.err())?,
    ))
}

/// A batch, for the API and the check-in page's sync alike.
pub async fn batch(
    s: &AppState,
    lang: crate::i18n::Lang,
    user: &kozos_domain::user::User,
    b: &BatchBody,
) -> Result<BatchResult, AppError> {
    let scans = b
        .scans
        .iter()
        .map(dto::scan)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|f| AppError::invalid(f, "err-datetime-rfc3339"))?;
    let out = checkin::check_in(&s.app, user, &scans).await?;
    Ok(BatchResult {
        results: b
            .scans
            .iter()
            .zip(out.iter())
            .map(|(sent, o)| dto::result(lang, sent.client_id.clone(), o))
            .collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/activities/{id}/attendance", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<AttendanceDto>, description = "Who attended, when, by which route."),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn attendance(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<AttendanceDto>>> {
    let (_, list) = checkin::attendance(&s.app, &user, ActivityId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(list.iter().map(AttendanceDto::from).collect()))
}

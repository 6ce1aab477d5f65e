//! The registrations API: register someone for an activity (a guest's name and e-mail,
//! or, for staff, a person of the registry), and the activity's registrations with their
//! ticket codes for staff who check people in (an offline scanner keeps them).

use crate::api::{json_body, ApiError, ApiErrorBody, ApiLang, ApiPath, ApiUser, MaybeApiUser};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kozos_app::participation::registrations::{self, Registrant};
use kozos_app::AppError;
use kozos_domain::participation::{PersonForm, Registration, RegistrationSource};
use kozos_domain::{ActivityId, PersonId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

type ApiResult<T> = Result<T, ApiError>;

/// A registration. `token` is the ticket code its QR code holds.
#[derive(Serialize, ToSchema)]
pub struct RegistrationDto {
    pub id: i64,
    pub activity_id: i64,
    pub person_id: i64,
    pub name: String,
    /// `confirmed`, `waiting` or `cancelled`.
    pub status: String,
    pub token: String,
    /// `self`, `guest`, `staff` or `api`.
    pub source: String,
    /// RFC 3339 (UTC).
    pub created_at: String,
}

impl From<&Registration> for RegistrationDto {
    fn from(r: &Registration) -> Self {
        RegistrationDto {
            id: r.id.0,
            activity_id: r.activity_id.0,
            person_id: r.person_id.0,
            name: r.person_name.clone(),
            status: r.status.as_str().into(),
            token: r.token.clone(),
            source: r.source.as_str().into(),
            created_at: r.created_at.stored(),
        }
    }
}

/// Who to register: `name` and `email` (a guest; with the token of staff who check people
/// in, a new person of the registry), or `person_id` of the registry (staff only).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub person_id: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/activities/{id}/registrations", params(("id" = i64, Path)), request_body = RegisterBody, security((), ("bearer" = [])),
    responses(
        (status = 201, body = RegistrationDto, description = "Registered: `status` says whether with a place or on the waiting list."),
        (status = 200, body = RegistrationDto, description = "Already registered: the existing registration, unchanged."),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody, description = "Invalid input, or registration is not open (`form` field says why).")))]
pub async fn register(
    State(s): State<AppState>,
    lang: ApiLang,
    MaybeApiUser(user): MaybeApiUser,
    ApiPath(id): ApiPath<i64>,
    b: Result<Json<RegisterBody>, JsonRejection>,
) -> ApiResult<(StatusCode, Json<RegistrationDto>)> {
    let b = json_body(&lang, b)?;
    let form;
    // A token of someone without the check-in right registers like a guest would.
    let staff = match &user {
        Some(u) => registrations::may_register_others(&s.app, u, ActivityId(id))
            .await
            .map_err(lang.err())?,
        None => false,
    };
    let acting = if staff { user.as_ref() } else { None };
    let (who, source) = match (acting, b.person_id) {
        (_, Some(_)) if b.name.is_some() || b.email.is_some() => {
            return Err((lang.err())(AppError::invalid(
                "person_id",
                "err-person-or-name",
            )))
        }
        (None, Some(_)) if user.is_none() => return Err((lang.err())(AppError::Unauthenticated)),
        (None, Some(_)) => return Err((lang.err())(AppError::Forbidden)),
        (Some(_), Some(p)) if p > 0 => (Registrant::Existing(PersonId(p)), RegistrationSource::Api),
        (Some(_), Some(_)) => {
            return Err((lang.err())(AppError::invalid("person_id", "err-choice")))
        }
        (Some(_), None) => {
            form = PersonForm {
                name: b.name.clone().unwrap_or_default(),
                email: b.email.clone().unwrap_or_default(),
                ..Default::default()
            };
            (Registrant::New(&form), RegistrationSource::Api)
        }
        (None, None) => (
            Registrant::Guest {
                name: b.name.as_deref().unwrap_or(""),
                email: b.email.as_deref().unwrap_or(""),
            },
            RegistrationSource::Guest,
        ),
    };
    let r = registrations::register(&s.app, acting, ActivityId(id), who, source, lang.0.code())
        .await
        .map_err(lang.err())?;
    let status = if r.new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(RegistrationDto::from(&r.registration))))
}

#[utoipa::path(get, path = "/api/v1/activities/{id}/registrations", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<RegistrationDto>, description = "Every registration with its ticket code, for staff who check people in."),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<RegistrationDto>>> {
    let (_, list) = registrations::for_activity(&s.app, &user, ActivityId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(list.iter().map(RegistrationDto::from).collect()))
}

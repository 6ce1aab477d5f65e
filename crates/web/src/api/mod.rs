//! The JSON API under `/api/v1`. Reads are public (the same data as the public pages);
//! writes need `Authorization: Bearer <token>` (`kozos token create`). Errors are
//! `{"error": {"code", "message", "fields"}}` with stable codes. The OpenAPI document is
//! generated from these handlers, and a test checks it lists exactly the routes served.

use crate::i18n::Lang;
use crate::routes::{r, RouteDef};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Json;
use kozos_app::AppError;
use kozos_domain::user::User;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Vec<RouteDef> {
    vec![r(Method::GET, "/api/openapi.json", get(openapi_json))]
}

/// What the document says besides its paths.
#[derive(OpenApi)]
#[openapi(
    info(title = "kozos API", version = "1", description = "Community development programmes: programmes, organisations, places."),
    components(schemas(ApiErrorBody, ApiErrorDetail, ApiFieldError)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// The OpenAPI document, assembled from the route table: every API route contributes
/// the description its handler's `#[utoipa::path]` gives, with the schemas it names.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    for def in crate::route_table() {
        let Some((schemas, paths)) = def.openapi else {
            continue;
        };
        doc.paths.merge(paths);
        let components = doc.components.get_or_insert_with(Default::default);
        components.schemas.extend(schemas);
    }
    doc
}

struct BearerAuth;
impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn openapi_json() -> Response {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| openapi().to_pretty_json().unwrap_or_default());
    ([(header::CONTENT_TYPE, "application/json")], json.as_str()).into_response()
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

#[derive(Deserialize, IntoParams, Default)]
pub struct SearchParams {
    /// Accent- and case-blind search in names, project IDs and settlements.
    #[serde(default)]
    pub q: Option<String>,
}

/// An optional value as a form field holds it (empty when absent).
pub(crate) fn s<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorDetail {
    /// Stable, machine-readable: `not_found`, `bad_request`, `unauthorized`, `forbidden`,
    /// `validation_failed`, `conflict`, `payload_too_large`, `unsupported_media_type`,
    /// `rate_limited`, `internal`.
    pub code: String,
    /// Human-readable, in the language of `Accept-Language` (Hungarian by default).
    pub message: String,
    pub fields: Vec<ApiFieldError>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiFieldError {
    pub field: String,
    /// The catalogue key of the rule that failed, e.g. `err-project-code`.
    pub code: String,
    pub message: String,
}

pub struct ApiError {
    lang: Lang,
    error: ApiFailure,
}

enum ApiFailure {
    App(AppError),
    /// A path id that cannot name a record.
    BadPath,
    /// A query parameter that does not parse.
    BadQuery,
    /// A body over the limit (bytes).
    TooLarge(usize),
    /// A write whose body is not `application/json`.
    UnsupportedMediaType,
    /// An `Idempotency-Key` that is not 1–255 visible ASCII characters.
    BadIdempotencyKey,
    /// A method the path does not answer to.
    MethodNotAllowed,
}

/// The largest JSON body read, in bytes.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

impl ApiError {
    fn of(lang: Lang, error: ApiFailure) -> Self {
        ApiError { lang, error }
    }
    /// A path that names no record (or one in another programme).
    pub fn not_found_in(lang: Lang) -> Self {
        Self::of(lang, ApiFailure::BadPath)
    }
    /// A query parameter that parsed but names nothing valid (`?period=2022-Q5`).
    pub fn bad_query(lang: Lang) -> Self {
        Self::of(lang, ApiFailure::BadQuery)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let l = self.lang;
        let field = |field: &str, key: &'static str| ApiFieldError {
            field: field.into(),
            code: key.into(),
            message: l.t(key),
        };
        let (status, code, message, fields) = match self.error {
            ApiFailure::BadPath => (
                StatusCode::NOT_FOUND,
                "not_found",
                l.t("error-title-404"),
                vec![],
            ),
            ApiFailure::BadQuery => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                l.t("error-text-400"),
                vec![],
            ),
            ApiFailure::BadIdempotencyKey => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                l.t("err-idempotency-key"),
                vec![],
            ),
            ApiFailure::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                l.t("error-text-405"),
                vec![],
            ),
            ApiFailure::TooLarge(limit) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                l.t_with("error-text-413", &[("limit", (limit / 1024).to_string())]),
                vec![],
            ),
            ApiFailure::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                l.t("err-json-content-type"),
                vec![],
            ),
            ApiFailure::App(e) => match e {
                AppError::NotFound => (
                    StatusCode::NOT_FOUND,
                    "not_found",
                    l.t("error-title-404"),
                    vec![],
                ),
                AppError::Unauthenticated => (
                    StatusCode::UNAUTHORIZED,
                    "unauthorized",
                    l.t("err-api-token"),
                    vec![],
                ),
                AppError::Forbidden => (
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    l.t("error-text-403"),
                    vec![],
                ),
                AppError::RateLimited { .. } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limited",
                    l.t("error-text-429"),
                    vec![],
                ),
                AppError::Conflict => (
                    StatusCode::CONFLICT,
                    "conflict",
                    l.t("error-text-409"),
                    vec![],
                ),
                AppError::Invalid(e) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    l.t("admin-fix-errors"),
                    e.0.iter().map(|f| field(f.field, f.key)).collect(),
                ),
                AppError::Db(e) => {
                    tracing::error!(error = %e, "database error (api)");
                    (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal",
                        l.t("error-text-500"),
                        vec![],
                    )
                }
                AppError::Internal(e) => {
                    tracing::error!(error = %e, "internal error (api)");
                    (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal",
                        l.t("error-text-500"),
                        vec![],
                    )
                }
            },
        };
        let mut res = (
            status,
            Json(ApiErrorBody {
                error: ApiErrorDetail {
                    code: code.into(),
                    message,
                    fields,
                },
            }),
        )
            .into_response();
        if status == StatusCode::UNAUTHORIZED {
            // RFC 9110 §11.6.1: a 401 names the scheme to authenticate with.
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"kozos\""),
            );
        }
        res
    }
}

/// The JSON answer for an API path that does not exist, or a method it does not take.
pub fn not_found(lang: Lang) -> Response {
    ApiError::of(lang, ApiFailure::BadPath).into_response()
}

pub fn method_not_allowed(lang: Lang) -> Response {
    ApiError::of(lang, ApiFailure::MethodNotAllowed).into_response()
}

/// The JSON body of a write: 415 when it is not sent as JSON, 413 when it is over
/// [`MAX_JSON_BYTES`], and a `validation_failed` error on the `body` field when it is not
/// valid JSON or lacks a required field (one rule for every write endpoint).
pub(crate) fn json_body<T>(
    lang: &ApiLang,
    body: Result<Json<T>, axum::extract::rejection::JsonRejection>,
) -> Result<T, ApiError> {
    use axum::extract::rejection::JsonRejection as R;
    match body {
        Ok(Json(b)) => Ok(b),
        Err(R::MissingJsonContentType(_)) => {
            Err(ApiError::of(lang.0, ApiFailure::UnsupportedMediaType))
        }
        Err(R::BytesRejection(r)) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            Err(ApiError::of(lang.0, ApiFailure::TooLarge(MAX_JSON_BYTES)))
        }
        Err(_) => Err((lang.err())(AppError::invalid("body", "err-json"))),
    }
}

/// Ids from the URL path; one that cannot name a record is a JSON 404.
pub struct ApiPath<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> FromRequestParts<AppState> for ApiPath<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let ApiLang(lang) = ApiLang::from_request_parts(parts, s)
            .await
            .unwrap_or(ApiLang(Lang::Hu));
        axum::extract::Path::<T>::from_request_parts(parts, s)
            .await
            .map(|axum::extract::Path(v)| ApiPath(v))
            .map_err(|_| ApiError::of(lang, ApiFailure::BadPath))
    }
}

/// Query parameters; one that does not parse is a JSON 400.
pub struct ApiQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> FromRequestParts<AppState> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let ApiLang(lang) = ApiLang::from_request_parts(parts, s)
            .await
            .unwrap_or(ApiLang(Lang::Hu));
        axum::extract::Query::<T>::from_request_parts(parts, s)
            .await
            .map(|axum::extract::Query(v)| ApiQuery(v))
            .map_err(|_| ApiError::of(lang, ApiFailure::BadQuery))
    }
}

/// The client's `Idempotency-Key`: a POST repeated with the same key and body creates
/// nothing new and answers with the record the first one created. A key is 1–255 visible
/// ASCII characters (a UUID, a hash); any other value is refused with 400 rather than
/// ignored, since ignoring it would create the record twice.
pub struct IdempotencyKey(pub Option<String>);

impl FromRequestParts<AppState> for IdempotencyKey {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get("idempotency-key") else {
            return Ok(IdempotencyKey(None));
        };
        let bytes = value.as_bytes();
        if bytes.is_empty() || bytes.len() > 255 || !bytes.iter().all(|b| (0x21..=0x7e).contains(b))
        {
            let ApiLang(lang) = ApiLang::from_request_parts(parts, s)
                .await
                .unwrap_or(ApiLang(Lang::Hu));
            return Err(ApiError::of(lang, ApiFailure::BadIdempotencyKey));
        }
        Ok(IdempotencyKey(Some(
            String::from_utf8_lossy(bytes).into_owned(),
        )))
    }
}

/// The language an API client asked for (`Accept-Language: en` → English).
pub struct ApiLang(pub Lang);

/// The language of `Accept-Language` (Hungarian by default).
pub fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split([',', ';', '-']).next())
        .and_then(Lang::parse)
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for ApiLang {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(ApiLang(lang_of(&parts.headers)))
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError::of(crate::error::request_lang(), ApiFailure::App(e))
    }
}

impl ApiLang {
    pub fn err(&self) -> impl Fn(AppError) -> ApiError + '_ {
        move |error| ApiError {
            lang: self.0,
            error: ApiFailure::App(error),
        }
    }
}

/// The user behind a bearer token.
pub struct ApiUser(pub User);

/// The user behind a bearer token if one is sent (public reads answer anyone, staff see
/// more); a token that is sent but not valid is still a 401.
pub struct MaybeApiUser(pub Option<User>);

impl FromRequestParts<AppState> for MaybeApiUser {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            Ok(MaybeApiUser(Some(
                ApiUser::from_request_parts(parts, s).await?.0,
            )))
        } else {
            Ok(MaybeApiUser(None))
        }
    }
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let ApiLang(lang) = ApiLang::from_request_parts(parts, s)
            .await
            .unwrap_or(ApiLang(Lang::Hu));
        // The scheme is case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` count too.
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim_start().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, t)| t.trim())
            .filter(|t| !t.is_empty());
        let Some(token) = token else {
            return Err(ApiError {
                lang,
                error: ApiFailure::App(AppError::Unauthenticated),
            });
        };
        match kozos_app::auth::token_user(&s.app, token).await {
            Ok(Some(u)) => Ok(ApiUser(u)),
            Ok(None) => Err(ApiError {
                lang,
                error: ApiFailure::App(AppError::Unauthenticated),
            }),
            Err(e) => Err(ApiError {
                lang,
                error: ApiFailure::App(e),
            }),
        }
    }
}

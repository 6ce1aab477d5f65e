//! How failures look to people: a translated page with the right status and, when
//! someone is signed in, their own menu (the [`pages`] layer re-renders the page once the
//! session is known, so errors raised before any handler ran look the same).

use crate::ctx::Ctx;
use crate::i18n::Lang;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::AppError;

#[derive(Debug)]
pub struct WebError {
    pub lang: Lang,
    pub kind: WebErrorKind,
    next: Option<String>,
}

#[derive(Debug)]
pub enum WebErrorKind {
    App(AppError),
    Csrf,
    /// A query parameter that does not parse.
    BadRequest,
    /// A form body that does not parse into the form's fields.
    MalformedForm,
    /// A body over the limit (bytes).
    TooLarge(usize),
    /// A form sent as something other than `application/x-www-form-urlencoded`.
    UnsupportedMediaType,
    /// A method the address does not take (a form's address opened as a page).
    MethodNotAllowed,
}

tokio::task_local! {
    /// The language of the request being answered, so a use-case error turned into a
    /// page or JSON error with `?` (no language at hand) still speaks the reader's.
    static REQUEST_LANG: Lang;
}

/// The current request's language (Hungarian outside a request).
pub fn request_lang() -> Lang {
    REQUEST_LANG.try_with(|l| *l).unwrap_or_default()
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        WebError::new(request_lang(), e)
    }
}

/// Marks a response as an error page (key and message argument) for [`pages`].
#[derive(Clone, Debug)]
struct ErrorPage {
    key: &'static str,
    limit_kb: Option<usize>,
    /// What was wrong, as catalogue keys (an `Invalid` no form shows: say why anyway).
    reasons: Vec<&'static str>,
}

impl WebError {
    pub fn new(lang: Lang, e: AppError) -> Self {
        Self::of(lang, WebErrorKind::App(e))
    }
    fn of(lang: Lang, kind: WebErrorKind) -> Self {
        WebError {
            lang,
            kind,
            next: None,
        }
    }
    pub fn csrf(lang: Lang) -> Self {
        Self::of(lang, WebErrorKind::Csrf)
    }
    pub fn bad_request(lang: Lang) -> Self {
        Self::of(lang, WebErrorKind::BadRequest)
    }
    pub fn malformed_form(lang: Lang) -> Self {
        Self::of(lang, WebErrorKind::MalformedForm)
    }
    pub fn too_large(lang: Lang, limit: usize) -> Self {
        Self::of(lang, WebErrorKind::TooLarge(limit))
    }
    pub fn unsupported_media_type(lang: Lang) -> Self {
        Self::of(lang, WebErrorKind::UnsupportedMediaType)
    }
    pub fn method_not_allowed(lang: Lang) -> Self {
        Self::of(lang, WebErrorKind::MethodNotAllowed)
    }
    pub fn not_found(lang: Lang) -> Self {
        Self::new(lang, AppError::NotFound)
    }
    pub fn with_next(mut self, next: &str) -> Self {
        self.next = Some(next.to_string());
        self
    }
    pub fn into_response_page(self) -> Response {
        self.into_response()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, key) = match &self.kind {
            WebErrorKind::Csrf => (StatusCode::FORBIDDEN, "csrf"),
            WebErrorKind::BadRequest => (StatusCode::BAD_REQUEST, "400"),
            WebErrorKind::MalformedForm => (StatusCode::BAD_REQUEST, "form"),
            WebErrorKind::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "413"),
            WebErrorKind::UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "415"),
            WebErrorKind::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "405"),
            WebErrorKind::App(e) => match e {
                AppError::NotFound => (StatusCode::NOT_FOUND, "404"),
                AppError::Forbidden => (StatusCode::FORBIDDEN, "403"),
                AppError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "429"),
                AppError::Conflict => (StatusCode::CONFLICT, "409"),
                AppError::Unauthenticated => {
                    let next = self.next.as_deref().unwrap_or("/admin");
                    let to = format!("/signin?next={}", crate::routes::encode_query(next));
                    return Redirect::to(&to).into_response();
                }
                // Handlers render forms themselves; an Invalid reaching here has no form.
                AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "422"),
                AppError::Db(err) => {
                    tracing::error!(error = %err, "database error");
                    (StatusCode::INTERNAL_SERVER_ERROR, "500")
                }
                AppError::Internal(err) => {
                    tracing::error!(error = %err, "internal error");
                    (StatusCode::INTERNAL_SERVER_ERROR, "500")
                }
            },
        };
        let marker = ErrorPage {
            key,
            limit_kb: match self.kind {
                WebErrorKind::TooLarge(n) => Some(n / 1024),
                _ => None,
            },
            reasons: match &self.kind {
                WebErrorKind::App(AppError::Invalid(errors)) => {
                    errors.0.iter().map(|e| e.key).collect()
                }
                _ => Vec::new(),
            },
        };
        let body =
            crate::ui::layout::error_page(self.lang, None, key, marker.limit_kb, &marker.reasons);
        let mut res = (status, [(header::CACHE_CONTROL, "no-store")], body).into_response();
        if let WebErrorKind::App(AppError::RateLimited { retry_after }) = self.kind {
            res.headers_mut()
                .insert(header::RETRY_AFTER, retry_after.max(1).into());
        }
        res.extensions_mut().insert(marker);
        res
    }
}

/// Middleware: an error page answered to a signed-in person is rendered again with their
/// menu and language (a page without them looks as if they had been signed out).
pub async fn pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Only the cookies are needed afterwards (session, language, CSRF).
    let mut headers = axum::http::HeaderMap::new();
    for v in req.headers().get_all(header::COOKIE) {
        headers.append(header::COOKIE, v.clone());
    }
    let uri = req.uri().clone();
    let lang = if uri.path().starts_with("/api/") {
        crate::api::lang_of(req.headers())
    } else {
        crate::ctx::lang_of(req.headers())
    };
    let mut res = REQUEST_LANG.scope(lang, next.run(req)).await;
    let Some(marker) = res.extensions_mut().remove::<ErrorPage>() else {
        return res;
    };
    if crate::cookies::get(&headers, crate::cookies::SESSION).is_none() {
        return res;
    }
    let Ok(ctx) = Ctx::build(&state, &headers, &uri, None).await else {
        return res;
    };
    if ctx.user.is_none() {
        return res;
    }
    let body = crate::ui::layout::error_page(
        ctx.lang,
        Some(&ctx),
        marker.key,
        marker.limit_kb,
        &marker.reasons,
    );
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    if ctx.flash.is_some() {
        // shown once, here: the next page must not show it again
        parts.headers.append(
            header::SET_COOKIE,
            crate::cookies::set(crate::cookies::FLASH, "", 0, true, ctx.secure_cookies),
        );
    }
    Response::from_parts(parts, axum::body::Body::from(body.0))
}

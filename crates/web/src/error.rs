//! How failures look to people (a translated page with the right status) and to API
//! clients (JSON with a stable code).

use crate::i18n::Lang;
use axum::http::{header, StatusCode};
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
}

impl WebError {
    pub fn new(lang: Lang, e: AppError) -> Self {
        WebError {
            lang,
            kind: WebErrorKind::App(e),
            next: None,
        }
    }
    pub fn csrf(lang: Lang) -> Self {
        WebError {
            lang,
            kind: WebErrorKind::Csrf,
            next: None,
        }
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
            WebErrorKind::App(e) => match e {
                AppError::NotFound => (StatusCode::NOT_FOUND, "404"),
                AppError::Forbidden => (StatusCode::FORBIDDEN, "403"),
                AppError::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "429"),
                AppError::Unauthenticated => {
                    let next = self.next.as_deref().unwrap_or("/admin");
                    let to = format!("/signin?next={}", crate::routes::encode_query(next));
                    return Redirect::to(&to).into_response();
                }
                // Handlers render forms themselves; an Invalid reaching here has no form.
                AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "500"),
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
        let body = crate::views::layout::error_page(self.lang, key);
        (status, [(header::CACHE_CONTROL, "no-store")], body).into_response()
    }
}

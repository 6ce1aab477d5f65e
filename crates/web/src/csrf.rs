//! CSRF protection for HTML forms: a random token in an HttpOnly, SameSite=Lax cookie,
//! echoed in a hidden `_csrf` field and compared on every POST by [`CsrfForm`], so a
//! handler cannot take form input without the check. Unsafe requests whose `Origin` or
//! `Sec-Fetch-Site` says they come from another site are refused outright. The JSON API
//! authenticates with bearer tokens, not cookies, and is exempt.

use crate::cookies;
use crate::error::WebError;
use crate::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;
use kozos_app::AppError;
use serde::de::DeserializeOwned;

#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

const MAX_FORM_BYTES: usize = 256 * 1024;

/// Middleware: give every visitor a CSRF cookie and refuse cross-site unsafe requests.
pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !req.uri().path().starts_with("/api/") && cross_site(&req) {
        let lang = crate::ctx::lang_of(&req.into_parts().0);
        return WebError::csrf(lang).into_response_page();
    }
    let new_token = if cookies::get(req.headers(), cookies::CSRF).is_none() {
        let t = kozos_app::auth::random_token();
        req.extensions_mut().insert(CsrfToken(t.clone()));
        Some(t)
    } else {
        None
    };
    let mut res = next.run(req).await;
    if let Some(t) = new_token {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(
                cookies::CSRF,
                &t,
                60 * 60 * 24 * 30,
                true,
                state.config.secure_cookies,
            ),
        );
    }
    res
}

fn cross_site(req: &Request) -> bool {
    let h = req.headers();
    if h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
        return true;
    }
    match (
        h.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        h.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => origin.split("://").nth(1) != Some(host),
        _ => false,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A URL-encoded form whose `_csrf` field matched the cookie.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request<Body>, _state: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let lang = crate::ctx::lang_of(&parts);
        let cookie = cookies::get(&parts.headers, cookies::CSRF)
            .unwrap_or("")
            .to_string();
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| WebError::new(lang, AppError::Internal("form too large".into())))?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| WebError::csrf(lang))?;
        let sent = pairs
            .iter()
            .find(|(k, _)| k == "_csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if cookie.is_empty() || !constant_time_eq(sent.as_bytes(), cookie.as_bytes()) {
            return Err(WebError::csrf(lang));
        }
        let value = serde_urlencoded::from_bytes(&bytes).map_err(|_| WebError::csrf(lang))?;
        Ok(CsrfForm(value))
    }
}

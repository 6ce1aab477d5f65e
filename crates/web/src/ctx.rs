//! The per-request context every page needs: language, signed-in user, CSRF token,
//! flash message. Built from cookies; the user comes from the server-side session.

use crate::cookies;
use crate::csrf::{CsrfToken, Token};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::AppState;
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Uri};
use kozos_app::AppError;
use kozos_domain::user::User;

#[derive(Clone, Debug)]
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<User>,
    /// The token this page's forms carry (made on first use for a new visitor).
    pub csrf: Token,
    pub flash: Option<String>,
    /// Path and query of this request, for the language switch to come back to.
    pub here: String,
    pub secure_cookies: bool,
    pub gazetteer_attribution: Option<String>,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
    /// Turn a use-case error into this request's error page.
    pub fn err(&self) -> impl Fn(AppError) -> WebError + '_ {
        move |e| WebError::new(self.lang, e)
    }
    /// The signed-in user, or a redirect to the sign-in page.
    pub fn require_user(&self) -> Result<&User, WebError> {
        self.user.as_ref().ok_or_else(|| {
            WebError::new(self.lang, AppError::Unauthenticated).with_next(&self.here)
        })
    }
}

/// The language a request asked for without a signed-in user's preference.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    cookies::get(headers, cookies::LANG)
        .and_then(Lang::parse)
        .unwrap_or_default()
}

impl Ctx {
    /// The context of a request from its headers and path (also used to render error
    /// pages after the handler, with the signed-in user's menu).
    pub async fn build(
        state: &AppState,
        headers: &HeaderMap,
        uri: &Uri,
        new_csrf: Option<&CsrfToken>,
    ) -> Result<Ctx, WebError> {
        let cookie_lang = cookies::get(headers, cookies::LANG).and_then(Lang::parse);
        let user = match cookies::get(headers, cookies::SESSION) {
            Some(token) => kozos_app::auth::session_user(&state.app, token)
                .await
                .map_err(|e| WebError::new(cookie_lang.unwrap_or_default(), e))?,
            None => None,
        };
        let lang = cookie_lang
            .or_else(|| {
                user.as_ref()
                    .and_then(|u| u.lang.as_deref())
                    .and_then(Lang::parse)
            })
            .unwrap_or_default();
        let csrf = match crate::csrf::expected_token(headers) {
            Some(t) => Token::known(t),
            None => new_csrf.map(|t| t.0.clone()).unwrap_or_default(),
        };
        let flash = cookies::get(headers, cookies::FLASH).map(str::to_string);
        let here = uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        Ok(Ctx {
            lang,
            user,
            csrf,
            flash,
            here,
            secure_cookies: state.config.secure_cookies,
            gazetteer_attribution: state.config.gazetteer_attribution.clone(),
        })
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let new_csrf = parts.extensions.get::<CsrfToken>().cloned();
        let mut ctx = Ctx::build(state, &parts.headers, &parts.uri, new_csrf.as_ref()).await?;
        // A page answering a POST (a form with its messages) has no address of its own to
        // come back to after a language switch: use the page the form was on.
        if !matches!(
            parts.method,
            axum::http::Method::GET | axum::http::Method::HEAD
        ) {
            ctx.here = referring_page(&parts.headers).unwrap_or_else(|| "/".into());
        }
        Ok(ctx)
    }
}

impl OptionalFromRequestParts<AppState> for Ctx {
    type Rejection = WebError;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        <Ctx as FromRequestParts<AppState>>::from_request_parts(parts, state)
            .await
            .map(Some)
    }
}

/// The path and query of the same-site page a request came from (`Referer`).
fn referring_page(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(axum::http::header::REFERER)?.to_str().ok()?;
    let host = headers.get(axum::http::header::HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("https://")
        .or_else(|| referer.strip_prefix("http://"))?;
    let path = rest.strip_prefix(host)?;
    path.starts_with('/').then(|| path.to_string())
}

/// The client's address, for the sign-in rate limit.
pub fn client_ip(
    parts_headers: &axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
    trust_forwarded: bool,
) -> String {
    if trust_forwarded {
        if let Some(ip) = parts_headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next_back())
        {
            return ip.trim().to_string();
        }
    }
    extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

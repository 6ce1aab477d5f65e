use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::i18n::Lang;
use crate::ui::layout;
use crate::{cookies, AppState};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::catalogue;
use kozos_domain::ProgrammeId;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: String,
}

pub async fn home(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let list = catalogue::search_programmes(&s.app, Some(&q.q)).await?;
    Ok(layout::page(
        &ctx,
        &ctx.t("home-title"),
        super::home::home(&ctx, q.q.trim(), &list),
    ))
}

pub async fn programme(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let page = catalogue::programme_page(&s.app, ProgrammeId(id)).await?;
    Ok(layout::page(
        &ctx,
        &page.programme.title.clone(),
        super::programme::public_page(&ctx, &page),
    ))
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

/// Where to go after a language switch or sign-in: only a path on this site, else
/// `fallback`. The value arrives percent-decoded, so what is checked is what a browser
/// would follow: it must start with one `/` (not `//`, which is another host), and hold no
/// backslash, whitespace or control character (browsers drop tabs and newlines, turning
/// `/\t/evil.example` into `//evil.example`; CR/LF would split the header). Anything
/// else — a scheme, a host, a malformed path — falls back. Non-ASCII characters (a search
/// for "Kisbér") are percent-encoded so the `Location` header stays valid.
pub fn safe_next(next: &str, fallback: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control());
    if !ok {
        return fallback.to_string();
    }
    let mut out = String::with_capacity(next.len());
    for c in next.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    // The result must parse as an origin-relative path and query, or it is not used.
    match out.parse::<axum::http::uri::PathAndQuery>() {
        Ok(pq) if pq.as_str() == out => out,
        _ => fallback.to_string(),
    }
}

/// Switch language: remembered in a cookie, and on the account when signed in.
pub async fn language(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(&code).ok_or_else(|| WebError::not_found(ctx.lang))?;
    if let Some(user) = &ctx.user {
        kozos_app::auth::set_language(&s.app, user.id, lang.code()).await?;
    }
    let mut res = Redirect::to(&safe_next(&q.next, "/")).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(
            cookies::LANG,
            lang.code(),
            60 * 60 * 24 * 365,
            false,
            s.config.secure_cookies,
        ),
    );
    Ok(res)
}

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(s): State<AppState>) -> Response {
    if s.app.db.ping().await {
        (StatusCode::OK, "ready").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
    }
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

/// No such page: the translated 404 page, or for `/api/` paths the JSON error API clients
/// read (a client's typo in a path must not answer with HTML).
pub async fn not_found(headers: HeaderMap, uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        crate::api::not_found(crate::api::lang_of(&headers))
    } else {
        WebError::not_found(crate::ctx::lang_of(&headers)).into_response()
    }
}

/// A method the path does not take (e.g. opening a form's address, which only takes
/// POST): the translated 405 page, or JSON under `/api/`. axum adds the `Allow` header.
pub async fn method_not_allowed(headers: HeaderMap, uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        crate::api::method_not_allowed(crate::api::lang_of(&headers))
    } else {
        WebError::method_not_allowed(crate::ctx::lang_of(&headers)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "/\r\nSet-Cookie:x=1",
            "/\u{7f}",
            "/\u{0}",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil",
            "",
            "/ space",
            "/\u{2028}x",
        ] {
            assert_eq!(safe_next(bad, "/admin"), "/admin", "{bad:?}");
        }
        assert_eq!(safe_next("/programmes/3?q=a", "/"), "/programmes/3?q=a");
        assert_eq!(safe_next("/?q=Kisbér", "/"), "/?q=Kisb%C3%A9r");
    }
}

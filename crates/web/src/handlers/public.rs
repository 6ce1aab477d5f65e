use crate::ctx::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::{cookies, views, AppState};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
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
    let list = catalogue::search_programmes(&s.app, Some(&q.q))
        .await
        .map_err(ctx.err())?;
    Ok(views::layout::page(
        &ctx,
        &ctx.t("home-title"),
        views::home::home(&ctx, q.q.trim(), &list),
    ))
}

pub async fn programme(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let page = catalogue::programme_page(&s.app, ProgrammeId(id))
        .await
        .map_err(ctx.err())?;
    Ok(views::layout::page(
        &ctx,
        &page.programme.title.clone(),
        views::programme::public_page(&ctx, &page),
    ))
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

/// Only local paths are followed after a language switch or sign-in (no open redirect).
pub fn safe_next(next: &str, fallback: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next.to_string()
    } else {
        fallback.to_string()
    }
}

/// Switch language: remembered in a cookie, and on the account when signed in.
pub async fn language(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang =
        Lang::parse(&code).ok_or_else(|| WebError::new(ctx.lang, kozos_app::AppError::NotFound))?;
    if let Some(user) = &ctx.user {
        kozos_app::auth::set_language(&s.app, user.id, lang.code())
            .await
            .map_err(ctx.err())?;
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

pub async fn not_found(ctx: Ctx) -> WebError {
    WebError::new(ctx.lang, kozos_app::AppError::NotFound)
}

//! `GET /search`: the page (anyone; staff also find the internal records in their scope).

use super::params::SearchParams;
use super::views;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Query;
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

pub async fn search(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(params): Query<SearchParams>,
) -> Result<Response, WebError> {
    let req = params
        .request()
        .map_err(|_| WebError::bad_request(ctx.lang))?;
    let results = kozos_app::search::search(&s.app, ctx.user.as_ref(), &req)
        .await
        .map_err(ctx.err())?;
    let title = if req.q.trim().is_empty() {
        ctx.t("search-title")
    } else {
        format!("{} – {}", req.q.trim(), ctx.t("search-title"))
    };
    let mut resp = layout::page(&ctx, &title, views::page(&ctx, &req, &results));
    // Result pages are not worth indexing, and what staff see is theirs.
    resp.headers_mut().insert(
        "x-robots-tag",
        axum::http::HeaderValue::from_static("noindex"),
    );
    if results.staff {
        resp.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(resp.into_response())
}

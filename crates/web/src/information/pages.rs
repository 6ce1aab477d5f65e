//! The Information Point's pages.

use super::{entry_path, summary};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use kozos_app::information::{self, Point};
use kozos_domain::{PlaceId, ProgrammeId};
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    pub page: Option<String>,
}

/// The page asked for (1 without one); anything else is a bad request.
pub fn page_of(ctx: &Ctx, page: Option<&str>) -> Result<i64, WebError> {
    match page.map(str::trim) {
        None | Some("") => Ok(1),
        Some(p) => p
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=10_000).contains(n))
            .ok_or_else(|| WebError::bad_request(ctx.lang)),
    }
}

pub async fn programme(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = page_of(&ctx, q.page.as_deref())?;
    let point = information::programme_point(&s.app, ProgrammeId(id), page)
        .await
        .map_err(ctx.err())?;
    let base = format!("/programmes/{id}");
    Ok(render(&ctx, &point, &base, Some(ProgrammeId(id))))
}

pub async fn place(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = page_of(&ctx, q.page.as_deref())?;
    let point = information::place_point(&s.app, PlaceId(id), page)
        .await
        .map_err(ctx.err())?;
    let base = format!("/places/{id}");
    Ok(render(&ctx, &point, &base, None))
}

fn render(ctx: &Ctx, p: &Point, base: &str, programme: Option<ProgrammeId>) -> Response {
    let feed = format!("{base}/info.atom");
    let title = format!("{} – {}", ctx.t("info-point-title"), p.title);
    let head = html! {
        link rel="alternate" type="application/atom+xml" title=(title) href=(feed);
    };
    layout::page_with_head(
        ctx,
        axum::http::StatusCode::OK,
        &title,
        Some(&head),
        body(ctx, p, base, &feed, programme),
    )
}

fn body(ctx: &Ctx, p: &Point, base: &str, feed: &str, programme: Option<ProgrammeId>) -> Markup {
    html! {
        @if let Some(id) = programme {
            p { a href={ "/programmes/" (id) } { "‹ " (p.title) } }
        }
        h1 { (ctx.t("info-point-title")) span.sub { (p.title) } }
        p.lead { (ctx.t("info-point-lead")) }
        p { a href=(feed) { (ctx.t("info-point-feed")) } }
        @if p.entries.is_empty() {
            p { (ctx.t("info-point-empty")) }
        } @else {
            ol.info-entries {
                @for e in &p.entries {
                    li.info-entry {
                        p.search-meta {
                            span { (ctx.t(&format!("search-kind-{}", e.kind))) }
                            " · " (ctx.lang.date(e.published_at.date()))
                            @if let Some(name) = e.place_id.and_then(|id| p.place_names.get(&id)) { " · " (name) }
                            @if programme.is_none() { @if let Some(t) = &e.programme_title { " · " (t) } }
                        }
                        h2 { a href=(entry_path(e)) { (e.title) } }
                        @if !e.text.trim().is_empty() { p { (summary(&e.text, 40)) } }
                    }
                }
            }
            (crate::ui::components::pager(ctx, p.page, p.pages, &|n| format!("{base}/info?page={n}")))
        }
    }
}

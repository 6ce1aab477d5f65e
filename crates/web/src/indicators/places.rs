//! Indicators over the places tree: the country, a county, a district, a settlement. Staff
//! (`/admin/places/{id}/indicators`) read exact figures within their grants and the
//! programmes behind target; everyone (`/statistics/{id}`) reads public aggregates with
//! small figures hidden. Both show the map and the same figures as lists.

use super::map::{self, Area};
use super::pages::period;
use super::views::{amount, period_label, period_options, period_picker, status_badge};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::i18n::Lang;
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::indicators::{self, Dot, PlaceRollup};
use kozos_app::AppError;
use kozos_domain::indicator::ReportPeriod;
use kozos_domain::place::PlaceKind;
use kozos_domain::policy::{allows, Action, Target};
use kozos_domain::time::Date;
use kozos_domain::user::Scope;
use kozos_domain::PlaceId;
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlaceQuery {
    pub period: String,
    /// The indicator the map shades (its roll-up key); the first one when absent.
    pub key: Option<i64>,
}

async fn country(s: &AppState, ctx: &Ctx) -> Result<PlaceId, WebError> {
    kozos_app::catalogue::place_children(&s.app, None)
        .await?
        .first()
        .map(|p| p.id)
        .ok_or_else(|| ctx.err()(AppError::NotFound))
}

/// `/admin/indicators`: the widest place the reader may read indicators of (the country
/// for the national coordinator, their county for a county coordinator).
pub async fn start(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let top = country(&s, &ctx).await?;
    if allows(&user.grants, Action::ViewIndicators, &Target::country()) {
        return Ok(Redirect::to(&format!("/admin/places/{}/indicators", top.0)).into_response());
    }
    for g in &user.grants {
        if let Scope::Place(p) = g.scope {
            let t = kozos_app::catalogue::place_target(&s.app, p).await?;
            if allows(&user.grants, Action::ViewIndicators, &t) {
                return Ok(
                    Redirect::to(&format!("/admin/places/{}/indicators", p.0)).into_response()
                );
            }
        }
    }
    // Programme staff read their programmes' indicators from the programme pages.
    Ok(Redirect::to("/admin").into_response())
}

pub async fn staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PlaceQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = period(&ctx, &q.period)?;
    let r = indicators::place_rollup(&s.app, Some(user), PlaceId(id), p).await?;
    if !r.staff {
        return Err(ctx.err()(AppError::Forbidden));
    }
    render(&s, &ctx, r, q.key, true).await
}

pub async fn public_country(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PlaceQuery>,
) -> Result<Response, WebError> {
    let id = country(&s, &ctx).await?;
    public_page(&s, &ctx, id, q).await
}

pub async fn public(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PlaceQuery>,
) -> Result<Response, WebError> {
    public_page(&s, &ctx, PlaceId(id), q).await
}

async fn public_page(
    s: &AppState,
    ctx: &Ctx,
    id: PlaceId,
    q: PlaceQuery,
) -> Result<Response, WebError> {
    let p = period(ctx, &q.period)?;
    // Public figures are yearly: a quarter or month of people is not published.
    let p = match p {
        Some(ReportPeriod::Year(_)) | None => p,
        Some(_) => return Err(WebError::bad_request(ctx.lang)),
    };
    let r = indicators::place_rollup(&s.app, None, id, p).await?;
    render(s, ctx, r, q.key, false).await
}

fn href(staff: bool, place: PlaceId, period: Option<ReportPeriod>, key: Option<i64>) -> String {
    let mut q = Vec::new();
    if let Some(p) = period {
        q.push(format!("period={}", p.key()));
    }
    if let Some(k) = key {
        q.push(format!("key={k}"));
    }
    let base = if staff {
        format!("/admin/places/{}/indicators", place.0)
    } else {
        format!("/statistics/{}", place.0)
    };
    if q.is_empty() {
        base
    } else {
        format!("{base}?{}", q.join("&"))
    }
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    r: PlaceRollup,
    key: Option<i64>,
    staff: bool,
) -> Result<Response, WebError> {
    // The map's indicator: the one asked for if this place has it (a link from a parent
    // may carry one the child lacks), else the first with something to show.
    let key = key
        .filter(|k| r.lines.iter().any(|l| l.key_id == *k))
        .or_else(|| {
            r.lines
                .iter()
                .find(|l| l.children.iter().any(|v| v.unwrap_or(0) > 0))
                .map(|l| l.key_id)
        })
        .or_else(|| r.lines.first().map(|l| l.key_id));
    let dots = match key {
        Some(k) => indicators::reached(&s.app, &r, k).await?,
        None => Vec::new(),
    };
    let ancestors = kozos_app::catalogue::lineage_places(&s.app, &r.place.lineage).await?;
    let today = s.app.clock.today();
    // From the oldest programmes kozos carries (the 2005 support network).
    let options: Vec<ReportPeriod> =
        period_options(Date::from_ymd(2005, 1, 1).unwrap_or(today), today)
            .into_iter()
            .filter(|p| staff || matches!(p, ReportPeriod::Year(_)))
            .collect();
    let title = format!("{}: {}", r.place.name, ctx.t("ind-place-title"));
    Ok(layout::page(
        ctx,
        &title,
        view(ctx, &r, key, &dots, &ancestors, &options, staff),
    ))
}

fn value_text(ctx: &Ctx, unit: kozos_domain::indicator::Unit, v: Option<i64>) -> String {
    match v {
        Some(v) => amount(ctx, unit, v),
        None => ctx.t("ind-hidden"),
    }
}

fn view(
    ctx: &Ctx,
    r: &PlaceRollup,
    key: Option<i64>,
    dots: &[Dot],
    ancestors: &[kozos_domain::place::Place],
    options: &[ReportPeriod],
    staff: bool,
) -> Markup {
    let en = ctx.lang == Lang::En;
    let here = href(staff, r.place.id, None, None);
    let chosen = key.and_then(|k| r.lines.iter().find(|l| l.key_id == k));
    let name_of = |l: &kozos_app::indicators::PlaceLine| -> String {
        if en && !l.template.name_en.is_empty() {
            l.template.name_en.clone()
        } else {
            l.template.name_hu.clone()
        }
    };
    // The map shows counties: on the country page its children, below it the county
    // the place is in (highlighted) among the others.
    let areas: Vec<Area> = match (r.place.kind, chosen) {
        (PlaceKind::Country, Some(l)) => r
            .children
            .iter()
            .zip(&l.children)
            .map(|(c, v)| Area {
                name: c.name.clone(),
                href: Some(href(staff, c.id, r.period, key)),
                label: format!("{}: {}", c.name, value_text(ctx, l.unit, *v)),
                value: *v,
                current: false,
            })
            .collect(),
        (_, _) => ancestors
            .get(1)
            .map(|county| Area {
                name: county.name.clone(),
                href: Some(href(staff, county.id, r.period, key)),
                label: county.name.clone(),
                value: None,
                current: true,
            })
            .into_iter()
            .collect(),
    };
    let dots: Vec<(Dot, String)> = dots
        .iter()
        .map(|d| {
            let label = match (chosen, d.value) {
                (Some(l), Some(v)) => format!("{}: {}", d.name, amount(ctx, l.unit, v)),
                _ => d.name.clone(),
            };
            (d.clone(), label)
        })
        .collect();
    html! {
        nav.breadcrumb aria-label=(ctx.t("ind-place-path")) {
            @for (n, a) in ancestors.iter().enumerate() {
                @if n > 0 { " › " }
                @if a.id == r.place.id { span aria-current="page" { (a.name) } }
                @else { a href=(href(staff, a.id, r.period, key)) { (a.name) } }
            }
        }
        h1 { (r.place.name) ": " (ctx.t("ind-place-title")) }
        @if !staff { p { (ctx.t("ind-public-hint")) } }
        (period_picker(ctx, &here, r.period, options, true))
        p role="status" { (ctx.lang.t_with("ind-counted-until", &[("date", ctx.lang.date(r.until)), ("period", period_label(ctx, r.period))])) }
        @if r.lines.is_empty() {
            p { (ctx.t("ind-place-none")) }
        } @else {
            div.table-scroll {
                table.indicators {
                    caption { (ctx.t("ind-summary")) }
                    thead { tr {
                        th scope="col" { (ctx.t("ind-code")) }
                        th scope="col" { (ctx.t("ind-name")) }
                        th scope="col" { (ctx.t("ind-value-period")) }
                        @if staff {
                            th scope="col" { (ctx.t("ind-target")) }
                            th scope="col" { (ctx.t("ind-expected")) }
                            th scope="col" { (ctx.t("ind-status")) }
                        }
                        th scope="col" { (ctx.t("ind-programmes")) }
                    } }
                    tbody {
                        @for l in &r.lines {
                            tr {
                                td { (l.template.code) }
                                td { a href=(href(staff, r.place.id, r.period, Some(l.key_id))) { (name_of(l)) } }
                                td.num { (value_text(ctx, l.unit, l.value)) }
                                @if staff {
                                    td.num { (amount(ctx, l.unit, l.target)) }
                                    td.num { @match l.expected { Some(e) => (amount(ctx, l.unit, e)), None => "–" } }
                                    td { (status_badge(ctx, l.status)) }
                                }
                                td.num { (l.programmes) }
                            }
                        }
                    }
                }
            }
            @if let Some(l) = chosen {
                h2 #map { (l.template.code) " – " (name_of(l)) }
                form.period method="get" action=(here) {
                    @if let Some(p) = r.period { input type="hidden" name="period" value=(p.key()); }
                    label for="key" { (ctx.t("map-indicator")) }
                    " "
                    select #key name="key" {
                        @for o in &r.lines {
                            option value=(o.key_id) selected[o.key_id == l.key_id] { (o.template.code) " – " (name_of(o)) }
                        }
                    }
                    " "
                    button.secondary type="submit" { (ctx.t("ind-period-show")) }
                }
                (map::map(ctx, &format!("{} – {}", r.place.name, name_of(l)), &areas, &dots))
                @if !r.children.is_empty() {
                    div.table-scroll {
                        table {
                            caption { (ctx.lang.t_with("ind-children", &[("name", name_of(l))])) }
                            thead { tr {
                                th scope="col" { (ctx.t("ind-place")) }
                                th scope="col" { (ctx.t("ind-value-period")) }
                            } }
                            tbody {
                                @for (c, v) in r.children.iter().zip(&l.children) {
                                    tr {
                                        th scope="row" { a href=(href(staff, c.id, r.period, key)) { (c.name) } }
                                        td.num { (value_text(ctx, l.unit, *v)) }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !dots.is_empty() {
                    details {
                        summary { (ctx.lang.t_with("ind-reached-list", &[("n", dots.len().to_string())])) }
                        ul.columns { @for (_, label) in &dots { li { (label) } } }
                    }
                }
            }
        }
        @if staff && !r.behind.is_empty() {
            h2 #behind { (ctx.t("ind-behind")) }
            div.table-scroll { table {
                thead { tr {
                    th scope="col" { (ctx.t("ind-programme")) }
                    th scope="col" { (ctx.t("ind-code")) }
                    th scope="col" { (ctx.t("ind-value-to-date")) }
                    th scope="col" { (ctx.t("ind-target")) }
                    th scope="col" { (ctx.t("ind-status")) }
                } }
                tbody { @for b in &r.behind { tr {
                    td { a href={ "/admin/programmes/" (b.programme.0) "/indicators" } { (b.title) } }
                    td { (b.code) " – " (if en && !b.name_en.is_empty() { &b.name_en } else { &b.name_hu }) }
                    td.num { (ctx.lang.number(b.value)) }
                    td.num { (ctx.lang.number(b.target)) }
                    td { (status_badge(ctx, b.status)) }
                } } }
            } }
        }
    }
}

//! Indicators: a programme's dashboard (values against targets, months as SVG charts with
//! tables), the drill-down to the records and their evidence, the indicator form (own or
//! a call's template), manual values with their files, the progress report (page, XLSX,
//! CSV, PDF), the roll-up over the places tree with the county map (staff and public),
//! and the API.

mod api;
mod charts;
mod dto;
mod form;
mod manual;
mod map;
mod pages;
mod places;
mod report;
pub(crate) mod report_files;
mod views;

use crate::evidence::MAX_UPLOAD_BODY;
use crate::routes::{api as api_route, r, RouteDef};
use axum::extract::DefaultBodyLimit;
use axum::http::Method as M;
use axum::routing::{get, post};
use utoipa_axum::routes;

/// The report's XLSX (shared with the benchmark, which times it at national scale).
pub fn report_xlsx(r: &kozos_app::indicators::report::Report) -> Result<Vec<u8>, String> {
    report_files::xlsx(r).map_err(|e| e.to_string())
}

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/programmes/{id}/indicators", get(pages::dashboard)),
        r(M::GET, "/admin/programmes/{id}/indicators/new", get(pages::new_form)),
        r(M::POST, "/admin/programmes/{id}/indicators/new", post(pages::create)),
        r(M::GET, "/admin/programmes/{id}/indicators/{ind}", get(pages::drill)),
        r(M::GET, "/admin/programmes/{id}/indicators/{ind}/edit", get(pages::edit_form)),
        r(M::POST, "/admin/programmes/{id}/indicators/{ind}/edit", post(pages::update)),
        r(M::GET, "/admin/programmes/{id}/indicators/{ind}/delete", get(pages::confirm_delete)),
        r(M::POST, "/admin/programmes/{id}/indicators/{ind}/delete", post(pages::delete)),
        r(M::GET, "/admin/programmes/{id}/indicators/{ind}/values", get(manual::page)),
        r(M::POST, "/admin/programmes/{id}/indicators/{ind}/values", post(manual::add).layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY))),
        r(M::GET, "/admin/programmes/{id}/indicators/{ind}/values/{value}", get(manual::download)),
        r(M::POST, "/admin/programmes/{id}/indicators/{ind}/values/{value}/delete", post(manual::delete)),
        r(M::GET, "/admin/programmes/{id}/report", get(report::page)),
        r(M::POST, "/admin/programmes/{id}/report/explanations/{ind}", post(report::explain)),
        r(M::GET, "/admin/programmes/{id}/report.xlsx", get(report::xlsx)),
        r(M::GET, "/admin/programmes/{id}/report.csv", get(report::csv)),
        r(M::GET, "/admin/programmes/{id}/report.pdf", get(report::pdf)),
        r(M::GET, "/admin/indicators", get(places::start)),
        r(M::GET, "/admin/places/{id}/indicators", get(places::staff)),
        r(M::GET, "/statistics", get(places::public_country)),
        r(M::GET, "/statistics/{id}", get(places::public)),
        api_route(routes!(api::programme_values)),
        api_route(routes!(api::place_values)),
        api_route(routes!(api::records)),
    ]
}

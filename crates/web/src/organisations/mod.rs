//! Organisations: shared reference data (beneficiaries, partners, institutions), their
//! back-office list and forms, and their API.

mod api;
mod dto;
mod pages;
mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};
use utoipa_axum::routes;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/organisations", get(pages::list)),
        r(M::GET, "/admin/organisations/new", get(pages::new_form)),
        r(M::POST, "/admin/organisations/new", post(pages::create)),
        r(M::GET, "/admin/organisations/{id}/edit", get(pages::edit_form)),
        r(M::POST, "/admin/organisations/{id}/edit", post(pages::update)),
        api_route(routes!(api::list_organisations)),
        api_route(routes!(api::create_organisation)),
        api_route(routes!(api::get_organisation)),
        api_route(routes!(api::update_organisation)),
    ]
}

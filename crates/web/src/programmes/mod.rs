//! Programmes in the back office and the API: the dashboard, a programme's form and
//! manage page, and (in `records/`) everything that belongs to a programme.

pub mod api;
pub mod dto;
pub mod pages;
pub mod records;
pub(crate) mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};
use records as rec;
use utoipa_axum::routes;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    let programmes = vec![
        r(M::GET, "/admin", get(pages::dashboard)),
        r(M::GET, "/admin/programmes/new", get(pages::new_form)),
        r(M::POST, "/admin/programmes/new", post(pages::create)),
        r(M::GET, "/admin/programmes/{id}", get(pages::manage)),
        r(M::GET, "/admin/programmes/{id}/edit", get(pages::edit_form)),
        r(M::POST, "/admin/programmes/{id}/edit", post(pages::update)),
    ];
    let api = vec![
        api_route(routes!(api::list_programmes)),
        api_route(routes!(api::create_programme)),
        api_route(routes!(api::get_programme)),
        api_route(routes!(api::update_programme)),
        api_route(routes!(rec::add_partner)),
        api_route(routes!(rec::update_partner)),
        api_route(routes!(rec::delete_partner)),
        api_route(routes!(rec::add_agreement)),
        api_route(routes!(rec::update_agreement)),
        api_route(routes!(rec::delete_agreement)),
        api_route(routes!(rec::list_staff)),
        api_route(routes!(rec::add_staff)),
        api_route(routes!(rec::update_staff)),
        api_route(routes!(rec::delete_staff)),
        api_route(routes!(rec::add_action_area)),
        api_route(routes!(rec::update_action_area)),
        api_route(routes!(rec::delete_action_area)),
        api_route(routes!(rec::add_target_group)),
        api_route(routes!(rec::update_target_group)),
        api_route(routes!(rec::delete_target_group)),
    ];
    // Each kind of programme record brings its five back-office routes (records/mod.rs).
    [programmes, rec::routes(), api].into_iter().flatten().collect()
}

//! Activities in the back office and the API: a programme's list, the add pages of
//! activities and series, their edit and delete pages (the generic record pages), and
//! the activities API. The public calendar is its own feature (`calendar/`).

pub mod api;
pub mod dto;
pub mod pages;
pub mod record;
pub mod views;

use crate::programmes::records::routes_of;
use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::get;
use kozos_domain::activity::{Activity, Series};
use utoipa_axum::routes;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    let pages = vec![
        r(M::GET, "/admin/programmes/{id}/activities", get(pages::list)),
        r(M::GET, "/admin/programmes/{id}/activities/new", get(pages::new_activity)),
        r(M::GET, "/admin/programmes/{id}/series/new", get(pages::new_series)),
    ];
    let api = vec![
        api_route(routes!(api::add_activity)),
        api_route(routes!(api::list_activities)),
        api_route(routes!(api::get_activity)),
        api_route(routes!(api::update_activity)),
        api_route(routes!(api::delete_activity)),
    ];
    [pages, routes_of::<Activity>(), routes_of::<Series>(), api].into_iter().flatten().collect()
}

//! Search: one page over everything public (and, for staff, the internal records their
//! grants cover), `GET /search?q=…`, and the same as `GET /api/v1/search`.

mod api;
mod pages;
mod params;
mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::get;
use utoipa_axum::routes;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/search", get(pages::search)),
        api_route(routes!(api::search)),
    ]
}

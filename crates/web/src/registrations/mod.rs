//! Registration: the form on a public activity's page, the ticket page with its QR code,
//! cancelling by the ticket's link, and the registrations API.

pub mod api;
pub mod pages;
pub mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};
use utoipa_axum::routes;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::POST, "/activities/{id}/register", post(pages::register)),
        r(M::GET, "/tickets/{token}", get(pages::ticket)),
        r(M::GET, "/tickets/{token}/cancel", get(pages::cancel_page)),
        r(M::POST, "/tickets/{token}/cancel", post(pages::cancel)),
        api_route(routes!(api::register)),
        api_route(routes!(api::list)),
    ]
}

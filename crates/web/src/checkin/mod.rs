//! Attendance: the check-in API (one scan, or a batch from an offline scanner), an
//! activity's attendance, the roster page for staff on a phone, and the QR check-in page
//! that keeps working offline (its script is `static/checkin.js`), and the printable
//! attendance sheet (PDF).

pub mod api;
pub mod dto;
pub mod pages;
pub mod sheet;
pub mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};
use utoipa_axum::routes;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/activities/{id}/roster", get(pages::roster)),
        r(M::POST, "/admin/activities/{id}/roster/tick", post(pages::tick)),
        r(M::POST, "/admin/activities/{id}/roster/walk-in", post(pages::walk_in)),
        r(M::GET, "/admin/activities/{id}/attendance-sheet.pdf", get(sheet::attendance_sheet)),
        r(M::GET, "/admin/activities/{id}/check-in", get(pages::check_in_page)),
        r(M::GET, "/admin/activities/{id}/check-in/data", get(pages::check_in_data)),
        r(M::POST, "/admin/activities/{id}/check-in/sync", post(pages::check_in_sync)),
        r(M::GET, "/static/checkin.js", get(pages::script)),
        r(M::GET, "/static/checkin-sw.js", get(pages::service_worker)),
        r(M::GET, "/static/vendor/jsQR.js", get(pages::qr_decoder)),
        api_route(routes!(api::check_in)),
        api_route(routes!(api::check_in_batch)),
        api_route(routes!(api::attendance)),
    ]
}

//! Trainings: the training page (settings, contact sessions, the distance part, who
//! completed), certificates issued in bulk by a job with its progress shown, their PDFs,
//! revoking one, and the public `/verify` page a certificate's QR code opens.

mod certificates;
mod pages;
mod views;

use crate::routes::{r, RouteDef};
use axum::http::{header, Method as M};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/activities/{id}/training", get(pages::show)),
        r(M::POST, "/admin/activities/{id}/training", post(pages::save_settings)),
        r(M::POST, "/admin/activities/{id}/training/sessions", post(pages::add_session)),
        r(M::POST, "/admin/activities/{id}/training/sessions/{session}/delete", post(pages::delete_session)),
        r(M::POST, "/admin/activities/{id}/training/distance", post(pages::distance)),
        r(M::POST, "/admin/activities/{id}/certificates", post(certificates::issue)),
        r(M::GET, "/admin/activities/{id}/certificates/batches/{batch}", get(certificates::progress)),
        r(M::GET, "/admin/activities/{id}/certificates/{cert}", get(certificates::pdf)),
        r(M::GET, "/admin/activities/{id}/certificates/{cert}/revoke", get(certificates::revoke_form)),
        r(M::POST, "/admin/activities/{id}/certificates/{cert}/revoke", post(certificates::revoke)),
        r(M::GET, "/verify", get(certificates::verify_form)),
        r(M::GET, "/verify/{number}", get(certificates::verify)),
        r(M::GET, "/static/progress.js", get(progress_script)),
    ]
}

async fn progress_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../static/progress.js"),
    )
        .into_response()
}

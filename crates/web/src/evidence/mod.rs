//! Evidence on an activity: the files page (list, upload form), downloads, the delete
//! confirmation, and the API's list. Files are stored in the database (any instance
//! serves them) and typed by their content, never by what the browser said.

pub mod api;
pub mod pages;
pub mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::extract::DefaultBodyLimit;
use axum::http::Method as M;
use axum::routing::{get, post};
use kozos_domain::participation::MAX_EVIDENCE_BYTES;
use utoipa_axum::routes;

/// The body an upload may have: the largest file and room for the form's other fields
/// and the multipart framing. A larger body is refused while it is read (413); a file a
/// little over the limit inside it is refused by the use case (422).
pub const MAX_UPLOAD_BODY: usize = MAX_EVIDENCE_BYTES + 64 * 1024;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/activities/{id}/evidence", get(pages::page)),
        r(M::POST, "/admin/activities/{id}/evidence", post(pages::upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY))),
        r(M::GET, "/admin/activities/{id}/evidence/{file}", get(pages::download)),
        r(M::GET, "/admin/activities/{id}/evidence/{file}/delete", get(pages::confirm_delete)),
        r(M::POST, "/admin/activities/{id}/evidence/{file}/delete", post(pages::delete)),
        api_route(routes!(api::list)),
    ]
}

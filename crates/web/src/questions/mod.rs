//! Ask the experts: the public list with its filters, the asking form (signed in, or a
//! visitor confirming by mail), a question's page with its answers and the experts'
//! answer form, the asker's own list, the moderation queue, and the API.

mod admin;
mod admin_views;
mod api;
mod forms;
mod pages;
mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};

const A: &str = "/questions/{id}/answers/{answer}";

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/questions", get(pages::list)),
        r(M::GET, "/questions/new", get(pages::new_page)),
        r(M::POST, "/questions/new", post(pages::ask)),
        r(M::GET, "/questions/mine", get(pages::mine)),
        r(M::GET, "/questions/{id}", get(pages::show)),
        r(M::POST, "/questions/{id}/answers", post(pages::answer)),
        r(M::GET, &format!("{A}/edit"), get(pages::answer_edit_page)),
        r(M::POST, &format!("{A}/edit"), post(pages::answer_edit)),
        r(M::GET, &format!("{A}/delete"), get(pages::answer_delete_page)),
        r(M::POST, &format!("{A}/delete"), post(pages::answer_delete)),
        r(M::GET, "/admin/questions", get(admin::queue)),
        r(M::GET, "/admin/questions/{id}/edit", get(admin::edit_page)),
        r(M::POST, "/admin/questions/{id}/edit", post(admin::edit)),
        r(M::POST, "/admin/questions/{id}/publish", post(admin::publish)),
        r(M::POST, "/admin/questions/{id}/refuse", post(admin::refuse)),
        r(M::POST, "/admin/questions/{id}/block", post(admin::block)),
        api_route(utoipa_axum::routes!(api::list)),
        api_route(utoipa_axum::routes!(api::show)),
    ]
}

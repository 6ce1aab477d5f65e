//! The knowledge library: the public list and item pages, and the back office's list,
//! form and delete confirmation.

mod admin;
mod pages;
mod views;

use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/knowledge", get(pages::list)),
        r(M::GET, "/knowledge/{id}", get(pages::item)),
        r(M::GET, "/admin/knowledge", get(admin::list)),
        r(M::GET, "/admin/knowledge/new", get(admin::new_form)),
        r(M::POST, "/admin/knowledge/new", post(admin::create)),
        r(M::GET, "/admin/knowledge/{id}/edit", get(admin::edit_form)),
        r(M::POST, "/admin/knowledge/{id}/edit", post(admin::update)),
        r(M::GET, "/admin/knowledge/{id}/delete", get(admin::confirm_delete)),
        r(M::POST, "/admin/knowledge/{id}/delete", post(admin::delete)),
    ]
}

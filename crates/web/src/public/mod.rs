//! What anyone may read: the home page with its search, each programme's public page,
//! the language switch, the stylesheet, health checks and the not-found answers.

pub mod home;
pub mod pages;
pub mod programme;

use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::get;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/", get(pages::home)),
        r(M::GET, "/programmes/{id}", get(pages::programme)),
        r(M::GET, "/lang/{code}", get(pages::language)),
        r(M::GET, "/static/style.css", get(pages::stylesheet)),
        r(M::GET, "/healthz", get(pages::healthz)),
        r(M::GET, "/readyz", get(pages::readyz)),
    ]
}

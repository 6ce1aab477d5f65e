//! The people registry in the back office: the list and search, the person page (their
//! records, consents, sensitive attributes for those entitled, possible duplicates), the
//! forms, merging two records of one person, and volunteers' hours on an activity.

mod pages;
mod views;
mod volunteers;

use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/people", get(pages::list)),
        r(M::GET, "/admin/people/new", get(pages::new_form)),
        r(M::POST, "/admin/people/new", post(pages::create)),
        r(M::GET, "/admin/people/{id}", get(pages::person)),
        r(M::GET, "/admin/people/{id}/edit", get(pages::edit_form)),
        r(M::POST, "/admin/people/{id}/edit", post(pages::update)),
        r(M::GET, "/admin/people/{id}/sensitive", get(pages::sensitive_form)),
        r(M::POST, "/admin/people/{id}/sensitive", post(pages::save_sensitive)),
        r(M::POST, "/admin/people/{id}/consents", post(pages::add_consent)),
        r(M::POST, "/admin/people/{id}/consents/{consent}/withdraw", post(pages::withdraw_consent)),
        r(M::GET, "/admin/people/{id}/merge", get(pages::merge_page)),
        r(M::POST, "/admin/people/{id}/merge", post(pages::merge)),
        r(M::GET, "/admin/activities/{id}/volunteers", get(volunteers::page)),
        r(M::POST, "/admin/activities/{id}/volunteers", post(volunteers::log)),
        r(M::POST, "/admin/activities/{id}/volunteers/{shift}/delete", post(volunteers::delete)),
    ]
}

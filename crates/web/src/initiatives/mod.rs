//! Initiatives: the public pages of a programme's initiatives (list with a stage filter,
//! the proposal form, an initiative's page with supports and comments, residents' own
//! edits), the confirmation link of a visitor's action, the back office (stage moves,
//! support given, outcome), the moderation queue, and the API list.

mod admin;
mod admin_views;
mod api;
mod comments;
pub(crate) mod forms;
mod public;
pub(crate) mod views;

use crate::routes::{api as api_route, r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};

const I: &str = "/programmes/{id}/initiatives";
const A: &str = "/admin/programmes/{id}/initiatives";

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, I, get(public::list)),
        r(M::GET, &format!("{I}/new"), get(public::new_page)),
        r(M::POST, &format!("{I}/new"), post(public::propose)),
        r(M::GET, &format!("{I}/{{initiative}}"), get(public::show)),
        r(M::GET, &format!("{I}/{{initiative}}/edit"), get(public::edit_page)),
        r(M::POST, &format!("{I}/{{initiative}}/edit"), post(public::edit)),
        r(M::GET, &format!("{I}/{{initiative}}/delete"), get(public::delete_page)),
        r(M::POST, &format!("{I}/{{initiative}}/delete"), post(public::delete)),
        r(M::POST, &format!("{I}/{{initiative}}/support"), post(public::support)),
        r(M::POST, &format!("{I}/{{initiative}}/withdraw"), post(public::withdraw)),
        r(M::POST, &format!("{I}/{{initiative}}/comments"), post(comments::comment)),
        r(M::GET, &format!("{I}/{{initiative}}/comments/{{comment}}/edit"), get(comments::comment_edit_page)),
        r(M::POST, &format!("{I}/{{initiative}}/comments/{{comment}}/edit"), post(comments::comment_edit)),
        r(M::GET, &format!("{I}/{{initiative}}/comments/{{comment}}/delete"), get(comments::comment_delete_page)),
        r(M::POST, &format!("{I}/{{initiative}}/comments/{{comment}}/delete"), post(comments::comment_delete)),
        r(M::POST, &format!("{I}/{{initiative}}/comments/{{comment}}/report"), post(comments::report)),
        r(M::GET, A, get(admin::list)),
        r(M::GET, &format!("{A}/{{initiative}}"), get(admin::show)),
        r(M::POST, &format!("{A}/{{initiative}}/move"), post(admin::move_stage)),
        r(M::POST, &format!("{A}/{{initiative}}/assistance"), post(admin::add_assistance)),
        r(M::GET, &format!("{A}/{{initiative}}/assistance/{{assistance}}/delete"), get(admin::assistance_delete_page)),
        r(M::POST, &format!("{A}/{{initiative}}/assistance/{{assistance}}/delete"), post(admin::assistance_delete)),
        r(M::POST, &format!("{A}/{{initiative}}/outcome"), post(admin::outcome)),
        r(M::GET, "/admin/programmes/{id}/moderation", get(admin::moderation)),
        r(M::POST, "/admin/programmes/{id}/moderation/comments/{comment}/hide", post(admin::hide)),
        r(M::POST, "/admin/programmes/{id}/moderation/comments/{comment}/restore", post(admin::restore)),
        r(M::POST, "/admin/programmes/{id}/moderation/residents/{resident}/block", post(admin::block)),
        api_route(utoipa_axum::routes!(api::list)),
    ]
}

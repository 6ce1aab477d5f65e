//! Memos of conversations, forums and workshops: the back office's memo board, the page
//! to write one under its activity (the edit, delete and save routes come from the
//! programme records' generic path), its follow-ups taken into the action plan, and the
//! public memo page.

mod follow_ups;
mod pages;
mod record;
mod views;

use crate::programmes::records::routes_of;
use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};
use kozos_domain::community::memo::Memo;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    let pages = vec![
        r(M::GET, "/admin/programmes/{id}/memos", get(pages::board)),
        r(M::GET, "/admin/programmes/{id}/activities/{activity}/memo", get(pages::new_memo)),
        r(M::GET, "/admin/programmes/{id}/memos/{memo}/follow-ups", get(follow_ups::page)),
        r(M::POST, "/admin/programmes/{id}/memos/{memo}/follow-ups", post(follow_ups::take)),
        r(M::GET, "/memos/{id}", get(pages::public_memo)),
    ];
    [pages, routes_of::<Memo>()].into_iter().flatten().collect()
}

//! Mail: composing the mails people get (in their language, from the catalogue, which is
//! why it is done here and not in `kozos-app`) and the outbox for administrators
//! (`/admin/outbox`). Delivery is `kozos_app::mail`'s: every mail is queued in the outbox
//! and sent by a job.

pub(crate) mod compose;
mod pages;
mod question;
mod resident;
mod views;

use crate::routes::{r, RouteDef};
use crate::AppState;
use axum::http::Method as M;
use axum::routing::get;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/outbox", get(pages::list)),
        r(M::GET, "/admin/outbox/{mail}", get(pages::show)),
    ]
}

/// Register the job kinds that compose mail on the state's `App` (they need the catalogue
/// and the public address the mails link to).
pub fn register(state: &AppState) {
    compose::register(&state.app, state.config.base_url());
    resident::register(&state.app, state.config.base_url());
    question::register(&state.app, state.config.base_url());
}

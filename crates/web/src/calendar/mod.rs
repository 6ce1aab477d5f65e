//! The public event calendar (rendezvénynaptár): month, week and list views with
//! filters, each public activity's page, and iCalendar feeds of the same selections.
//! Works without JavaScript; the month grid becomes a list on a phone.

pub mod ical;
pub(crate) mod pages;
mod query;
mod views;

use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::get;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/calendar", get(pages::calendar)),
        r(M::GET, "/calendar.ics", get(pages::feed)),
        r(M::GET, "/activities/{id}", get(pages::activity)),
    ]
}

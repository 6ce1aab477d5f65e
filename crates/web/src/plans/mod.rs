//! The local action plan in the browser: a programme's plans under
//! `/admin/programmes/{id}/plans` (needs → goals → actions as records through the generic
//! record pages, progress shown from the linked activities, renewing a version), the
//! public page of a published plan and its Hungarian PDF.

mod pages;
mod pdf;
mod records;
mod situation;

use crate::programmes::records::routes_of;
use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};
use kozos_domain::plan::{Goal, Need, Plan, PlanAction, SituationPicture};

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    let mut v = vec![
        r(M::GET, "/admin/programmes/{id}/plans", get(pages::list)),
        r(M::GET, "/admin/programmes/{id}/plans/{plan}", get(pages::plan_page)),
        r(M::POST, "/admin/programmes/{id}/plans/{plan}/renew", post(pages::renew)),
        r(M::GET, "/admin/programmes/{id}/plans/{plan}/plan.pdf", get(pdf::staff)),
        r(M::GET, "/programmes/{id}/plans/{plan}", get(pages::public_page)),
        r(M::GET, "/programmes/{id}/plans/{plan}/plan.pdf", get(pdf::public)),
        r(M::GET, "/admin/programmes/{id}/situation", get(situation::list)),
        r(M::GET, "/admin/programmes/{id}/situation/{picture}", get(situation::page)),
    ];
    v.extend(routes_of::<SituationPicture>());
    v.extend(routes_of::<Plan>());
    v.extend(routes_of::<Need>());
    v.extend(routes_of::<Goal>());
    v.extend(routes_of::<PlanAction>());
    v
}

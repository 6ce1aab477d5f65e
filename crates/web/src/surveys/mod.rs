//! Needs assessment in the browser: a programme's questionnaires (list, builder,
//! interview entry, results with SVG bars and tables beside them, XLSX/CSV exports) under
//! `/admin/programmes/{id}/surveys`, and the public survey page `/surveys/{id}`.
//! Questionnaires are records of the programme (`RecordUi` in `records.rs`); questions
//! have their own handlers (`questions.rs`) so that saves return to the questionnaire.

mod exports;
mod pages;
mod public;
mod questions;
mod records;
mod results;
mod sheet;

use crate::programmes::records::routes_of;
use crate::routes::{r, RouteDef};
use axum::http::{header, Method as M};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use kozos_domain::survey::Questionnaire;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    let mut v = vec![
        r(M::GET, "/admin/programmes/{id}/surveys", get(pages::list)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}", get(pages::questionnaire)),
        r(M::POST, "/admin/programmes/{id}/surveys/{survey}/questions", post(questions::add)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/questions/{question}/edit", get(questions::edit_page)),
        r(M::POST, "/admin/programmes/{id}/surveys/{survey}/questions/{question}/edit", post(questions::update)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/questions/{question}/delete", get(questions::confirm_delete)),
        r(M::POST, "/admin/programmes/{id}/surveys/{survey}/questions/{question}/delete", post(questions::delete)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/interviews/new", get(pages::interview_page)),
        r(M::POST, "/admin/programmes/{id}/surveys/{survey}/interviews", post(pages::enter_interview)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/results", get(results::page)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/questions/{question}/answers", get(results::texts)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/results.xlsx", get(exports::xlsx)),
        r(M::GET, "/admin/programmes/{id}/surveys/{survey}/results.csv", get(exports::csv)),
        r(M::GET, "/surveys/{id}", get(public::page)),
        r(M::POST, "/surveys/{id}", post(public::answer)),
        r(M::GET, "/surveys/{id}/thanks", get(public::thanks)),
        r(M::GET, "/static/survey.js", get(script)),
    ];
    v.extend(routes_of::<Questionnaire>());
    v
}

/// Shows a conditional question once the answer it depends on is given (without script
/// every question shows, with a note saying when to answer it).
async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../static/survey.js"),
    )
        .into_response()
}

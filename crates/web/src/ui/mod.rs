//! What every feature's pages share: the page frame (`layout`), form components, pick
//! lists, and the answer to a successful form.

pub mod choices;
pub mod components;
pub mod layout;
pub mod markdown;

use crate::cookies;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

/// Redirect after a successful POST, with a one-time status message.
pub fn done(to: &str, flash: &str, secure: bool) -> Response {
    let mut res = Redirect::to(to).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(cookies::FLASH, flash, 60, true, secure),
    );
    res
}

//! Reading and writing the few cookies kozos uses.

use axum::http::{header, HeaderMap, HeaderValue};

pub const SESSION: &str = "kozos_session";
pub const CSRF: &str = "kozos_csrf";
pub const LANG: &str = "kozos_lang";
pub const FLASH: &str = "kozos_flash";
/// Marks a browser that signed in to an account before (see sign-in throttling).
pub const DEVICE: &str = "kozos_device";

pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value. `max_age` 0 deletes the cookie.
pub fn set(name: &str, value: &str, max_age: i64, http_only: bool, secure: bool) -> HeaderValue {
    let mut s = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite=Lax");
    if http_only {
        s.push_str("; HttpOnly");
    }
    if secure {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).expect("cookie values are URL-safe")
}

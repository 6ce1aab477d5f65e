//! Rendered public programme pages for anonymous readers, kept per instance.
//!
//! Every request still asks the page cache for the programme's page (the version check of
//! `kozos_app::cache`, shared between concurrent requests), so nothing served here is
//! older than a commit made before the request arrived. What is kept is only the HTML
//! rendered from that very page value: it is reused while the page cache answers with the
//! same value (pointer-equal `Arc`), for the same language, and a rebuilt page is rendered
//! again. Only what every anonymous reader of that address would be sent is reused: no
//! session, no flash message, no query string, a 200 rendered without any CSRF token.

use crate::csrf::CsrfToken;
use crate::{cookies, AppState};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use kozos_app::catalogue::{self, ProgrammePage};
use kozos_domain::ProgrammeId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// More renderings than this and the memo starts over.
const MAX_ENTRIES: usize = 4096;
/// Larger pages are not kept.
const MAX_BYTES: usize = 1024 * 1024;

struct Rendered {
    page: Arc<ProgrammePage>,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

/// The memo and the app whose page cache decides what is current (behind one `Arc`:
/// middleware state is cloned for every request).
#[derive(Clone)]
pub struct Memo(Arc<Inner>);

struct Inner {
    app: kozos_app::App,
    entries: Mutex<HashMap<(i64, &'static str), Rendered>>,
}

impl Memo {
    pub fn new(state: &AppState) -> Memo {
        Memo(Arc::new(Inner {
            app: state.app.clone(),
            entries: Mutex::default(),
        }))
    }
}

/// `/programmes/{id}` with the id as the handler would print it (digits, no leading zero).
fn programme_id(path: &str) -> Option<i64> {
    let id = path.strip_prefix("/programmes/")?;
    let canonical = !id.is_empty()
        && id.len() <= 18
        && !id.starts_with('0')
        && id.bytes().all(|b| b.is_ascii_digit());
    canonical.then(|| id.parse().ok()).flatten()
}

/// Middleware for the public programme page; every other request passes through.
pub async fn layer(State(memo): State<Memo>, req: Request, next: Next) -> Response {
    let id = match programme_id(req.uri().path()) {
        Some(id)
            if req.method() == Method::GET
                && req.uri().query().is_none()
                && cookies::get(req.headers(), cookies::SESSION).is_none()
                && cookies::get(req.headers(), cookies::FLASH).is_none() =>
        {
            id
        }
        _ => return next.run(req).await,
    };
    // A page that does not exist (or a failing database) is the handler's to answer.
    let Ok(page) = catalogue::programme_page(&memo.0.app, ProgrammeId(id)).await else {
        return next.run(req).await;
    };
    let lang = crate::ctx::lang_of(req.headers()).code();
    let lock = || memo.0.entries.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(r) = lock().get(&(id, lang)) {
        if Arc::ptr_eq(&r.page, &page) {
            let mut res = Response::new(Body::from(r.body.clone()));
            // Appended to a fresh map: its first allocation has room for these and the
            // headers the outer layers add (a clone of the handler's map would copy its
            // spare room, a larger block, on every request).
            let headers = res.headers_mut();
            for (k, v) in &r.headers {
                headers.append(k.clone(), v.clone());
            }
            return res;
        }
    }
    // Kept only from a visitor without a CSRF cookie, whose rendering made no token: the
    // HTML then holds no token at all, and can go to any anonymous reader. (A visitor
    // with the cookie would have a form rendered with their own token.)
    let token = req.extensions().get::<CsrfToken>().cloned();
    let res = next.run(req).await;
    let tokenless = token.is_some_and(|t| !t.0.was_minted());
    if res.status() != StatusCode::OK || !tokenless {
        return res;
    }
    let (parts, body) = res.into_parts();
    // The handler rendered it in memory: collecting it costs no waiting.
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(_) => return Response::from_parts(parts, Body::empty()),
    };
    if body.len() <= MAX_BYTES {
        let mut entries = lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        // The handler read the page again; if it was rebuilt meanwhile, this rendering is
        // newer than `page` and simply never matches.
        entries.insert(
            (id, lang),
            Rendered {
                page,
                headers: parts
                    .headers
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                body: body.clone(),
            },
        );
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::programme_id;

    #[test]
    fn only_canonical_programme_addresses() {
        assert_eq!(programme_id("/programmes/17"), Some(17));
        for other in [
            "/programmes/",
            "/programmes/017",
            "/programmes/+17",
            "/programmes/17/",
            "/programmes/1x",
            "/programmes/99999999999999999999",
            "/admin/programmes/17",
        ] {
            assert_eq!(programme_id(other), None, "{other}");
        }
    }
}

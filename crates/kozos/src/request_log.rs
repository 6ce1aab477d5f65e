//! Request ids and request logging around the served router: every request gets an
//! `x-request-id` (a proxy's is kept only when it is plain) and a log span with it.

/// Every request gets an `x-request-id` and a log span with it, so an error logged inside
/// a handler can be traced to its request; each response is logged with status and
/// latency. An id sent by a proxy is kept only when it is short and plain (letters,
/// digits, `-`, `_`, `.`, at most 64): anything else — log injection, a megabyte of
/// header — is replaced by our own.
pub fn with_request_logging(router: axum::Router) -> axum::Router {
    use axum::http::Request;
    use tower_http::trace::{DefaultOnResponse, TraceLayer};

    // Around the router as a whole, once: `Router::layer` would wrap every route, and a
    // route's layers are cloned (each one a boxed service) on every request.
    let logged = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn(with_request_id))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<axum::body::Body>| {
                    let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("");
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .service(router);
    axum::Router::new().fallback_service(logged)
}

const REQUEST_ID: axum::http::HeaderName = axum::http::HeaderName::from_static("x-request-id");

/// Keep the request's id when it is one plain value, else give it ours; answer with it.
/// (One layer rather than three: every layer is cloned and polled on every request.)
async fn with_request_id(
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut sent = req.headers().get_all(&REQUEST_ID).iter();
    let id = match (sent.next(), sent.next()) {
        (Some(v), None) if plain_request_id(v.as_bytes()) => v.clone(),
        _ => {
            let v = axum::http::HeaderValue::from_str(&request_id())
                .expect("the base64 alphabet is a valid header value");
            req.headers_mut().insert(REQUEST_ID, v.clone());
            v
        }
    };
    let mut res = next.run(req).await;
    res.headers_mut().entry(REQUEST_ID).or_insert(id);
    res
}

/// 16 characters of the URL-safe base64 alphabet (96 bits). Request ids only tell
/// requests apart in the logs and are shown to the client, so a per-thread generator
/// seeded from the system's randomness serves: no system call per request.
fn request_id() -> String {
    use std::cell::Cell;
    use std::hash::BuildHasher;
    thread_local! {
        static STATE: Cell<u64> = Cell::new(
            std::collections::hash_map::RandomState::new().hash_one(std::time::SystemTime::now()),
        );
    }
    // splitmix64
    let next = || {
        STATE.with(|s| {
            let x = s.get().wrapping_add(0x9e37_79b9_7f4a_7c15);
            s.set(x);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        })
    };
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (a, b) = (next(), next());
    (0..16)
        .map(|i| {
            let bits = if i < 10 {
                a >> (6 * i)
            } else {
                b >> (6 * (i - 10))
            };
            ALPHABET[(bits & 63) as usize] as char
        })
        .collect()
}

/// A request id we are willing to log and echo.
pub fn plain_request_id(v: &[u8]) -> bool {
    !v.is_empty()
        && v.len() <= 64
        && v.iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

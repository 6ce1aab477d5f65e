//! Every route kozos serves, in one table composed of the features' own tables (each
//! feature folder has a `routes()`). The router and the OpenAPI document are built from
//! it, and the role × route test walks it: a route without a row in that test fails CI.

use crate::{
    accounts, activities, api, calendar, checkin, csrf, error, evidence, indicators, information,
    initiatives, jobs, knowledge, mail, memos, organisations, people, places, plans, programmes,
    public, questions, registrations, residents, search, surveys, trainings, AppState,
};
use axum::http::{HeaderValue, Method};
use axum::routing::MethodRouter;
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_axum::router::UtoipaMethodRouter;

pub struct RouteDef {
    pub method: Method,
    pub path: String,
    handler: MethodRouter<AppState>,
    /// For API routes: the OpenAPI description of this route, from the handler's
    /// `#[utoipa::path]`; the document is assembled from these (see `api::openapi`).
    pub(crate) openapi: Option<OpenApiPart>,
}

pub(crate) type OpenApiPart = (
    Vec<(
        String,
        utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    )>,
    utoipa::openapi::path::Paths,
);

/// A page or form route.
pub fn r(method: Method, path: &str, handler: MethodRouter<AppState>) -> RouteDef {
    RouteDef {
        method,
        path: path.to_string(),
        handler,
        openapi: None,
    }
}

/// An API route (`api(utoipa_axum::routes!(handler))`): its method and path are those
/// of the handler's `#[utoipa::path]`, so the route served and the route documented
/// cannot differ.
pub fn api((schemas, paths, handler): UtoipaMethodRouter<AppState>) -> RouteDef {
    let (path, item) = paths
        .paths
        .iter()
        .next()
        .expect("an API route documents one path");
    let method = [
        (&item.get, Method::GET),
        (&item.post, Method::POST),
        (&item.put, Method::PUT),
        (&item.delete, Method::DELETE),
        (&item.patch, Method::PATCH),
    ]
    .into_iter()
    .find_map(|(op, m)| op.as_ref().map(|_| m))
    .expect("an API route documents one method");
    RouteDef {
        method,
        path: path.clone(),
        handler,
        openapi: Some((schemas, paths.clone())),
    }
}

/// Every route kozos serves: each feature's own table, in the order people look for them.
pub fn route_table() -> Vec<RouteDef> {
    [
        public::routes(),
        calendar::routes(),
        registrations::routes(),
        checkin::routes(),
        trainings::routes(),
        search::routes(),
        memos::routes(),
        information::routes(),
        knowledge::routes(),
        questions::routes(),
        evidence::routes(),
        indicators::routes(),
        initiatives::routes(),
        residents::routes(),
        surveys::routes(),
        plans::routes(),
        accounts::routes(),
        programmes::routes(),
        activities::routes(),
        people::routes(),
        organisations::routes(),
        places::routes(),
        jobs::routes(),
        mail::routes(),
        api::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The application router with its layers (rendered public pages, CSRF cookie, security
/// headers). The layers wrap the router once, as a whole: `Router::layer` would wrap every
/// route, and a route's layers (each a boxed service) are cloned on every request.
pub fn router(state: AppState) -> Router {
    // The job kinds that compose mail need the catalogue and the public address.
    mail::register(&state);
    // Certificates' QR codes point to this instance's public address.
    state.app.set_public_url(&state.config.base_url());
    let mut router = Router::new();
    for def in route_table() {
        router = router.route(&def.path, def.handler);
    }
    let routes = router
        .method_not_allowed_fallback(public::pages::method_not_allowed)
        .fallback(public::pages::not_found)
        .with_state(state.clone());
    // Outermost first.
    let layered = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(axum::http::header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(axum::http::header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::pages))
        .layer(axum::middleware::from_fn_with_state(csrf::Site::of(&state), csrf::layer))
        .layer(axum::extract::DefaultBodyLimit::max(api::MAX_JSON_BYTES))
        .layer(axum::middleware::from_fn_with_state(crate::page_memo::Memo::new(&state), crate::page_memo::layer))
        .service(routes);
    Router::new().fallback_service(layered)
}

/// Percent-encode a value for a query string.
pub fn encode_query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

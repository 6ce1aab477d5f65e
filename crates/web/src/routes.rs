//! Every route kozos serves, in one table. The router is built from this table, and the
//! role × route test walks it: a route added here without a row in that test fails CI.

use crate::handlers::{admin, auth, organisations, parts, public, users};
use crate::{api, csrf, error, AppState};
use axum::http::{HeaderValue, Method};
use axum::routing::{delete, get, post, put, MethodRouter};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
}

fn r(method: Method, path: &'static str, handler: MethodRouter<AppState>) -> RouteDef {
    RouteDef {
        method,
        path,
        handler,
    }
}

#[rustfmt::skip] // one route per line: this is the table people read
pub fn route_table() -> Vec<RouteDef> {
    use Method as M;
    vec![
        // public pages
        r(M::GET, "/", get(public::home)),
        r(M::GET, "/programmes/{id}", get(public::programme)),
        r(M::GET, "/lang/{code}", get(public::language)),
        r(M::GET, "/signin", get(auth::form)),
        r(M::POST, "/signin", post(auth::submit)),
        r(M::POST, "/signout", post(auth::signout)),
        r(M::GET, "/static/style.css", get(public::stylesheet)),
        r(M::GET, "/healthz", get(public::healthz)),
        r(M::GET, "/readyz", get(public::readyz)),
        // back office
        r(M::GET, "/admin", get(admin::dashboard)),
        r(M::GET, "/admin/programmes/new", get(admin::new_form)),
        r(M::POST, "/admin/programmes/new", post(admin::create)),
        r(M::GET, "/admin/programmes/{id}", get(admin::manage)),
        r(M::GET, "/admin/programmes/{id}/edit", get(admin::edit_form)),
        r(M::POST, "/admin/programmes/{id}/edit", post(admin::update)),
        r(M::POST, "/admin/programmes/{id}/partners", post(parts::add_partner)),
        r(M::GET, "/admin/programmes/{id}/partners/{partner}/edit", get(parts::edit_partner_form)),
        r(M::POST, "/admin/programmes/{id}/partners/{partner}/edit", post(parts::update_partner)),
        r(M::GET, "/admin/programmes/{id}/partners/{partner}/delete", get(parts::confirm_delete_partner)),
        r(M::POST, "/admin/programmes/{id}/partners/{partner}/delete", post(parts::delete_partner)),
        r(M::POST, "/admin/programmes/{id}/partners/{partner}/agreements", post(parts::add_agreement)),
        r(M::GET, "/admin/programmes/{id}/agreements/{agreement}/edit", get(parts::edit_agreement_form)),
        r(M::POST, "/admin/programmes/{id}/agreements/{agreement}/edit", post(parts::update_agreement)),
        r(M::GET, "/admin/programmes/{id}/agreements/{agreement}/delete", get(parts::confirm_delete_agreement)),
        r(M::POST, "/admin/programmes/{id}/agreements/{agreement}/delete", post(parts::delete_agreement)),
        r(M::POST, "/admin/programmes/{id}/staff", post(parts::add_staff)),
        r(M::GET, "/admin/programmes/{id}/staff/{staff}/edit", get(parts::edit_staff_form)),
        r(M::POST, "/admin/programmes/{id}/staff/{staff}/edit", post(parts::update_staff)),
        r(M::GET, "/admin/programmes/{id}/staff/{staff}/delete", get(parts::confirm_delete_staff)),
        r(M::POST, "/admin/programmes/{id}/staff/{staff}/delete", post(parts::delete_staff)),
        r(M::POST, "/admin/programmes/{id}/areas", post(parts::add_area)),
        r(M::GET, "/admin/programmes/{id}/areas/{area}/edit", get(parts::edit_area_form)),
        r(M::POST, "/admin/programmes/{id}/areas/{area}/edit", post(parts::update_area)),
        r(M::GET, "/admin/programmes/{id}/areas/{area}/delete", get(parts::confirm_delete_area)),
        r(M::POST, "/admin/programmes/{id}/areas/{area}/delete", post(parts::delete_area)),
        r(M::POST, "/admin/programmes/{id}/target-groups", post(parts::add_target_group)),
        r(M::GET, "/admin/programmes/{id}/target-groups/{group}/edit", get(parts::edit_target_group_form)),
        r(M::POST, "/admin/programmes/{id}/target-groups/{group}/edit", post(parts::update_target_group)),
        r(M::GET, "/admin/programmes/{id}/target-groups/{group}/delete", get(parts::confirm_delete_target_group)),
        r(M::POST, "/admin/programmes/{id}/target-groups/{group}/delete", post(parts::delete_target_group)),
        r(M::GET, "/admin/organisations", get(organisations::list)),
        r(M::GET, "/admin/organisations/new", get(organisations::new_form)),
        r(M::POST, "/admin/organisations/new", post(organisations::create)),
        r(M::GET, "/admin/organisations/{id}/edit", get(organisations::edit_form)),
        r(M::POST, "/admin/organisations/{id}/edit", post(organisations::update)),
        r(M::GET, "/admin/users", get(users::list)),
        r(M::GET, "/admin/users/new", get(users::new_form)),
        r(M::POST, "/admin/users/new", post(users::create)),
        r(M::POST, "/admin/users/{id}/grants", post(users::add_grant)),
        r(M::GET, "/admin/users/{id}/grants/{grant}/delete", get(users::confirm_remove_grant)),
        r(M::POST, "/admin/users/{id}/grants/{grant}/delete", post(users::remove_grant)),
        r(M::GET, "/admin/sign-in-attempts", get(users::attempts)),
        // JSON API
        r(M::GET, "/api/openapi.json", get(api::openapi_json)),
        r(M::GET, "/api/v1/programmes", get(api::list_programmes)),
        r(M::POST, "/api/v1/programmes", post(api::create_programme)),
        r(M::GET, "/api/v1/programmes/{id}", get(api::get_programme)),
        r(M::PUT, "/api/v1/programmes/{id}", put(api::update_programme)),
        r(M::POST, "/api/v1/programmes/{id}/partners", post(api::add_partner)),
        r(M::PUT, "/api/v1/programmes/{id}/partners/{partner}", put(api::update_partner)),
        r(M::DELETE, "/api/v1/programmes/{id}/partners/{partner}", delete(api::delete_partner)),
        r(M::POST, "/api/v1/programmes/{id}/partners/{partner}/agreements", post(api::add_agreement)),
        r(M::PUT, "/api/v1/programmes/{id}/agreements/{agreement}", put(api::update_agreement)),
        r(M::DELETE, "/api/v1/programmes/{id}/agreements/{agreement}", delete(api::delete_agreement)),
        r(M::GET, "/api/v1/programmes/{id}/staff", get(api::list_staff)),
        r(M::POST, "/api/v1/programmes/{id}/staff", post(api::add_staff)),
        r(M::PUT, "/api/v1/programmes/{id}/staff/{staff}", put(api::update_staff)),
        r(M::DELETE, "/api/v1/programmes/{id}/staff/{staff}", delete(api::delete_staff)),
        r(M::POST, "/api/v1/programmes/{id}/action-areas", post(api::add_action_area)),
        r(M::PUT, "/api/v1/programmes/{id}/action-areas/{area}", put(api::update_action_area)),
        r(M::DELETE, "/api/v1/programmes/{id}/action-areas/{area}", delete(api::delete_action_area)),
        r(M::POST, "/api/v1/programmes/{id}/target-groups", post(api::add_target_group)),
        r(M::PUT, "/api/v1/programmes/{id}/target-groups/{group}", put(api::update_target_group)),
        r(M::DELETE, "/api/v1/programmes/{id}/target-groups/{group}", delete(api::delete_target_group)),
        r(M::GET, "/api/v1/organisations", get(api::list_organisations)),
        r(M::POST, "/api/v1/organisations", post(api::create_organisation)),
        r(M::GET, "/api/v1/organisations/{id}", get(api::get_organisation)),
        r(M::PUT, "/api/v1/organisations/{id}", put(api::update_organisation)),
        r(M::GET, "/api/v1/places", get(api::list_places)),
    ]
}

/// The application router with its layers (rendered public pages, CSRF cookie, security
/// headers). The layers wrap the router once, as a whole: `Router::layer` would wrap every
/// route, and a route's layers (each a boxed service) are cloned on every request.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for def in route_table() {
        router = router.route(def.path, def.handler);
    }
    let routes = router
        .method_not_allowed_fallback(public::method_not_allowed)
        .fallback(public::not_found)
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

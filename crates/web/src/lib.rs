//! kozos web layer: server-rendered HTML (maud), the JSON API with its OpenAPI document,
//! cookies, CSRF and i18n, organised by feature (`public/`, `accounts/`, `programmes/`,
//! `organisations/`, `places/`, `jobs/`, `mail/`). Handlers are thin: extract → one use case in
//! `kozos-app` → render. No SQL and no access decisions live here.

// request plumbing every feature shares
pub mod api;
mod conflict;
mod cookies;
pub mod csrf;
pub mod ctx;
pub mod error;
mod extract;
pub mod i18n;
mod page_memo;
pub mod routes;
mod ui;

// features: each folder owns its routes, handlers, views, API and DTOs
mod accounts;
mod activities;
mod calendar;
mod checkin;
mod evidence;
mod indicators;
mod information;
mod initiatives;
mod jobs;
mod knowledge;
mod mail;
mod memos;
mod organisations;
mod people;
mod places;
mod plans;
mod programmes;
mod public;
mod questions;
mod registrations;
mod residents;
mod search;
mod surveys;
mod trainings;

pub use routes::{route_table, router, RouteDef};

/// The progress report's XLSX, as its download makes it (for the benchmark).
pub fn report_xlsx(r: &kozos_app::indicators::report::Report) -> Result<Vec<u8>, String> {
    indicators::report_xlsx(r)
}

use kozos_app::App;

/// Settings the web layer needs from the binary's configuration.
#[derive(Clone, Debug, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Attribution of an imported settlement gazetteer (e.g. "KSH Helységnévtár, CC BY 4.0"),
    /// read from the database at start; shown in every page footer.
    pub gazetteer_attribution: Option<String>,
    /// The address people reach this site at (`https://kozos.example.hu`), for links that
    /// leave the browser: calendar feeds, mail. Never taken from a request's Host header,
    /// which the sender chooses.
    pub public_url: Option<String>,
}

impl WebConfig {
    /// The public address without a trailing slash (`http://localhost:8080` when not set).
    pub fn base_url(&self) -> String {
        self.public_url
            .as_deref()
            .unwrap_or("http://localhost:8080")
            .trim_end_matches('/')
            .to_string()
    }
}

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: WebConfig,
}

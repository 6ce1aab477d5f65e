//! kozos use cases. Each public function here is one thing a person does: it authorises
//! the actor against the role × scope policy, validates input, writes in one transaction
//! (with its audit entry) and returns domain types. Handlers call exactly one of these.

pub mod accounts;
pub mod activities;
pub mod auth;
mod cache;
pub mod catalogue;
pub mod demo;
pub mod documents;
mod error;
pub mod follow_ups;
pub mod gazetteer;
pub mod indicators;
pub mod information;
pub mod initiatives;
pub mod jobs;
pub mod knowledge;
pub mod mail;
pub mod maintenance;
mod memo;
pub mod organisations;
pub mod participation;
pub mod plans;
pub mod programmes;
pub mod questions;
pub mod records;
pub mod residents;
pub mod search;
pub mod surveys;

pub mod write;

pub use error::AppError;
pub use kozos_db::audit::Entry as AuditEntry;
pub use kozos_db::users::{Attempt, AttemptOutcome};
pub use kozos_db::{Backend, Db};

use chrono::{DateTime, Utc};
use kozos_domain::time::{Date, Instant};
use std::sync::{Arc, Mutex, OnceLock};

pub type Result<T> = std::result::Result<T, AppError>;

/// The clock use cases read: the system's, or (in tests) one that stands still until told
/// to move.
#[derive(Clone)]
pub struct Clock(Option<Arc<Mutex<DateTime<Utc>>>>);

impl Clock {
    pub fn system() -> Self {
        Clock(None)
    }
    /// A clock stopped at `at`; [`Clock::advance`] moves it.
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Clock(Some(Arc::new(Mutex::new(at))))
    }
    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            None => Utc::now(),
            Some(t) => *t.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }
    /// Move a fixed clock on (no effect on the system clock).
    pub fn advance(&self, by: chrono::Duration) {
        if let Some(t) = &self.0 {
            let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
            *t += by;
        }
    }
    /// Today as a Hungarian calendar day (Europe/Budapest), not the UTC date: between
    /// midnight and 1–2 a.m. in Budapest they differ.
    pub fn today(&self) -> Date {
        self.instant().date()
    }
    /// Now, as the domain's [`Instant`].
    pub fn instant(&self) -> Instant {
        Instant::from(self.now())
    }
}

/// Everything a use case needs; holds no per-user state (any instance can serve any
/// request). One `Arc`, so a clone (the web layer makes several per request) is one
/// counter increment.
#[derive(Clone)]
pub struct App(Arc<AppParts>);

pub struct AppParts {
    pub db: Db,
    pub clock: Clock,
    pages: cache::PageCache,
    /// The calendar's filter lists (see `memo`).
    calendar_choices: memo::Memo<activities::CalendarChoices>,
    jobs: jobs::Jobs,
    /// Writes check-ins in groups (see `participation::checkin`).
    checkins: participation::checkin::Committer,
    /// Where mail goes; unset, mail waits in the outbox (see [`mail`]).
    smtp: OnceLock<mail::SmtpConfig>,
    /// The public address printed documents link to (a certificate's verify page).
    public_url: OnceLock<String>,
}

impl std::ops::Deref for App {
    type Target = AppParts;
    fn deref(&self) -> &AppParts {
        &self.0
    }
}

impl App {
    pub fn new(db: Db, clock: Clock) -> Self {
        App(Arc::new(AppParts {
            db,
            clock,
            pages: cache::PageCache::default(),
            calendar_choices: memo::Memo::default(),
            jobs: jobs::Jobs::with_builtins(),
            checkins: Default::default(),
            smtp: OnceLock::new(),
            public_url: OnceLock::new(),
        }))
    }
    /// Send mail through this SMTP server from now on (set once, at start; a second call
    /// is refused with the configuration it brought).
    pub fn set_smtp(&self, cfg: mail::SmtpConfig) -> std::result::Result<(), mail::SmtpConfig> {
        self.smtp.set(cfg)
    }
    /// The SMTP server mail goes to, if one is configured.
    pub fn smtp(&self) -> Option<&mail::SmtpConfig> {
        self.smtp.get()
    }
    /// The public address (no trailing slash) documents link to; set once, at start.
    pub fn set_public_url(&self, url: &str) {
        let _ = self.public_url.set(url.trim_end_matches('/').to_string());
    }
    /// The public address, or the default local one when none was set.
    pub fn public_url(&self) -> &str {
        self.public_url
            .get()
            .map_or("http://localhost:8080", String::as_str)
    }
    /// This instance's job kinds and its worker's bell (see [`jobs`]).
    pub fn jobs(&self) -> &jobs::Jobs {
        &self.jobs
    }
    pub(crate) fn now_text(&self) -> String {
        kozos_db::timestamp(self.clock.now())
    }
    /// Apply migrations and the built-in places tree.
    pub async fn migrate(&self) -> Result<usize> {
        let n = kozos_db::migrate::run(&self.db).await?;
        gazetteer::ensure_builtin(self).await?;
        Ok(n)
    }
}

//! kozos use cases. Each public function here is one thing a person does: it authorises
//! the actor against the role × scope policy, validates input, writes in one transaction
//! (with its audit entry) and returns domain types. Handlers call exactly one of these.

pub mod accounts;
pub mod auth;
mod cache;
pub mod catalogue;
pub mod demo;
mod error;
pub mod gazetteer;
pub mod organisations;
pub mod programmes;

pub use error::AppError;
pub use kozos_db::{Backend, Db};

use chrono::{DateTime, Utc};
use std::sync::Arc;

pub type Result<T> = std::result::Result<T, AppError>;

/// The clock use cases read; tests fix it.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    pub fn system() -> Self {
        Clock(Arc::new(Utc::now))
    }
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Clock(Arc::new(move || at))
    }
    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

/// Everything a use case needs; cheap to clone, holds no per-user state (any instance can
/// serve any request).
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub clock: Clock,
    pages: Arc<cache::PageCache>,
}

impl App {
    pub fn new(db: Db, clock: Clock) -> Self {
        App {
            db,
            clock,
            pages: Arc::default(),
        }
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

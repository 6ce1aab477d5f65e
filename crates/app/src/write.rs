//! The pieces every change shares: starting it, telling a repeated create from a new one,
//! and turning what an edit came to into the person's answer.
//!
//! A change runs in one write transaction (on SQLite begun as the writer, see
//! `Db::begin`), with its audit entry, which also moves the data version on.

use crate::{App, AppError, Result};
use kozos_db::{forms, Saved, Tx};
use kozos_domain::user::User;

/// A create form's one-time key (or an API `Idempotency-Key`), namespaced by what it
/// creates so one key cannot fetch another kind of record.
pub struct Once<'a> {
    pub kind: &'static str,
    pub key: Option<&'a str>,
}

impl Once<'_> {
    fn full_key(&self) -> Option<String> {
        self.key.map(|k| format!("{}:{k}", self.kind))
    }

    /// Claim the key in `tx`. `Some(id)` when an earlier submission with it already made
    /// record `id`: the caller answers with that record and writes nothing.
    pub async fn claim(&self, app: &App, tx: &mut Tx, user: &User) -> Result<Option<i64>> {
        match self.full_key() {
            None => Ok(None),
            Some(k) => Ok(forms::claim(tx, &k, user.id, &app.now_text()).await?),
        }
    }

    /// Record the id the claimed submission created.
    pub async fn complete(&self, tx: &mut Tx, id: i64) -> Result<()> {
        if let Some(k) = self.full_key() {
            forms::complete(tx, &k, id).await?;
        }
        Ok(())
    }
}

/// What a form carries beside its fields: the version an edit started from, and a
/// create form's one-time key.
#[derive(Debug, Clone, Copy, Default)]
pub struct Edit<'a> {
    pub version: Option<i64>,
    pub once: Option<&'a str>,
}

/// The answer to an edit that named the version it started from.
pub fn saved(s: Saved) -> Result<()> {
    match s {
        Saved::Done => Ok(()),
        Saved::Stale => Err(AppError::Conflict),
        Saved::Missing => Err(AppError::NotFound),
    }
}

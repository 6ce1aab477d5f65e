//! The pieces every change shares: starting it, telling a repeated create from a new one,
//! and turning what an edit came to into the person's answer.
//!
//! A change runs in one write transaction (on SQLite begun as the writer, see
//! `Db::begin`), with its audit entry, which also moves the data version on.

use crate::{App, AppError, Result};
use kozos_db::forms::{self, Claim};
use kozos_db::{Saved, Tx};
use kozos_domain::user::User;

/// A create form's one-time key (or an API `Idempotency-Key`), namespaced by what it
/// creates and by whom, with a fingerprint of what was submitted.
pub struct Once<'a> {
    kind: &'static str,
    key: Option<&'a str>,
    fingerprint: String,
}

impl<'a> Once<'a> {
    /// The key of a submission creating a `kind` from `what` (its parent and the
    /// validated input).
    pub fn new(kind: &'static str, key: Option<&'a str>, what: &impl std::fmt::Debug) -> Self {
        Once {
            kind,
            key,
            fingerprint: crate::auth::token_hash(&format!("{what:?}")),
        }
    }

    fn full_key(&self, user: &User) -> Option<String> {
        // one client cannot collide with another's keys
        self.key.map(|k| format!("{}:{}:{k}", self.kind, user.id))
    }

    /// Claim the key in `tx`. `Some(id)` when an earlier submission of the same content
    /// with this key already made record `id`: the caller answers with that record and
    /// writes nothing. The same key with other content is refused (`err-once-reused`),
    /// not answered with a record the client did not ask for.
    pub async fn claim(&self, app: &App, tx: &mut Tx, user: &User) -> Result<Option<i64>> {
        let Some(key) = self.full_key(user) else {
            return Ok(None);
        };
        match forms::claim(tx, &key, user.id, &app.now_text(), &self.fingerprint).await? {
            Claim::New => Ok(None),
            Claim::Done(id) => Ok(Some(id)),
            Claim::Reused => Err(AppError::invalid("form", "err-once-reused")),
        }
    }

    /// Record the id the claimed submission created.
    pub async fn complete(&self, tx: &mut Tx, user: &User, id: i64) -> Result<()> {
        if let Some(key) = self.full_key(user) {
            forms::complete(tx, &key, id).await?;
        }
        Ok(())
    }
}

/// The answer to an edit that named the version it started from.
pub fn saved(s: Saved) -> Result<()> {
    match s {
        Saved::Done => Ok(()),
        Saved::Stale => Err(AppError::Conflict),
        Saved::Missing => Err(AppError::NotFound),
    }
}

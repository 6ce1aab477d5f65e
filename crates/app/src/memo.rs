//! A value derived from data across the whole site (the calendar's filter lists), kept
//! per instance while nothing changed. Each use first reads the sum of all cache
//! versions (`kozos_db::cache_versions::sum_all`), in the request, so it never serves a
//! value older than the last commit any instance made before the request arrived; a
//! changed sum rebuilds the value from data read after that version. Losing it costs
//! only the queries it saves.

use crate::Result;
use kozos_db::cache_versions;
use std::future::Future;
use std::sync::{Arc, Mutex};

pub struct Memo<T> {
    slot: Mutex<Option<(i64, Arc<T>)>>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            slot: Mutex::new(None),
        }
    }
}

impl<T> Memo<T> {
    /// The kept value if the site is unchanged since it was built, else `build()`'s.
    pub async fn get<F, Fut>(&self, db: &kozos_db::Db, build: F) -> Result<Arc<T>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let version = cache_versions::sum_all(db).await?;
        if let Some((v, value)) = &*self.slot.lock().expect("memo lock") {
            if *v == version {
                return Ok(value.clone());
            }
        }
        // Read after the version: the value is at least as new as the version it keeps.
        let value = Arc::new(build().await?);
        let mut slot = self.slot.lock().expect("memo lock");
        // Versions only grow: never replace a newer value with an older one.
        if slot.as_ref().is_none_or(|(v, _)| *v <= version) {
            *slot = Some((version, value.clone()));
        }
        Ok(value)
    }
}

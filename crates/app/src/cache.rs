//! A per-instance cache of public programme pages, checked against the database's data
//! version on every read. It holds nothing another instance needs: a cold or stale cache
//! only costs the queries it saves, and any committed write (on any instance) moves the
//! version on, so no instance serves a page older than the last commit it can see.

use crate::catalogue::ProgrammePage;
use kozos_domain::ProgrammeId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// More programmes than this and the cache starts over rather than grow without bound.
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<ProgrammeId, (i64, Arc<ProgrammePage>)>>,
}

impl PageCache {
    pub fn get(&self, id: ProgrammeId, version: i64) -> Option<Arc<ProgrammePage>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&id)
            .filter(|(v, _)| *v == version)
            .map(|(_, p)| p.clone())
    }

    pub fn put(&self, id: ProgrammeId, version: i64, page: Arc<ProgrammePage>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(id, (version, page));
    }
}

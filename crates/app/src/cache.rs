//! A per-instance cache of public programme pages. It holds nothing another instance
//! needs: a cold or stale cache only costs the queries it saves.
//!
//! A page is kept with the scopes it shows (its programme, the organisations it names,
//! the places tree, `all`: see `kozos_db::cache_versions`) and the sum of their versions
//! read *before* its data was read. It is served only after a version read that started
//! after the request arrived found the same sum, so no page is older than the last commit
//! any instance made before the request arrived, on either engine.
//!
//! Version reads are coalesced, not skipped. The rule: a request may use the result of a
//! check (version read, and rebuild when stale) that *started after the request arrived*,
//! because any commit completed before it arrived is visible to such a read. So each page
//! has a single-flight gate with generation counters: a request that finds no check in
//! flight starts one; a request that finds one in flight (which may have started before
//! it arrived) waits for the *next* one to start and finish, and takes its result. Under
//! load every check thus serves all the requests that arrived while the previous one ran.
//! A new check's leader first lets the requests already queued on its thread run (one
//! yield): those arriving before its read begins join it rather than wait for the next.

use crate::catalogue::ProgrammePage;
use crate::{AppError, Result};
use kozos_db::cache_versions;
use kozos_domain::ProgrammeId;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Notify;

/// More programmes than this and the cache starts over rather than grow without bound.
const MAX_ENTRIES: usize = 10_000;

/// How often a rebuild is retried when the page turned out to show other scopes than the
/// ones whose versions were read before it (a partner added meanwhile); after that the
/// fresh page is served without being kept.
const REBUILDS: usize = 3;

#[derive(Default)]
pub struct PageCache {
    slots: Mutex<HashMap<ProgrammeId, Arc<Slot>>>,
    /// The connection version reads use first (see `cache_versions::reader`); `None`
    /// until the first read and after a failed one.
    pub(crate) reader: tokio::sync::Mutex<Option<kozos_db::Conn>>,
}

/// One page: what was last built and the gate of its checks.
#[derive(Default)]
struct Slot {
    state: Mutex<SlotState>,
    /// Woken when a check finishes or its leader gives up.
    finished: Notify,
}

#[derive(Default)]
struct SlotState {
    /// Checks started so far; while `running`, the one in flight is number `started`.
    started: u64,
    running: bool,
    /// The running check has not begun its read yet: a request arriving now may use it.
    open: bool,
    /// The number of the last check that finished, and what it found.
    finished: u64,
    outcome: Option<Outcome>,
    entry: Option<Entry>,
}

struct Entry {
    /// Sorted, without repeats.
    scopes: Vec<String>,
    /// The sum of the scopes' versions, read before the page's data.
    version: i64,
    page: Arc<ProgrammePage>,
}

/// A check's result as the requests waiting for it receive it.
#[derive(Clone)]
enum Outcome {
    Page(Arc<ProgrammePage>),
    NotFound,
    Failed(String),
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The scopes a page of programme `id` shows before its data is known.
fn base_scopes(id: ProgrammeId) -> Vec<String> {
    let mut s = vec![
        cache_versions::ALL.to_string(),
        cache_versions::PLACES.to_string(),
        cache_versions::programme(id.0),
    ];
    s.sort();
    s
}

/// The scopes a built page shows: its programme, the places tree, the organisations it
/// names (beneficiary and partners).
pub(crate) fn scopes_of(page: &ProgrammePage) -> Vec<String> {
    let mut s = base_scopes(page.programme.id);
    s.extend(
        page.programme
            .beneficiary_id
            .into_iter()
            .chain(page.partners.iter().map(|p| p.organisation_id))
            .map(|o| cache_versions::organisation(o.0)),
    );
    s.sort();
    s.dedup();
    s
}

/// Where a check reads versions and pages from (the database in the app; counters in the
/// unit tests).
pub(crate) trait Source {
    fn versions(&self, scopes: &[String]) -> impl Future<Output = Result<i64>> + Send;
    fn load(&self, id: ProgrammeId) -> impl Future<Output = Result<ProgrammePage>> + Send;
}

impl PageCache {
    fn slot(&self, id: ProgrammeId) -> Arc<Slot> {
        let mut slots = lock(&self.slots);
        if let Some(s) = slots.get(&id) {
            return s.clone();
        }
        if slots.len() >= MAX_ENTRIES {
            slots.clear();
        }
        slots.entry(id).or_default().clone()
    }

    /// The page of programme `id`, current as of a version read that started after this
    /// call began.
    pub(crate) async fn get(
        &self,
        src: &impl Source,
        id: ProgrammeId,
    ) -> Result<Arc<ProgrammePage>> {
        let slot = self.slot(id);
        // The first check whose read starts after this point is the one this request may
        // use: the running one while it is still open, else the next.
        let need = {
            let st = lock(&slot.state);
            if st.running && st.open {
                st.started
            } else {
                st.started + 1
            }
        };
        loop {
            let step = {
                let mut st = lock(&slot.state);
                if st.finished >= need {
                    return match st.outcome.clone() {
                        Some(Outcome::Page(p)) => Ok(p),
                        Some(Outcome::NotFound) => Err(AppError::NotFound),
                        Some(Outcome::Failed(e)) => Err(AppError::Internal(e)),
                        None => Err(AppError::Internal("page check without outcome".into())),
                    };
                }
                if st.running {
                    // Registered before the lock is released: the leader can only finish
                    // (and notify) after that, and a `Notified` receives `notify_waiters`
                    // from the moment it is created, so the wake-up cannot be lost.
                    Err(slot.finished.notified())
                } else {
                    st.running = true;
                    st.open = true;
                    st.started += 1;
                    Ok(st.started)
                }
            };
            match step {
                Err(woken) => woken.await,
                Ok(number) => {
                    let lead = Lead {
                        slot: &slot,
                        number,
                        done: false,
                    };
                    return self.lead(lead, src, id).await;
                }
            }
        }
    }

    /// Run check number `lead.number`: read the versions of the kept page's scopes; serve
    /// it when they did not move, else rebuild it.
    async fn lead(
        &self,
        mut lead: Lead<'_>,
        src: &impl Source,
        id: ProgrammeId,
    ) -> Result<Arc<ProgrammePage>> {
        // Requests already received on this thread get to join before the read begins.
        tokio::task::yield_now().await;
        lock(&lead.slot.state).open = false;
        let result = check(lead.slot, src, id).await;
        let outcome = match &result {
            Ok(p) => Outcome::Page(p.clone()),
            Err(AppError::NotFound) => Outcome::NotFound,
            Err(e) => Outcome::Failed(e.to_string()),
        };
        let forget = {
            let mut st = lock(&lead.slot.state);
            st.finished = lead.number;
            st.outcome = Some(outcome);
            st.running = false;
            matches!(result, Err(AppError::NotFound)) && st.entry.is_none()
        };
        lead.done = true;
        lead.slot.finished.notify_waiters();
        if forget {
            // Ids that do not exist take no room (waiters hold the slot they wait on).
            let mut slots = lock(&self.slots);
            if slots
                .get(&id)
                .is_some_and(|s| std::ptr::eq(&**s, lead.slot))
            {
                slots.remove(&id);
            }
        }
        result
    }
}

async fn check(slot: &Slot, src: &impl Source, id: ProgrammeId) -> Result<Arc<ProgrammePage>> {
    let kept = {
        let st = lock(&slot.state);
        st.entry
            .as_ref()
            .map(|e| (e.scopes.clone(), e.version, e.page.clone()))
    };
    let (mut scopes, mut version) = match kept {
        Some((scopes, version, page)) => {
            let now = src.versions(&scopes).await?;
            if now == version {
                return Ok(page);
            }
            // Stale: rebuild; `now` was read before the data the rebuild reads.
            (scopes, now)
        }
        None => {
            let scopes = base_scopes(id);
            let now = src.versions(&scopes).await?;
            (scopes, now)
        }
    };
    let mut attempt = 0;
    loop {
        let page = Arc::new(src.load(id).await?);
        let shown = scopes_of(&page);
        attempt += 1;
        if shown == scopes {
            lock(&slot.state).entry = Some(Entry {
                scopes,
                version,
                page: page.clone(),
            });
            return Ok(page);
        }
        if attempt == REBUILDS {
            // Fresh (read after the request arrived), only not kept.
            return Ok(page);
        }
        // The page shows other scopes than the ones read before it: read those, then the
        // data again, so the version kept was read before everything the page shows.
        scopes = shown;
        version = src.versions(&scopes).await?;
    }
}

/// The request running a check. Dropped unfinished (the request was cancelled), it hands
/// the gate over: a waiting request starts the next check.
struct Lead<'a> {
    slot: &'a Slot,
    number: u64,
    done: bool,
}

impl Drop for Lead<'_> {
    fn drop(&mut self) {
        if !self.done {
            let mut st = lock(&self.slot.state);
            st.running = false;
            st.open = false;
            drop(st);
            self.slot.finished.notify_waiters();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kozos_domain::programme::Programme;
    use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
    use std::time::Duration;

    /// A database of one programme whose version reads can be held open.
    struct Fake {
        version: AtomicI64,
        reads: AtomicUsize,
        loads: AtomicUsize,
        /// Hold the next version read (after it took its snapshot) until a permit is added.
        hold_next: AtomicBool,
        release: tokio::sync::Semaphore,
        /// Every read takes this long.
        delay_ms: u64,
    }

    impl Default for Fake {
        fn default() -> Self {
            Fake {
                version: AtomicI64::new(0),
                reads: AtomicUsize::new(0),
                loads: AtomicUsize::new(0),
                hold_next: AtomicBool::new(false),
                release: tokio::sync::Semaphore::new(0),
                delay_ms: 0,
            }
        }
    }

    impl Source for Fake {
        async fn versions(&self, _: &[String]) -> Result<i64> {
            self.reads.fetch_add(1, Ordering::SeqCst);
            let snapshot = self.version.load(Ordering::SeqCst);
            if self.hold_next.swap(false, Ordering::SeqCst) {
                self.release.acquire().await.expect("open").forget();
            }
            tokio::time::sleep(Duration::from_millis(self.delay_ms)).await;
            Ok(snapshot)
        }
        async fn load(&self, id: ProgrammeId) -> Result<ProgrammePage> {
            self.loads.fetch_add(1, Ordering::SeqCst);
            let title = self.version.load(Ordering::SeqCst).to_string();
            Ok(page(id, &title))
        }
    }

    fn page(id: ProgrammeId, title: &str) -> ProgrammePage {
        ProgrammePage {
            programme: Programme {
                id,
                title: title.into(),
                code: None,
                beneficiary_id: None,
                beneficiary_name: None,
                place_id: None,
                place_name: None,
                grant_huf: None,
                aid_intensity_bp: None,
                fund: None,
                start_date: None,
                end_date: None,
                intermediate_body: None,
                description: String::new(),
                version: 1,
            },
            place_path: vec![],
            partners: vec![],
            action_areas: vec![],
            target_groups: vec![],
            questions: vec![],
        }
    }

    const ID: ProgrammeId = ProgrammeId(7);

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_requests_share_version_reads() {
        let src = Arc::new(Fake {
            delay_ms: 5,
            ..Fake::default()
        });
        let cache = Arc::new(PageCache::default());
        cache.get(&*src, ID).await.unwrap();
        let before = src.reads.load(Ordering::SeqCst);
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..200 {
            let (src, cache) = (src.clone(), cache.clone());
            set.spawn(async move {
                cache
                    .get(&*src, ID)
                    .await
                    .map(|p| p.programme.title.clone())
            });
        }
        while let Some(r) = set.join_next().await {
            assert_eq!(r.unwrap().unwrap(), "0");
        }
        let reads = src.reads.load(Ordering::SeqCst) - before;
        assert!(
            (1..=20).contains(&reads),
            "200 requests made {reads} version reads"
        );
        assert_eq!(
            src.loads.load(Ordering::SeqCst),
            1,
            "nothing changed: built once"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_does_not_use_a_check_that_started_before_it() {
        let src = Arc::new(Fake::default());
        let cache = Arc::new(PageCache::default());
        assert_eq!(cache.get(&*src, ID).await.unwrap().programme.title, "0");
        // A's check reads the versions (snapshot 0) and is held open…
        src.hold_next.store(true, Ordering::SeqCst);
        let reads = src.reads.load(Ordering::SeqCst);
        let a = tokio::spawn({
            let (src, cache) = (src.clone(), cache.clone());
            async move { cache.get(&*src, ID).await.unwrap() }
        });
        while src.reads.load(Ordering::SeqCst) == reads {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        // …while a write commits, and then B arrives.
        src.version.store(1, Ordering::SeqCst);
        let b = tokio::spawn({
            let (src, cache) = (src.clone(), cache.clone());
            async move { cache.get(&*src, ID).await.unwrap() }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!b.is_finished(), "B waits for a check of its own");
        src.release.add_permits(1);
        assert_eq!(
            a.await.unwrap().programme.title,
            "0",
            "A arrived before the write"
        );
        assert_eq!(b.await.unwrap().programme.title, "1", "B sees the write");
        assert_eq!(cache.get(&*src, ID).await.unwrap().programme.title, "1");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_cancelled_check_hands_over_to_a_waiting_request() {
        let src = Arc::new(Fake::default());
        let cache = Arc::new(PageCache::default());
        cache.get(&*src, ID).await.unwrap();
        src.hold_next.store(true, Ordering::SeqCst);
        let reads = src.reads.load(Ordering::SeqCst);
        let a = tokio::spawn({
            let (src, cache) = (src.clone(), cache.clone());
            async move { cache.get(&*src, ID).await.unwrap() }
        });
        while src.reads.load(Ordering::SeqCst) == reads {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let b = tokio::spawn({
            let (src, cache) = (src.clone(), cache.clone());
            async move { cache.get(&*src, ID).await.unwrap() }
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        a.abort(); // the client went away mid-check
        let b = tokio::time::timeout(Duration::from_secs(5), b)
            .await
            .expect("B is not left waiting");
        assert_eq!(b.unwrap().programme.title, "0");
    }

    #[test]
    fn a_page_depends_on_its_programme_places_and_the_organisations_it_names() {
        let mut p = page(ID, "x");
        p.programme.beneficiary_id = Some(kozos_domain::OrganisationId(4));
        assert_eq!(
            scopes_of(&p),
            ["all", "organisation:4", "places", "programme:7"]
        );
    }
}

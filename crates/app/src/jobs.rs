//! Work done apart from the request that asks for it (mail, documents, imports,
//! housekeeping), on a queue in the database that every instance works through.
//!
//! - A use case enqueues with [`enqueue`] inside its own write transaction, so the job
//!   exists exactly when the change committed; after the commit, [`Jobs::poke`] wakes this
//!   instance's worker at once (other instances find the job at their next poll).
//! - A job kind is a name and a handler ([`Jobs::register`]); the kinds kozos itself uses
//!   are registered when an [`App`] is made. An instance that meets a kind it does not know
//!   (an older version during an upgrade) treats it as a failure to retry later.
//! - Delivery is at least once: a worker that stops mid-job leaves its lease to run out,
//!   and another worker runs the job again. Handlers must therefore be idempotent.
//! - A failure is retried after 30 s, 1 min, 2 min … (at most an hour) until the job's
//!   attempts are used up; then it is `failed`, with its error, for administrators to see
//!   at `/admin/jobs` and retry. A handler returning [`Permanent`] fails it at once.
//! - Periodic jobs ([`PERIODIC`]) are enqueued by every instance's [`schedule`] with a key
//!   naming the period, so each runs once per period however many instances there are.

use crate::{App, AppError, Result};
use chrono::{DateTime, Duration, Utc};
use kozos_db::audit;
use kozos_db::jobs as store;
use kozos_domain::policy::{allows, Action, Target};
use kozos_domain::user::User;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use tokio::sync::{watch, Notify};

pub use kozos_db::jobs::{Job, JobState};

/// Housekeeping: expired sessions, old sign-in attempts, forgotten devices, spent form
/// keys, finished jobs (see [`crate::maintenance::sweep`]).
pub const SWEEP: &str = "maintenance.sweep";

/// The day-before reminder mails of registrations (see
/// [`crate::participation::reminders`]).
pub const REMINDERS: &str = "participation.reminders";

/// How long a worker holds a job before another may take it; a handler still running
/// then is stopped.
pub const LEASE: Duration = Duration::minutes(10);
/// Attempts a job gets unless its enqueuer says otherwise.
pub const DEFAULT_MAX_ATTEMPTS: i64 = 5;
/// The wait before the first retry; it doubles with every further failure …
pub const BACKOFF_FIRST: Duration = Duration::seconds(30);
/// … up to this.
pub const BACKOFF_MAX: Duration = Duration::hours(1);
/// How often an idle worker looks for due jobs enqueued elsewhere.
pub const POLL: std::time::Duration = std::time::Duration::from_secs(1);
/// How often a worker enqueues the periodic jobs whose period has begun.
pub const SCHEDULE_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// A job that runs once in every period of `every_seconds` (periods start at the Unix
/// epoch, so every instance agrees where they start).
#[derive(Debug, Clone, Copy)]
pub struct Periodic {
    pub kind: &'static str,
    pub every_seconds: i64,
    pub max_attempts: i64,
}

pub const PERIODIC: &[Periodic] = &[
    Periodic {
        kind: SWEEP,
        every_seconds: 3600,
        max_attempts: 3,
    },
    Periodic {
        kind: REMINDERS,
        every_seconds: 3600,
        max_attempts: 3,
    },
];

/// What a handler answers: `Ok`, or any error (its text is kept as the job's last error).
pub type JobResult = std::result::Result<(), Box<dyn std::error::Error + Send + Sync>>;

type HandlerFuture = Pin<Box<dyn Future<Output = JobResult> + Send>>;
type Handler = Arc<dyn Fn(App, Job) -> HandlerFuture + Send + Sync>;

/// A failure that retrying cannot mend (a payload that does not parse, a record that no
/// longer exists): the job is failed at once instead of retried.
#[derive(Debug)]
pub struct Permanent(pub String);

impl std::fmt::Display for Permanent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Permanent {}

/// This instance's job kinds and the bell that wakes its worker. One per [`App`] (its
/// clones share it).
pub struct Jobs {
    handlers: RwLock<HashMap<String, Handler>>,
    poke: Notify,
}

impl Jobs {
    /// With the handlers of the kinds kozos itself enqueues.
    pub(crate) fn with_builtins() -> Jobs {
        let jobs = Jobs {
            handlers: RwLock::default(),
            poke: Notify::new(),
        };
        jobs.register(SWEEP, |app: App, _job: Job| async move {
            let swept = crate::maintenance::sweep(&app).await?;
            tracing::debug!(?swept, "housekeeping done");
            Ok(())
        });
        jobs.register(REMINDERS, |app: App, _job: Job| async move {
            let n = crate::participation::reminders::enqueue_due(&app).await?;
            tracing::debug!(reminders = n, "reminder mails enqueued");
            Ok(())
        });
        jobs.register(crate::mail::SEND, crate::mail::send_job);
        jobs.register(
            crate::participation::certificates::ISSUE,
            crate::participation::certificates::run,
        );
        jobs
    }

    /// Run `handler` for jobs of `kind` (replacing an earlier handler of that kind).
    pub fn register<F, Fut>(&self, kind: &str, handler: F)
    where
        F: Fn(App, Job) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = JobResult> + Send + 'static,
    {
        let h: Handler = Arc::new(move |app, job| Box::pin(handler(app, job)));
        self.handlers
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(kind.to_string(), h);
    }

    fn handler(&self, kind: &str) -> Option<Handler> {
        self.handlers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(kind)
            .cloned()
    }

    /// Wake this instance's worker (after committing a transaction that enqueued a job).
    /// A poke while the worker is busy is kept for when it next waits.
    pub fn poke(&self) {
        self.poke.notify_one();
    }
}

/// A job to enqueue; see [`enqueue`].
#[derive(Debug, Clone)]
pub struct NewJob {
    kind: String,
    payload: String,
    run_at: Option<DateTime<Utc>>,
    max_attempts: i64,
    dedupe_key: Option<String>,
}

impl NewJob {
    /// A job of `kind` with an empty payload (`{}`), to run as soon as possible.
    pub fn new(kind: &str) -> NewJob {
        NewJob {
            kind: kind.to_string(),
            payload: "{}".into(),
            run_at: None,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            dedupe_key: None,
        }
    }
    /// What the handler is to work on, as JSON (read it back with [`payload`]).
    pub fn payload(mut self, value: &impl Serialize) -> Result<NewJob> {
        self.payload = serde_json::to_string(value)
            .map_err(|e| AppError::Internal(format!("job payload: {e}")))?;
        Ok(self)
    }
    /// Not before `at`.
    pub fn run_at(mut self, at: DateTime<Utc>) -> NewJob {
        self.run_at = Some(at);
        self
    }
    pub fn max_attempts(mut self, n: i64) -> NewJob {
        self.max_attempts = n.max(1);
        self
    }
    /// Enqueue nothing when a job with this key is already stored.
    pub fn dedupe_key(mut self, key: &str) -> NewJob {
        self.dedupe_key = Some(key.to_string());
        self
    }
}

/// Add `job` in the caller's write transaction (`conn`): it exists exactly when that
/// transaction commits. Returns its id, or `None` when its dedupe key was taken. Call
/// [`Jobs::poke`] after the commit to have this instance run it at once.
pub async fn enqueue(app: &App, conn: &mut kozos_db::Conn, job: &NewJob) -> Result<Option<i64>> {
    let now = app.clock.now();
    Ok(store::enqueue(
        conn,
        &store::NewJob {
            kind: &job.kind,
            payload: &job.payload,
            run_at: job.run_at.unwrap_or(now),
            max_attempts: job.max_attempts,
            dedupe_key: job.dedupe_key.as_deref(),
        },
        now,
    )
    .await?)
}

/// A job's payload as the type its handler expects; one that does not parse will not parse
/// on a retry either.
pub fn payload<T: DeserializeOwned>(job: &Job) -> std::result::Result<T, Permanent> {
    serde_json::from_str(&job.payload)
        .map_err(|e| Permanent(format!("payload of `{}` does not parse: {e}", job.kind)))
}

/// The wait before the next attempt of a job that has failed `attempts` times.
pub fn backoff(attempts: i64) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 20) as u32;
    let wait = BACKOFF_FIRST
        .num_seconds()
        .saturating_mul(1i64 << doublings);
    Duration::seconds(wait.min(BACKOFF_MAX.num_seconds()))
}

/// What became of one run of a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Failed; queued again for `at`.
    Retry {
        at: DateTime<Utc>,
        error: String,
    },
    /// Failed for good.
    Failed {
        error: String,
    },
    /// The lease ran out before the run ended and another worker took the job, so this
    /// run's result was not recorded.
    LeaseLost,
}

/// One job a worker ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    pub id: i64,
    pub kind: String,
    /// Which attempt this was (1 for the first).
    pub attempt: i64,
    pub outcome: Outcome,
}

/// A name for this process's worker, unique enough to tell leases apart: host, process,
/// and a random part (several workers may run in one process).
pub fn worker_id() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "kozos".into());
    let token = crate::auth::random_token();
    let tail: String = token
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(6)
        .collect();
    format!("{host}-{}-{tail}", std::process::id())
}

struct Failure {
    error: String,
    permanent: bool,
}

/// Run the handler as its own task, so a panic is a failed job rather than a dead
/// worker, and stop it when the lease ends (another worker may take the job then).
async fn run_handler(handler: Handler, app: App, job: Job) -> std::result::Result<(), Failure> {
    let mut task = tokio::spawn(handler(app, job));
    let limit = LEASE
        .to_std()
        .unwrap_or(std::time::Duration::from_secs(600));
    match tokio::time::timeout(limit, &mut task).await {
        Ok(Ok(Ok(()))) => Ok(()),
        Ok(Ok(Err(e))) => Err(Failure {
            permanent: e.is::<Permanent>(),
            error: e.to_string(),
        }),
        Ok(Err(join)) => {
            let why = if join.is_panic() {
                let p = join.into_panic();
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default()
            } else {
                "cancelled".into()
            };
            Err(Failure {
                permanent: false,
                error: format!("the handler panicked: {why}"),
            })
        }
        Err(_) => {
            task.abort();
            Err(Failure {
                permanent: false,
                error: format!("did not finish within its lease ({} s)", limit.as_secs()),
            })
        }
    }
}

/// Claim one due job for `worker`, run it, and record what came of it. `None` when no job
/// is due.
pub async fn run_once(app: &App, worker: &str) -> Result<Option<Ran>> {
    let Some(job) = store::claim(&app.db, worker, app.clock.now(), LEASE).await? else {
        return Ok(None);
    };
    let (id, kind, attempt, max) = (job.id, job.kind.clone(), job.attempts, job.max_attempts);
    let result = match app.jobs.handler(&kind) {
        Some(h) => run_handler(h, app.clone(), job).await,
        None => Err(Failure {
            error: format!("no handler for job kind `{kind}` on this instance"),
            permanent: false,
        }),
    };
    let now = app.clock.now();
    let (recorded, outcome) = match result {
        Ok(()) => (
            store::complete(&app.db, id, worker, now).await?,
            Outcome::Done,
        ),
        Err(f) if !f.permanent && attempt < max => {
            let at = now + backoff(attempt);
            let kept = store::fail(&app.db, id, worker, now, &f.error, Some(at)).await?;
            tracing::warn!(job = id, kind, attempt, error = %f.error, retry_at = %at, "job failed; will retry");
            (kept, Outcome::Retry { at, error: f.error })
        }
        Err(f) => {
            let kept = store::fail(&app.db, id, worker, now, &f.error, None).await?;
            tracing::error!(job = id, kind, attempt, error = %f.error, "job failed for good");
            (kept, Outcome::Failed { error: f.error })
        }
    };
    let outcome = if recorded {
        outcome
    } else {
        tracing::warn!(
            job = id,
            kind,
            "job's lease ran out and another worker took it; this run is not recorded"
        );
        Outcome::LeaseLost
    };
    Ok(Some(Ran {
        id,
        kind,
        attempt,
        outcome,
    }))
}

/// Run due jobs until none is left (at most 10 000), and say what ran. For tests and
/// one-off commands: nothing waits, jobs scheduled for later stay queued.
pub async fn drain(app: &App) -> Result<Vec<Ran>> {
    let worker = worker_id();
    let mut ran = Vec::new();
    while ran.len() < 10_000 {
        match run_once(app, &worker).await? {
            Some(r) => ran.push(r),
            None => break,
        }
    }
    Ok(ran)
}

/// The key of a periodic job's period that contains `now`.
pub fn period_key(p: &Periodic, now: DateTime<Utc>) -> String {
    let secs = now.timestamp();
    let start = secs - secs.rem_euclid(p.every_seconds.max(1));
    let start = DateTime::from_timestamp(start, 0).unwrap_or(now);
    format!("{}@{}", p.kind, kozos_db::timestamp(start))
}

/// Enqueue each periodic job whose current period has no job yet; returns the ids of
/// those enqueued. Any instance may call it any time: the period's key admits one job.
pub async fn schedule(app: &App) -> Result<Vec<i64>> {
    let now = app.clock.now();
    let mut enqueued = Vec::new();
    for p in PERIODIC {
        let key = period_key(p, now);
        if store::has_dedupe_key(&app.db, &key).await? {
            continue;
        }
        let mut tx = app.db.begin().await?;
        let job = NewJob::new(p.kind)
            .max_attempts(p.max_attempts)
            .dedupe_key(&key);
        let id = enqueue(app, &mut tx, &job).await?;
        tx.commit().await.map_err(kozos_db::DbError::from)?;
        enqueued.extend(id);
    }
    if !enqueued.is_empty() {
        app.jobs.poke();
    }
    Ok(enqueued)
}

/// The worker every instance runs: enqueue periodic jobs each minute, run due jobs one
/// after another, and between them wait for a poke or a second. Returns when `stop`
/// turns true (or its sender is gone), after the job in hand has finished.
pub async fn worker(app: App, mut stop: watch::Receiver<bool>) {
    let id = worker_id();
    tracing::info!(worker = %id, "job worker started");
    let mut next_schedule = tokio::time::Instant::now();
    loop {
        if *stop.borrow() {
            break;
        }
        if tokio::time::Instant::now() >= next_schedule {
            if let Err(e) = schedule(&app).await {
                tracing::warn!(error = %e, "could not enqueue periodic jobs");
            }
            next_schedule = tokio::time::Instant::now() + SCHEDULE_EVERY;
        }
        match run_once(&app, &id).await {
            Ok(Some(_)) => continue,
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not take or record a job"),
        }
        tokio::select! {
            _ = app.jobs.poke.notified() => {}
            _ = tokio::time::sleep(POLL) => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
    tracing::info!(worker = %id, "job worker stopped");
}

// ---- administrators ----

/// Failed jobs and the queue, for administrators.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The latest failures first.
    pub failed: Vec<Job>,
    /// Queued and running jobs, the next to run first.
    pub pending: Vec<Job>,
}

/// How many of each list the overview shows.
pub const OVERVIEW_LIMIT: i64 = 200;

/// Administrators of the whole country: the job queue, and the outbox (`mail`).
pub(crate) fn authorise(actor: &User) -> Result<()> {
    // The same people who see the sign-in attempts: administrators of the whole country.
    if allows(&actor.grants, Action::ManageUsers, &Target::country()) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn overview(app: &App, actor: &User) -> Result<Overview> {
    authorise(actor)?;
    Ok(Overview {
        failed: store::failed(&app.db, OVERVIEW_LIMIT).await?,
        pending: store::pending(&app.db, OVERVIEW_LIMIT).await?,
    })
}

/// Queue a failed job again with a fresh set of attempts. A job that is no longer failed
/// (retried a moment ago, say) is left as it is; one that does not exist is `NotFound`.
pub async fn retry(app: &App, actor: &User, id: i64) -> Result<()> {
    authorise(actor)?;
    let job = store::get(&app.db, id).await?.ok_or(AppError::NotFound)?;
    if job.state != JobState::Failed {
        return Ok(());
    }
    let now = app.clock.now();
    let mut tx = app.db.begin().await?;
    if store::retry(&mut tx, id, now).await? {
        audit::record(
            &mut tx,
            &kozos_db::timestamp(now),
            Some(actor.id),
            "retry",
            "job",
            Some(id),
            &job.kind,
        )
        .await?;
    }
    tx.commit().await.map_err(kozos_db::DbError::from)?;
    app.jobs.poke();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_thirty_seconds_up_to_an_hour() {
        let secs: Vec<i64> = (1..=10).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
        assert_eq!(backoff(0).num_seconds(), 30);
        assert_eq!(backoff(i64::MAX).num_seconds(), 3600);
    }

    #[test]
    fn periods_start_on_the_hour_whoever_asks() {
        let p = PERIODIC[0];
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let a = period_key(&p, at("2026-11-21T10:00:00Z"));
        assert_eq!(a, "maintenance.sweep@2026-11-21T10:00:00Z");
        assert_eq!(a, period_key(&p, at("2026-11-21T10:59:59Z")));
        assert_ne!(a, period_key(&p, at("2026-11-21T11:00:00Z")));
    }
}

//! Housekeeping any instance may run at any time (it is idempotent): expired sessions,
//! old sign-in attempts, forgotten known devices, spent form keys, finished jobs and
//! visitors' old held actions. It
//! runs as the hourly `maintenance.sweep` job (see `jobs.rs`), once per hour whatever the
//! number of instances.

use crate::{App, Result};
use chrono::Duration;
use kozos_db::{forms, jobs, users};

/// Sign-in attempts are kept this long for administrators to look back on.
pub const ATTEMPTS_KEPT_DAYS: i64 = 30;
/// A create form's one-time key guards against resubmission this long.
pub const FORM_KEYS_KEPT_HOURS: i64 = 48;
/// Jobs that ran to their end are kept this long (a periodic job's key with them, which is
/// far longer than any period).
pub const JOBS_DONE_KEPT_DAYS: i64 = 7;
/// A visitor's held action is kept this long after its link expired (opening it then says
/// it expired) or after it was done (opening it again says so), then forgotten.
pub const RESIDENT_ACTIONS_KEPT_DAYS: i64 = 7;
/// Failed jobs stay this long on the administrators' page, to be retried or looked into.
pub const JOBS_FAILED_KEPT_DAYS: i64 = 30;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub sessions: u64,
    pub attempts: u64,
    pub devices: u64,
    pub form_keys: u64,
    /// Jobs whose worker stopped mid-run on their last attempt, now marked failed.
    pub jobs_abandoned: u64,
    /// Finished jobs forgotten.
    pub jobs: u64,
    /// Visitors' held actions forgotten.
    pub resident_actions: u64,
}

pub async fn sweep(app: &App) -> Result<Swept> {
    let now = app.clock.now();
    let ts = |d: Duration| kozos_db::timestamp(now - d);
    let kept = kozos_domain::time::Instant::from(now - Duration::days(RESIDENT_ACTIONS_KEPT_DAYS));
    let resident_actions = {
        let mut tx = app.db.begin().await?;
        let n = kozos_db::initiatives::residents::forget_old(&mut tx, kept, kept).await?;
        tx.commit().await.map_err(kozos_db::DbError::from)?;
        n
    };
    Ok(Swept {
        resident_actions,
        sessions: users::delete_expired_sessions(&app.db, &kozos_db::timestamp(now)).await?,
        attempts: users::purge_attempts(
            &app.db,
            &kozos_db::timestamp_millis(now - Duration::days(ATTEMPTS_KEPT_DAYS)),
        )
        .await?,
        devices: users::purge_devices(&app.db, &ts(Duration::days(crate::auth::DEVICE_DAYS)))
            .await?,
        form_keys: forms::purge(&app.db, &ts(Duration::hours(FORM_KEYS_KEPT_HOURS))).await?,
        jobs_abandoned: jobs::fail_abandoned(&app.db, now).await?,
        jobs: jobs::purge(
            &app.db,
            now - Duration::days(JOBS_DONE_KEPT_DAYS),
            now - Duration::days(JOBS_FAILED_KEPT_DAYS),
        )
        .await?,
    })
}

//! Housekeeping any instance may run at any time (it is idempotent): expired sessions,
//! old sign-in attempts, forgotten known devices and spent form keys.

use crate::{App, Result};
use chrono::Duration;
use kozos_db::{forms, users};

/// Sign-in attempts are kept this long for administrators to look back on.
pub const ATTEMPTS_KEPT_DAYS: i64 = 30;
/// A create form's one-time key guards against resubmission this long.
pub const FORM_KEYS_KEPT_HOURS: i64 = 48;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub sessions: u64,
    pub attempts: u64,
    pub devices: u64,
    pub form_keys: u64,
}

pub async fn sweep(app: &App) -> Result<Swept> {
    let now = app.clock.now();
    let ts = |d: Duration| kozos_db::timestamp(now - d);
    Ok(Swept {
        sessions: users::delete_expired_sessions(&app.db, &kozos_db::timestamp(now)).await?,
        attempts: users::purge_attempts(
            &app.db,
            &kozos_db::timestamp_millis(now - Duration::days(ATTEMPTS_KEPT_DAYS)),
        )
        .await?,
        devices: users::purge_devices(&app.db, &ts(Duration::days(crate::auth::DEVICE_DAYS)))
            .await?,
        form_keys: forms::purge(&app.db, &ts(Duration::hours(FORM_KEYS_KEPT_HOURS))).await?,
    })
}

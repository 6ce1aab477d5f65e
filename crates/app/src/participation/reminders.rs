//! Reminder mails: the day before an activity, everyone with a confirmed place hears
//! from it once ("see you tomorrow").
//!
//! The hourly `participation.reminders` job (see `jobs::PERIODIC`) takes the confirmed
//! registrations, not reminded yet, of activities that start on the next Budapest
//! calendar day (so between 0 and 48 hours ahead, and the mail's "tomorrow" is true),
//! from 09:00 Budapest time on, so nobody is mailed at night. Marking a registration
//! reminded and enqueuing its mail happen in one transaction, and the mail job carries
//! the dedupe key `reminder:ID`: however often the job runs, on however many instances,
//! a registration gets one reminder. A registration renewed after a cancellation is
//! reminded again only if it had not been before.

use super::enqueue_mail_keyed;
use crate::mail::RegistrationMailKind;
use crate::{App, Result};
use chrono::Timelike;
use kozos_db::participation::registrations as db;
use kozos_db::DbError;

/// Reminders go out from this hour of the Budapest day before.
pub const REMIND_FROM_HOUR: u32 = 9;

/// Enqueue the reminders that are due now; returns how many.
pub async fn enqueue_due(app: &App) -> Result<usize> {
    let now = app.clock.instant();
    if now.budapest().hour() < REMIND_FROM_HOUR {
        return Ok(0);
    }
    let tomorrow = now.date().next();
    let (from, to) = (tomorrow.start(), tomorrow.next().start());
    let mut tx = app.db.begin().await?;
    let due = db::due_reminders(&mut tx, from, to).await?;
    let mut enqueued = 0;
    for id in due {
        if !db::mark_reminded(&mut tx, id, now).await? {
            continue;
        }
        let Some(r) = db::get(&mut tx, id).await? else {
            continue;
        };
        let key = format!("reminder:{}", id.0);
        let kind = RegistrationMailKind::Reminder;
        if enqueue_mail_keyed(&mut tx, id, kind, &r.lang, now, Some(&key)).await? {
            enqueued += 1;
        }
    }
    tx.commit().await.map_err(DbError::from)?;
    if enqueued > 0 {
        app.jobs().poke();
    }
    Ok(enqueued)
}

//! Participation use cases: the people registry, registering for activities (residents,
//! guests, staff, other systems), the waiting list, tickets, attendance by QR scan and on
//! the roster, volunteers' hours, trainings (sessions, completion) and their certificates.

pub mod certificates;
pub mod checkin;
pub mod evidence;
pub mod merge;
pub mod people;
pub mod registrations;
pub mod reminders;
pub mod roster;
pub mod sheet;
pub mod trainings;
pub mod volunteers;

use crate::mail::{RegistrationMail, RegistrationMailKind};
use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::programmes::activities as activities_db;
use kozos_db::{Conn, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

/// Ask for a registration's mail, in the caller's write transaction.
pub(crate) async fn enqueue_mail(
    conn: &mut Conn,
    registration: RegistrationId,
    kind: RegistrationMailKind,
    lang: &str,
    now: time::Instant,
) -> Result<()> {
    enqueue_mail_keyed(conn, registration, kind, lang, now, None).await?;
    Ok(())
}

/// [`enqueue_mail`] with a dedupe key: false when a job with that key was already there.
pub(crate) async fn enqueue_mail_keyed(
    conn: &mut Conn,
    registration: RegistrationId,
    kind: RegistrationMailKind,
    lang: &str,
    now: time::Instant,
    dedupe_key: Option<&str>,
) -> Result<bool> {
    let payload = serde_json::to_string(&RegistrationMail {
        registration: registration.0,
        kind,
        lang: Some(lang.to_string()),
    })
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let id = kozos_db::jobs::enqueue(
        conn,
        &kozos_db::jobs::NewJob {
            kind: crate::mail::REGISTRATION,
            payload: &payload,
            run_at: now.utc(),
            max_attempts: 5,
            dedupe_key,
        },
        now.utc(),
    )
    .await?;
    Ok(id.is_some())
}

/// An activity the user may do `action` on (a 404 when there is no such activity).
pub(crate) async fn activity_for(
    app: &App,
    user: &User,
    action: Action,
    id: ActivityId,
) -> Result<Activity> {
    let a = load_activity(app, id).await?;
    authorise(app, user, action, a.programme_id).await?;
    Ok(a)
}

pub(crate) async fn load_activity(app: &App, id: ActivityId) -> Result<Activity> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    activities_db::activity(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A language code as stored on a registration.
pub(crate) fn lang_code(lang: &str) -> &'static str {
    if lang.eq_ignore_ascii_case("en") {
        "en"
    } else {
        "hu"
    }
}

//! Trainings: their settings (distance part, completion rule), contact sessions, the
//! distance part each participant did, and who completed. Planning a training is
//! ManageActivities on its programme; so is reading who completed it.

use super::activity_for;
use crate::{App, AppError, Result};
use kozos_db::participation::certificates as certificates_db;
use kozos_db::participation::trainings::{self as db, Participant};
use kozos_db::{cache_versions, Conn, DbError};
use kozos_domain::activity::{Activity, ActivityKind};
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::time::{Date, Instant};
use kozos_domain::user::User;
use kozos_domain::*;

/// A participant and where they stand against the completion rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub person: PersonId,
    pub name: String,
    pub progress: Progress,
    pub distance_done_on: Option<Date>,
    pub certificate: Option<Certificate>,
}

/// Everything the training page shows.
#[derive(Debug, Clone)]
pub struct TrainingView {
    pub activity: Activity,
    pub training: Training,
    pub sessions: Vec<Session>,
    /// In Hungarian name order.
    pub standings: Vec<Standing>,
    pub batch: Option<certificates_db::Batch>,
}

impl TrainingView {
    pub fn completers(&self) -> impl Iterator<Item = &Standing> {
        self.standings.iter().filter(|s| s.progress.completed)
    }
    /// Completers still without a certificate: what a bulk issue would issue.
    pub fn to_issue(&self) -> impl Iterator<Item = &Standing> {
        self.completers().filter(|s| s.certificate.is_none())
    }
}

/// A training the user may plan: 404 when the activity is not a training.
pub(crate) async fn training_for(
    app: &App,
    user: &User,
    action: Action,
    id: ActivityId,
) -> Result<Activity> {
    let a = activity_for(app, user, action, id).await?;
    if a.kind != ActivityKind::Training {
        return Err(AppError::NotFound);
    }
    Ok(a)
}

/// Sessions as the completion rule counts them: (id, contact minutes). A training with no
/// sessions is one, the activity itself (session 0), its whole length as contact time.
pub fn counted_sessions(a: &Activity, sessions: &[Session]) -> Vec<(SessionId, i64)> {
    if sessions.is_empty() {
        vec![(SessionId(0), a.ends_at.minutes_since(a.starts_at))]
    } else {
        sessions.iter().map(|s| (s.id, s.contact_minutes)).collect()
    }
}

pub async fn view(app: &App, user: &User, id: ActivityId) -> Result<TrainingView> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    read(&mut conn, a).await
}

/// The training's state as one read (also what a bulk issue works from).
pub(crate) async fn read(conn: &mut Conn, a: Activity) -> Result<TrainingView> {
    let training = db::get(conn, a.id).await?;
    let sessions = db::sessions(conn, a.id).await?;
    let participants = db::participants(conn, a.id).await?;
    let certificates = certificates_db::of_activity(conn, a.id).await?;
    let batch = certificates_db::latest_batch(conn, a.id).await?;
    let counted = counted_sessions(&a, &sessions);
    let mut standings: Vec<Standing> = participants
        .into_iter()
        .map(|p: Participant| {
            let attended: Vec<SessionId> = p.attended.iter().map(|&s| SessionId(s)).collect();
            Standing {
                progress: progress(&training, &counted, &attended, p.distance_done_on.is_some()),
                certificate: certificates
                    .iter()
                    .find(|c| c.person_id == p.person)
                    .cloned(),
                person: p.person,
                name: p.name,
                distance_done_on: p.distance_done_on,
            }
        })
        .collect();
    standings.sort_by(|x, y| text::hu_cmp(&x.name, &y.name));
    Ok(TrainingView {
        activity: a,
        training,
        sessions,
        standings,
        batch,
    })
}

pub async fn save_settings(
    app: &App,
    user: &User,
    id: ActivityId,
    form: &TrainingForm,
    version: i64,
) -> Result<Training> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let current = db::get(&mut tx, a.id).await?;
    // The same values saved again change nothing (and make nobody's open form stale).
    if (current.distance_minutes, current.completion_percent)
        == (input.distance_minutes, input.completion_percent)
    {
        return Ok(current);
    }
    if !db::save(&mut tx, a.id, input, version).await? {
        return Err(AppError::Conflict);
    }
    audit(&mut tx, user, &a, "training_settings", "", now).await?;
    let saved = db::get(&mut tx, a.id).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(saved)
}

pub async fn add_session(
    app: &App,
    user: &User,
    id: ActivityId,
    form: &SessionForm,
) -> Result<SessionId> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let input = form
        .validate(a.starts_at, a.ends_at)
        .map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let existing = db::sessions(&mut tx, a.id).await?;
    // Ticks for the training as a whole would stop counting once it has sessions.
    if existing.is_empty() && db::attendance_count(&mut tx, a.id, None).await? > 0 {
        return Err(AppError::invalid("date", "err-session-after-attendance"));
    }
    // Overlapping sessions would count the same hours twice (a double click included).
    let new = (input.starts_at, input.ends_at);
    if existing
        .iter()
        .any(|s| overlaps((s.starts_at, s.ends_at), new))
    {
        return Err(AppError::invalid("starts", "err-session-overlap"));
    }
    let sid = db::add_session(&mut tx, a.id, &input).await?;
    audit(&mut tx, user, &a, "session_add", &input.title, now).await?;
    cache_versions::bump(&mut tx, &cache_versions::programme(a.programme_id.0)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(sid)
}

/// Remove a session nobody attended (attendance is evidence; it is not thrown away).
pub async fn delete_session(
    app: &App,
    user: &User,
    id: ActivityId,
    session: SessionId,
) -> Result<()> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    if db::attendance_count(&mut tx, a.id, Some(session)).await? > 0 {
        return Err(AppError::invalid("session", "err-session-has-attendance"));
    }
    if !db::delete_session(&mut tx, a.id, session).await? {
        return Err(AppError::NotFound);
    }
    audit(
        &mut tx,
        user,
        &a,
        "session_delete",
        &session.0.to_string(),
        now,
    )
    .await?;
    cache_versions::bump(&mut tx, &cache_versions::programme(a.programme_id.0)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Record (or take back) that a participant did the distance part; dated today.
pub async fn set_distance(
    app: &App,
    user: &User,
    id: ActivityId,
    person: PersonId,
    done: bool,
) -> Result<()> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let participants = db::participants(&mut tx, a.id).await?;
    if !participants.iter().any(|p| p.person == person) {
        return Err(AppError::NotFound);
    }
    let on = done.then(|| now.date());
    db::set_distance(&mut tx, a.id, person, on, user.id).await?;
    let what = if done {
        "distance_done"
    } else {
        "distance_undone"
    };
    audit(&mut tx, user, &a, what, &format!("#{}", person.0), now).await?;
    cache_versions::bump(&mut tx, &cache_versions::programme(a.programme_id.0)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

pub(crate) async fn audit(
    conn: &mut Conn,
    user: &User,
    a: &Activity,
    action: &str,
    detail: &str,
    now: Instant,
) -> Result<()> {
    let detail = if detail.is_empty() {
        format!("{} #{}", a.title, a.id)
    } else {
        format!("{} #{}: {detail}", a.title, a.id)
    };
    kozos_db::audit::record(
        conn,
        &now.stored(),
        Some(user.id),
        action,
        "programme",
        Some(a.programme_id.0),
        &detail,
    )
    .await?;
    Ok(())
}

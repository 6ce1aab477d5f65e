//! Certificates of completed trainings: issued in bulk by a job (the page shows its
//! progress), verified by anyone at `/verify/{number}`, revoked with a reason.
//!
//! Each certificate's PDF is made and stored when it is issued, so what was handed out
//! can be handed out again unchanged. One certificate is made at a time (a few
//! milliseconds and tens of kilobytes each): memory stays flat however many are issued.

use super::trainings::{self, training_for};
use crate::jobs::{self, Job, JobResult, NewJob, Permanent};
use crate::{App, AppError, Result};
use kozos_db::participation::certificates::{self as db, Batch, NewCertificate};
use kozos_db::participation::trainings as trainings_db;
use kozos_db::{cache_versions, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::programme::Programme;
use kozos_domain::time::Date;
use kozos_domain::user::User;
use kozos_domain::*;
use serde::{Deserialize, Serialize};

/// The job kind that issues a batch.
pub const ISSUE: &str = "certificates.issue";

#[derive(Debug, Serialize, Deserialize)]
pub struct IssueJob {
    pub batch: i64,
}

/// Ask for certificates for every completer who has none yet. Returns the batch (an
/// unfinished one if there is one: asking twice is one batch).
pub async fn issue(app: &App, user: &User, id: ActivityId) -> Result<Batch> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    if let Some(open) = db::open_batch(&mut tx, a.id).await? {
        return Ok(open);
    }
    let view = trainings::read(&mut tx, a.clone()).await?;
    let total = view.to_issue().count() as i64;
    if total == 0 {
        return Err(AppError::invalid("certificates", "err-nobody-to-certify"));
    }
    let batch = db::new_batch(&mut tx, a.id, total, user.id, now).await?;
    let job = NewJob::new(ISSUE)
        .payload(&IssueJob { batch })?
        .dedupe_key(&format!("certificates.issue:{batch}"));
    jobs::enqueue(app, &mut tx, &job).await?;
    trainings::audit(
        &mut tx,
        user,
        &a,
        "certificates_issue",
        &total.to_string(),
        now,
    )
    .await?;
    let b = db::batch(&mut tx, batch)
        .await?
        .ok_or_else(|| AppError::Internal("batch vanished".into()))?;
    tx.commit().await.map_err(DbError::from)?;
    app.jobs().poke();
    Ok(b)
}

/// The job: issue the batch's certificates one by one, each committed with the batch's
/// progress. Run again (after a crash), it issues only those still missing. A run that
/// fails marks its batch failed, so the page offers the issue again rather than waiting
/// for a batch that may never finish (a retry of the job still completes it; each person
/// is issued one certificate either way).
pub(crate) async fn run(app: App, job: Job) -> JobResult {
    let p: IssueJob = jobs::payload(&job)?;
    let result = issue_batch(&app, &p).await;
    if let Err(e) = &result {
        tracing::warn!(batch = p.batch, error = %e, "certificate batch failed");
        if let Ok(mut conn) = app.db.pool.acquire().await {
            if let Ok(Some(b)) = db::batch(&mut conn, p.batch).await {
                let _ = db::progress(&mut conn, b.id, b.done, "failed", None).await;
            }
        }
    }
    result
}

async fn issue_batch(app: &App, p: &IssueJob) -> JobResult {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let Some(batch) = db::batch(&mut conn, p.batch).await? else {
        return Err(Permanent("no such batch".into()).into());
    };
    if batch.state == "done" {
        return Ok(());
    }
    let a = kozos_db::programmes::activities::activity(&mut conn, batch.activity)
        .await?
        .ok_or_else(|| Permanent("the training is gone".into()))?;
    let programme = kozos_db::programmes::get(&app.db, a.programme_id)
        .await?
        .ok_or_else(|| Permanent("the programme is gone".into()))?;
    let view = trainings::read(&mut conn, a.clone()).await?;
    drop(conn);
    let completed_on = trainings_db::last_end(a.ends_at, &view.sessions).date();
    let already = batch.total - view.to_issue().count() as i64;
    let mut done = already.clamp(0, batch.total);
    {
        let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
        db::progress(&mut conn, batch.id, done, "running", None).await?;
    }
    for s in view.to_issue() {
        let facts = Facts {
            number: new_number(completed_on.year()),
            name: s.name.clone(),
            training: a.title.clone(),
            contact_minutes: s.progress.attended_minutes,
            completed_on,
        };
        let pdf = render(app, &programme, &a, &facts);
        let now = app.clock.instant();
        let mut tx = app.db.begin().await?;
        db::insert(
            &mut tx,
            NewCertificate {
                activity: a.id,
                person: s.person,
                number: &facts.number,
                name: &facts.name,
                training: &facts.training,
                contact_minutes: facts.contact_minutes,
                completed_on,
                by: None,
                pdf: Some(&pdf),
            },
            now,
        )
        .await?;
        done = (done + 1).min(batch.total);
        db::progress(&mut tx, batch.id, done, "running", None).await?;
        tx.commit().await.map_err(DbError::from)?;
        // A certificate takes a few milliseconds of CPU; let other tasks in between.
        tokio::task::yield_now().await;
    }
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    db::progress(&mut tx, batch.id, batch.total, "done", Some(now)).await?;
    cache_versions::bump(&mut tx, &cache_versions::programme(a.programme_id.0)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// What a certificate states.
struct Facts {
    number: String,
    name: String,
    training: String,
    contact_minutes: i64,
    completed_on: Date,
}

fn new_number(year: i32) -> String {
    let mut bytes = [0u8; CERTIFICATE_RANDOM_BYTES];
    getrandom::getrandom(&mut bytes).expect("the operating system's random source");
    CertificateNumber::from_random(year, bytes)
        .as_str()
        .to_string()
}

fn render(app: &App, programme: &Programme, a: &Activity, f: &Facts) -> Vec<u8> {
    let issuer = a
        .organiser_name
        .clone()
        .or_else(|| programme.beneficiary_name.clone())
        .unwrap_or_else(|| programme.title.clone());
    kozos_pdf::certificate(&kozos_pdf::Certificate {
        number: f.number.clone(),
        name: f.name.clone(),
        training: f.training.clone(),
        hours: format!(
            "{} óra",
            kozos_domain::money::hours_text(f.contact_minutes, ',')
        ),
        completed: f.completed_on.naive().format("%Y. %m. %d.").to_string(),
        issuer,
        verify_url: verify_url(app, &f.number),
        publicity: crate::documents::publicity(programme),
    })
}

/// Where a certificate's QR code points.
pub fn verify_url(app: &App, number: &str) -> String {
    format!("{}/verify/{number}", app.public_url())
}

/// A batch of this training, for its progress.
pub async fn batch(app: &App, user: &User, id: ActivityId, batch: i64) -> Result<Batch> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::batch(&mut conn, batch)
        .await?
        .filter(|b| b.activity == a.id)
        .ok_or(AppError::NotFound)
}

/// A certificate of this training.
pub async fn get(
    app: &App,
    user: &User,
    id: ActivityId,
    cert: CertificateId,
) -> Result<Certificate> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::get(&mut conn, cert)
        .await?
        .filter(|c| c.activity_id == a.id)
        .ok_or(AppError::NotFound)
}

/// A certificate of this training and its PDF. One issued without a stored copy (the
/// demo's) is made now from what it states.
pub async fn pdf(
    app: &App,
    user: &User,
    id: ActivityId,
    cert: CertificateId,
) -> Result<(Certificate, Vec<u8>)> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let c = db::get(&mut conn, cert)
        .await?
        .filter(|c| c.activity_id == a.id)
        .ok_or(AppError::NotFound)?;
    let bytes = match db::pdf(&mut conn, cert).await? {
        Some(b) => b,
        None => {
            let programme = kozos_db::programmes::get(&app.db, a.programme_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let facts = Facts {
                number: c.number.clone(),
                name: c.name.clone(),
                training: c.training.clone(),
                contact_minutes: c.contact_minutes,
                completed_on: c.completed_on,
            };
            render(app, &programme, &a, &facts)
        }
    };
    Ok((c, bytes))
}

pub async fn revoke(
    app: &App,
    user: &User,
    id: ActivityId,
    cert: CertificateId,
    form: &RevokeForm,
) -> Result<()> {
    let a = training_for(app, user, Action::ManageActivities, id).await?;
    let reason = form.validate().map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let c = db::get(&mut tx, cert)
        .await?
        .filter(|c| c.activity_id == a.id)
        .ok_or(AppError::NotFound)?;
    if !db::revoke(&mut tx, c.id, &reason, now).await? {
        return Err(AppError::invalid("reason", "err-already-revoked"));
    }
    trainings::audit(
        &mut tx,
        user,
        &a,
        "certificate_revoke",
        &format!("{} ({reason})", c.number),
        now,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// What the public verify page finds for a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// Not a certificate number at all, or mistyped (its check symbol is wrong).
    Mistyped,
    /// A well-formed number nobody issued.
    Unknown,
    Found(Certificate),
}

/// Anyone may check a number; the answer names the person, the training, the hours and
/// the date, and nothing more.
pub async fn verify(app: &App, number: &str) -> Result<Verified> {
    let Some(n) = CertificateNumber::parse(number) else {
        return Ok(Verified::Mistyped);
    };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(match db::by_number(&mut conn, n.as_str()).await? {
        Some(c) => Verified::Found(c),
        None => Verified::Unknown,
    })
}

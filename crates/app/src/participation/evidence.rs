//! Evidence on an activity: staff who run it upload the signed attendance sheet, photos,
//! the invitation, the memo; staff and those who audit the programme read and download
//! them; those who plan its activities delete them. Every upload and delete is in the
//! change log.

use super::{activity_for, load_activity};
use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::participation::evidence as db;
use kozos_db::{audit, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::participation::{validate_upload, EvidenceFile};
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;
use sha2::{Digest, Sha256};

/// A file as it arrived: the name and bytes the browser sent (the content type it
/// claimed is not asked for: the bytes say what the file is).
pub struct Upload<'a> {
    pub kind: &'a str,
    pub file: Option<(&'a str, &'a [u8])>,
}

/// A file's SHA-256 in lowercase hex, kept with every evidence file.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the user may do with an activity's evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvidenceRights {
    pub upload: bool,
    pub delete: bool,
}

/// Who may add files: those who check people in or plan the activities.
async fn may_upload(app: &App, user: &User, a: &Activity) -> Result<bool> {
    for action in [Action::CheckIn, Action::ManageActivities] {
        match authorise(app, user, action, a.programme_id).await {
            Ok(_) => return Ok(true),
            Err(AppError::Forbidden) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

async fn may(app: &App, user: &User, action: Action, a: &Activity) -> Result<bool> {
    match authorise(app, user, action, a.programme_id).await {
        Ok(_) => Ok(true),
        Err(AppError::Forbidden) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The activity with what the user may do with its files; refused unless they may at
/// least upload or read them.
pub async fn rights(app: &App, user: &User, id: ActivityId) -> Result<(Activity, EvidenceRights)> {
    let a = load_activity(app, id).await?;
    let rights = EvidenceRights {
        upload: may_upload(app, user, &a).await?,
        delete: may(app, user, Action::ManageActivities, &a).await?,
    };
    if !rights.upload && !may(app, user, Action::ViewEvidence, &a).await? {
        return Err(AppError::Forbidden);
    }
    Ok((a, rights))
}

/// An activity's files (without their bytes) and what the user may do with them.
pub async fn list(
    app: &App,
    user: &User,
    id: ActivityId,
) -> Result<(Activity, Vec<EvidenceFile>, EvidenceRights)> {
    let a = activity_for(app, user, Action::ViewEvidence, id).await?;
    let rights = EvidenceRights {
        upload: may_upload(app, user, &a).await?,
        delete: may(app, user, Action::ManageActivities, &a).await?,
    };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let files = db::list(&mut conn, a.id).await?;
    Ok((a, files, rights))
}

/// Store a file on the activity. Checked whole before anything is written: the kind, the
/// size, the type by content; the name is cleaned.
pub async fn upload(
    app: &App,
    user: &User,
    id: ActivityId,
    upload: &Upload<'_>,
) -> Result<EvidenceFile> {
    let a = load_activity(app, id).await?;
    if !may_upload(app, user, &a).await? {
        return Err(AppError::Forbidden);
    }
    let checked = validate_upload(upload.kind, upload.file).map_err(AppError::Invalid)?;
    let bytes = upload.file.map(|(_, b)| b).unwrap_or_default();
    let sha256 = sha256_hex(bytes);
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let file_id = db::insert(
        &mut tx,
        db::NewEvidence {
            activity: a.id,
            kind: checked.kind,
            file_name: &checked.file_name,
            content_type: checked.file_type.content_type(),
            sha256: &sha256,
            data: bytes,
            by: Some(user.id),
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "upload_evidence",
        "programme",
        Some(a.programme_id.0),
        &format!(
            "{} #{}: {} #{} ({}, {} B, sha256 {})",
            a.title,
            a.id,
            checked.file_name,
            file_id,
            checked.kind.as_str(),
            bytes.len(),
            sha256
        ),
    )
    .await?;
    let stored = db::get(&mut tx, a.id, file_id)
        .await?
        .ok_or_else(|| AppError::Internal("evidence file vanished".into()))?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(stored)
}

/// One file of the activity, without its bytes (for the delete page).
pub async fn get(
    app: &App,
    user: &User,
    id: ActivityId,
    file: EvidenceId,
) -> Result<(Activity, EvidenceFile)> {
    let a = activity_for(app, user, Action::ViewEvidence, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let f = db::get(&mut conn, a.id, file)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((a, f))
}

/// One file of the activity with its bytes, for those who may read the evidence.
pub async fn download(
    app: &App,
    user: &User,
    id: ActivityId,
    file: EvidenceId,
) -> Result<(EvidenceFile, Vec<u8>)> {
    let a = activity_for(app, user, Action::ViewEvidence, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::with_data(&mut conn, a.id, file)
        .await?
        .ok_or(AppError::NotFound)
}

/// Remove a file of the activity (those who plan its activities), named in the change log.
pub async fn delete(
    app: &App,
    user: &User,
    id: ActivityId,
    file: EvidenceId,
) -> Result<EvidenceFile> {
    let a = activity_for(app, user, Action::ManageActivities, id).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let f = db::get(&mut tx, a.id, file)
        .await?
        .ok_or(AppError::NotFound)?;
    db::delete(&mut tx, a.id, file).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "delete_evidence",
        "programme",
        Some(a.programme_id.0),
        &format!(
            "{} #{}: {} #{} ({}, {} B, sha256 {})",
            a.title,
            a.id,
            f.file_name,
            f.id,
            f.kind.as_str(),
            f.size,
            f.sha256
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(f)
}

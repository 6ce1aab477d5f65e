//! Manual values with their evidence files, and the explanation of a deviation that the
//! progress report carries for each indicator and period.

use crate::participation::evidence::sha256_hex;
use crate::programmes::authorise;
use crate::write::saved;
use crate::{App, AppError, Result};
use kozos_db::indicators::{self as db, ManualValue, NewManualValue, Touch};
use kozos_db::{audit, DbError};
use kozos_domain::indicator::*;
use kozos_domain::participation::{FileType, MAX_EVIDENCE_BYTES};
use kozos_domain::policy::{allows, Action};
use kozos_domain::user::User;
use kozos_domain::*;

/// A manual indicator, its values, and whether the reader may add values and open files.
#[derive(Debug, Clone)]
pub struct ManualValues {
    pub indicator: Indicator,
    pub values: Vec<ManualValue>,
    pub can_manage: bool,
    pub can_open_files: bool,
}

async fn manual_indicator(
    conn: &mut kozos_db::Conn,
    programme: ProgrammeId,
    id: IndicatorId,
) -> Result<Indicator> {
    let ind = db::get(conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !matches!(ind.source, Source::Manual(_)) {
        return Err(AppError::NotFound);
    }
    Ok(ind)
}

pub async fn values(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
) -> Result<ManualValues> {
    let target = authorise(app, user, Action::ViewIndicators, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let indicator = manual_indicator(&mut conn, programme, id).await?;
    let values = db::manual_values(&mut conn, id).await?;
    let can_manage = allows(&user.grants, Action::ManageIndicators, &target);
    Ok(ManualValues {
        indicator,
        values,
        can_manage,
        can_open_files: can_manage || allows(&user.grants, Action::ViewEvidence, &target),
    })
}

/// Record a value with its evidence file (required: a number nobody can check is not
/// evidence). The file is checked like an activity's evidence: size, type by content,
/// a clean name.
pub async fn add(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
    form: &ManualValueForm,
    file: Option<(&str, &[u8])>,
) -> Result<ManualValueId> {
    authorise(app, user, Action::ManageIndicators, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let indicator = manual_indicator(&mut conn, programme, id).await?;
    drop(conn);
    let (input, mut e) = match form.validate(indicator.unit()) {
        Ok(v) => (Some(v), FieldErrors::new()),
        Err(e) => (None, e),
    };
    let checked = match file {
        None => {
            e.add("file", "evidence-err-file-required");
            None
        }
        Some((_, [])) => {
            e.add("file", "evidence-err-empty");
            None
        }
        Some((_, b)) if b.len() > MAX_EVIDENCE_BYTES => {
            e.add("file", "evidence-err-too-large");
            None
        }
        Some((name, b)) => match FileType::sniff(b) {
            Some(t) => Some((t, kozos_domain::participation::clean_file_name(name, t), b)),
            None => {
                e.add("file", "evidence-err-type");
                None
            }
        },
    };
    let (Some(input), Some((t, file_name, bytes))) = (input, checked) else {
        return Err(AppError::Invalid(e));
    };
    let sha256 = sha256_hex(bytes);
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let value = db::insert_manual(
        &mut tx,
        id,
        &NewManualValue {
            on: input.on,
            amount: input.amount,
            note: &input.note,
            file_name: &file_name,
            media_type: t.content_type(),
            sha256: &sha256,
            data: bytes,
        },
        Some(user.id),
        now,
    )
    .await?;
    db::touch(&mut tx, programme, Touch::Indicator(id)).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "add_indicator_value",
        "programme",
        Some(programme.0),
        &format!(
            "{} {}: {} ({file_name}, sha256 {sha256})",
            indicator.code,
            input.on.stored(),
            input.amount
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(value)
}

/// A value's evidence file, for those who may read evidence or manage indicators.
pub async fn file(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
    value: ManualValueId,
) -> Result<(String, String, Vec<u8>)> {
    let target = authorise(app, user, Action::ViewIndicators, programme).await?;
    if !(allows(&user.grants, Action::ManageIndicators, &target)
        || allows(&user.grants, Action::ViewEvidence, &target))
    {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    manual_indicator(&mut conn, programme, id).await?;
    db::manual_file(&mut conn, id, value)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn delete(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
    value: ManualValueId,
) -> Result<()> {
    authorise(app, user, Action::ManageIndicators, programme).await?;
    let mut tx = app.db.begin().await?;
    let indicator = manual_indicator(&mut tx, programme, id).await?;
    if !db::delete_manual(&mut tx, id, value).await? {
        return Err(AppError::NotFound);
    }
    db::touch(&mut tx, programme, Touch::Indicator(id)).await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "delete_indicator_value",
        "programme",
        Some(programme.0),
        &format!("{} #{}", indicator.code, value.0),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Save the explanation of an indicator's deviation in a period, from the version the
/// form was opened at (0: none yet). Empty text is a valid explanation: nothing to say.
pub async fn explain(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
    period: ReportPeriod,
    body: &str,
    version: i64,
) -> Result<()> {
    authorise(app, user, Action::ManageIndicators, programme).await?;
    let mut e = FieldErrors::new();
    let body = kozos_domain::validation::long_text(&mut e, "explanation", body, 4_000);
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let mut tx = app.db.begin().await?;
    let indicator = db::get(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = period.key();
    if let Some((was, _)) = db::explanation(&mut tx, id, &key).await? {
        if was == body {
            return Ok(());
        }
    }
    saved(
        db::save_explanation(
            &mut tx,
            id,
            &key,
            &body,
            version,
            user.id,
            app.clock.instant(),
        )
        .await?,
    )?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "explain_indicator",
        "programme",
        Some(programme.0),
        &format!("{} {key}", indicator.code),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

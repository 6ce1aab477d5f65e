//! Defining a programme's indicators: its own, or adopted from its call's templates (the
//! definition stays the template's, so it adds up over places); editing, deleting, and
//! what the form picks from. Every change recomputes the indicator in its transaction.

use super::{call_of, programme};
use crate::programmes::authorise;
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::indicators::{self as db, Touch};
use kozos_db::{audit, DbError};
use kozos_domain::indicator::*;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

/// One indicator of the programme (for its form).
pub async fn get(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
) -> Result<Indicator> {
    authorise(app, user, Action::ViewIndicators, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::get(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The codes of a programme's indicators a ratio may divide (not ratios themselves).
async fn check_ratio(
    conn: &mut kozos_db::Conn,
    programme: ProgrammeId,
    input: &IndicatorInput,
    except: Option<IndicatorId>,
) -> Result<()> {
    if let Source::Ratio {
        numerator,
        denominator,
    } = &input.source
    {
        let others = db::of_programme(conn, programme).await?;
        let mut e = FieldErrors::new();
        for (field, code) in [("numerator", numerator), ("denominator", denominator)] {
            let ok = others.iter().any(|o| {
                Some(o.id) != except && &o.code == code && !matches!(o.source, Source::Ratio { .. })
            });
            if !ok {
                e.add(field, "err-ratio-unknown");
            }
        }
        if !e.is_empty() {
            return Err(AppError::Invalid(e));
        }
    }
    Ok(())
}

/// Ids a definition names must exist, and activities and series must be the programme's
/// own (ids from a form are hostile).
async fn check_references(app: &App, programme: ProgrammeId, input: &IndicatorInput) -> Result<()> {
    let mut e = FieldErrors::new();
    if let Some(place) = input.source.people_filter().and_then(|p| p.residence) {
        if kozos_db::places::get(&app.db, place).await?.is_none() {
            e.add("residence_id", "err-choice");
        }
    }
    if let Some(f) = input.source.activity_filter() {
        let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
        for a in &f.activities {
            if kozos_db::programmes::activities::programme_of(&mut conn, *a).await?
                != Some(programme)
            {
                e.add("activity_ids", "err-choice");
                break;
            }
        }
        if let Some(s) = f.series {
            let theirs = kozos_db::programmes::series::series(&mut conn, s).await?;
            if theirs.is_none_or(|s| s.programme_id != programme) {
                e.add("series_id", "err-choice");
            }
        }
    }
    e.into_result(()).map_err(AppError::Invalid)
}

/// Define an indicator, or adopt one of the call's templates (its code, names and
/// definition are the template's; the target and dates are the programme's).
pub async fn create(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    form: &IndicatorForm,
    template: Option<TemplateId>,
    once: Option<&str>,
) -> Result<IndicatorId> {
    authorise(app, user, Action::ManageIndicators, programme).await?;
    let p = self::programme(app, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let template = match template {
        Some(t) => {
            let t = db::template(&mut conn, t)
                .await?
                .ok_or(AppError::NotFound)?;
            // Only the programme's own call's templates are offered.
            if call_of(&p).as_deref() != Some(t.call_code.as_str()) {
                return Err(AppError::NotFound);
            }
            Some(t)
        }
        None => None,
    };
    let form = match &template {
        Some(t) => adopted_form(t, form),
        None => form.clone(),
    };
    let input = form.validate().map_err(AppError::Invalid)?;
    check_ratio(&mut conn, programme, &input, None).await?;
    drop(conn);
    check_references(app, programme, &input).await?;
    let once = Once::new(
        "indicator",
        once,
        &(programme, template.as_ref().map(|t| t.id), &form),
    );
    let mut tx = app.db.begin().await?;
    if let Some(prev) = once.claim(app, &mut tx, user).await? {
        return Ok(IndicatorId(prev));
    }
    let id = db::insert(
        &mut tx,
        programme,
        &input,
        template.as_ref(),
        app.clock.instant(),
    )
    .await?;
    db::touch(&mut tx, programme, Touch::Indicator(id)).await?;
    once.complete(&mut tx, user, id.0).await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "add_indicator",
        "programme",
        Some(programme.0),
        &format!("{} {}", input.code, input.name_hu),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

/// A template's definition with the programme's target, baseline and dates.
fn adopted_form(t: &Template, typed: &IndicatorForm) -> IndicatorForm {
    let shell = Indicator {
        id: IndicatorId(0),
        programme_id: ProgrammeId(0),
        template_id: Some(t.id),
        rollup_key: t.key.clone(),
        key_id: t.key_id,
        code: t.code.clone(),
        name_hu: t.name_hu.clone(),
        name_en: t.name_en.clone(),
        description: t.description.clone(),
        source: t.source.clone(),
        baseline: 0,
        target: 0,
        deadline: None,
        milestones: Vec::new(),
        version: 0,
    };
    IndicatorForm {
        baseline: typed.baseline.clone(),
        target: typed.target.clone(),
        deadline: typed.deadline.clone(),
        milestones: typed.milestones.clone(),
        ..IndicatorForm::from_indicator(&shell, ',')
    }
}

/// Save an edit made from `version`. An adopted indicator keeps its template's code and
/// definition; only its target, baseline and dates are the programme's to change.
pub async fn update(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: IndicatorId,
    form: &IndicatorForm,
    version: Option<i64>,
) -> Result<()> {
    authorise(app, user, Action::ManageIndicators, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let stored = db::get(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = match stored.template_id {
        Some(t) => {
            let t = db::template(&mut conn, t)
                .await?
                .ok_or(AppError::NotFound)?;
            adopted_form(&t, form)
        }
        None => form.clone(),
    };
    let input = form.validate().map_err(AppError::Invalid)?;
    let was = IndicatorForm::from_indicator(&stored, ',').validate().ok();
    if was.as_ref() == Some(&input) {
        return Ok(());
    }
    check_ratio(&mut conn, programme, &input, Some(id)).await?;
    drop(conn);
    check_references(app, programme, &input).await?;
    let mut tx = app.db.begin().await?;
    saved(
        db::update(
            &mut tx,
            programme,
            id,
            &input,
            stored.template_id,
            version.unwrap_or(stored.version),
            app.clock.instant(),
        )
        .await?,
    )?;
    let now = db::get(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if now.key_id != stored.key_id {
        db::maintain::rekey(&mut tx, &now, stored.key_id).await?;
    }
    db::touch(&mut tx, programme, Touch::Indicator(id)).await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "update_indicator",
        "programme",
        Some(programme.0),
        &format!("{} {}", input.code, input.name_hu),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Remove an indicator (confirmed on its own page). A ratio that divides it is refused.
pub async fn delete(app: &App, user: &User, programme: ProgrammeId, id: IndicatorId) -> Result<()> {
    authorise(app, user, Action::ManageIndicators, programme).await?;
    let mut tx = app.db.begin().await?;
    let stored = db::get(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let used = db::of_programme(&mut tx, programme).await?.into_iter().any(|o| {
        matches!(&o.source, Source::Ratio { numerator, denominator } if *numerator == stored.code || *denominator == stored.code)
    });
    if used {
        let mut e = FieldErrors::new();
        e.add("code", "err-indicator-in-ratio");
        return Err(AppError::Invalid(e));
    }
    db::delete(&mut tx, programme, id).await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        Some(user.id),
        "delete_indicator",
        "programme",
        Some(programme.0),
        &format!("{} {}", stored.code, stored.name_hu),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// What an indicator form picks from: the programme's series, activities and the codes
/// a ratio may divide.
#[derive(Debug, Clone, Default)]
pub struct FormChoices {
    pub series: Vec<(SeriesId, String)>,
    pub activities: Vec<(ActivityId, String, kozos_domain::time::Instant)>,
    /// Codes and names of the programme's indicators that are not ratios.
    pub codes: Vec<(String, String)>,
    pub settlements: Vec<kozos_domain::place::Place>,
}

pub async fn form_choices(app: &App, user: &User, id: ProgrammeId) -> Result<FormChoices> {
    authorise(app, user, Action::ManageIndicators, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let series = kozos_db::programmes::series::series_in(&mut conn, id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let filter = kozos_db::programmes::activities::Filter {
        programme: Some(id),
        ..Default::default()
    };
    let activities = kozos_db::programmes::activities::list(&mut conn, &filter)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title, a.starts_at))
        .collect();
    let codes = db::of_programme(&mut conn, id)
        .await?
        .into_iter()
        .filter(|i| !matches!(i.source, Source::Ratio { .. }))
        .map(|i| (i.code, i.name_hu))
        .collect();
    drop(conn);
    Ok(FormChoices {
        series,
        activities,
        codes,
        settlements: crate::catalogue::settlements(app).await?,
    })
}

/// One of the programme's call's templates (to adopt it, or to show what an adopted
/// indicator counts). Another call's template is not found here.
pub async fn template(
    app: &App,
    user: &User,
    id: ProgrammeId,
    template: TemplateId,
) -> Result<Template> {
    authorise(app, user, Action::ViewIndicators, id).await?;
    let p = programme(app, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let t = db::template(&mut conn, template)
        .await?
        .ok_or(AppError::NotFound)?;
    if call_of(&p).as_deref() != Some(t.call_code.as_str()) {
        return Err(AppError::NotFound);
    }
    Ok(t)
}

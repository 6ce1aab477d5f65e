//! A programme's indicator pages: the dashboard, the drill-down, and the form to define,
//! adopt, edit or delete an indicator.

use super::form::{self, FormPage};
use super::views;
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::programmes::records::views::confirm_page;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::indicators::{self, FormChoices};
use kozos_app::AppError;
use kozos_domain::indicator::{IndicatorForm, ReportPeriod, Template};
use kozos_domain::time::Date;
use kozos_domain::{FieldErrors, IndicatorId, ProgrammeId, TemplateId};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PeriodQuery {
    pub period: String,
    pub page: Option<i64>,
    pub template: Option<i64>,
}

/// `?period=` as a report period: empty is "to date"; anything else that does not read
/// as a year, quarter or month is a bad request.
pub fn period(ctx: &Ctx, raw: &str) -> Result<Option<ReportPeriod>, WebError> {
    match raw.trim() {
        "" => Ok(None),
        t => ReportPeriod::parse(t)
            .map(Some)
            .ok_or_else(|| WebError::bad_request(ctx.lang)),
    }
}

/// The periods worth offering for a programme: from its start (or a year back) to today.
pub fn options_for(start: Option<Date>, today: Date) -> Vec<ReportPeriod> {
    let first = start.filter(|s| *s <= today).unwrap_or(today);
    views::period_options(first, today)
}

pub async fn dashboard(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let period = period(&ctx, &q.period)?;
    let d = indicators::dashboard(&s.app, user, ProgrammeId(id), period).await?;
    let options = options_for(d.programme.start_date, s.app.clock.today());
    let title = format!("{} – {}", ctx.t("ind-title"), d.programme.title);
    Ok(layout::page(
        &ctx,
        &title,
        views::dashboard(&ctx, &d, &options),
    ))
}

pub async fn drill(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let period = period(&ctx, &q.period)?;
    let d = indicators::drill(
        &s.app,
        user,
        ProgrammeId(id),
        IndicatorId(ind),
        period,
        q.page.unwrap_or(1),
    )
    .await?;
    let p = indicators::programme_for(&s.app, user, ProgrammeId(id)).await?;
    let options = options_for(p.start_date, s.app.clock.today());
    let title = format!("{} – {}", d.indicator.code, ctx.t("ind-records"));
    Ok(layout::page(
        &ctx,
        &title,
        views::drill(&ctx, (id, &p.title), &d, &options),
    ))
}

/// The form page, fresh or with what came back refused.
#[allow(clippy::too_many_arguments)]
async fn render_form(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    editing: Option<IndicatorId>,
    template: Option<&Template>,
    f: &IndicatorForm,
    errors: &FieldErrors,
    state: &FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let choices = if template.is_some() {
        // An adopted definition is not edited: no pick lists to read.
        indicators::rights(&s.app, user, id)
            .await?
            .1
            .then(FormChoices::default)
            .ok_or_else(|| ctx.err()(AppError::Forbidden))?
    } else {
        indicators::form_choices(&s.app, user, id).await?
    };
    let p = indicators::programme_for(&s.app, user, id).await?;
    let page = FormPage {
        programme: (id.0, &p.title),
        form: f,
        errors,
        state,
        editing,
        template,
        choices: &choices,
    };
    let title = match editing {
        Some(_) => ctx.t("ind-edit"),
        None => ctx.t("ind-new"),
    };
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        form::page(ctx, &page),
    ))
}

async fn template_of(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    t: Option<i64>,
) -> Result<Option<Template>, WebError> {
    let user = ctx.require_user()?;
    match t {
        Some(t) => Ok(Some(
            indicators::template(&s.app, user, id, TemplateId(t)).await?,
        )),
        None => Ok(None),
    }
}

pub async fn new_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let pid = ProgrammeId(id);
    let template = template_of(&s, &ctx, pid, q.template).await?;
    let f = IndicatorForm::default();
    render_form(
        &s,
        &ctx,
        pid,
        None,
        template.as_ref(),
        &f,
        &FieldErrors::new(),
        &FormState::create(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
    form: EditForm<IndicatorForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let pid = ProgrammeId(id);
    let EditForm { form: f, meta } = form;
    match indicators::create(
        &s.app,
        user,
        pid,
        &f,
        q.template.map(TemplateId),
        meta.once.as_deref(),
    )
    .await
    {
        Ok(ind) => Ok(done(
            &format!("/admin/programmes/{id}/indicators#ind-{}", ind.0),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let template = template_of(&s, &ctx, pid, q.template).await?;
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            render_form(
                &s,
                &ctx,
                pid,
                None,
                template.as_ref(),
                &f,
                &errors,
                &state,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

async fn stored(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    ind: IndicatorId,
) -> Result<(kozos_domain::indicator::Indicator, Option<Template>), WebError> {
    let user = ctx.require_user()?;
    let i = indicators::get(&s.app, user, id, ind).await?;
    let t = template_of(s, ctx, id, i.template_id.map(|t| t.0)).await?;
    Ok((i, t))
}

pub async fn edit_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let pid = ProgrammeId(id);
    // Only those who may change it see the form.
    if !indicators::rights(&s.app, user, pid).await?.1 {
        return Err(ctx.err()(AppError::Forbidden));
    }
    let (i, t) = stored(&s, &ctx, pid, IndicatorId(ind)).await?;
    let f = IndicatorForm::from_indicator(&i, ctx.lang.decimal());
    let state = FormState::edit(i.version, &f);
    render_form(
        &s,
        &ctx,
        pid,
        Some(i.id),
        t.as_ref(),
        &f,
        &FieldErrors::new(),
        &state,
        StatusCode::OK,
    )
    .await
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
    form: EditForm<IndicatorForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (pid, iid) = (ProgrammeId(id), IndicatorId(ind));
    let EditForm { form: f, meta } = form;
    // A form without a version was never opened from the page: treat it as stale.
    let version = Some(meta.version.unwrap_or(-1));
    let back = format!("/admin/programmes/{id}/indicators#ind-{ind}");
    match indicators::update(&s.app, user, pid, iid, &f, version).await {
        Ok(()) => Ok(done(&back, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let (_, t) = stored(&s, &ctx, pid, iid).await?;
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            render_form(
                &s,
                &ctx,
                pid,
                Some(iid),
                t.as_ref(),
                &f,
                &errors,
                &state,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Conflict) => {
            let (current, t) = stored(&s, &ctx, pid, iid).await?;
            let theirs = IndicatorForm::from_indicator(&current, ctx.lang.decimal());
            let (merged, changes) = conflict::merge("ind", meta.was.as_deref(), &f, &theirs);
            // Saved meanwhile with the values this form was opened at: nothing of theirs
            // is lost by saving ours over it.
            if changes.is_empty() && meta.was.is_some() {
                return match indicators::update(&s.app, user, pid, iid, &f, Some(current.version))
                    .await
                {
                    Ok(()) => Ok(done(&back, "saved", ctx.secure_cookies)),
                    Err(e) => Err(ctx.err()(e)),
                };
            }
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            render_form(
                &s,
                &ctx,
                pid,
                Some(iid),
                t.as_ref(),
                &merged,
                &FieldErrors::new(),
                &state,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn confirm_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let pid = ProgrammeId(id);
    if !indicators::rights(&s.app, user, pid).await?.1 {
        return Err(ctx.err()(AppError::Forbidden));
    }
    let i = indicators::get(&s.app, user, pid, IndicatorId(ind)).await?;
    let what = format!("{} – {}", i.code, i.name_hu);
    let base = format!("/admin/programmes/{id}/indicators");
    Ok(layout::page(
        &ctx,
        &ctx.t("ind-delete"),
        confirm_page(
            &ctx,
            &ctx.t("ind-delete"),
            (&what, &[ctx.t("ind-delete-with")]),
            &format!("{base}/{ind}/delete"),
            &base,
        ),
    ))
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let base = format!("/admin/programmes/{id}/indicators");
    match indicators::delete(&s.app, user, ProgrammeId(id), IndicatorId(ind)).await {
        Ok(()) => Ok(done(&base, "deleted", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let key = errors.for_field("code").unwrap_or("err-choice");
            let body = maud::html! {
                h1 { (ctx.t("ind-delete")) }
                p.error role="alert" { (ctx.t(key)) }
                p { a href=(base) { (ctx.t("ind-back")) } }
            };
            Ok(layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx.t("ind-delete"),
                body,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

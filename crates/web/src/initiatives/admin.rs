//! Handlers of the back-office initiative pages and the moderation queue.

use super::admin_views::{self, admin_base, Forms};
use super::forms::{AssistanceForm, MoveForm, OutcomeForm, ReasonForm, StageQuery};
use crate::csrf::{CsrfForm, EditForm, Empty};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::initiatives::{manage, moderation};
use kozos_app::AppError;
use kozos_domain::initiative::Stage;
use kozos_domain::*;

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<StageQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let items = manage::list(&s.app, user, p, Stage::parse(q.stage.trim()))
        .await
        .map_err(ctx.err())?;
    Ok(layout::page(
        &ctx,
        &ctx.t("initiatives-admin-title"),
        admin_views::list(&ctx, p, &items),
    ))
}

async fn show_with(
    s: &AppState,
    ctx: &Ctx,
    p: ProgrammeId,
    i: InitiativeId,
    forms: Forms,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let v = manage::view(&s.app, user, p, i).await.map_err(ctx.err())?;
    let title = v.page.initiative.title.clone();
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        admin_views::show(ctx, &v, &forms),
    ))
}

pub async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    show_with(
        &s,
        &ctx,
        ProgrammeId(id),
        InitiativeId(i),
        Forms::default(),
        StatusCode::OK,
    )
    .await
}

/// A stale move is a conflict: someone moved it meanwhile. The page comes back (409) at
/// the stage it is at now, with what was typed kept and the new version, so moving again
/// is a deliberate choice.
pub async fn move_stage(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<MoveForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    match manage::move_stage(
        &s.app,
        user,
        p,
        i,
        &form.domain(),
        meta.version.unwrap_or(0),
    )
    .await
    {
        Ok(()) => Ok(done(
            &format!("{}/{i}", admin_base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let f = Forms {
                mv: Some((
                    form,
                    e,
                    FormState {
                        version: meta.version,
                        ..Default::default()
                    },
                )),
                ..Default::default()
            };
            show_with(&s, &ctx, p, i, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let now = manage::get(&s.app, user, p, i).await.map_err(ctx.err())?;
            let mut e = FieldErrors::new();
            e.add("to", "initiatives-moved-meanwhile");
            let f = Forms {
                mv: Some((
                    form,
                    e,
                    FormState {
                        version: Some(now.version),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            };
            show_with(&s, &ctx, p, i, f, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn add_assistance(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<AssistanceForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    match manage::add_assistance(&s.app, user, p, i, &form.domain(), meta.once.as_deref()).await {
        Ok(_) => Ok(done(
            &format!("{}/{i}", admin_base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let f = Forms {
                assistance: Some((
                    form,
                    e,
                    FormState {
                        once: meta.once.clone(),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            };
            show_with(&s, &ctx, p, i, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn assistance_delete_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, a)): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    let v = manage::view(&s.app, user, p, i).await.map_err(ctx.err())?;
    let Some(item) = v.page.assistance.iter().find(|x| x.id.0 == a) else {
        return Err(ctx.err()(AppError::NotFound));
    };
    let what = format!(
        "{}, {}",
        ctx.lang.date(item.input.given_on),
        ctx.t(item.input.kind.key())
    );
    let here = format!("{}/{i}", admin_base(p));
    Ok(layout::page(
        &ctx,
        &ctx.t("initiatives-delete-title"),
        super::views::confirm_delete(&ctx, &what, &format!("{here}/assistance/{a}/delete"), &here),
    ))
}

pub async fn assistance_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, a)): Path<(i64, i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    manage::delete_assistance(&s.app, user, p, i, AssistanceId(a))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("{}/{i}", admin_base(p)),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn outcome(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<OutcomeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    match manage::set_outcome(
        &s.app,
        user,
        p,
        i,
        &form.domain(),
        meta.version.unwrap_or(0),
    )
    .await
    {
        Ok(()) => Ok(done(
            &format!("{}/{i}", admin_base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let f = Forms {
                outcome: Some((
                    form,
                    e,
                    FormState {
                        version: meta.version,
                        ..Default::default()
                    },
                )),
                ..Default::default()
            };
            show_with(&s, &ctx, p, i, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let now = manage::get(&s.app, user, p, i).await.map_err(ctx.err())?;
            let mut e = FieldErrors::new();
            e.add("outcome", "initiatives-moved-meanwhile");
            let f = Forms {
                outcome: Some((
                    form,
                    e,
                    FormState {
                        version: Some(now.version),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            };
            show_with(&s, &ctx, p, i, f, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

async fn queue_page(
    s: &AppState,
    ctx: &Ctx,
    p: ProgrammeId,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let items = moderation::queue(&s.app, user, p)
        .await
        .map_err(ctx.err())?;
    Ok(layout::page_with_status(
        ctx,
        status,
        &ctx.t("initiatives-moderation"),
        admin_views::moderation(ctx, p, &items, errors),
    ))
}

pub async fn moderation(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    queue_page(
        &s,
        &ctx,
        ProgrammeId(id),
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn moderated(
    s: &AppState,
    ctx: &Ctx,
    p: ProgrammeId,
    r: Result<(), AppError>,
) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(done(
            &format!("/admin/programmes/{p}/moderation"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            queue_page(s, ctx, p, &e, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn hide(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, c)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<ReasonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let r = moderation::set_hidden(&s.app, user, p, CommentId(c), Some(&f.reason)).await;
    moderated(&s, &ctx, p, r).await
}

pub async fn restore(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, c)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let r = moderation::set_hidden(&s.app, user, p, CommentId(c), None).await;
    moderated(&s, &ctx, p, r).await
}

pub async fn block(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<ReasonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let r = moderation::set_blocked(&s.app, user, p, ResidentId(rid), Some(&f.reason)).await;
    moderated(&s, &ctx, p, r).await
}

//! Handlers of the moderation queue and of what moderators do to a question.

use super::admin_views;
use super::views::path;
use crate::csrf::{CsrfForm, EditForm, Empty};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::initiatives::forms::ReasonForm;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::questions::{self as uc, moderate};
use kozos_app::AppError;
use kozos_domain::community::questions::QuestionForm;
use kozos_domain::*;

const QUEUE: &str = "/admin/questions";

async fn queue_page(
    s: &AppState,
    ctx: &Ctx,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let items = moderate::queue(&s.app, user).await.map_err(ctx.err())?;
    Ok(layout::page_with_status(
        ctx,
        status,
        &ctx.t("questions-queue-title"),
        admin_views::queue(ctx, &items, errors),
    ))
}

pub async fn queue(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    queue_page(&s, &ctx, &FieldErrors::new(), StatusCode::OK).await
}

/// After a moderator's decision: back to the queue, or the queue again with the message.
async fn decided(s: &AppState, ctx: &Ctx, r: Result<(), AppError>) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(done(QUEUE, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => queue_page(s, ctx, &e, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn publish(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = moderate::publish(&s.app, user, ExpertQuestionId(id)).await;
    decided(&s, &ctx, r).await
}

pub async fn refuse(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ReasonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = moderate::refuse(&s.app, user, ExpertQuestionId(id), &f.reason).await;
    decided(&s, &ctx, r).await
}

pub async fn block(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ReasonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = moderate::block_asker(&s.app, user, ExpertQuestionId(id), &f.reason).await;
    decided(&s, &ctx, r).await
}

async fn edit_form(
    s: &AppState,
    ctx: &Ctx,
    id: ExpertQuestionId,
    (form, state, errors): (&QuestionForm, &FormState, &FieldErrors),
    status: StatusCode,
) -> Result<Response, WebError> {
    let programmes = uc::programme_choices(&s.app).await.map_err(ctx.err())?;
    Ok(layout::page_with_status(
        ctx,
        status,
        &ctx.t("questions-correct"),
        admin_views::edit(ctx, id, (form, state, errors), &programmes),
    ))
}

pub async fn edit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ExpertQuestionId(id);
    let q = moderate::moderated(&s.app, user, id)
        .await
        .map_err(ctx.err())?;
    let form = QuestionForm::from_question(&q);
    let state = FormState::edit(q.version, &form);
    let none = FieldErrors::new();
    edit_form(&s, &ctx, id, (&form, &state, &none), StatusCode::OK).await
}

pub async fn edit(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form, meta }: EditForm<QuestionForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ExpertQuestionId(id);
    match moderate::edit(&s.app, user, id, &form, meta.version).await {
        Ok(()) => Ok(done(&path(id), "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            edit_form(&s, &ctx, id, (&form, &state, &e), status).await
        }
        Err(AppError::Conflict) => {
            let now = moderate::moderated(&s.app, user, id)
                .await
                .map_err(ctx.err())?;
            let theirs = QuestionForm::from_question(&now);
            let (merged, changes) =
                crate::conflict::merge("question", meta.was.as_deref(), &form, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(now.version, &theirs)
            };
            let none = FieldErrors::new();
            let status = StatusCode::CONFLICT;
            edit_form(&s, &ctx, id, (&merged, &state, &none), status).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

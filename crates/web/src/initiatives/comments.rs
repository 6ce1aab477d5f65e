//! Handlers of residents' comments on an initiative's page: write, edit and delete one's
//! own (through a confirmation page), report one to the moderators.

use super::forms::{CommentForm, VisitorForm};
use super::public::show_page;
use super::views::{self, base, Refused};
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm, Empty};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::initiatives::residents as act;
use kozos_app::residents::{Acted, Acting};
use kozos_app::AppError;
use kozos_domain::*;

pub async fn comment(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<CommentForm>,
) -> Result<Response, WebError> {
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    let visitor = form.visitor();
    let acting = match &ctx.user {
        Some(u) => Acting::User(u),
        None => Acting::Visitor(&visitor),
    };
    let here = format!("{}/{i}", base(p));
    match act::comment(
        &s.app,
        p,
        i,
        acting,
        &form.domain(),
        meta.once.as_deref(),
        ctx.lang.code(),
    )
    .await
    {
        Ok(Acted::Done(c)) => Ok(done(
            &format!("{here}#comment-{c}"),
            "saved",
            ctx.secure_cookies,
        )),
        Ok(Acted::MailSent) => Ok(done(&here, "mailed", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => {
            let r = Refused {
                comment: Some((form, e)),
                ..Default::default()
            };
            show_page(&s, &ctx, p, i, r, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn comment_edit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, c)): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i, c) = (ProgrammeId(id), InitiativeId(i), CommentId(c));
    let own = act::own_comment(&s.app, user, p, i, c)
        .await
        .map_err(ctx.err())?;
    let form = CommentForm {
        body: own.body.clone(),
        ..Default::default()
    };
    let action = format!("{}/{i}/comments/{c}/edit", base(p));
    let body = views::comment_edit(
        &ctx,
        &action,
        &form,
        &FormState::edit(own.version, &form),
        &FieldErrors::new(),
    );
    Ok(layout::page(&ctx, &ctx.t("initiatives-edit-comment"), body))
}

pub async fn comment_edit(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, c)): Path<(i64, i64, i64)>,
    EditForm { form, meta }: EditForm<CommentForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i, c) = (ProgrammeId(id), InitiativeId(i), CommentId(c));
    let action = format!("{}/{i}/comments/{c}/edit", base(p));
    match act::edit_comment(
        &s.app,
        user,
        p,
        i,
        c,
        &form.domain(),
        meta.version.unwrap_or(0),
    )
    .await
    {
        Ok(()) => Ok(done(
            &format!("{}/{i}#comment-{c}", base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                version: meta.version,
                was: meta.was.clone(),
                ..Default::default()
            };
            let body = views::comment_edit(&ctx, &action, &form, &state, &e);
            Ok(layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx.t("initiatives-edit-comment"),
                body,
            ))
        }
        Err(AppError::Conflict) => {
            let now = act::own_comment(&s.app, user, p, i, c)
                .await
                .map_err(ctx.err())?;
            let theirs = CommentForm {
                body: now.body.clone(),
                ..Default::default()
            };
            let (merged, changes) = conflict::merge("comment", meta.was.as_deref(), &form, &theirs);
            let state = FormState {
                version: Some(now.version),
                was: serde_json::to_string(&theirs).ok(),
                once: None,
                changes,
            };
            let body = maud::html! {
                (crate::ui::components::conflict_notice(&ctx, &state.changes, &|_| ctx.t("initiatives-field-comment"), &|_, v| v.to_string()))
                (views::comment_edit(&ctx, &action, &merged, &state, &FieldErrors::new()))
            };
            Ok(layout::page_with_status(
                &ctx,
                StatusCode::CONFLICT,
                &ctx.t("initiatives-edit-comment"),
                body,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn comment_delete_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, c)): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i, c) = (ProgrammeId(id), InitiativeId(i), CommentId(c));
    let own = act::own_comment(&s.app, user, p, i, c)
        .await
        .map_err(ctx.err())?;
    let here = format!("{}/{i}", base(p));
    Ok(layout::page(
        &ctx,
        &ctx.t("initiatives-delete-title"),
        views::confirm_delete(
            &ctx,
            &own.body,
            &format!("{here}/comments/{c}/delete"),
            &here,
        ),
    ))
}

pub async fn comment_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, c)): Path<(i64, i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    act::delete_comment(&s.app, user, p, i, CommentId(c))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("{}/{i}", base(p)),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn report(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i, c)): Path<(i64, i64, i64)>,
    CsrfForm(form): CsrfForm<VisitorForm>,
) -> Result<Response, WebError> {
    let (p, i, c) = (ProgrammeId(id), InitiativeId(i), CommentId(c));
    let visitor = form.domain();
    let acting = match &ctx.user {
        Some(u) => Acting::User(u),
        None => Acting::Visitor(&visitor),
    };
    let here = format!("{}/{i}#comment-{c}", base(p));
    match act::report(&s.app, p, i, c, acting, ctx.lang.code()).await {
        Ok(Acted::Done(())) => Ok(done(&here, "reported", ctx.secure_cookies)),
        Ok(Acted::MailSent) => Ok(done(&here, "mailed", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => {
            let r = Refused {
                report: Some((c, form, e)),
                ..Default::default()
            };
            show_page(&s, &ctx, p, i, r, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

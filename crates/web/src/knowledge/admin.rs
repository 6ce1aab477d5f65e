//! The library in the back office: the items one may manage, the add and edit form (a
//! stale edit comes back merged), and the delete confirmation.

use super::views;
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::{knowledge, AppError};
use kozos_domain::community::knowledge::KnowledgeForm;
use kozos_domain::{FieldErrors, KnowledgeId};

const BACK: &str = "/admin/knowledge";

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<super::pages::ListQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let page = crate::information::page_of(&ctx, q.page.as_deref())?;
    let (items, total) = knowledge::staff_list(&s.app, user, page)
        .await
        .map_err(ctx.err())?;
    let title = ctx.t("knowledge-admin-title");
    Ok(layout::page(
        &ctx,
        &title,
        views::staff_list(&ctx, &items, total, page),
    ))
}

async fn form_page(
    s: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    (title_key, action): (&str, &str),
    (f, errors, state): (&KnowledgeForm, &FieldErrors, &FormState),
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programmes = knowledge::programme_choices(&s.app, user)
        .await
        .map_err(ctx.err())?;
    let title = ctx.t(title_key);
    let body = views::form(ctx, &title, action, (f, errors, state), &programmes);
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let f = KnowledgeForm {
        kind: "practice".into(),
        language: "hu".into(),
        ..Default::default()
    };
    form_page(
        &s,
        &ctx,
        StatusCode::OK,
        ("knowledge-new", "/admin/knowledge/new"),
        (&f, &FieldErrors::new(), &FormState::create()),
    )
    .await
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    EditForm { form: f, meta }: EditForm<KnowledgeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match knowledge::create(&s.app, user, &f, meta.once.as_deref()).await {
        Ok(_) => Ok(done(BACK, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            form_page(
                &s,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                ("knowledge-new", "/admin/knowledge/new"),
                (&f, &errors, &state),
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let k = knowledge::for_edit(&s.app, user, KnowledgeId(id))
        .await
        .map_err(ctx.err())?;
    let f = KnowledgeForm::from_item(&k);
    form_page(
        &s,
        &ctx,
        StatusCode::OK,
        ("knowledge-edit", &format!("/admin/knowledge/{id}/edit")),
        (&f, &FieldErrors::new(), &FormState::edit(k.version, &f)),
    )
    .await
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form: f, meta }: EditForm<KnowledgeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let kid = KnowledgeId(id);
    let action = format!("/admin/knowledge/{id}/edit");
    match knowledge::update(&s.app, user, kid, &f, meta.version).await {
        Ok(()) => Ok(done(BACK, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            form_page(
                &s,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                ("knowledge-edit", &action),
                (&f, &errors, &state),
            )
            .await
        }
        Err(AppError::Conflict) => {
            let current = knowledge::for_edit(&s.app, user, kid)
                .await
                .map_err(ctx.err())?;
            let theirs = KnowledgeForm::from_item(&current);
            let (merged, changes) = conflict::merge("knowledge", meta.was.as_deref(), &f, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            form_page(
                &s,
                &ctx,
                StatusCode::CONFLICT,
                ("knowledge-edit", &action),
                (&merged, &FieldErrors::new(), &state),
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn confirm_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let k = knowledge::for_edit(&s.app, user, KnowledgeId(id))
        .await
        .map_err(ctx.err())?;
    let title = ctx.t("knowledge-delete");
    let body = crate::programmes::records::views::confirm_page(
        &ctx,
        &title,
        (&k.title, &[]),
        &format!("/admin/knowledge/{id}/delete"),
        BACK,
    );
    Ok(layout::page(&ctx, &title, body))
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    knowledge::delete(&s.app, user, KnowledgeId(id))
        .await
        .map_err(ctx.err())?;
    Ok(done(BACK, "deleted", ctx.secure_cookies))
}

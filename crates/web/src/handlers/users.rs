//! Account administration (administrators only; the use cases check).

use super::admin::done;
use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::{views, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::accounts::{self, AccountForm};
use kozos_app::AppError;
use kozos_domain::{FieldErrors, GrantId, UserId};

async fn list_page(
    s: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    grant_form: Option<(i64, &AccountForm, &FieldErrors)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = accounts::list(&s.app, user).await.map_err(ctx.err())?;
    let choices = accounts::scope_choices(&s.app, user)
        .await
        .map_err(ctx.err())?;
    Ok(views::layout::page_with_status(
        ctx,
        status,
        &ctx.t("admin-users"),
        views::users::list(ctx, &list, &choices, grant_form),
    ))
}

pub async fn list(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    list_page(&s, &ctx, StatusCode::OK, None).await
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let choices = accounts::scope_choices(&s.app, user)
        .await
        .map_err(ctx.err())?;
    Ok(views::layout::page(
        &ctx,
        &ctx.t("admin-new-user"),
        views::users::new_form(&ctx, &AccountForm::default(), &FieldErrors::new(), &choices),
    ))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<AccountForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match accounts::create(&s.app, user, &f).await {
        Ok(_) => Ok(done("/admin/users", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let choices = accounts::scope_choices(&s.app, user)
                .await
                .map_err(ctx.err())?;
            let body = views::users::new_form(&ctx, &f, &errors, &choices);
            Ok(views::layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx.t("admin-new-user"),
                body,
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub async fn add_grant(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AccountForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match accounts::add_grant(&s.app, user, UserId(id), &f).await {
        Ok(()) => Ok(done("/admin/users", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            list_page(
                &s,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((id, &f, &errors)),
            )
            .await
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub async fn remove_grant(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match accounts::remove_grant(&s.app, user, UserId(id), GrantId(gid)).await {
        Ok(()) => Ok(done("/admin/users", "deleted", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            // Shown as the user's grant form message, next to the grants it is about.
            list_page(
                &s,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((id, &AccountForm::default(), &errors)),
            )
            .await
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

//! Account administration (administrators only; the use cases check).

use super::users_view;
use crate::csrf::{CsrfForm, EditForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::programmes::records::views::confirm_page;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
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
    let list = accounts::list(&s.app, user).await?;
    let choices = accounts::scope_choices(&s.app, user).await?;
    Ok(layout::page_with_status(
        ctx,
        status,
        &ctx.t("admin-users"),
        users_view::list(ctx, &list, &choices, grant_form),
    ))
}

pub async fn list(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    list_page(&s, &ctx, StatusCode::OK, None).await
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let choices = accounts::scope_choices(&s.app, user).await?;
    Ok(layout::page(
        &ctx,
        &ctx.t("admin-new-user"),
        users_view::new_form(
            &ctx,
            &AccountForm::default(),
            &FieldErrors::new(),
            &choices,
            &FormState::create(),
        ),
    ))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    EditForm { form: f, meta }: EditForm<AccountForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match accounts::create(&s.app, user, &f, meta.once.as_deref()).await {
        Ok(_) => Ok(done("/admin/users", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let choices = accounts::scope_choices(&s.app, user).await?;
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            let body = users_view::new_form(&ctx, &f, &errors, &choices, &state);
            Ok(layout::page_with_status(
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
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
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

pub async fn confirm_remove_grant(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (account, g, label) =
        accounts::grant_for_removal(&s.app, user, UserId(id), GrantId(gid)).await?;
    let title = ctx.t("confirm-remove-grant");
    let what = format!(
        "{} <{}>: {} – {}",
        account.display_name,
        account.email,
        ctx.t(&format!("userrole-{}", g.role.as_str())),
        label
    );
    let action = format!("/admin/users/{id}/grants/{gid}/delete");
    Ok(layout::page(
        &ctx,
        &title,
        confirm_page(&ctx, &title, (&what, &[]), &action, "/admin/users"),
    ))
}

/// Recent sign-in attempts (administrators).
pub async fn attempts(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = kozos_app::auth::recent_attempts(&s.app, user, 200).await?;
    Ok(layout::page(
        &ctx,
        &ctx.t("admin-attempts"),
        users_view::attempts(&ctx, &list),
    ))
}

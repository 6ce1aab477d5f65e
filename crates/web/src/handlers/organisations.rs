use super::admin::{choices, done};
use super::public::SearchQuery;
use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::views::admin as v;
use crate::{views, AppState};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::{organisations, AppError};
use kozos_domain::organisation::OrganisationForm;
use kozos_domain::{FieldErrors, OrganisationId};

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let orgs = organisations::list(&s.app, user, Some(&q.q))
        .await
        .map_err(ctx.err())?;
    let may_create = organisations::may_create(user).is_ok();
    Ok(views::layout::page(
        &ctx,
        &ctx.t("admin-organisations"),
        v::organisations(&ctx, &orgs, q.q.trim(), may_create),
    ))
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    organisations::may_create(user).map_err(ctx.err())?;
    let c = choices(&s, &ctx).await?;
    let title = ctx.t("admin-new-organisation");
    Ok(views::layout::page(
        &ctx,
        &title,
        v::organisation_form(
            &ctx,
            &title,
            "/admin/organisations/new",
            &OrganisationForm::default(),
            &FieldErrors::new(),
            &c,
        ),
    ))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<OrganisationForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match organisations::create(&s.app, user, &f).await {
        Ok(_) => Ok(done("/admin/organisations", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s, &ctx).await?;
            let title = ctx.t("admin-new-organisation");
            Ok(views::layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &title,
                v::organisation_form(&ctx, &title, "/admin/organisations/new", &f, &errors, &c),
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let org = organisations::for_edit(&s.app, user, OrganisationId(id))
        .await
        .map_err(ctx.err())?;
    let c = choices(&s, &ctx).await?;
    let title = ctx.t("admin-edit-organisation");
    let action = format!("/admin/organisations/{id}/edit");
    Ok(views::layout::page(
        &ctx,
        &title,
        v::organisation_form(
            &ctx,
            &title,
            &action,
            &OrganisationForm::from_organisation(&org),
            &FieldErrors::new(),
            &c,
        ),
    ))
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<OrganisationForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match organisations::update(&s.app, user, OrganisationId(id), &f).await {
        Ok(()) => Ok(done("/admin/organisations", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s, &ctx).await?;
            let title = ctx.t("admin-edit-organisation");
            let action = format!("/admin/organisations/{id}/edit");
            Ok(views::layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &title,
                v::organisation_form(&ctx, &title, &action, &f, &errors, &c),
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

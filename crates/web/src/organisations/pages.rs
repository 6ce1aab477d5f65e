use super::views as v;
use crate::conflict;
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::programmes::pages::with_organisations;
use crate::public::pages::SearchQuery;
use crate::ui::choices::Choices;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::{catalogue, organisations, AppError};
use kozos_domain::organisation::OrganisationForm;
use kozos_domain::{FieldErrors, OrganisationId};

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let orgs = organisations::list(&s.app, user, Some(&q.q)).await?;
    let may_create = organisations::may_create(user).is_ok();
    Ok(layout::page(
        &ctx,
        &ctx.t("admin-organisations"),
        v::organisations(&ctx, &orgs, q.q.trim(), may_create),
    ))
}

/// The organisation form's pick lists: settlements and (for the parent) organisations.
async fn choices(s: &AppState) -> Result<Choices, WebError> {
    let settlements = catalogue::settlements_and_parts(&s.app).await?;
    with_organisations(s, Choices::default().settlements(settlements)).await
}

fn form_page(
    ctx: &Ctx,
    status: StatusCode,
    title_key: &str,
    action: &str,
    (f, errors, c, state): (&OrganisationForm, &FieldErrors, &Choices, &FormState),
) -> Response {
    let title = ctx.t(title_key);
    layout::page_with_status(
        ctx,
        status,
        &title,
        v::organisation_form(ctx, &title, action, f, errors, c, state),
    )
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    organisations::may_create(user)?;
    let c = choices(&s).await?;
    Ok(form_page(
        &ctx,
        StatusCode::OK,
        "admin-new-organisation",
        "/admin/organisations/new",
        (
            &OrganisationForm::default(),
            &FieldErrors::new(),
            &c,
            &FormState::create(),
        ),
    ))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    EditForm { form: f, meta }: EditForm<OrganisationForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match organisations::create(&s.app, user, &f, meta.once.as_deref()).await {
        Ok(_) => Ok(done("/admin/organisations", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s).await?;
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            Ok(form_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                "admin-new-organisation",
                "/admin/organisations/new",
                (&f, &errors, &c, &state),
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
    let org = organisations::for_edit(&s.app, user, OrganisationId(id)).await?;
    let c = choices(&s).await?;
    let f = OrganisationForm::from_organisation(&org);
    Ok(form_page(
        &ctx,
        StatusCode::OK,
        "admin-edit-organisation",
        &format!("/admin/organisations/{id}/edit"),
        (
            &f,
            &FieldErrors::new(),
            &c,
            &FormState::edit(org.version, &f),
        ),
    ))
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form: f, meta }: EditForm<OrganisationForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let oid = OrganisationId(id);
    let action = format!("/admin/organisations/{id}/edit");
    match organisations::update(&s.app, user, oid, &f, meta.version).await {
        Ok(()) => Ok(done("/admin/organisations", "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s).await?;
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            Ok(form_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                "admin-edit-organisation",
                &action,
                (&f, &errors, &c, &state),
            ))
        }
        Err(AppError::Conflict) => {
            let current = organisations::for_edit(&s.app, user, oid).await?;
            let theirs = OrganisationForm::from_organisation(&current);
            let (merged, changes) =
                conflict::merge("organisation", meta.was.as_deref(), &f, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            let c = choices(&s).await?;
            Ok(form_page(
                &ctx,
                StatusCode::CONFLICT,
                "admin-edit-organisation",
                &action,
                (&merged, &FieldErrors::new(), &c, &state),
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

//! Back-office handlers for programmes: the dashboard, creating, the manage page and the
//! programme's own edit form. A programme's parts (partners, agreements, staff, areas,
//! target groups) are in `parts.rs`.

use crate::conflict;
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::views::admin::{self as v, Choices, PartForms};
use crate::views::components::FormState;
use crate::{cookies, views, AppState};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::{catalogue, programmes, AppError};
use kozos_domain::programme::*;
use kozos_domain::*;

/// Redirect after a successful POST, with a one-time status message.
pub fn done(to: &str, flash: &str, secure: bool) -> Response {
    let mut res = Redirect::to(to).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(cookies::FLASH, flash, 60, true, secure),
    );
    res
}

/// The organisations pick list.
pub async fn with_organisations(s: &AppState, ctx: &Ctx, c: Choices) -> Result<Choices, WebError> {
    let orgs = catalogue::organisations(&s.app, None)
        .await
        .map_err(ctx.err())?;
    Ok(c.organisations(&orgs))
}

/// The pick lists of the programme form: organisations and places.
async fn programme_choices(s: &AppState, ctx: &Ctx) -> Result<Choices, WebError> {
    let places = programmes::place_choices(&s.app).await.map_err(ctx.err())?;
    Ok(with_organisations(s, ctx, Choices::default())
        .await?
        .places(places))
}

pub async fn dashboard(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = programmes::list_for_staff(&s.app, user, None)
        .await
        .map_err(ctx.err())?;
    let may_create = programmes::may_create(user).is_ok();
    Ok(views::layout::page(
        &ctx,
        &ctx.t("admin-title"),
        v::dashboard(&ctx, user, &list, may_create),
    ))
}

fn programme_page(
    ctx: &Ctx,
    status: StatusCode,
    title: &str,
    action: &str,
    parts: (&ProgrammeForm, &FieldErrors, &Choices, &FormState),
    cancel: &str,
) -> Response {
    let (f, errors, choices, state) = parts;
    let body = v::programme_form(ctx, title, action, f, errors, choices, cancel, state);
    views::layout::page_with_status(ctx, status, title, body)
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::may_create(user).map_err(ctx.err())?;
    let c = programme_choices(&s, &ctx).await?;
    Ok(programme_page(
        &ctx,
        StatusCode::OK,
        &ctx.t("admin-new-programme"),
        "/admin/programmes/new",
        (
            &ProgrammeForm::default(),
            &FieldErrors::new(),
            &c,
            &FormState::create(),
        ),
        "/admin",
    ))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    form: EditForm<ProgrammeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let EditForm { form: f, meta } = form;
    match programmes::create(&s.app, user, &f, meta.once.as_deref()).await {
        Ok(id) => Ok(done(
            &format!("/admin/programmes/{id}"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let c = programme_choices(&s, &ctx).await?;
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            Ok(programme_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx.t("admin-new-programme"),
                "/admin/programmes/new",
                (&f, &errors, &c, &state),
                "/admin",
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub(super) async fn manage_page(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    forms: PartForms,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let view = programmes::staff_view(&s.app, user, id)
        .await
        .map_err(ctx.err())?;
    // Only the partner form picks from a list; others need none.
    let c = if view.can.partners {
        with_organisations(s, ctx, Choices::default()).await?
    } else {
        Choices::default()
    };
    let title = view.page.programme.title.clone();
    Ok(views::layout::page_with_status(
        ctx,
        status,
        &title,
        v::manage(ctx, &view, &forms, &c),
    ))
}

pub async fn manage(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    manage_page(
        &s,
        &ctx,
        ProgrammeId(id),
        PartForms::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn edit_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = programmes::for_edit(&s.app, user, ProgrammeId(id))
        .await
        .map_err(ctx.err())?;
    let c = programme_choices(&s, &ctx).await?;
    let f = ProgrammeForm::from_programme(&p);
    let back = format!("/admin/programmes/{id}");
    Ok(programme_page(
        &ctx,
        StatusCode::OK,
        &ctx.t("admin-edit-programme"),
        &format!("{back}/edit"),
        (&f, &FieldErrors::new(), &c, &FormState::edit(p.version, &f)),
        &back,
    ))
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: EditForm<ProgrammeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let EditForm { form: f, meta } = form;
    let pid = ProgrammeId(id);
    let back = format!("/admin/programmes/{id}");
    let title = ctx.t("admin-edit-programme");
    let action = format!("{back}/edit");
    match programmes::update(&s.app, user, pid, &f, meta.version).await {
        Ok(()) => Ok(done(&back, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let c = programme_choices(&s, &ctx).await?;
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            Ok(programme_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &title,
                &action,
                (&f, &errors, &c, &state),
                &back,
            ))
        }
        Err(AppError::Conflict) => {
            let current = programmes::for_edit(&s.app, user, pid)
                .await
                .map_err(ctx.err())?;
            let theirs = ProgrammeForm::from_programme(&current);
            let (merged, changes) = conflict::merge("programme", meta.was.as_deref(), &f, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            let c = programme_choices(&s, &ctx).await?;
            Ok(programme_page(
                &ctx,
                StatusCode::CONFLICT,
                &title,
                &action,
                (&merged, &FieldErrors::new(), &c, &state),
                &back,
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

//! Back-office handlers for programmes: the dashboard, creating, the manage page and the
//! programme's own edit form. The records that belong to a programme (partners,
//! agreements, staff, areas, target groups) are in `records/`.

use super::views as v;
use crate::conflict;
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::ui::choices::Choices;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::{catalogue, programmes, AppError};
use kozos_domain::programme::*;
use kozos_domain::*;

/// An add form on the manage page that was refused: which one (its form id), what was
/// typed, and the messages. The page shows it again, filled in, with them.
#[derive(Default)]
pub struct Rejected {
    form: String,
    values: serde_json::Value,
    errors: FieldErrors,
}

impl Rejected {
    pub fn new(form: String, values: &impl serde::Serialize, errors: FieldErrors) -> Self {
        Rejected {
            form,
            values: serde_json::to_value(values).unwrap_or_default(),
            errors,
        }
    }
    /// The id of the form that was refused (empty: none).
    pub fn form(&self) -> &str {
        &self.form
    }
    /// What the form `form` shows: what was typed when it was the one refused, else empty.
    pub fn values<F: serde::de::DeserializeOwned + Default>(&self, form: &str) -> (F, FieldErrors) {
        if self.form == form {
            let values = serde_json::from_value(self.values.clone()).unwrap_or_default();
            (values, self.errors.clone())
        } else {
            (F::default(), FieldErrors::new())
        }
    }
}

/// The organisations pick list.
pub async fn with_organisations(s: &AppState, c: Choices) -> Result<Choices, WebError> {
    let orgs = catalogue::organisations(&s.app, None).await?;
    Ok(c.organisations(&orgs))
}

/// The pick lists of the programme form: organisations and places.
async fn programme_choices(s: &AppState) -> Result<Choices, WebError> {
    let places = programmes::place_choices(&s.app).await?;
    Ok(with_organisations(s, Choices::default())
        .await?
        .places(places))
}

pub async fn dashboard(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = programmes::list_for_staff(&s.app, user, None).await?;
    let may_create = programmes::may_create(user).is_ok();
    Ok(layout::page(
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
    layout::page_with_status(ctx, status, title, body)
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::may_create(user)?;
    let c = programme_choices(&s).await?;
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
            let c = programme_choices(&s).await?;
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

pub(crate) async fn manage_page(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    forms: Rejected,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let view = programmes::staff_view(&s.app, user, id).await?;
    // Only the partner form picks from a list; others need none.
    let c = if view.can.partners {
        with_organisations(s, Choices::default()).await?
    } else {
        Choices::default()
    };
    let title = view.page.programme.title.clone();
    Ok(layout::page_with_status(
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
        Rejected::default(),
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
    let p = programmes::for_edit(&s.app, user, ProgrammeId(id)).await?;
    let c = programme_choices(&s).await?;
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
            let c = programme_choices(&s).await?;
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
            let current = programmes::for_edit(&s.app, user, pid).await?;
            let theirs = ProgrammeForm::from_programme(&current);
            let (merged, changes) = conflict::merge("programme", meta.was.as_deref(), &f, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            let c = programme_choices(&s).await?;
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

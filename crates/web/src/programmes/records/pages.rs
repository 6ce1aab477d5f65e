//! The generic back-office handlers of a programme's records: add (on the programme's
//! manage page), the edit page and its save (with the three-way merge of a stale edit),
//! the delete confirmation and the delete.

use super::path::{At, Under};
use super::views::{confirm_page, edit_page as edit_view, EditPage};
use super::RecordUi;
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm, FormMeta};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::programmes::pages::Rejected;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::{records, AppError};
use kozos_domain::FieldErrors;

pub async fn add<K: RecordUi>(
    State(s): State<AppState>,
    ctx: Ctx,
    at: Under<K>,
    EditForm { form, meta }: EditForm<K::NewForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let once = meta.once.as_deref();
    match records::create::<K>(&s.app, user, at.programme, at.parent, &form, once).await {
        Ok(id) => {
            let to = K::back_to(&s, at.programme, id).await;
            Ok(done(&to, "saved", ctx.secure_cookies))
        }
        // The page of the add form again, with this form filled in and its messages.
        Err(AppError::Invalid(errors)) => {
            let rejected = Rejected::new(K::new_form_id(at.parent), &form, errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            K::rejected(&s, &ctx, at.programme, rejected, status).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

async fn render<K: RecordUi>(
    s: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    at: &At<K>,
    (form, errors, state): (&K::Form, &FieldErrors, &FormState),
) -> Result<Response, WebError> {
    let c = K::choices(s, ctx, at.programme).await?;
    let title = ctx.t(K::TITLE_KEY);
    let back = K::back_to(s, at.programme, at.id).await;
    let page = EditPage {
        title: &title,
        form: K::FORM,
        action: &format!(
            "/admin/programmes/{}/{}/{}/edit",
            at.programme,
            K::SEGMENT,
            at.id
        ),
        back: &back,
    };
    let fields = K::fields(ctx, K::FORM, form, errors, &c);
    let body = edit_view(ctx, &page, errors, state, &c, fields);
    Ok(layout::page_with_status(ctx, status, &title, body))
}

async fn stored<K: RecordUi>(s: &AppState, ctx: &Ctx, at: &At<K>) -> Result<K, WebError> {
    let user = ctx.require_user()?;
    records::get::<K>(&s.app, user, at.programme, at.id)
        .await
        .map_err(ctx.err())
}

pub async fn edit_page<K: RecordUi>(
    State(s): State<AppState>,
    ctx: Ctx,
    at: At<K>,
) -> Result<Response, WebError> {
    let record = stored(&s, &ctx, &at).await?;
    let form = record.to_form();
    let state = FormState::edit(record.version(), &form);
    let errors = FieldErrors::new();
    render(&s, &ctx, StatusCode::OK, &at, (&form, &errors, &state)).await
}

/// Answer a save: back to the programme, the form again with its messages, or the
/// merged form after someone else saved meanwhile.
pub async fn update<K: RecordUi>(
    State(s): State<AppState>,
    ctx: Ctx,
    at: At<K>,
    EditForm { form, meta }: EditForm<K::Form>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = records::update::<K>(&s.app, user, at.programme, at.id, &form, meta.version).await;
    match r {
        Ok(()) => {
            let to = K::back_to(&s, at.programme, at.id).await;
            Ok(done(&to, "saved", ctx.secure_cookies))
        }
        Err(AppError::Invalid(errors)) => {
            let FormMeta { version, was, .. } = meta;
            let state = FormState {
                version,
                was,
                ..Default::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&s, &ctx, status, &at, (&form, &errors, &state)).await
        }
        Err(AppError::Conflict) => {
            let record = stored(&s, &ctx, &at).await?;
            let theirs = record.to_form();
            let (merged, changes) = conflict::merge(K::FORM, meta.was.as_deref(), &form, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(record.version(), &theirs)
            };
            let errors = FieldErrors::new();
            render(
                &s,
                &ctx,
                StatusCode::CONFLICT,
                &at,
                (&merged, &errors, &state),
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

/// The page that asks first: what goes, and what goes with it.
pub async fn confirm_delete<K: RecordUi>(
    State(s): State<AppState>,
    ctx: Ctx,
    at: At<K>,
) -> Result<Response, WebError> {
    let record = stored(&s, &ctx, &at).await?;
    let title = ctx.t(K::CONFIRM_KEY);
    let here = ctx.here.split('?').next().unwrap_or("").to_string();
    let body = confirm_page(
        &ctx,
        &title,
        (&record.confirm_what(&ctx), &record.confirm_with(&ctx)),
        &here,
        &K::back_to(&s, at.programme, at.id).await,
    );
    Ok(layout::page(&ctx, &title, body))
}

pub async fn delete<K: RecordUi>(
    State(s): State<AppState>,
    ctx: Ctx,
    at: At<K>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // Where to go is read first: the record is gone after.
    let to = K::back_to(&s, at.programme, at.id).await;
    records::delete::<K>(&s.app, user, at.programme, at.id).await?;
    Ok(done(&to, "deleted", ctx.secure_cookies))
}

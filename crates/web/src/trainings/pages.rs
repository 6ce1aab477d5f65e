//! The training page and its forms: settings (versioned), sessions, the distance part.

use super::views::{self, Forms};
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{form_id, Path};
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::participation::trainings;
use kozos_app::AppError;
use kozos_domain::participation::{SessionForm, TrainingForm};
use kozos_domain::{ActivityId, FieldErrors, PersonId, SessionId};
use serde::Deserialize;

pub async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    render(&s, &ctx, ActivityId(id), None, None, None).await
}

/// The page, with whichever form came back refused (the others fresh).
pub(super) async fn render(
    s: &AppState,
    ctx: &Ctx,
    id: ActivityId,
    settings: Option<(TrainingForm, FieldErrors, FormState, StatusCode)>,
    session: Option<(SessionForm, FieldErrors)>,
    certificates: Option<FieldErrors>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let v = trainings::view(&s.app, user, id).await?;
    let status = match (&settings, &session, &certificates) {
        (Some((_, _, _, st)), _, _) => *st,
        (_, Some(_), _) | (_, _, Some(_)) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let (sf, se, state) = match settings {
        Some((f, e, st, _)) => (f, e, st),
        None => {
            let f = TrainingForm::from_training(&v.training);
            let st = FormState::edit(v.training.version, &f);
            (f, FieldErrors::new(), st)
        }
    };
    let (nf, ne) = session.unwrap_or_default();
    let ce = certificates.unwrap_or_default();
    let forms = Forms {
        settings: (&sf, &se, &state),
        session: (&nf, &ne),
        certificates: &ce,
    };
    let title = format!("{} – {}", ctx.t("training-title"), v.activity.title);
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        views::page(ctx, &v, &forms),
    ))
}

pub async fn save_settings(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: EditForm<TrainingForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let EditForm { form: f, meta } = form;
    let aid = ActivityId(id);
    // A form without a version was never opened from the page: treat it as stale.
    let version = meta.version.unwrap_or(-1);
    match trainings::save_settings(&s.app, user, aid, &f, version).await {
        Ok(_) => Ok(done(
            &format!("/admin/activities/{id}/training#settings"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            let refused = (f, errors, state, StatusCode::UNPROCESSABLE_ENTITY);
            render(&s, &ctx, aid, Some(refused), None, None).await
        }
        Err(AppError::Conflict) => {
            let current = trainings::view(&s.app, user, aid).await?.training;
            let theirs = TrainingForm::from_training(&current);
            let (merged, changes) = conflict::merge("settings", meta.was.as_deref(), &f, &theirs);
            // Saved meanwhile with the values this form was opened at: nothing of theirs
            // is lost by saving ours over it.
            if changes.is_empty() && meta.was.is_some() {
                return match trainings::save_settings(&s.app, user, aid, &f, current.version).await
                {
                    Ok(_) => Ok(done(
                        &format!("/admin/activities/{id}/training#settings"),
                        "saved",
                        ctx.secure_cookies,
                    )),
                    Err(e) => Err(ctx.err()(e)),
                };
            }
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            let refused = (merged, FieldErrors::new(), state, StatusCode::CONFLICT);
            render(&s, &ctx, aid, Some(refused), None, None).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn add_session(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<SessionForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match trainings::add_session(&s.app, user, ActivityId(id), &f).await {
        Ok(_) => Ok(done(
            &format!("/admin/activities/{id}/training#sessions"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            render(&s, &ctx, ActivityId(id), None, Some((f, errors)), None).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn delete_session(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match trainings::delete_session(&s.app, user, ActivityId(id), SessionId(session)).await {
        Ok(()) => Ok(done(
            &format!("/admin/activities/{id}/training#sessions"),
            "deleted",
            ctx.secure_cookies,
        )),
        // A session with attendance stays; the message shows above the add form.
        Err(AppError::Invalid(errors)) => {
            let session = (SessionForm::default(), errors);
            render(&s, &ctx, ActivityId(id), None, Some(session), None).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DistanceForm {
    pub person_id: String,
    /// "1": done; "0": not done after all.
    pub done: String,
}

pub async fn distance(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<DistanceForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let person = form_id(&f.person_id)
        .map(PersonId)
        .ok_or_else(|| ctx.err()(AppError::invalid("person_id", "err-choice")))?;
    let is_done = f.done.trim() != "0";
    trainings::set_distance(&s.app, user, ActivityId(id), person, is_done).await?;
    Ok(done(
        &format!("/admin/activities/{id}/training#person-{}", person.0),
        "saved",
        ctx.secure_cookies,
    ))
}

//! Handlers of the public question pages. Each extracts, calls one use case and renders;
//! a refused form comes back with what was typed.

use super::forms::{AskForm, ListQuery, NewQuery};
use super::views::{self, path};
use crate::csrf::{CsrfForm, EditForm, Empty};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::questions::{self as uc, answer as experts, ask, moderate};
use kozos_app::residents::{Acted, Acting};
use kozos_app::AppError;
use kozos_domain::community::questions::AnswerForm;
use kozos_domain::*;

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let a = q.asked().map_err(|_| WebError::bad_request(ctx.lang))?;
    let (items, total) = uc::public_list(&s.app, a.filter(), a.page)
        .await
        .map_err(ctx.err())?;
    let tags = uc::tags(&s.app).await.map_err(ctx.err())?;
    let programmes = uc::programme_choices(&s.app).await.map_err(ctx.err())?;
    Ok(layout::page(
        &ctx,
        &ctx.t("questions-title"),
        views::list(&ctx, &a, (&items, total), &tags, &programmes),
    ))
}

async fn ask_page(
    s: &AppState,
    ctx: &Ctx,
    form: &AskForm,
    (state, errors): (&FormState, &FieldErrors),
    status: StatusCode,
) -> Result<Response, WebError> {
    let programmes = uc::programme_choices(&s.app).await.map_err(ctx.err())?;
    Ok(layout::page_with_status(
        ctx,
        status,
        &ctx.t("questions-ask"),
        views::ask(ctx, (form, state, errors), &programmes),
    ))
}

pub async fn new_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let mut form = AskForm::default();
    if let Some(p) = q
        .programme
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let id = p
            .parse::<i64>()
            .map_err(|_| WebError::bad_request(ctx.lang))?;
        // The programme asked of must exist.
        kozos_app::catalogue::programme_page(&s.app, ProgrammeId(id))
            .await
            .map_err(ctx.err())?;
        form.programme_id = id.to_string();
    }
    ask_page(
        &s,
        &ctx,
        &form,
        (&FormState::create(), &FieldErrors::new()),
        StatusCode::OK,
    )
    .await
}

pub async fn ask(
    State(s): State<AppState>,
    ctx: Ctx,
    EditForm { form, meta }: EditForm<AskForm>,
) -> Result<Response, WebError> {
    let visitor = form.visitor();
    let acting = match &ctx.user {
        Some(u) => Acting::User(u),
        None => Acting::Visitor(&visitor),
    };
    let lang = ctx.lang.code();
    match ask::ask(&s.app, acting, &form.domain(), meta.once.as_deref(), lang).await {
        Ok(Acted::Done(_)) => Ok(done("/questions/mine", "asked", ctx.secure_cookies)),
        Ok(Acted::MailSent) => Ok(done("/questions", "mailed", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            ask_page(&s, &ctx, &form, (&state, &e), status).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn mine(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let items = uc::mine(&s.app, user).await.map_err(ctx.err())?;
    Ok(layout::page(
        &ctx,
        &ctx.t("questions-mine-title"),
        views::mine(&ctx, &items),
    ))
}

async fn show_page(
    s: &AppState,
    ctx: &Ctx,
    id: ExpertQuestionId,
    refused: Option<(&AnswerForm, &FieldErrors, &FormState)>,
) -> Result<Response, WebError> {
    let page = uc::page(&s.app, ctx.user.as_ref(), id)
        .await
        .map_err(ctx.err())?;
    let title = page.question.title.clone();
    let (status, body) = match refused {
        Some((f, e, state)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            views::show(ctx, &page, Some((f, e)), state),
        ),
        None => (
            StatusCode::OK,
            views::show(ctx, &page, None, &FormState::create()),
        ),
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    show_page(&s, &ctx, ExpertQuestionId(id), None).await
}

pub async fn answer(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form, meta }: EditForm<AnswerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ExpertQuestionId(id);
    match experts::answer(&s.app, user, id, &form, meta.once.as_deref()).await {
        Ok(a) => Ok(done(
            &format!("{}#answer-{a}", path(id)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                once: meta.once,
                ..Default::default()
            };
            show_page(&s, &ctx, id, Some((&form, &e, &state))).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

fn answer_edit_form(
    ctx: &Ctx,
    (id, a): (ExpertQuestionId, ExpertAnswerId),
    (form, state, errors): (&AnswerForm, &FormState, &FieldErrors),
    status: StatusCode,
) -> Response {
    let body = maud::html! {
        p.breadcrumb { a href=(path(id)) { (ctx.t("questions-back")) } }
        h1 { (ctx.t("questions-edit-answer")) }
        (crate::ui::components::conflict_notice(ctx, &state.changes, &|_| ctx.t("questions-field-answer"), &|_, v| v.to_string()))
        (views::answer_form(ctx, &format!("{}/answers/{a}/edit", path(id)), (form, state, errors)))
    };
    layout::page_with_status(ctx, status, &ctx.t("questions-edit-answer"), body)
}

pub async fn answer_edit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, a)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (id, a) = (ExpertQuestionId(id), ExpertAnswerId(a));
    let (_, answer) = experts::own_answer(&s.app, user, id, a)
        .await
        .map_err(ctx.err())?;
    let form = AnswerForm { body: answer.body };
    let state = FormState::edit(answer.version, &form);
    let none = FieldErrors::new();
    Ok(answer_edit_form(
        &ctx,
        (id, a),
        (&form, &state, &none),
        StatusCode::OK,
    ))
}

pub async fn answer_edit(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, a)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<AnswerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (id, a) = (ExpertQuestionId(id), ExpertAnswerId(a));
    match experts::edit_answer(&s.app, user, id, a, &form, meta.version).await {
        Ok(()) => Ok(done(
            &format!("{}#answer-{a}", path(id)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(answer_edit_form(&ctx, (id, a), (&form, &state, &e), status))
        }
        Err(AppError::Conflict) => {
            let (_, now) = experts::own_answer(&s.app, user, id, a)
                .await
                .map_err(ctx.err())?;
            let theirs = AnswerForm { body: now.body };
            let (merged, changes) =
                crate::conflict::merge("answer", meta.was.as_deref(), &form, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(now.version, &theirs)
            };
            let none = FieldErrors::new();
            let status = StatusCode::CONFLICT;
            Ok(answer_edit_form(
                &ctx,
                (id, a),
                (&merged, &state, &none),
                status,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn answer_delete_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, a)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (id, a) = (ExpertQuestionId(id), ExpertAnswerId(a));
    let (q, answer) = moderate::answer_to_remove(&s.app, user, id, a)
        .await
        .map_err(ctx.err())?;
    let title = ctx.t("questions-remove-answer");
    let what = format!("{} – {}", q.title, answer.author_name);
    let body = crate::programmes::records::views::confirm_page(
        &ctx,
        &title,
        (&what, &[]),
        &format!("{}/answers/{a}/delete", path(id)),
        &path(id),
    );
    Ok(layout::page(&ctx, &title, body))
}

pub async fn answer_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, a)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ExpertQuestionId(id);
    moderate::remove_answer(&s.app, user, id, ExpertAnswerId(a))
        .await
        .map_err(ctx.err())?;
    Ok(done(&path(id), "deleted", ctx.secure_cookies))
}

//! The public survey page: residents answer anonymously or signed in while it is open;
//! a closed one says so, a draft is not there.

use super::sheet;
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::ui::components::*;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::surveys::{self, SheetRefused};
use kozos_domain::survey::*;
use kozos_domain::QuestionnaireId;
use maud::html;

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    render(
        &s,
        &ctx,
        QuestionnaireId(id),
        &RawAnswers::default(),
        &SheetRefused::default(),
        StatusCode::OK,
    )
    .await
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    id: QuestionnaireId,
    raw: &RawAnswers,
    refused: &SheetRefused,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (q, answered) = surveys::public(&s.app, ctx.user.as_ref(), id)
        .await
        .map_err(ctx.err())?;
    let body = html! {
        h1 { (q.title) }
        @if !q.intro.is_empty() { p.pre-line { (q.intro) } }
        @if q.status != SurveyStatus::Open {
            p.notice { (ctx.t("survey-closed")) }
        } @else if answered {
            p.notice { (ctx.t("survey-answered")) }
        } @else {
            p { (ctx.t(if ctx.user.is_some() { "survey-signed-in-note" } else { "survey-anonymous-note" })) }
            (error_summary(ctx, "survey", &refused.fields))
            (sheet::summary(ctx, &q.questions, &refused.answers))
            form.stack.survey-sheet method="post" action={ "/surveys/" (q.id) } autocomplete="off" novalidate {
                (csrf(ctx))
                (meta_fields(&FormState::create()))
                (sheet::fields(ctx, &q.questions, raw, &refused.answers))
                button type="submit" { (ctx.t("survey-send")) }
            }
            script src="/static/survey.js" defer {}
        }
    };
    Ok(layout::page_with_status(ctx, status, &q.title, body))
}

pub async fn answer(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form, meta }: EditForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id = QuestionnaireId(id);
    let raw = RawAnswers::from_pairs(&form);
    let r = surveys::answer_public(&s.app, ctx.user.as_ref(), id, &raw, meta.once.as_deref()).await;
    match r {
        Ok(Ok(_)) => Ok(done(
            &format!("/surveys/{id}/thanks"),
            "saved",
            ctx.secure_cookies,
        )),
        Ok(Err(refused)) => {
            render(
                &s,
                &ctx,
                id,
                &raw,
                &refused,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(kozos_app::AppError::Invalid(fields)) => {
            let refused = SheetRefused {
                fields,
                ..Default::default()
            };
            render(
                &s,
                &ctx,
                id,
                &raw,
                &refused,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn thanks(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let (q, _) = surveys::public(&s.app, ctx.user.as_ref(), QuestionnaireId(id))
        .await
        .map_err(ctx.err())?;
    let title = ctx.t("survey-thanks");
    let body = html! {
        h1 { (title) }
        p { (ctx.lang.t_with("survey-thanks-text", &[("title", q.title.clone())])) }
        p { a href="/" { (ctx.t("survey-home")) } }
    };
    Ok(layout::page(&ctx, &title, body))
}

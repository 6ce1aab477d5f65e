//! The surveys list of a programme, a questionnaire's page (its questions and the form
//! that adds one) and the interview sheet staff and volunteers type in.

use super::questions::question_fields;
use super::sheet;
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::programmes::pages::Rejected;
use crate::programmes::records::views::{add_form, links};
use crate::ui::choices::Choices;
use crate::ui::components::*;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::surveys::{self, InterviewForm, SheetRefused};
use kozos_domain::policy::Action;
use kozos_domain::survey::*;
use kozos_domain::{FieldErrors, ProgrammeId, QuestionnaireId};
use maud::html;

pub fn base(programme: ProgrammeId) -> String {
    format!("/admin/programmes/{programme}/surveys")
}

fn can(ctx: &Ctx, action: Action) -> bool {
    ctx.user
        .as_ref()
        .is_some_and(|u| kozos_domain::policy::allows_somewhere(&u.grants, action))
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    list_page(
        &s,
        &ctx,
        ProgrammeId(id),
        Rejected::default(),
        StatusCode::OK,
    )
    .await
}

fn status_line(ctx: &Ctx, q: &Questionnaire) -> String {
    format!(
        "{} · {} · {}",
        ctx.t(&format!("survey-mode-{}", q.mode.as_str())),
        ctx.t(&format!("survey-status-{}", q.status.as_str())),
        ctx.lang.tn("survey-responses-n", q.responses)
    )
}

/// The list, and for those who build questionnaires the form that adds one (refused:
/// with what was typed).
pub async fn list_page(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    rejected: Rejected,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = surveys::list(&s.app, user, programme).await?;
    let b = base(programme);
    let (form, errors): (QuestionnaireForm, FieldErrors) = rejected.values("questionnaire");
    let title = ctx.t("survey-title");
    let body = html! {
        p { a href={ "/admin/programmes/" (programme) } { (ctx.t("survey-back-programme")) } }
        h1 { (title) }
        p { (ctx.t("survey-intro")) }
        @if list.is_empty() {
            p { (ctx.t("survey-none")) }
        } @else {
            ul.items {
                @for q in &list {
                    li {
                        a href={ (b) "/" (q.id) } { (q.title) }
                        " – " (status_line(ctx, q))
                        @if can(ctx, Action::ManageCommunityProcess) {
                            (links::<Questionnaire>(ctx, &format!("/admin/programmes/{programme}"), q.id, &q.title))
                        }
                    }
                }
            }
        }
        @if can(ctx, Action::ManageCommunityProcess) {
            section aria-labelledby="new-survey" {
                h2 #new-survey { (ctx.t("survey-new")) }
                (add_form::<Questionnaire>(ctx, ("questionnaire", &b), &form, &errors, &Choices::default()))
            }
        }
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn questionnaire(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, survey)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    questionnaire_page(
        &s,
        &ctx,
        (ProgrammeId(id), QuestionnaireId(survey)),
        (&QuestionForm::default(), &FieldErrors::new()),
        StatusCode::OK,
    )
    .await
}

/// A questionnaire's page: its state, its questions (edit/delete links for builders)
/// and the form that adds a question (`form`, `errors`: a refused one again).
pub async fn questionnaire_page(
    s: &AppState,
    ctx: &Ctx,
    (programme, id): (ProgrammeId, QuestionnaireId),
    (form, errors): (&QuestionForm, &FieldErrors),
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let q = surveys::get(&s.app, user, programme, id).await?;
    let b = format!("{}/{}", base(programme), q.id);
    let builder = can(ctx, Action::ManageCommunityProcess);
    let body = html! {
        p { a href=(base(programme)) { (ctx.t("survey-title")) } }
        h1 { (q.title) }
        p { (status_line(ctx, &q)) }
        @if !q.intro.is_empty() { p.pre-line { (q.intro) } }
        p.actions {
            @if builder { a.button href={ (b) "/edit" } { (ctx.t("survey-edit")) } " " }
            @if q.mode == SurveyMode::Interview && q.status == SurveyStatus::Open && can(ctx, Action::EnterResponses) {
                a.button href={ (b) "/interviews/new" } { (ctx.t("survey-enter-interview")) } " "
            }
            @if can(ctx, Action::ViewCommunityProcess) { a href={ (b) "/results" } { (ctx.t("survey-results")) } " " }
            @if q.mode == SurveyMode::Public && q.status != SurveyStatus::Draft {
                a href={ "/surveys/" (q.id) } { (ctx.t("survey-public-page")) }
            }
        }
        @if q.responses > 0 && builder { p.notice { (ctx.t("survey-frozen-note")) } }
        h2 { (ctx.t("survey-questions")) }
        @if q.questions.is_empty() {
            p { (ctx.t("survey-no-questions")) }
        } @else {
            ol.items {
                @for question in &q.questions {
                    li {
                        (question.label) " "
                        span.muted { "(" (ctx.t(&format!("survey-kind-{}", question.kind.as_str())))
                            @if question.required { ", " (ctx.t("survey-required")) } ")" }
                        @if let Some(c) = &question.condition {
                            @if let Some(on) = q.question(c.question) {
                                br; span.hint { (ctx.lang.t_with("survey-when", &[("title", on.label.clone()), ("value", c.value.clone())])) }
                            }
                        }
                        @if !question.options.is_empty() {
                            br; span.hint { (question.options.join(" · ")) }
                        }
                        @if builder {
                            " " a href={ (b) "/questions/" (question.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (question.label) } }
                            " " a.danger.small href={ (b) "/questions/" (question.id) "/delete" } { (ctx.t("admin-delete")) span.visually-hidden { ": " (question.label) } }
                        }
                    }
                }
            }
        }
        @if builder {
            section aria-labelledby="new-question" {
                h2 #new-question { (ctx.t("survey-add-question")) }
                (error_summary(ctx, "question", errors))
                form.stack method="post" action={ (b) "/questions" } autocomplete="off" novalidate {
                    (csrf(ctx))
                    (meta_fields(&FormState::create()))
                    (question_fields(ctx, &q, None, form, errors))
                    button type="submit" { (ctx.t("admin-add")) }
                }
            }
        }
    };
    Ok(layout::page_with_status(ctx, status, &q.title, body))
}

pub async fn interview_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, survey)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let at = (ProgrammeId(id), QuestionnaireId(survey));
    let empty = (InterviewForm::default(), RawAnswers::default());
    interview(
        &s,
        &ctx,
        at,
        &empty,
        &SheetRefused::default(),
        StatusCode::OK,
    )
    .await
}

async fn interview(
    s: &AppState,
    ctx: &Ctx,
    (programme, id): (ProgrammeId, QuestionnaireId),
    (form, raw): &(InterviewForm, RawAnswers),
    refused: &SheetRefused,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let q = surveys::for_entry(&s.app, user, programme, id).await?;
    let title = format!("{} – {}", ctx.t("survey-enter-interview"), q.title);
    let e = &refused.fields;
    let body = html! {
        p { a href={ (base(programme)) "/" (q.id) } { (q.title) } }
        h1 { (title) }
        (error_summary(ctx, "interview", e))
        (sheet::summary(ctx, &q.questions, &refused.answers))
        form.stack.survey-sheet method="post" action={ (base(programme)) "/" (q.id) "/interviews" } autocomplete="off" novalidate {
            (csrf(ctx))
            (meta_fields(&FormState::create()))
            (input(ctx, "interview", Field::new("interviewer", "survey-field-interviewer", &form.interviewer).required(), "text", e))
            (input(ctx, "interview", Field::new("interviewed_on", "survey-field-interviewed-on", &form.interviewed_on).required().hint("field-date-hint"), "text", e))
            (sheet::fields(ctx, &q.questions, raw, &refused.answers))
            button type="submit" { (ctx.t("survey-save-interview")) }
        }
        script src="/static/survey.js" defer {}
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn enter_interview(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, survey)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let at = (ProgrammeId(id), QuestionnaireId(survey));
    let field = |n: &str| {
        form.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let typed = InterviewForm {
        interviewer: field("interviewer"),
        interviewed_on: field("interviewed_on"),
    };
    let raw = RawAnswers::from_pairs(&form);
    let r = surveys::enter_interview(&s.app, user, at.0, at.1, &typed, &raw, meta.once.as_deref())
        .await?;
    match r {
        Ok(_) => Ok(done(
            &format!("{}/{}/interviews/new", base(at.0), at.1),
            "saved",
            ctx.secure_cookies,
        )),
        Err(refused) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            interview(&s, &ctx, at, &(typed, raw), &refused, status).await
        }
    }
}

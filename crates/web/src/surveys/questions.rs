//! A questionnaire's questions: the builder's fields, and the add, edit and delete
//! handlers (through the records use cases; saves return to the questionnaire). A
//! question in a URL is checked against its questionnaire and programme.

use super::pages::{base, questionnaire_page};
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm, FormMeta};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::programmes::records::views::{confirm_page, edit_page as edit_view, EditPage};
use crate::ui::choices::{enum_options, Choices};
use crate::ui::components::*;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::records::{self, Record};
use kozos_app::AppError;
use kozos_domain::survey::*;
use kozos_domain::{FieldErrors, ProgrammeId, QuestionId, QuestionnaireId};
use maud::{html, Markup};

/// The builder's fields; the condition picks among the earlier choice questions.
pub fn question_fields(
    ctx: &Ctx,
    q: &Questionnaire,
    editing: Option<&Question>,
    f: &QuestionForm,
    e: &FieldErrors,
) -> Markup {
    let id = "question";
    let earlier: Vec<(String, String)> = q
        .questions
        .iter()
        .filter(|x| x.kind.is_choice())
        .filter(|x| editing.is_none_or(|me| x.position < me.position))
        .map(|x| (x.id.to_string(), x.label.clone()))
        .collect();
    let mut conditions = vec![(String::new(), ctx.t("survey-condition-none"))];
    conditions.extend(earlier);
    html! {
        (select(ctx, id, Field::new("kind", "survey-field-kind", &f.kind).required(), &enum_options(ctx, QuestionKind::ALL, "survey-kind", QuestionKind::as_str), e))
        (input(ctx, id, Field::new("label", "survey-field-label", &f.label).required(), "text", e))
        (textarea(ctx, id, Field::new("help", "survey-field-help", &f.help), 2, e))
        (checkbox(ctx, id, Field::new("required", "survey-field-required", &f.required), e))
        (textarea(ctx, id, Field::new("options", "survey-field-options", &f.options).hint("survey-field-options-hint"), 4, e))
        div.row {
            (input(ctx, id, Field::new("scale_min", "survey-field-scale-min", &f.scale_min).hint("survey-field-scale-hint"), "text", e))
            (input(ctx, id, Field::new("scale_max", "survey-field-scale-max", &f.scale_max), "text", e))
        }
        (select(ctx, id, Field::new("condition_question", "survey-field-condition", &f.condition_question).hint("survey-field-condition-hint"), &conditions, e))
        (input(ctx, id, Field::new("condition_value", "survey-field-condition-value", &f.condition_value), "text", e))
    }
}

pub async fn add(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, survey)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<QuestionForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, q) = (ProgrammeId(id), QuestionnaireId(survey));
    match records::create::<Question>(&s.app, user, p, q, &form, meta.once.as_deref()).await {
        Ok(_) => Ok(done(
            &format!("{}/{q}", base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            questionnaire_page(&s, &ctx, (p, q), (&form, &errors), status).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

/// The question named by the URL, only when it is in that questionnaire of that
/// programme (else 404), with its questionnaire.
async fn stored(
    s: &AppState,
    ctx: &Ctx,
    (id, survey, question): (i64, i64, i64),
) -> Result<(Questionnaire, Question), WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let q = records::get::<Question>(&s.app, user, p, QuestionId(question))
        .await
        .map_err(ctx.err())?;
    if q.questionnaire_id != QuestionnaireId(survey) {
        return Err(ctx.err()(AppError::NotFound));
    }
    let questionnaire = kozos_app::surveys::get(&s.app, user, p, q.questionnaire_id).await?;
    Ok((questionnaire, q))
}

async fn render(
    ctx: &Ctx,
    status: StatusCode,
    (questionnaire, q): &(Questionnaire, Question),
    (form, errors, state): (&QuestionForm, &FieldErrors, &FormState),
) -> Result<Response, WebError> {
    let title = ctx.t("survey-edit-question");
    let back = format!("{}/{}", base(questionnaire.programme_id), questionnaire.id);
    let action = format!("{back}/questions/{}/edit", q.id);
    let page = EditPage {
        title: &title,
        form: "question",
        action: &action,
        back: &back,
    };
    let fields = question_fields(ctx, questionnaire, Some(q), form, errors);
    let body = edit_view(ctx, &page, errors, state, &Choices::default(), fields);
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn edit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(ids): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    let at = stored(&s, &ctx, ids).await?;
    let form = at.1.to_form();
    let state = FormState::edit(at.1.version, &form);
    render(
        &ctx,
        StatusCode::OK,
        &at,
        (&form, &FieldErrors::new(), &state),
    )
    .await
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(ids): Path<(i64, i64, i64)>,
    EditForm { form, meta }: EditForm<QuestionForm>,
) -> Result<Response, WebError> {
    let at = stored(&s, &ctx, ids).await?;
    let user = ctx.require_user()?;
    let (p, id) = (at.0.programme_id, at.1.id);
    let back = format!("{}/{}", base(p), at.0.id);
    match records::update::<Question>(&s.app, user, p, id, &form, meta.version).await {
        Ok(()) => Ok(done(&back, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let FormMeta { version, was, .. } = meta;
            let state = FormState {
                version,
                was,
                ..Default::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&ctx, status, &at, (&form, &errors, &state)).await
        }
        Err(AppError::Conflict) => {
            let now = stored(&s, &ctx, ids).await?;
            let theirs = now.1.to_form();
            let (merged, changes) =
                conflict::merge("question", meta.was.as_deref(), &form, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(now.1.version, &theirs)
            };
            render(
                &ctx,
                StatusCode::CONFLICT,
                &now,
                (&merged, &FieldErrors::new(), &state),
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn confirm_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(ids): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    let (questionnaire, q) = stored(&s, &ctx, ids).await?;
    let title = ctx.t("survey-confirm-delete-question");
    let here = ctx.here.split('?').next().unwrap_or("").to_string();
    let back = format!("{}/{}", base(questionnaire.programme_id), questionnaire.id);
    let body = confirm_page(&ctx, &title, (&q.label, &[]), &here, &back);
    Ok(layout::page(&ctx, &title, body))
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(ids): Path<(i64, i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let (questionnaire, q) = stored(&s, &ctx, ids).await?;
    let user = ctx.require_user()?;
    let p = questionnaire.programme_id;
    records::delete::<Question>(&s.app, user, p, q.id).await?;
    let back = format!("{}/{}", base(p), questionnaire.id);
    Ok(done(&back, "deleted", ctx.secure_cookies))
}

//! Questionnaires as records of a programme: added on the surveys page, edited and
//! deleted through the generic record pages.

use super::pages::list_page;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::programmes::pages::Rejected;
use crate::programmes::records::RecordUi;
use crate::ui::choices::{enum_options, Choices};
use crate::ui::components::*;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_domain::survey::*;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

fn fields(ctx: &Ctx, id: &str, f: &QuestionnaireForm, e: &FieldErrors, status: bool) -> Markup {
    html! {
        (input(ctx, id, Field::new("title", "field-title", &f.title).required(), "text", e))
        (textarea(ctx, id, Field::new("intro", "survey-field-intro", &f.intro), 3, e))
        (select(ctx, id, Field::new("mode", "survey-field-mode", &f.mode).required(), &enum_options(ctx, SurveyMode::ALL, "survey-mode", SurveyMode::as_str), e))
        @if status {
            (select(ctx, id, Field::new("status", "survey-field-status", &f.status).required().hint("survey-field-status-hint"), &enum_options(ctx, SurveyStatus::ALL, "survey-status", SurveyStatus::as_str), e))
        }
    }
}

impl RecordUi for Questionnaire {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/surveys";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/surveys/{survey}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/surveys/{survey}/delete";
    const SEGMENT: &'static str = "surveys";
    const FORM: &'static str = "questionnaire";
    const TITLE_KEY: &'static str = "survey-edit";
    const CONFIRM_KEY: &'static str = "survey-confirm-delete";

    fn fields(ctx: &Ctx, id: &str, f: &QuestionnaireForm, e: &FieldErrors, _: &Choices) -> Markup {
        fields(ctx, id, f, e, true)
    }
    fn new_fields(
        ctx: &Ctx,
        id: &str,
        f: &QuestionnaireForm,
        e: &FieldErrors,
        _: &Choices,
    ) -> Markup {
        fields(ctx, id, f, e, false)
    }
    fn back(programme: ProgrammeId) -> String {
        format!("/admin/programmes/{programme}/surveys")
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        list_page(s, ctx, programme, rejected, status).await
    }
}

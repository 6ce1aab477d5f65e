//! Memos in the back office through the programme records' generic pages.

use super::pages::new_memo_page;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::programmes::pages::Rejected;
use crate::programmes::records::RecordUi;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_domain::community::memo::{Memo, MemoForm};
use kozos_domain::{ActivityId, FieldErrors, ProgrammeId};
use maud::{html, Markup};

impl RecordUi for Memo {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/activities/{activity}/memos";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/memos/{memo}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/memos/{memo}/delete";
    const SEGMENT: &'static str = "memos";
    const FORM: &'static str = "memo";
    const TITLE_KEY: &'static str = "memo-edit-title";
    const CONFIRM_KEY: &'static str = "confirm-delete-memo";

    /// One add form per activity: a refused one comes back on its activity's page.
    fn new_form_id(activity: ActivityId) -> String {
        format!("memo-{activity}")
    }
    fn fields(ctx: &Ctx, id: &str, f: &MemoForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("title", "field-memo-title", &f.title).required(), "text", e))
            (input(ctx, id, Field::new("moderator", "field-moderator", &f.moderator).required(), "text", e))
            (textarea(ctx, id, Field::new("body", "field-memo-body", &f.body).required().hint("field-markdown-hint"), 14, e))
            (textarea(ctx, id, Field::new("decisions", "field-decisions", &f.decisions).hint("field-markdown-hint"), 6, e))
            (textarea(ctx, id, Field::new("follow_ups", "field-follow-ups", &f.follow_ups).hint("field-follow-ups-hint"), 5, e))
            (checkbox(ctx, id, Field::new("published", "field-memo-published", &f.published).hint("field-memo-published-hint"), e))
        }
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &MemoForm, e: &FieldErrors, c: &Choices) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
    fn back(programme: ProgrammeId) -> String {
        format!("/admin/programmes/{programme}/memos")
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        let activity = rejected
            .form()
            .strip_prefix("memo-")
            .and_then(|a| a.parse().ok())
            .map(ActivityId)
            .ok_or_else(|| WebError::bad_request(ctx.lang))?;
        new_memo_page(s, ctx, programme, activity, rejected, status).await
    }
}

//! The moderators' views: the queue of waiting questions, the box that publishes or
//! refuses one (on the queue and on the question's own page), and the correction form.

use super::views::{meta, path, question_fields};
use crate::ctx::Ctx;
use crate::initiatives::views::paragraphs;
use crate::ui::components::*;
use kozos_domain::community::questions::*;
use kozos_domain::{ExpertQuestionId, FieldErrors, ProgrammeId};
use maud::{html, Markup};

/// Publish, refuse with a reason, block the asker; where the question stands.
pub fn moderation_box(ctx: &Ctx, q: &ExpertQuestion, errors: &FieldErrors) -> Markup {
    let base = format!("/admin{}", path(q.id));
    html! {
        div.moderation {
            @if let Some(r) = q.refused_reason.as_ref().filter(|_| q.status == QuestionStatus::Refused) {
                p { strong { (ctx.t("questions-refused-reason")) ": " } (r) }
            }
            @if q.status != QuestionStatus::Published {
                form.inline method="post" action={ (base) "/publish" } {
                    (csrf(ctx))
                    button type="submit" { (ctx.t("questions-publish")) }
                }
            }
            " " a href={ (base) "/edit" } { (ctx.t("questions-correct")) }
            form method="post" action={ (base) "/refuse" } novalidate {
                (csrf(ctx))
                div.field .has-error[errors.for_field("reason").is_some()] {
                    label for={ "refuse-" (q.id) } { (ctx.t("questions-refuse-reason")) }
                    input id={ "refuse-" (q.id) } name="reason" type="text" required;
                }
                button.secondary type="submit" { (ctx.t("questions-refuse")) }
            }
            details {
                summary { (ctx.t("initiatives-block")) }
                form method="post" action={ (base) "/block" } novalidate {
                    (csrf(ctx))
                    div.field {
                        label for={ "block-" (q.id) } { (ctx.t("initiatives-block-reason")) }
                        input id={ "block-" (q.id) } name="reason" type="text" required;
                    }
                    button.danger type="submit" { (ctx.t("initiatives-block")) }
                }
            }
        }
    }
}

pub fn queue(ctx: &Ctx, items: &[ExpertQuestion], errors: &FieldErrors) -> Markup {
    html! {
        h1 { (ctx.t("questions-queue-title")) }
        p { (ctx.t("questions-queue-lead")) " " a href="/questions" { (ctx.t("questions-title")) } }
        (error_summary(ctx, "moderate", errors))
        @if let Some(k) = errors.for_field("reason") { p.error role="alert" { (ctx.t(k)) } }
        p role="status" { (ctx.lang.tn("search-count", items.len() as i64)) }
        @if items.is_empty() { p { (ctx.t("questions-queue-empty")) } }
        @for q in items {
            article.question {
                h2 { a href=(path(q.id)) { (q.title) } }
                p { (ctx.t("questions-asked-by")) " " strong { (q.asker_name) } }
                (meta(ctx, q))
                (paragraphs(&q.body))
                @if !q.tags.is_empty() { p { (ctx.t("knowledge-tags")) ": " (q.tags.join(", ")) } }
                (moderation_box(ctx, q, errors))
            }
        }
    }
}

/// A moderator's correction of a question (its text, programme, settlement, tags).
pub fn edit(
    ctx: &Ctx,
    id: ExpertQuestionId,
    (form, state, errors): (&QuestionForm, &FormState, &FieldErrors),
    programmes: &[(ProgrammeId, String)],
) -> Markup {
    let f = "question";
    html! {
        p.breadcrumb { a href="/admin/questions" { (ctx.t("questions-queue-title")) } }
        h1 { (ctx.t("questions-correct")) }
        (conflict_notice(ctx, &state.changes, &|name| ctx.t(&format!("questions-field-{name}")), &|_, v| v.to_string()))
        (error_summary(ctx, f, errors))
        form.stack method="post" action={ "/admin" (path(id)) "/edit" } novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (question_fields(ctx, f, (form, errors), programmes))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href=(path(id)) { (ctx.t("admin-cancel")) }
            }
        }
    }
}

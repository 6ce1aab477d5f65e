//! The public question pages: the list with its filters, the asking form, a question with
//! its answers (and the answer form for experts), the asker's own list. A question is
//! residents' plain text, always escaped; answers are Markdown through `ui::markdown`.

use super::admin_views::moderation_box;
use super::forms::{AskForm, Asked};
use crate::ctx::Ctx;
use crate::initiatives::views::{paragraphs, visitor_fields};
use crate::ui::components::*;
use crate::ui::markdown;
use kozos_app::questions::{Of, Order, Page};
use kozos_domain::community::questions::*;
use kozos_domain::{ExpertQuestionId, FieldErrors, ProgrammeId};
use maud::{html, Markup};

pub fn path(id: ExpertQuestionId) -> String {
    format!("/questions/{id}")
}

/// When it was asked, where, to whom, and how far it got.
pub fn meta(ctx: &Ctx, q: &ExpertQuestion) -> Markup {
    html! {
        p.search-meta {
            @if !q.is_public() {
                span.badge { (ctx.t(q.status.key())) }
            } @else if q.answered_at.is_some() {
                span.badge.answered { (ctx.lang.tn("questions-answers", q.answers)) }
            } @else {
                span.badge { (ctx.t("questions-unanswered")) }
            }
            " · " (stored_time(ctx, q.published_at.as_deref().unwrap_or(&q.created_at), false))
            @if let Some(p) = &q.place_name { " · " (p) }
            " · "
            @match (q.programme_id, &q.programme_title) {
                (Some(id), Some(t)) => a href={ "/programmes/" (id) } { (t) },
                _ => span { (ctx.t("questions-national")) },
            }
        }
    }
}

fn tag_links(ctx: &Ctx, tags: &[String]) -> Markup {
    html! {
        @if !tags.is_empty() {
            p { (ctx.t("knowledge-tags")) ": "
                @for (i, t) in tags.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(Asked { tag: Some(t.clone()), ..Default::default() }.link(1)) { (t) }
                }
            }
        }
    }
}

fn programme_options(
    ctx: &Ctx,
    programmes: &[(ProgrammeId, String)],
    chosen: Option<Of>,
) -> Markup {
    html! {
        option value="" { (ctx.t("questions-all-programmes")) }
        option value="national" selected[chosen == Some(Of::National)] { (ctx.t("questions-national")) }
        @for (id, t) in programmes {
            option value=(id) selected[chosen == Some(Of::Programme(*id))] { (t) }
        }
    }
}

pub fn list(
    ctx: &Ctx,
    a: &Asked,
    (items, total): (&[ExpertQuestion], i64),
    tags: &[(String, i64)],
    programmes: &[(ProgrammeId, String)],
) -> Markup {
    let pages = ((total + 19) / 20).max(1);
    let ask = match a.of {
        Some(Of::Programme(p)) => format!("/questions/new?programme={p}"),
        _ => "/questions/new".into(),
    };
    html! {
        h1 { (ctx.t("questions-title")) }
        p.lead { (ctx.t("questions-lead")) }
        p.actions { a.button href=(ask) { (ctx.t("questions-ask")) } " " a href="/questions/mine" { (ctx.t("questions-mine-title")) } }
        form.filters method="get" action="/questions" {
            div.field {
                label for="qf-programme" { (ctx.t("knowledge-programme")) }
                select #qf-programme name="programme" { (programme_options(ctx, programmes, a.of)) }
            }
            div.field {
                label for="qf-answered" { (ctx.t("questions-filter-answered")) }
                select #qf-answered name="answered" {
                    option value="" { (ctx.t("questions-filter-all")) }
                    option value="yes" selected[a.answered == Some(true)] { (ctx.t("questions-filter-yes")) }
                    option value="no" selected[a.answered == Some(false)] { (ctx.t("questions-unanswered")) }
                }
            }
            div.field {
                label for="qf-order" { (ctx.t("questions-order")) }
                select #qf-order name="order" {
                    option value="answered" { (ctx.t("questions-order-answered")) }
                    option value="newest" selected[a.order == Order::Newest] { (ctx.t("questions-order-newest")) }
                }
            }
            @if let Some(t) = &a.tag { input type="hidden" name="tag" value=(t); }
            button type="submit" { (ctx.t("initiatives-filter")) }
        }
        @if let Some(t) = &a.tag {
            p { (ctx.t("knowledge-tag")) ": " strong { (t) } " " a href=(Asked { tag: None, ..a.clone() }.link(1)) { (ctx.t("search-remove-filter")) } }
        }
        p role="status" { (ctx.lang.tn("search-count", total)) }
        ol.info-entries {
            @for q in items {
                li.info-entry {
                    (meta(ctx, q))
                    h2 { a href=(path(q.id)) { (q.title) } }
                    p { (crate::information::summary(&q.body, 40)) }
                }
            }
        }
        (pager(ctx, a.page, pages, &|n| a.link(n)))
        @if !tags.is_empty() {
            h2 { (ctx.t("knowledge-tags")) }
            ul.search-chosen {
                @for (t, n) in tags.iter().take(30) {
                    li { a href=(Asked { tag: Some(t.clone()), ..a.clone() }.link(1)) { (t) " (" (n) ")" } }
                }
            }
        }
    }
}

/// A question's own fields (the asking form, a moderator's correction).
pub fn question_fields(
    ctx: &Ctx,
    id: &str,
    (f, errors): (&QuestionForm, &FieldErrors),
    programmes: &[(ProgrammeId, String)],
) -> Markup {
    let progs: Vec<(String, String)> = programmes
        .iter()
        .map(|(p, t)| (p.to_string(), t.clone()))
        .collect();
    html! {
        (input(ctx, id, Field::new("title", "questions-field-title", &f.title).required(), "text", errors))
        (textarea(ctx, id, Field::new("body", "questions-field-body", &f.body).required().hint("initiatives-plain-text"), 8, errors))
        (select(ctx, id, Field::new("programme_id", "questions-field-programme_id", &f.programme_id).hint("questions-programme-hint"), &progs, errors))
        (input(ctx, id, Field::new("settlement", "field-settlement", &f.settlement), "text", errors))
        (input(ctx, id, Field::new("tags", "knowledge-tags", &f.tags).hint("knowledge-tags-hint"), "text", errors))
    }
}

/// The asking form (kept as typed when refused).
pub fn ask(
    ctx: &Ctx,
    (form, state, errors): (&AskForm, &FormState, &FieldErrors),
    programmes: &[(ProgrammeId, String)],
) -> Markup {
    let id = "question";
    html! {
        p.breadcrumb { a href="/questions" { (ctx.t("questions-title")) } }
        h1 { (ctx.t("questions-ask")) }
        p { (ctx.t("questions-ask-lead")) }
        (error_summary(ctx, id, errors))
        form.stack method="post" action="/questions/new" novalidate autocomplete=[state.once.as_ref().map(|_| "off")] {
            (csrf(ctx))
            (meta_fields(state))
            (question_fields(ctx, id, (&form.domain(), errors), programmes))
            @if ctx.user.is_none() {
                (visitor_fields(ctx, id, &form.name, &form.email, errors))
            }
            @if let Some(k) = errors.for_field("form") { p.error role="alert" { (ctx.t(k)) } }
            p.hint { (ctx.t("questions-moderated-hint")) }
            button type="submit" { (ctx.t("questions-submit")) }
        }
    }
}

/// A question's page; `refused` is the answer form sent back with what was typed.
pub fn show(
    ctx: &Ctx,
    page: &Page,
    refused: Option<(&AnswerForm, &FieldErrors)>,
    state: &FormState,
) -> Markup {
    let q = &page.question;
    let none = FieldErrors::new();
    let blank = AnswerForm::default();
    let (af, errors) = refused.unwrap_or((&blank, &none));
    html! {
        p.breadcrumb { a href="/questions" { (ctx.t("questions-title")) } }
        article.question {
            h1 { (q.title) }
            p { (ctx.t("questions-asked-by")) " " strong { (q.asker_name) } }
            (meta(ctx, q))
            @if page.can_moderate { (moderation_box(ctx, q, &none)) }
            (paragraphs(&q.body))
            (tag_links(ctx, &q.tags))
            section aria-labelledby="answers-title" {
                h2 #answers-title { (ctx.lang.tn("questions-answers", page.answers.len() as i64)) }
                @if page.answers.is_empty() { p { (ctx.t("questions-no-answer-yet")) } }
                @for a in &page.answers {
                    article.answer id={ "answer-" (a.id) } {
                        p.meta {
                            strong { (a.author_name) } ", " (ctx.t(&format!("userrole-{}", a.author_role.as_str())))
                            " · " (stored_time(ctx, &a.created_at, false))
                            @if let Some(e) = &a.edited_at { " · " (ctx.t("questions-edited")) " " (stored_time(ctx, e, false)) }
                        }
                        div.prose { (markdown::render(&a.body)) }
                        @let mine = page.viewer == Some(a.author);
                        @if mine || page.can_moderate {
                            p.actions {
                                @if mine { a href={ (path(q.id)) "/answers/" (a.id) "/edit" } { (ctx.t("admin-edit")) } }
                                @if mine && page.can_moderate { " · " }
                                @if page.can_moderate { a href={ (path(q.id)) "/answers/" (a.id) "/delete" } { (ctx.t("questions-remove-answer")) } }
                            }
                        }
                    }
                }
                @if page.can_answer {
                    h3 { (ctx.t("questions-give-answer")) }
                    (answer_form(ctx, &format!("{}/answers", path(q.id)), (af, state, errors)))
                }
            }
        }
    }
}

pub fn answer_form(
    ctx: &Ctx,
    action: &str,
    (form, state, errors): (&AnswerForm, &FormState, &FieldErrors),
) -> Markup {
    html! {
        (error_summary(ctx, "answer", errors))
        form method="post" action=(action) novalidate autocomplete="off" {
            (csrf(ctx))
            (meta_fields(state))
            (textarea(ctx, "answer", Field::new("body", "questions-field-answer", &form.body).required().hint("field-markdown-hint"), 8, errors))
            button type="submit" { (ctx.t(if state.version.is_some() { "admin-save" } else { "questions-answer-submit" })) }
        }
    }
}

/// The asker's own questions with where each one is (a refusal with its reason).
pub fn mine(ctx: &Ctx, items: &[ExpertQuestion]) -> Markup {
    html! {
        p.breadcrumb { a href="/questions" { (ctx.t("questions-title")) } }
        h1 { (ctx.t("questions-mine-title")) }
        p.actions { a.button href="/questions/new" { (ctx.t("questions-ask")) } }
        @if items.is_empty() { p { (ctx.t("questions-mine-none")) } }
        ol.info-entries {
            @for q in items {
                li.info-entry {
                    p.search-meta {
                        span.badge { (ctx.t(q.status.key())) } " · " (stored_time(ctx, &q.created_at, false))
                    }
                    h2 {
                        @if q.is_public() { a href=(path(q.id)) { (q.title) } } @else { (q.title) }
                    }
                    @if let Some(r) = &q.refused_reason {
                        @if q.status == QuestionStatus::Refused { p { strong { (ctx.t("questions-refused-reason")) ": " } (r) } }
                    }
                    @if q.status == QuestionStatus::Waiting { p.hint { (ctx.t("questions-waiting-hint")) } }
                    details {
                        summary { (ctx.t("questions-your-text")) }
                        (paragraphs(&q.body))
                    }
                }
            }
        }
    }
}

//! The public initiative pages. Everything a resident typed is rendered through maud's
//! escaping (never `PreEscaped`); e-mail addresses are never shown, only display names.

use super::forms::{CommentForm, ProposalForm, VisitorForm};
use crate::ctx::Ctx;
use crate::ui::components::{
    csrf, error_summary, input, meta_fields, stored_time, textarea, Field, FormState,
};
use kozos_app::initiatives::Page;
use kozos_domain::initiative::*;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

pub fn base(p: ProgrammeId) -> String {
    format!("/programmes/{p}/initiatives")
}

pub fn stage_badge(ctx: &Ctx, s: Stage) -> Markup {
    html! { span class={ "badge stage-" (s.as_str()) } { (ctx.t(s.key())) } }
}

/// Paragraphs of a resident's text, escaped.
pub fn paragraphs(text: &str) -> Markup {
    html! { @for para in text.split("\n\n") { p { @for (n, line) in para.lines().enumerate() { @if n > 0 { br; } (line) } } } }
}

pub fn stage_options(ctx: &Ctx, with_set_aside: bool) -> Vec<(String, String)> {
    Stage::ALL
        .iter()
        .filter(|s| with_set_aside || **s != Stage::SetAside)
        .map(|s| (s.as_str().to_string(), ctx.t(s.key())))
        .collect()
}

pub fn list(
    ctx: &Ctx,
    programme: ProgrammeId,
    title: &str,
    stage: Option<Stage>,
    items: &[Initiative],
) -> Markup {
    let b = base(programme);
    html! {
        p.breadcrumb { a href={ "/programmes/" (programme) } { (title) } }
        h1 { (ctx.t("initiatives-title")) }
        p { (ctx.t("initiatives-lead")) }
        p { a.button href={ (b) "/new" } { (ctx.t("initiatives-propose")) } }
        form.filters method="get" action=(b) {
            div.field {
                label for="stage-filter" { (ctx.t("initiatives-stage")) }
                select id="stage-filter" name="stage" {
                    option value="" { (ctx.t("initiatives-all-stages")) }
                    @for (v, l) in stage_options(ctx, true) {
                        option value=(v) selected[stage.map(Stage::as_str) == Some(v.as_str())] { (l) }
                    }
                }
            }
            button type="submit" { (ctx.t("initiatives-filter")) }
        }
        @if items.is_empty() {
            p { (ctx.t("initiatives-none")) }
        } @else {
            ul.initiatives {
                @for i in items {
                    li {
                        h2 { a href={ (b) "/" (i.id) } { (i.title) } }
                        p {
                            (stage_badge(ctx, i.stage)) " · "
                            (ctx.lang.tn("initiatives-supports", i.supports))
                            @if let Some(n) = &i.proposer_name { " · " (ctx.t("initiatives-proposed-by")) " " (n) }
                        }
                    }
                }
            }
        }
    }
}

/// The proposal form (new, or a resident's own edit with its version).
pub fn proposal_form(
    ctx: &Ctx,
    action: &str,
    form: &ProposalForm,
    state: &FormState,
    errors: &FieldErrors,
) -> Markup {
    html! {
        (error_summary(ctx, "initiative", errors))
        form method="post" action=(action) novalidate autocomplete=[state.once.as_ref().map(|_| "off")] {
            (csrf(ctx))
            (meta_fields(state))
            (input(ctx, "initiative", Field::new("title", "initiatives-field-title", &form.title).required(), "text", errors))
            (textarea(ctx, "initiative", Field::new("summary", "initiatives-field-summary", &form.summary).required().hint("initiatives-plain-text"), 8, errors))
            @if ctx.user.is_none() && state.version.is_none() {
                (visitor_fields(ctx, "initiative", &form.name, &form.email, errors))
            }
            @if errors.for_field("form").is_some() { p.error { (ctx.t(errors.for_field("form").unwrap_or_default())) } }
            button type="submit" { (ctx.t(if state.version.is_some() { "admin-save" } else { "initiatives-submit" })) }
        }
    }
}

/// A visitor's name and address, beside what they ask for (with a way to sign in instead).
pub(crate) fn visitor_fields(
    ctx: &Ctx,
    form: &str,
    name: &str,
    email: &str,
    errors: &FieldErrors,
) -> Markup {
    html! {
        fieldset {
            legend { (ctx.t("initiatives-visitor")) }
            p.hint { (ctx.t("initiatives-visitor-hint")) " " a href={ "/signin?next=" (crate::routes::encode_query(&ctx.here)) } { (ctx.t("initiatives-or-sign-in")) } }
            (input(ctx, form, Field::new("name", "initiatives-field-name", name).required(), "text", errors))
            (input(ctx, form, Field::new("email", "field-email", email).required().hint("initiatives-email-private"), "email", errors))
        }
    }
}

/// Which box of the initiative page came back refused, with what was typed.
#[derive(Default)]
pub struct Refused {
    pub support: Option<(VisitorForm, FieldErrors)>,
    pub comment: Option<(CommentForm, FieldErrors)>,
    pub report: Option<(kozos_domain::CommentId, VisitorForm, FieldErrors)>,
}

pub fn show(ctx: &Ctx, programme_title: &str, page: &Page, refused: &Refused) -> Markup {
    let i = &page.initiative;
    let b = format!("{}/{}", base(i.programme_id), i.id);
    let none = FieldErrors::new();
    html! {
        p.breadcrumb {
            a href={ "/programmes/" (i.programme_id) } { (programme_title) } " › "
            a href=(base(i.programme_id)) { (ctx.t("initiatives-title")) }
        }
        article.initiative {
            h1 { (i.title) }
            p {
                (stage_badge(ctx, i.stage))
                @if let Some(n) = &i.proposer_name { " · " (ctx.t("initiatives-proposed-by")) " " (n) }
                " · " (stored_time(ctx, &i.created_at, false))
            }
            @if page.can_edit {
                p.actions { a href={ (b) "/edit" } { (ctx.t("admin-edit")) } " · " a href={ (b) "/delete" } { (ctx.t("admin-delete")) } }
            }
            @if page.can_manage {
                p { a href={ "/admin/programmes/" (i.programme_id) "/initiatives/" (i.id) } { (ctx.t("initiatives-manage")) } }
            }
            (paragraphs(&i.summary))
            @if i.outcome != Outcome::None {
                p.outcome { strong { (ctx.t(i.outcome.key())) } @if let Some(n) = &i.outcome_name { ": " (n) } }
            }
            (support_box(ctx, page, &b, refused.support.as_ref()))
            (history(ctx, page))
            @if !page.assistance.is_empty() {
                section aria-labelledby="assistance-title" {
                    h2 #assistance-title { (ctx.t("initiatives-assistance")) }
                    (assistance_list(ctx, &page.assistance))
                }
            }
            section aria-labelledby="comments-title" {
                h2 #comments-title { (ctx.lang.tn("initiatives-comments", page.comments.len() as i64)) }
                @for c in &page.comments {
                    @let mine = page.me.as_ref().is_some_and(|r| r.id == c.author);
                    article.comment id={ "comment-" (c.id) } {
                        p.meta { strong { (c.author_name) } " · " (stored_time(ctx, &c.created_at, false)) }
                        @match &c.hidden_reason {
                            Some(r) => { p.hidden-comment { em { (ctx.t("initiatives-hidden-by-moderator")) ": " (r) } } }
                            None => { (paragraphs(&c.body)) }
                        }
                        @if mine && c.hidden_reason.is_none() {
                            p.actions {
                                a href={ (b) "/comments/" (c.id) "/edit" } { (ctx.t("admin-edit")) } " · "
                                a href={ (b) "/comments/" (c.id) "/delete" } { (ctx.t("admin-delete")) }
                            }
                        } @else if c.hidden_reason.is_none() {
                            @let r = refused.report.as_ref().filter(|(id, ..)| *id == c.id);
                            (report_form(ctx, &b, c.id, r.map(|(_, f, e)| (f, e))))
                        }
                    }
                }
                h3 { (ctx.t("initiatives-add-comment")) }
                @let (cf, ce) = match &refused.comment { Some((f, e)) => (f.clone(), e), None => (CommentForm::default(), &none) };
                (error_summary(ctx, "comment", ce))
                form method="post" action={ (b) "/comments" } novalidate autocomplete="off" {
                    (csrf(ctx))
                    (meta_fields(&FormState::create()))
                    (textarea(ctx, "comment", Field::new("body", "initiatives-field-comment", &cf.body).required().hint("initiatives-plain-text"), 4, ce))
                    @if ctx.user.is_none() { (visitor_fields(ctx, "comment", &cf.name, &cf.email, ce)) }
                    @if let Some(k) = ce.for_field("form") { p.error { (ctx.t(k)) } }
                    button type="submit" { (ctx.t("initiatives-comment-submit")) }
                }
            }
        }
    }
}

fn support_box(
    ctx: &Ctx,
    page: &Page,
    b: &str,
    refused: Option<&(VisitorForm, FieldErrors)>,
) -> Markup {
    let none = FieldErrors::new();
    let (vf, errors) = match refused {
        Some((f, e)) => (f.clone(), e),
        None => (VisitorForm::default(), &none),
    };
    html! {
        section.support aria-labelledby="support-title" {
            h2 #support-title { (ctx.t("initiatives-support-title")) }
            p.count { (ctx.lang.tn("initiatives-supports", page.initiative.supports)) }
            (error_summary(ctx, "support", errors))
            @if let Some(k) = errors.for_field("form") { p.error role="alert" { (ctx.t(k)) } }
            @if page.i_support {
                p { (ctx.t("initiatives-you-support")) }
                form method="post" action={ (b) "/withdraw" } {
                    (csrf(ctx))
                    button.secondary type="submit" { (ctx.t("initiatives-withdraw")) }
                }
            } @else {
                form method="post" action={ (b) "/support" } novalidate {
                    (csrf(ctx))
                    @if ctx.user.is_none() { (visitor_fields(ctx, "support", &vf.name, &vf.email, errors)) }
                    button type="submit" { (ctx.t("initiatives-support")) }
                }
            }
        }
    }
}

fn report_form(
    ctx: &Ctx,
    b: &str,
    c: kozos_domain::CommentId,
    refused: Option<(&VisitorForm, &FieldErrors)>,
) -> Markup {
    let none = FieldErrors::new();
    let blank = VisitorForm::default();
    let (vf, errors) = refused.unwrap_or((&blank, &none));
    let prefix = format!("report-{c}");
    html! {
        @if let Some(k) = errors.for_field("form") { p.error role="alert" { (ctx.t(k)) } }
        @if ctx.user.is_some() {
            form.inline method="post" action={ (b) "/comments/" (c) "/report" } {
                (csrf(ctx))
                button.link type="submit" { (ctx.t("initiatives-report")) }
            }
        } @else {
            details open[refused.is_some()] {
                summary { (ctx.t("initiatives-report")) }
                (error_summary(ctx, &prefix, errors))
                form method="post" action={ (b) "/comments/" (c) "/report" } novalidate {
                    (csrf(ctx))
                    (visitor_fields(ctx, &prefix, &vf.name, &vf.email, errors))
                    button type="submit" { (ctx.t("initiatives-report-submit")) }
                }
            }
        }
    }
}

pub fn history(ctx: &Ctx, page: &Page) -> Markup {
    html! {
        @if !page.moves.is_empty() {
            section aria-labelledby="history-title" {
                h2 #history-title { (ctx.t("initiatives-history")) }
                ol.history {
                    @for m in &page.moves {
                        li {
                            (stored_time(ctx, &m.moved_at, false)) ": "
                            (ctx.t(m.from.key())) " → " strong { (ctx.t(m.to.key())) }
                            @if let Some(a) = &m.activity_title { " · " (ctx.t("initiatives-at-workshop")) " " (a) }
                            @if let Some(r) = &m.reason { br; span { (ctx.t("initiatives-reason")) ": " (r) } }
                        }
                    }
                }
            }
        }
    }
}

pub fn assistance_list(ctx: &Ctx, items: &[Assistance]) -> Markup {
    html! {
        ul.assistance {
            @for a in items {
                li {
                    (ctx.lang.date(a.input.given_on)) ": " strong { (ctx.t(a.input.kind.key())) }
                    @if let Some(h) = a.input.amount_huf { ", " (ctx.lang.huf(h)) }
                    @if let Some(o) = &a.organisation_name { " · " (o) }
                    @if let Some(g) = &a.input.given_by { " · " (g) }
                    @if !a.input.note.is_empty() { br; span { (a.input.note) } }
                }
            }
        }
    }
}

/// A resident's own comment, for editing.
pub fn comment_edit(
    ctx: &Ctx,
    action: &str,
    form: &CommentForm,
    state: &FormState,
    errors: &FieldErrors,
) -> Markup {
    html! {
        h1 { (ctx.t("initiatives-edit-comment")) }
        (error_summary(ctx, "comment", errors))
        form method="post" action=(action) novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (textarea(ctx, "comment", Field::new("body", "initiatives-field-comment", &form.body).required(), 4, errors))
            button type="submit" { (ctx.t("admin-save")) }
        }
    }
}

/// A delete confirmation: what goes, and the button.
pub fn confirm_delete(ctx: &Ctx, what: &str, action: &str, back: &str) -> Markup {
    html! {
        h1 { (ctx.t("initiatives-delete-title")) }
        p { (ctx.t("initiatives-delete-text")) }
        p { strong { (what) } }
        form method="post" action=(action) {
            (csrf(ctx))
            button.danger type="submit" { (ctx.t("admin-delete")) }
            " " a href=(back) { (ctx.t("admin-cancel")) }
        }
    }
}

//! The back-office pages of initiatives: the list, one initiative's page (stage move
//! naming a workshop, support given, outcome) and the moderation queue.

use super::forms::{AssistanceForm, MoveForm, OutcomeForm};
use super::views::{assistance_list, history, paragraphs, stage_badge, stage_options};
use crate::ctx::Ctx;
use crate::ui::components::{
    csrf, error_summary, input, meta_fields, select, stored_time, textarea, Field, FormState,
};
use kozos_app::initiatives::manage::ManageView;
use kozos_app::initiatives::moderation::Reported;
use kozos_domain::initiative::*;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

pub fn admin_base(p: ProgrammeId) -> String {
    format!("/admin/programmes/{p}/initiatives")
}

pub fn list(ctx: &Ctx, p: ProgrammeId, items: &[Initiative]) -> Markup {
    html! {
        p.breadcrumb { a href={ "/admin/programmes/" (p) } { (ctx.t("initiatives-back-to-programme")) } }
        h1 { (ctx.t("initiatives-admin-title")) }
        p { a href={ "/admin/programmes/" (p) "/moderation" } { (ctx.t("initiatives-moderation")) } " · " a href={ "/programmes/" (p) "/initiatives" } { (ctx.t("initiatives-public-page")) } }
        @if items.is_empty() { p { (ctx.t("initiatives-none")) } } @else {
            div.table-wrap { table {
                thead { tr {
                    th scope="col" { (ctx.t("initiatives-field-title")) }
                    th scope="col" { (ctx.t("initiatives-stage")) }
                    th scope="col" { (ctx.t("initiatives-support-title")) }
                    th scope="col" { (ctx.t("initiatives-assistance")) }
                    th scope="col" { (ctx.t("initiatives-outcome")) }
                } }
                tbody { @for i in items { tr {
                    th scope="row" { a href={ (admin_base(p)) "/" (i.id) } { (i.title) } }
                    td { (stage_badge(ctx, i.stage)) }
                    td { (i.supports) }
                    td { (i.assistance) }
                    td { (ctx.t(i.outcome.key())) }
                } } }
            } }
        }
    }
}

/// What comes back refused on an initiative's back-office page.
#[derive(Default)]
pub struct Forms {
    pub mv: Option<(MoveForm, FieldErrors, FormState)>,
    pub assistance: Option<(AssistanceForm, FieldErrors, FormState)>,
    pub outcome: Option<(OutcomeForm, FieldErrors, FormState)>,
}

pub fn show(ctx: &Ctx, v: &ManageView, f: &Forms) -> Markup {
    let i = &v.page.initiative;
    let p = i.programme_id;
    let b = format!("{}/{}", admin_base(p), i.id);
    let none = FieldErrors::new();
    let (mf, me, ms) = match &f.mv {
        Some((a, b, c)) => (a.clone(), b, c.clone()),
        None => (
            MoveForm {
                to: i
                    .stage
                    .next()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
                ..Default::default()
            },
            &none,
            FormState::edit(i.version, &()),
        ),
    };
    let (af, ae, ast) = match &f.assistance {
        Some((a, b, c)) => (a.clone(), b, c.clone()),
        None => (AssistanceForm::default(), &none, FormState::create()),
    };
    let (of, oe, ost) = match &f.outcome {
        Some((a, b, c)) => (a.clone(), b, c.clone()),
        None => (
            OutcomeForm {
                outcome: i.outcome.as_str().to_string(),
                name: i.outcome_name.clone().unwrap_or_default(),
            },
            &none,
            FormState::edit(i.version, &()),
        ),
    };
    let workshops: Vec<(String, String)> = v
        .workshops
        .iter()
        .map(|(id, at, t)| {
            (
                id.0.to_string(),
                format!("{} – {t}", ctx.lang.date(at.date())),
            )
        })
        .collect();
    let orgs: Vec<(String, String)> = v
        .organisations
        .iter()
        .map(|(id, n)| (id.0.to_string(), n.clone()))
        .collect();
    let kinds: Vec<(String, String)> = AssistanceKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), ctx.t(k.key())))
        .collect();
    let outcomes: Vec<(String, String)> = Outcome::ALL
        .iter()
        .map(|o| (o.as_str().to_string(), ctx.t(o.key())))
        .collect();
    html! {
        p.breadcrumb { a href=(admin_base(p)) { (ctx.t("initiatives-admin-title")) } }
        h1 { (i.title) }
        p { (stage_badge(ctx, i.stage)) " · " (ctx.lang.tn("initiatives-supports", i.supports))
            " · " a href={ "/programmes/" (p) "/initiatives/" (i.id) } { (ctx.t("initiatives-public-page")) } }
        (paragraphs(&i.summary))
        (history(ctx, &v.page))
        section aria-labelledby="move-title" {
            h2 #move-title { (ctx.t("initiatives-move")) }
            p.hint { (ctx.t("initiatives-move-hint")) }
            (error_summary(ctx, "move", me))
            form method="post" action={ (b) "/move" } novalidate {
                (csrf(ctx))
                (meta_fields(&ms))
                (select(ctx, "move", Field::new("to", "initiatives-move-to", &mf.to).required(), &stage_options(ctx, true), me))
                (select(ctx, "move", Field::new("activity_id", "initiatives-move-workshop", &mf.activity_id), &workshops, me))
                (textarea(ctx, "move", Field::new("reason", "initiatives-reason", &mf.reason).hint("initiatives-reason-hint"), 3, me))
                button type="submit" { (ctx.t("initiatives-move-submit")) }
            }
        }
        section aria-labelledby="assistance-title" {
            h2 #assistance-title { (ctx.t("initiatives-assistance")) }
            @if v.page.assistance.is_empty() { p { (ctx.t("initiatives-no-assistance")) } } @else {
                (assistance_list(ctx, &v.page.assistance))
                ul.actions { @for a in &v.page.assistance {
                    li { a href={ (b) "/assistance/" (a.id) "/delete" } { (ctx.t("admin-delete")) ": " (ctx.lang.date(a.input.given_on)) ", " (ctx.t(a.input.kind.key())) } }
                } }
            }
            h3 { (ctx.t("initiatives-add-assistance")) }
            (error_summary(ctx, "assistance", ae))
            form method="post" action={ (b) "/assistance" } novalidate autocomplete="off" {
                (csrf(ctx))
                (meta_fields(&ast))
                (select(ctx, "assistance", Field::new("kind", "initiatives-assistance-kind", &af.kind).required(), &kinds, ae))
                (input(ctx, "assistance", Field::new("given_on", "initiatives-given-on", &af.given_on).required(), "date", ae))
                (input(ctx, "assistance", Field::new("amount", "initiatives-amount", &af.amount).hint("initiatives-amount-hint"), "text", ae))
                (select(ctx, "assistance", Field::new("organisation_id", "initiatives-given-by-org", &af.organisation_id), &orgs, ae))
                (input(ctx, "assistance", Field::new("given_by", "initiatives-given-by", &af.given_by), "text", ae))
                (textarea(ctx, "assistance", Field::new("note", "initiatives-note", &af.note), 2, ae))
                button type="submit" { (ctx.t("initiatives-add-assistance")) }
            }
        }
        section aria-labelledby="outcome-title" {
            h2 #outcome-title { (ctx.t("initiatives-outcome")) }
            (error_summary(ctx, "outcome", oe))
            form method="post" action={ (b) "/outcome" } novalidate {
                (csrf(ctx))
                (meta_fields(&ost))
                (select(ctx, "outcome", Field::new("outcome", "initiatives-outcome", &of.outcome).required(), &outcomes, oe))
                (input(ctx, "outcome", Field::new("name", "initiatives-outcome-name", &of.name).hint("initiatives-outcome-name-hint"), "text", oe))
                button type="submit" { (ctx.t("admin-save")) }
            }
        }
    }
}

pub fn moderation(ctx: &Ctx, p: ProgrammeId, items: &[Reported], errors: &FieldErrors) -> Markup {
    html! {
        p.breadcrumb { a href=(admin_base(p)) { (ctx.t("initiatives-admin-title")) } }
        h1 { (ctx.t("initiatives-moderation")) }
        (error_summary(ctx, "moderate", errors))
        @if items.is_empty() { p { (ctx.t("initiatives-moderation-empty")) } }
        @for r in items {
            @let c = &r.comment;
            article.comment {
                h2 { (r.initiative_title) }
                p.meta { strong { (c.author_name) } " · " (stored_time(ctx, &c.created_at, false)) " · " (ctx.lang.tn("initiatives-reports", c.reports)) }
                (paragraphs(&c.body))
                @if let Some(h) = &c.hidden_reason { p { em { (ctx.t("initiatives-hidden-by-moderator")) ": " (h) } } }
                form method="post" action={ "/admin/programmes/" (p) "/moderation/comments/" (c.id) "/hide" } novalidate {
                    (csrf(ctx))
                    div.field {
                        label for={ "hide-" (c.id) } { (ctx.t("initiatives-hide-reason")) }
                        input id={ "hide-" (c.id) } name="reason" type="text" required;
                    }
                    button type="submit" { (ctx.t("initiatives-hide")) }
                }
                form.inline method="post" action={ "/admin/programmes/" (p) "/moderation/comments/" (c.id) "/restore" } {
                    (csrf(ctx))
                    button.secondary type="submit" { (ctx.t("initiatives-keep")) }
                }
                @if !r.author_blocked {
                    form method="post" action={ "/admin/programmes/" (p) "/moderation/residents/" (c.author) "/block" } novalidate {
                        (csrf(ctx))
                        div.field {
                            label for={ "block-" (c.id) } { (ctx.t("initiatives-block-reason")) }
                            input id={ "block-" (c.id) } name="reason" type="text" required;
                        }
                        button.danger type="submit" { (ctx.t("initiatives-block")) }
                    }
                } @else { p { (ctx.t("initiatives-author-blocked")) } }
            }
        }
    }
}

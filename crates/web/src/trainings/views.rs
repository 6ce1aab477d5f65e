//! The training page (settings, sessions, who completed, certificates), the revoke form
//! and the public verify page.

use crate::ctx::Ctx;
use crate::ui::components::{
    conflict_notice, csrf, error_summary, input, meta_fields, Field, FormState,
};
use kozos_app::participation::certificates::Verified;
use kozos_app::participation::trainings::{Standing, TrainingView};
use kozos_domain::participation::{Certificate, RevokeForm, SessionForm, TrainingForm};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

/// The forms a training page may come back with (after a refused save).
pub struct Forms<'a> {
    pub settings: (&'a TrainingForm, &'a FieldErrors, &'a FormState),
    pub session: (&'a SessionForm, &'a FieldErrors),
    /// An error of the certificates section (nobody to certify …).
    pub certificates: &'a FieldErrors,
}

fn hours(ctx: &Ctx, minutes: i64) -> String {
    ctx.lang
        .t_with("training-hours", &[("h", ctx.lang.hours(minutes))])
}

pub fn page(ctx: &Ctx, v: &TrainingView, f: &Forms) -> Markup {
    let a = &v.activity;
    let base = format!("/admin/activities/{}", a.id);
    let completers = v.completers().count() as i64;
    let to_issue = v.to_issue().count() as i64;
    let total = kozos_app::participation::trainings::counted_sessions(a, &v.sessions)
        .iter()
        .map(|(_, m)| m)
        .sum::<i64>();
    html! {
        p.breadcrumb { a href={ "/admin/programmes/" (a.programme_id) "/activities" } { (ctx.t("admin-activities")) } }
        h1 { (ctx.t("training-title")) ": " (a.title) }
        p { (ctx.lang.datetime(a.starts_at)) " – " (ctx.lang.datetime(a.ends_at)) }
        p { a href={ (base) "/roster" } { (ctx.t("training-open-roster")) } }

        h2 #settings { (ctx.t("training-settings")) }
        @let (form, errors, state) = f.settings;
        (conflict_notice(ctx, &state.changes, &|field| ctx.t(settings_label(field)), &|_, v| v.to_string()))
        (error_summary(ctx, "settings", errors))
        form method="post" action={ (base) "/training" } novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (input(ctx, "settings", Field::new("distance_hours", "training-distance-hours", &form.distance_hours).hint("training-distance-hint"), "text", errors))
            (input(ctx, "settings", Field::new("completion_percent", "training-completion-percent", &form.completion_percent).hint("training-completion-hint"), "text", errors))
            button type="submit" { (ctx.t("admin-save")) }
        }

        h2 #sessions { (ctx.t("training-sessions")) }
        @if v.sessions.is_empty() {
            p { (ctx.lang.t_with("training-no-sessions", &[("h", ctx.lang.hours(total))])) }
        } @else {
            table {
                caption { (ctx.lang.t_with("training-contact-total", &[("h", ctx.lang.hours(total))])) }
                thead { tr {
                    th scope="col" { (ctx.t("training-session-when")) }
                    th scope="col" { (ctx.t("training-session-title")) }
                    th scope="col" { (ctx.t("training-contact")) }
                    th scope="col" { span.visually-hidden { (ctx.t("admin-actions")) } }
                } }
                tbody {
                    @for s in &v.sessions {
                        tr {
                            td { (ctx.lang.datetime(s.starts_at)) "–" (s.ends_at.budapest().format("%H:%M")) }
                            td { (s.title) }
                            td { (hours(ctx, s.contact_minutes)) }
                            td {
                                form.inline method="post" action={ (base) "/training/sessions/" (s.id.0) "/delete" } {
                                    (csrf(ctx))
                                    button.secondary type="submit" aria-label={ (ctx.t("admin-delete")) ": " (ctx.lang.datetime(s.starts_at)) } { (ctx.t("admin-delete")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        h3 #add-session { (ctx.t("training-add-session")) }
        @let (sf, serr) = f.session;
        (error_summary(ctx, "session", serr))
        form method="post" action={ (base) "/training/sessions" } novalidate {
            (csrf(ctx))
            (input(ctx, "session", Field::new("date", "training-session-date", &sf.date).required(), "date", serr))
            (input(ctx, "session", Field::new("starts", "training-session-starts", &sf.starts).required(), "time", serr))
            (input(ctx, "session", Field::new("ends", "training-session-ends", &sf.ends).required(), "time", serr))
            (input(ctx, "session", Field::new("contact_hours", "training-contact-hours", &sf.contact_hours).hint("training-contact-hours-hint"), "text", serr))
            (input(ctx, "session", Field::new("title", "training-session-title", &sf.title), "text", serr))
            button type="submit" { (ctx.t("training-add-session")) }
        }

        h2 #completion { (ctx.t("training-completion")) }
        p role="status" { (ctx.lang.t_with("training-completion-summary", &[
            ("n", v.standings.len().to_string()), ("done", completers.to_string()),
            ("percent", v.training.completion_percent.to_string())])) }
        @if v.standings.is_empty() {
            p { (ctx.t("training-nobody")) }
        } @else {
            div.table-scroll {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("field-person-name")) }
                        th scope="col" { (ctx.t("training-attended")) }
                        @if v.training.distance_minutes > 0 { th scope="col" { (ctx.t("training-distance")) } }
                        th scope="col" { (ctx.t("training-completed")) }
                        th scope="col" { (ctx.t("training-certificate")) }
                    } }
                    tbody {
                        @for s in &v.standings { (standing_row(ctx, v, s)) }
                    }
                }
            }
        }

        h2 #certificates { (ctx.t("training-certificates")) }
        (error_summary(ctx, "certificates", f.certificates))
        @if let Some(b) = &v.batch {
            @if b.state == "queued" || b.state == "running" {
                div.progress-box data-progress-url={ (base) "/certificates/batches/" (b.id) } {
                    label for="batch-progress" { (ctx.t("training-issuing")) }
                    progress #batch-progress max=(b.total) value=(b.done) { (b.done) " / " (b.total) }
                    p role="status" aria-live="polite" data-progress-text {
                        (ctx.lang.t_with("training-issued-of", &[("done", b.done.to_string()), ("total", b.total.to_string())]))
                    }
                    p { a href={ (base) "/training#certificates" } { (ctx.t("training-refresh")) } }
                }
                script src="/static/progress.js" defer {}
            } @else if b.state == "done" {
                p { (ctx.lang.t_with("training-batch-done", &[("total", b.total.to_string())])) }
            }
        }
        @if to_issue > 0 {
            form method="post" action={ (base) "/certificates" } id="certificates-certificates" {
                (csrf(ctx))
                button type="submit" { (ctx.lang.tn("training-issue", to_issue)) }
            }
        } @else if completers > 0 {
            p { (ctx.t("training-all-certified")) }
        }
    }
}

fn settings_label(field: &str) -> &'static str {
    match field {
        "distance_hours" => "training-distance-hours",
        _ => "training-completion-percent",
    }
}

fn standing_row(ctx: &Ctx, v: &TrainingView, s: &Standing) -> Markup {
    let base = format!("/admin/activities/{}", v.activity.id);
    let p = &s.progress;
    html! {
        tr #{ "person-" (s.person.0) } {
            th scope="row" { (s.name) }
            td { (ctx.lang.hours(p.attended_minutes)) " / " (hours(ctx, p.total_minutes)) }
            @if v.training.distance_minutes > 0 {
                td {
                    form.inline method="post" action={ (base) "/training/distance" } {
                        (csrf(ctx))
                        input type="hidden" name="person_id" value=(s.person.0);
                        input type="hidden" name="done" value=(if p.distance_done { "0" } else { "1" });
                        @let state = ctx.t(if p.distance_done { "training-distance-done" } else { "training-distance-not-done" });
                        button.secondary type="submit" aria-pressed=(if p.distance_done { "true" } else { "false" })
                            aria-label={ (state) ": " (s.name) } { (state) }
                    }
                }
            }
            td { (ctx.t(if p.completed { "training-yes" } else { "training-no" })) }
            td { (certificate_cell(ctx, &base, s.certificate.as_ref())) }
        }
    }
}

fn certificate_cell(ctx: &Ctx, base: &str, c: Option<&Certificate>) -> Markup {
    html! {
        @match c {
            None => { "–" }
            Some(c) => {
                a href={ (base) "/certificates/" (c.id.0) } download { (c.number) }
                @if c.revoked_at.is_some() {
                    " " span.badge { (ctx.t("certificate-revoked")) }
                    @if let Some(r) = &c.revoked_reason { " " span.muted { (r) } }
                } @else {
                    " · " a href={ (base) "/certificates/" (c.id.0) "/revoke" } aria-label={ (ctx.t("certificate-revoke")) ": " (c.number) } { (ctx.t("certificate-revoke")) }
                }
            }
        }
    }
}

pub fn revoke(
    ctx: &Ctx,
    activity: i64,
    c: &Certificate,
    form: &RevokeForm,
    errors: &FieldErrors,
) -> Markup {
    html! {
        p.breadcrumb { a href={ "/admin/activities/" (activity) "/training#certificates" } { (ctx.t("training-title")) } }
        h1 { (ctx.t("certificate-revoke")) ": " (c.number) }
        p { (c.name) " – " (c.training) }
        p { (ctx.t("certificate-revoke-explained")) }
        p { (ctx.t("certificate-revoke-private")) }
        (error_summary(ctx, "revoke", errors))
        form method="post" novalidate {
            (csrf(ctx))
            (input(ctx, "revoke", Field::new("reason", "certificate-revoke-reason", &form.reason).required(), "text", errors))
            button type="submit" { (ctx.t("certificate-revoke")) }
        }
    }
}

/// The public verify page: what the register says about a number, and nothing more.
pub fn verify(ctx: &Ctx, number: &str, found: Option<&Verified>) -> Markup {
    html! {
        h1 { (ctx.t("verify-title")) }
        form method="get" action="/verify" role="search" {
            div.field {
                label for="verify-number" { (ctx.t("verify-number")) }
                p.hint #verify-number-hint { (ctx.t("verify-number-hint")) }
                input #verify-number name="number" type="text" value=(number) autocomplete="off"
                    spellcheck="false" aria-describedby="verify-number-hint";
            }
            button type="submit" { (ctx.t("verify-submit")) }
        }
        @match found {
            None => {}
            Some(Verified::Mistyped) => { div.verify.invalid role="alert" { p { strong { (ctx.t("verify-mistyped")) } } } }
            Some(Verified::Unknown) => { div.verify.invalid role="alert" { p { strong { (ctx.t("verify-unknown")) } } } }
            Some(Verified::Found(c)) => {
                @let revoked = c.revoked_at.is_some();
                div.verify .valid[!revoked] .invalid[revoked] role="status" {
                    @if let Some(at) = c.revoked_at {
                        // The reason is staff's own text: it stays on staff pages and in the log.
                        p { strong { (ctx.lang.t_with("verify-revoked", &[("date", ctx.lang.date(at.date()))])) } }
                    } @else {
                        p { strong { (ctx.t("verify-valid")) } }
                    }
                    dl {
                        dt { (ctx.t("verify-field-number")) } dd { (c.number) }
                        dt { (ctx.t("verify-field-name")) } dd { (c.name) }
                        dt { (ctx.t("verify-field-training")) } dd { (c.training) }
                        dt { (ctx.t("verify-field-hours")) } dd { (hours(ctx, c.contact_minutes)) }
                        dt { (ctx.t("verify-field-completed")) } dd { (ctx.lang.date(c.completed_on)) }
                    }
                }
            }
        }
    }
}

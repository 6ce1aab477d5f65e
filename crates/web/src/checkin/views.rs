//! The roster (a list of names with a big tick button each, the registry search and the
//! walk-in form) and the check-in page's frame (the script fills it).

use crate::ctx::Ctx;
use crate::ui::components::{csrf, error_summary, input, Field};
use kozos_app::participation::roster::Roster;
use kozos_domain::activity::Activity;
use kozos_domain::participation::{Person, PersonForm, RegistrationStatus};
use kozos_domain::{FieldErrors, PersonId};
use maud::{html, Markup};

fn tick_form(ctx: &Ctx, r: &Roster, person: PersonId, present: bool, name: &str) -> Markup {
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name), then
    // whose button it is, and for a tick already given, what pressing it does.
    let visible = ctx.t(if present {
        "roster-present"
    } else {
        "roster-tick"
    });
    html! {
        form.tick method="post" action={ "/admin/activities/" (r.activity.id) "/roster/tick" } {
            (csrf(ctx))
            input type="hidden" name="person_id" value=(person.0);
            @if let Some(s) = r.session { input type="hidden" name="session" value=(s.0); }
            input type="hidden" name="present" value=(if present { "0" } else { "1" });
            button type="submit" .present[present] aria-pressed=(if present { "true" } else { "false" })
                aria-label={ (visible) ": " (name) @if present { " (" (ctx.t("roster-untick")) ")" } } {
                (visible)
            }
        }
    }
}

/// A training's sessions, the one shown marked: each is ticked on its own.
fn session_nav(ctx: &Ctx, r: &Roster) -> Markup {
    html! {
        @if !r.sessions.is_empty() {
            nav.sessions aria-label=(ctx.t("roster-sessions")) {
                h2 { (ctx.t("roster-sessions")) }
                ul {
                    @for s in &r.sessions {
                        @let label = if s.title.is_empty() { ctx.lang.datetime(s.starts_at) } else { format!("{} – {}", ctx.lang.datetime(s.starts_at), s.title) };
                        li {
                            @if r.session == Some(s.id) {
                                a href={ "/admin/activities/" (r.activity.id) "/roster?session=" (s.id.0) } aria-current="page" { (label) }
                            } @else {
                                a href={ "/admin/activities/" (r.activity.id) "/roster?session=" (s.id.0) } { (label) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn roster(
    ctx: &Ctx,
    r: &Roster,
    q: &str,
    found: Option<&[Person]>,
    form: &PersonForm,
    errors: &FieldErrors,
) -> Markup {
    let a = &r.activity;
    let live: Vec<_> = r
        .registrations
        .iter()
        .filter(|x| x.status != RegistrationStatus::Cancelled)
        .collect();
    let present = r.attendance.len();
    html! {
        p.breadcrumb { a href={ "/admin/programmes/" (a.programme_id) "/activities" } { (ctx.t("admin-activities")) } }
        h1 { (ctx.t("roster-title")) ": " (a.title) }
        // A training's roster is ticked per session: which one comes first, then its counts.
        @match r.sessions.iter().find(|x| Some(x.id) == r.session) {
            Some(session) => { p { (ctx.lang.datetime(session.starts_at)) "–" (session.ends_at.budapest().format("%H:%M")) } }
            None => { p { (ctx.lang.datetime(a.starts_at)) } }
        }
        (session_nav(ctx, r))
        p.counts role="status" { (ctx.lang.tn("roster-count-present", present as i64)) " · " (ctx.lang.tn("roster-count-registered", live.len() as i64)) }
        // Counts only: who has which attribute is for those entitled, on the person's page.
        p.sensitive-counts {
            (ctx.t("roster-of-whom")) " "
            (ctx.lang.tn("roster-count-disadvantaged", r.sensitive.disadvantaged)) ", "
            (ctx.lang.tn("roster-count-roma", r.sensitive.roma)) ", "
            (ctx.lang.tn("roster-count-disability", r.sensitive.disability))
        }
        ul {
            li { a href={ "/admin/activities/" (a.id) "/check-in" } { (ctx.t("checkin-open")) } }
            li {
                a href={ "/admin/activities/" (a.id) "/attendance-sheet.pdf" } { (ctx.t("evidence-sheet-download")) }
                " " span.hint { (ctx.lang.t_with("evidence-sheet-hint", &[("n", super::sheet::DEFAULT_BLANK_ROWS.to_string())])) }
            }
            li { a href={ "/admin/activities/" (a.id) "/evidence" } { (ctx.t("evidence-open")) } }
            li { a href={ "/admin/activities/" (a.id) "/volunteers" } { (ctx.t("volunteer-open")) } }
            @if a.kind == kozos_domain::activity::ActivityKind::Training {
                li { a href={ "/admin/activities/" (a.id) "/training" } { (ctx.t("training-open")) } }
            }
        }
        @if live.is_empty() {
            p { (ctx.t("roster-none-registered")) }
        } @else {
            ul.roster {
                @for x in &live {
                    li #{ "person-" (x.person_id.0) } .waiting[x.status == RegistrationStatus::Waiting] {
                        span.name { (x.person_name) }
                        @if x.status == RegistrationStatus::Waiting { " " span.badge { (ctx.t("registration-status-waiting")) } }
                        (tick_form(ctx, r, x.person_id, r.present(x.person_id), &x.person_name))
                    }
                }
            }
        }
        @let walk_ins = r.walk_ins();
        @if !walk_ins.is_empty() {
            h2 { (ctx.t("roster-walk-ins")) }
            ul.roster {
                @for w in walk_ins {
                    li #{ "person-" (w.person_id.0) } {
                        span.name { (w.person_name) }
                        (tick_form(ctx, r, w.person_id, true, &w.person_name))
                    }
                }
            }
        }
        h2 #search { (ctx.t("roster-search-title")) }
        form method="get" action={ "/admin/activities/" (a.id) "/roster#search" } role="search" {
            div.field {
                label for="roster-q" { (ctx.t("roster-search-label")) }
                input #roster-q type="search" name="q" value=(q) minlength="2";
            }
            button type="submit" { (ctx.t("roster-search")) }
        }
        @if let Some(found) = found {
            @if found.is_empty() {
                p { (ctx.t("roster-search-none")) }
            } @else {
                ul.roster {
                    @for p in found {
                        li {
                            span.name { (p.name) }
                            @if let Some(pl) = &p.place_name { " (" (pl) ")" }
                            (tick_form(ctx, r, p.id, r.present(p.id), &p.name))
                        }
                    }
                }
            }
        }
        h2 #walk-in { (ctx.t("roster-new-person")) }
        (error_summary(ctx, "walkin", errors))
        form method="post" action={ "/admin/activities/" (a.id) "/roster/walk-in" @if let Some(s) = r.session { "?session=" (s.0) } } novalidate {
            (csrf(ctx))
            (input(ctx, "walkin", Field::new("name", "field-person-name", &form.name).required(), "text", errors))
            (input(ctx, "walkin", Field::new("settlement", "field-settlement", &form.settlement), "text", errors))
            (input(ctx, "walkin", Field::new("birth_year", "field-birth-year", &form.birth_year), "text", errors))
            (input(ctx, "walkin", Field::new("email", "field-email", &form.email), "email", errors))
            (input(ctx, "walkin", Field::new("phone", "field-phone", &form.phone), "tel", errors))
            button type="submit" { (ctx.t("roster-add-walk-in")) }
        }
    }
}

/// The check-in page: the script reads `data-*` and fills the rest. Without the script
/// the page says so and links to the roster.
pub fn check_in(ctx: &Ctx, a: &Activity) -> Markup {
    html! {
        p.breadcrumb { a href={ "/admin/activities/" (a.id) "/roster" } { (ctx.t("roster-title")) } }
        h1 { (ctx.t("checkin-title")) ": " (a.title) }
        div #checkin
            data-activity=(a.id)
            data-csrf=(ctx.csrf)
            data-lang=(ctx.lang.code()) {
            noscript { p { (ctx.t("checkin-needs-script")) } }
            p #checkin-connection role="status" aria-live="polite" {}
            div.scanner {
                video #checkin-video playsinline muted hidden {}
                button #checkin-camera type="button" hidden { (ctx.t("checkin-camera")) }
            }
            form #checkin-form novalidate {
                div.field {
                    label for="checkin-code" { (ctx.t("checkin-code-label")) }
                    p.hint #checkin-code-hint { (ctx.t("checkin-code-hint")) }
                    input #checkin-code name="code" type="text" autocomplete="off" autocapitalize="characters"
                        spellcheck="false" aria-describedby="checkin-code-hint";
                }
                button type="submit" { (ctx.t("checkin-submit")) }
            }
            div #checkin-result role="alert" aria-live="assertive" {}
            p #checkin-queue role="status" aria-live="polite" {}
            h2 { (ctx.t("checkin-recent")) }
            ol #checkin-log {}
        }
        // Messages the script shows, in this page's language ({name} and {n} are filled in).
        template #checkin-messages {
            @for key in ["checkin-ok", "checkin-already", "checkin-queued", "checkin-offline", "checkin-online",
                         "checkin-pending", "checkin-synced", "checkin-malformed", "checkin-forged", "checkin-unknown",
                         "checkin-other-activity", "checkin-cancelled", "checkin-waiting", "checkin-too-early",
                         "checkin-expired", "checkin-future-scan", "checkin-sync-failed", "checkin-no-camera"] {
                span data-key=(key) { (ctx.lang.t_with(key, &[("name", "{name}".to_string()), ("n", "{n}".to_string())])) }
            }
        }
        script src="/static/checkin.js" defer {}
    }
}

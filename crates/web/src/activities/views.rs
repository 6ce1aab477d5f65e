//! Views of the activities back office.

use crate::ctx::Ctx;
use crate::programmes::records::views::links;
use crate::programmes::records::RecordUi;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use kozos_app::activities::ProgrammeActivities;
use kozos_domain::activity::{Activity, ActivityKind, Series};
use kozos_domain::time::Instant;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

fn row(ctx: &Ctx, base: &str, a: &Activity, can: bool) -> Markup {
    html! {
        tr {
            td { time datetime=(a.starts_at.stored()) { (ctx.lang.datetime(a.starts_at)) } }
            th scope="row" {
                @if a.public { a href={ "/activities/" (a.id) } { (a.title) } } @else { (a.title) }
                @if can {
                    br;
                    span.row-links {
                        a href={ "/admin/activities/" (a.id) "/roster" } aria-label={ (ctx.t("roster-title")) ": " (a.title) } { (ctx.t("roster-title")) }
                        @if a.kind == ActivityKind::Training {
                            " · " a href={ "/admin/activities/" (a.id) "/training" } aria-label={ (ctx.t("training-title")) ": " (a.title) } { (ctx.t("training-title")) }
                        }
                    }
                }
            }
            td { (ctx.t(&format!("activity-kind-{}", a.kind.as_str())))
                @if let Some(p) = a.phase { br; span.muted { (ctx.t(&format!("phase-{}", p.as_str()))) } } }
            td { (a.place_name.as_deref().unwrap_or("")) }
            td { (ctx.t(if a.public { "activity-public" } else { "activity-internal" })) }
            td { @match a.capacity { Some(c) => (ctx.lang.number(c)), None => span.muted { "–" } } }
            @if can { td { (links::<Activity>(ctx, base, a.id, &a.title)) } }
        }
    }
}

fn table(ctx: &Ctx, base: &str, list: &[&Activity], can: bool, caption: &str) -> Markup {
    html! {
        div.table-wrap {
            table {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (ctx.t("activity-when")) }
                    th scope="col" { (ctx.t("field-activity-title")) }
                    th scope="col" { (ctx.t("field-activity-kind")) }
                    th scope="col" { (ctx.t("field-settlement")) }
                    th scope="col" { (ctx.t("activity-visibility")) }
                    th scope="col" { (ctx.t("field-capacity")) }
                    @if can { th scope="col" { span.visually-hidden { (ctx.t("admin-actions")) } } }
                } }
                tbody { @for a in list { (row(ctx, base, a, can)) } }
            }
        }
    }
}

pub fn list(ctx: &Ctx, v: &ProgrammeActivities, now: Instant) -> Markup {
    let p = &v.programme;
    let base = format!("/admin/programmes/{}", p.id);
    let (past, upcoming): (Vec<&Activity>, Vec<&Activity>) =
        v.activities.iter().partition(|a| a.ends_at <= now);
    let past: Vec<&Activity> = past.into_iter().rev().collect();
    html! {
        p.breadcrumb { a href=(base) { (p.title) } }
        h1 { (ctx.t("admin-activities")) }
        p.actions {
            @if v.can_manage {
                a.button href={ (base) "/activities/new" } { (ctx.t("admin-new-activity")) }
                " "
                a.button.secondary href={ (base) "/series/new" } { (ctx.t("admin-new-series")) }
                " "
            }
            a href={ "/calendar?programme=" (p.id) } { (ctx.t("calendar-of-programme")) }
        }
        p { (ctx.lang.t_with("activities-count", &[("n", ctx.lang.number(v.activities.len() as i64))])) }
        @if upcoming.is_empty() {
            p.muted { (ctx.t("activities-none-upcoming")) }
        } @else {
            (table(ctx, &base, &upcoming, v.can_manage, &ctx.t("activities-upcoming")))
        }
        @if !past.is_empty() {
            (table(ctx, &base, &past, v.can_manage, &ctx.t("activities-past")))
        }
        section aria-labelledby="series-title" {
            h2 #series-title { (ctx.t("admin-series")) }
            @if v.series.is_empty() { p.muted { (ctx.t("programme-none")) } }
            ul.items {
                @for s in &v.series {
                    li {
                        strong { (s.name) } " – " (ctx.t(&format!("activity-kind-{}", s.kind.as_str())))
                        ", " (ctx.lang.date(s.rule.first)) " – " (ctx.lang.date(s.rule.until))
                        @if s.public { " " a href={ "/calendar?series=" (s.id) } { (ctx.t("series-in-calendar")) } }
                        @if v.can_manage { (links::<Series>(ctx, &base, s.id, &s.name)) }
                    }
                }
            }
        }
    }
}

/// A page with one add form (activities and series have too many fields to sit on the
/// list page).
pub fn new_page<K: RecordUi>(
    ctx: &Ctx,
    title: &str,
    programme: ProgrammeId,
    (form, errors): (&K::NewForm, &FieldErrors),
    c: &Choices,
) -> Markup {
    let action = K::NEW_PATH.replace("{id}", &programme.to_string());
    let back = K::back(programme);
    html! {
        h1 { (title) }
        (error_summary(ctx, K::FORM, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            (meta_fields(&FormState::create()))
            (K::new_fields(ctx, K::FORM, form, errors, c))
            div.actions {
                button type="submit" { (ctx.t("admin-add")) }
                a href=(back) { (ctx.t("admin-cancel")) }
            }
        }
    }
}

//! Calendar views: the filter form, the month grid, the week and the list, and an
//! activity's public page.

use super::query::{Asked, View};
use crate::ctx::Ctx;
use kozos_app::activities::{CalendarChoices, CalendarEntry};
use kozos_domain::activity::Activity;
use kozos_domain::programme::Programme;
use kozos_domain::time::{Date, Period};
use maud::{html, Markup};

fn kind(ctx: &Ctx, k: kozos_domain::activity::ActivityKind) -> String {
    ctx.t(&format!("activity-kind-{}", k.as_str()))
}

fn hm(t: kozos_domain::time::Instant) -> String {
    t.budapest().format("%H:%M").to_string()
}

/// "18:00–20:00", or with the end's date when it ends on another day.
fn times(ctx: &Ctx, a: &CalendarEntry) -> String {
    if a.starts_at.date() == a.ends_at.date() {
        format!("{}–{}", hm(a.starts_at), hm(a.ends_at))
    } else {
        format!("{} – {}", hm(a.starts_at), ctx.lang.datetime(a.ends_at))
    }
}

fn month_name(ctx: &Ctx, p: Period) -> String {
    ctx.lang.t_with(
        "calendar-month-name",
        &[
            ("year", p.first.year().to_string()),
            ("month", ctx.t(&format!("month-{}", p.first.month()))),
        ],
    )
}

fn month_param(p: Period) -> String {
    format!("{:04}-{:02}", p.first.year(), p.first.month())
}

fn prev_month(p: Period) -> Period {
    let d = p.first.add_days(-1);
    Period::month(d.year(), d.month()).unwrap_or(p)
}

fn link(view: View, extra: &str, filters: &str) -> String {
    let mut q = format!("view={}", view.as_str());
    if !extra.is_empty() {
        q.push('&');
        q.push_str(extra);
    }
    if !filters.is_empty() {
        q.push('&');
        q.push_str(filters);
    }
    format!("/calendar?{q}")
}

fn select(
    ctx: &Ctx,
    (name, label): (&str, &str),
    options: &[(String, String)],
    selected: Option<String>,
) -> Markup {
    let selected = selected.unwrap_or_default();
    html! {
        div.field {
            label for={ "cal-" (name) } { (ctx.t(label)) }
            select id={ "cal-" (name) } name=(name) {
                option value="" { (ctx.t("calendar-all")) }
                @for (v, l) in options { option value=(v) selected[*v == selected] { (l) } }
            }
        }
    }
}

fn strs<I: ToString>(list: &[(I, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(i, n)| (i.to_string(), n.clone()))
        .collect()
}

fn filters_form(ctx: &Ctx, a: &Asked, c: &CalendarChoices) -> Markup {
    let f = &a.filters;
    let kinds: Vec<(String, String)> = kozos_domain::activity::ActivityKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                ctx.t(&format!("activity-kind-{}", k.as_str())),
            )
        })
        .collect();
    html! {
        form.filters method="get" action="/calendar" aria-label=(ctx.t("calendar-filters")) {
            input type="hidden" name="view" value=(a.view.as_str());
            @if a.view == View::Week { input type="hidden" name="week" value=(a.week.stored()); }
            @else { input type="hidden" name="month" value=(month_param(a.month)); }
            @if let Some(s) = f.series { input type="hidden" name="series" value=(s); }
            (select(ctx, ("settlement", "field-settlement"), &strs(&c.settlements), f.settlement.map(|p| p.to_string())))
            (select(ctx, ("programme", "calendar-programme"), &strs(&c.programmes), f.programme.map(|p| p.to_string())))
            (select(ctx, ("kind", "field-activity-kind"), &kinds, f.kind.map(|k| k.as_str().to_string())))
            (select(ctx, ("organisation", "calendar-institution"), &strs(&c.organisations), f.organisation.map(|p| p.to_string())))
            button type="submit" { (ctx.t("calendar-filter")) }
            @if !f.is_empty() { " " a href={ "/calendar?view=" (a.view.as_str()) } { (ctx.t("calendar-clear")) } }
        }
    }
}

fn entry(a: &CalendarEntry, kind: &str) -> Markup {
    html! {
        a href={ "/activities/" (a.id) } {
            span.time { (hm(a.starts_at)) } " " (a.title)
        }
        span.visually-hidden { ", " (kind) }
    }
}

/// Each kind's label, looked up once per page rather than once per entry.
fn kind_labels(ctx: &Ctx) -> Vec<(kozos_domain::activity::ActivityKind, String)> {
    kozos_domain::activity::ActivityKind::ALL
        .iter()
        .map(|k| (*k, kind(ctx, *k)))
        .collect()
}

fn label(
    labels: &[(kozos_domain::activity::ActivityKind, String)],
    k: kozos_domain::activity::ActivityKind,
) -> &str {
    labels
        .iter()
        .find(|(x, _)| *x == k)
        .map(|(_, l)| l.as_str())
        .unwrap_or("")
}

/// The entries by the Budapest day they start on (the list is in start order).
fn by_day(list: &[CalendarEntry]) -> Vec<(Date, Vec<&CalendarEntry>)> {
    let mut days: Vec<(Date, Vec<&CalendarEntry>)> = Vec::new();
    for a in list {
        let d = a.starts_at.date();
        match days.last_mut() {
            Some((day, items)) if *day == d => items.push(a),
            _ => days.push((d, vec![a])),
        }
    }
    days
}

fn month_grid(
    ctx: &Ctx,
    a: &Asked,
    days: &[(Date, Vec<&CalendarEntry>)],
    labels: &[(kozos_domain::activity::ActivityKind, String)],
    today: Date,
) -> Markup {
    let first = a.month.first.monday();
    let last = a.month.end.add_days(-1);
    let weeks = (last.days_since(first) / 7) + 1;
    let weekdays: Vec<String> = (1..=7).map(|d| ctx.t(&format!("weekday-{d}"))).collect();
    html! {
        div.month {
            table.month-grid {
                caption { (month_name(ctx, a.month)) }
                thead { tr {
                    @for d in 1..=7 {
                        th scope="col" { abbr title=(ctx.t(&format!("weekday-{d}"))) { (ctx.t(&format!("weekday-short-{d}"))) } }
                    }
                } }
                tbody {
                    @for w in 0..weeks {
                        tr {
                            @for d in 0..7 {
                                @let day = first.add_days(w * 7 + d);
                                @let here = days.iter().find(|(d, _)| *d == day).map(|(_, l)| l.as_slice()).unwrap_or(&[]);
                                td .outside[!a.month.contains_date(day)] .today[day == today] .empty[here.is_empty()] {
                                    // The number in the grid; the whole date where a phone
                                    // shows the month as a list of its days with events.
                                    span.day { time datetime=(day.stored()) {
                                        span.num { (day.day()) }
                                        span.full { (ctx.lang.date(day)) ", " (weekdays[day.weekday() as usize - 1]) }
                                    } }
                                    @if !here.is_empty() {
                                        ul { @for x in here { li { (entry(x, label(labels, x.kind))) } } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn day_list(
    ctx: &Ctx,
    days: &[(Date, Vec<&CalendarEntry>)],
    labels: &[(kozos_domain::activity::ActivityKind, String)],
) -> Markup {
    html! {
        @if days.is_empty() { p.muted { (ctx.t("calendar-none")) } }
        @for (day, items) in days {
            section.day-list {
                h3 { time datetime=(day.stored()) { (ctx.lang.date(*day)) ", " (ctx.t(&format!("weekday-{}", day.weekday()))) } }
                ul.events {
                    @for a in items {
                        li {
                            a href={ "/activities/" (a.id) } { (a.title) }
                            br;
                            span { (times(ctx, a)) }
                            @if let Some(p) = &a.place_name { " · " (p) }
                            " · " span.muted { (label(labels, a.kind)) }
                        }
                    }
                }
            }
        }
    }
}

pub fn calendar(
    ctx: &Ctx,
    a: &Asked,
    list: &[CalendarEntry],
    c: &CalendarChoices,
    today: Date,
    feed: &str,
) -> Markup {
    let filters = a.filters.query();
    let days = by_day(list);
    let labels = kind_labels(ctx);
    let (prev, next, heading) = match a.view {
        View::Week => {
            let end = a.week.add_days(6);
            (
                link(
                    View::Week,
                    &format!("week={}", a.week.add_days(-7).stored()),
                    &filters,
                ),
                link(
                    View::Week,
                    &format!("week={}", a.week.add_days(7).stored()),
                    &filters,
                ),
                format!("{} – {}", ctx.lang.date(a.week), ctx.lang.date(end)),
            )
        }
        view => (
            link(
                view,
                &format!("month={}", month_param(prev_month(a.month))),
                &filters,
            ),
            link(
                view,
                &format!(
                    "month={}",
                    month_param(
                        Period::month(a.month.end.year(), a.month.end.month()).unwrap_or(a.month)
                    )
                ),
                &filters,
            ),
            month_name(ctx, a.month),
        ),
    };
    html! {
        h1 { (ctx.t("calendar-title")) }
        (filters_form(ctx, a, c))
        nav.views aria-label=(ctx.t("calendar-views")) {
            ul {
                @for (v, key) in [(View::Month, "calendar-month"), (View::Week, "calendar-week"), (View::List, "calendar-list")] {
                    li {
                        @let extra = if v == View::Week { format!("week={}", if a.view == View::Week { a.week } else { a.month.first.monday().max(a.month.first) }.stored()) } else { format!("month={}", month_param(a.month)) };
                        a href=(link(v, &extra, &filters)) aria-current=[(a.view == v).then_some("page")] { (ctx.t(key)) }
                    }
                }
            }
        }
        div.pager {
            a href=(prev) rel="prev" { "← " (ctx.t("calendar-prev")) }
            h2 { (heading) }
            a href=(next) rel="next" { (ctx.t("calendar-next")) " →" }
        }
        @match a.view {
            View::Month => {
                (month_grid(ctx, a, &days, &labels, today))
                @if days.is_empty() { p.muted { (ctx.t("calendar-none")) } }
            }
            _ => (day_list(ctx, &days, &labels)),
        }
        p.subscribe {
            a href=(feed) type="text/calendar" { (ctx.t("calendar-subscribe")) }
            " " span.hint { (ctx.t("calendar-subscribe-hint")) }
        }
    }
}

pub fn activity_page(
    ctx: &Ctx,
    a: &Activity,
    p: &Programme,
    feed: &str,
    register: Markup,
) -> Markup {
    html! {
        article.activity {
            p.breadcrumb { a href="/calendar" { (ctx.t("calendar-title")) } }
            h1 { (a.title) }
            dl.facts {
                dt { (ctx.t("activity-when")) }
                dd {
                    time datetime=(a.starts_at.stored()) { (ctx.lang.datetime(a.starts_at)) }
                    " – "
                    time datetime=(a.ends_at.stored()) {
                        @if a.starts_at.date() == a.ends_at.date() { (hm(a.ends_at)) } @else { (ctx.lang.datetime(a.ends_at)) }
                    }
                }
                @if a.place_name.is_some() || !a.address.is_empty() {
                    dt { (ctx.t("activity-where")) }
                    dd {
                        (a.address)
                        @if !a.address.is_empty() && a.place_name.is_some() { ", " }
                        (a.place_name.as_deref().unwrap_or(""))
                    }
                }
                dt { (ctx.t("field-activity-kind")) }
                dd {
                    (kind(ctx, a.kind))
                    @if let Some(ph) = a.phase { " (" (ctx.t(&format!("phase-{}", ph.as_str()))) ")" }
                    @if let Some(f) = a.forum_format { " (" (ctx.t(&format!("forum-format-{}", f.as_str()))) ")" }
                }
                dt { (ctx.t("activity-programme")) }
                dd { a href={ "/programmes/" (p.id) } { (p.title) } }
                @if let Some(o) = &a.organiser_name { dt { (ctx.t("field-organiser")) } dd { (o) } }
                @if !a.partners.is_empty() {
                    dt { (ctx.t("field-partner-orgs")) }
                    dd { (a.partners.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")) }
                }
                @if !a.target_groups.is_empty() {
                    dt { (ctx.t("field-target-groups")) }
                    dd { (a.target_groups.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")) }
                }
                @if let Some(c) = a.capacity {
                    dt { (ctx.t("field-capacity")) }
                    dd { (ctx.lang.number(c)) " " (ctx.t("unit-persons")) }
                }
            }
            @for para in a.description.split("\n\n").filter(|p| !p.trim().is_empty()) {
                p { (para) }
            }
            p.subscribe {
                a href=(feed) type="text/calendar" {
                    (ctx.t(if a.series_id.is_some() { "calendar-subscribe-series" } else { "calendar-subscribe-programme" }))
                }
            }            (register)
        }
    }
}

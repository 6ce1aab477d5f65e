//! The programme's indicator dashboard and the drill-down behind a value.

use super::charts;
use crate::ctx::Ctx;
use crate::i18n::Lang;
use kozos_app::indicators::{Dashboard, Drill, Line};
use kozos_domain::indicator::{shown_amount, ReportPeriod, Source, Status, Unit};
use kozos_domain::time::Date;
use maud::{html, Markup};

/// An amount in its unit as the reader's language writes it: `1 250 fő`, `7,5 óra`.
pub fn amount(ctx: &Ctx, unit: Unit, n: i64) -> String {
    let decimal = ctx.lang.decimal();
    match unit {
        Unit::Huf => ctx.lang.huf(n),
        Unit::Percent => format!("{}%", shown_amount(unit, n, decimal)),
        Unit::Hours => ctx
            .lang
            .t_with("ind-unit-hours-n", &[("n", ctx.lang.hours(n))]),
        Unit::People => ctx
            .lang
            .t_with("ind-unit-people-n", &[("n", ctx.lang.number(n))]),
        Unit::Count => ctx.lang.number(n),
    }
}

pub fn period_label(ctx: &Ctx, p: Option<ReportPeriod>) -> String {
    match (p, ctx.lang) {
        (None, _) => ctx.t("ind-period-to-date"),
        (Some(p), Lang::Hu) => p.label_hu(),
        (Some(p), Lang::En) => p.label_en(),
    }
}

/// Status in words and colour (never colour alone).
pub fn status_badge(ctx: &Ctx, s: Status) -> Markup {
    html! { span class={ "ind-status ind-status-" (s.as_str()) } { (ctx.t(&format!("ind-status-{}", s.as_str()))) } }
}

/// The periods a reader can pick: to date, then each year and quarter from `first` to
/// `last`, newest first. A month can be typed into the URL (`?period=2022-03`).
pub fn period_options(first: Date, last: Date) -> Vec<ReportPeriod> {
    let mut out = Vec::new();
    for y in (first.year()..=last.year()).rev() {
        out.push(ReportPeriod::Year(y));
        for q in (1..=4).rev() {
            let p = ReportPeriod::Quarter(y, q);
            if p.first() <= last && p.last() >= first {
                out.push(p);
            }
        }
    }
    out
}

/// The period picker: a GET form, so a period is a link one can share.
pub fn period_picker(
    ctx: &Ctx,
    action: &str,
    chosen: Option<ReportPeriod>,
    options: &[ReportPeriod],
    to_date: bool,
) -> Markup {
    html! {
        form.period method="get" action=(action) {
            label for="period" { (ctx.t("ind-period")) }
            " "
            select #period name="period" {
                @if to_date { option value="" selected[chosen.is_none()] { (ctx.t("ind-period-to-date")) } }
                @if let Some(c) = chosen { @if !options.contains(&c) {
                    option value=(c.key()) selected { (period_label(ctx, Some(c))) }
                } }
                @for p in options {
                    option value=(p.key()) selected[chosen == Some(*p)] { (period_label(ctx, Some(*p))) }
                }
            }
            " "
            button.secondary type="submit" { (ctx.t("ind-period-show")) }
        }
    }
}

fn query(period: Option<ReportPeriod>) -> String {
    period
        .map(|p| format!("?period={}", p.key()))
        .unwrap_or_default()
}

pub fn dashboard(ctx: &Ctx, d: &Dashboard, options: &[ReportPeriod]) -> Markup {
    let p = &d.programme;
    let base = format!("/admin/programmes/{}/indicators", p.id);
    let en = ctx.lang == Lang::En;
    html! {
        p.breadcrumb { a href={ "/admin/programmes/" (p.id) } { (p.title) } }
        h1 { (ctx.t("ind-title")) ": " (p.title) }
        p.actions {
            @if d.can_manage { a.button href={ (base) "/new" } { (ctx.t("ind-new")) } " " }
            a href={ "/admin/programmes/" (p.id) "/report" (query(d.period)) } { (ctx.t("ind-report")) }
        }
        (period_picker(ctx, &base, d.period, options, true))
        p role="status" { (ctx.lang.t_with("ind-counted-until", &[("date", ctx.lang.date(d.until)), ("period", period_label(ctx, d.period))])) }
        @if !d.templates.is_empty() {
            section aria-labelledby="ind-templates" {
                h2 #ind-templates { (ctx.t("ind-templates")) }
                p { (ctx.t("ind-templates-hint")) }
                ul.items {
                    @for t in &d.templates {
                        li {
                            strong { (t.code) } " – " (if en && !t.name_en.is_empty() { &t.name_en } else { &t.name_hu })
                            " " a href={ (base) "/new?template=" (t.id.0) } { (ctx.t("ind-adopt")) span.visually-hidden { ": " (t.code) } }
                        }
                    }
                }
            }
        }
        @if d.lines.is_empty() {
            p { (ctx.t("ind-none")) }
        } @else {
            div.table-scroll {
                table.indicators {
                    caption { (ctx.t("ind-summary")) }
                    thead { tr {
                        th scope="col" { (ctx.t("ind-code")) }
                        th scope="col" { (ctx.t("ind-name")) }
                        th scope="col" { (ctx.t("ind-value-period")) }
                        th scope="col" { (ctx.t("ind-value-to-date")) }
                        th scope="col" { (ctx.t("ind-expected")) }
                        th scope="col" { (ctx.t("ind-target")) }
                        th scope="col" { (ctx.t("ind-status")) }
                    } }
                    tbody {
                        @for l in &d.lines {
                            @let u = l.indicator.unit();
                            tr {
                                td { a href={ "#ind-" (l.indicator.id.0) } { (l.indicator.code) } }
                                td { (l.indicator.name(en)) }
                                td.num { a href={ (base) "/" (l.indicator.id.0) (query(d.period)) } { (amount(ctx, u, l.value)) } }
                                td.num { (amount(ctx, u, l.to_date)) }
                                td.num { @match l.expected { Some(e) => (amount(ctx, u, e)), None => "–" } }
                                td.num { (amount(ctx, u, l.indicator.target)) }
                                td { (status_badge(ctx, l.status)) }
                            }
                        }
                    }
                }
            }
            @for l in &d.lines { (line(ctx, d, l, &base)) }
        }
    }
}

/// Each month with its value and the total up to it.
fn running_totals(months: &[(String, i64)]) -> Vec<(&String, &i64, i64)> {
    let mut total = 0;
    months
        .iter()
        .map(|(m, v)| {
            total += v;
            (m, v, total)
        })
        .collect()
}

fn line(ctx: &Ctx, d: &Dashboard, l: &Line, base: &str) -> Markup {
    let i = &l.indicator;
    let u = i.unit();
    let en = ctx.lang == Lang::En;
    let id = format!("ind-{}", i.id.0);
    html! {
        section.indicator aria-labelledby={ (id) "-h" } #(id) {
            h2 id={ (id) "-h" } { (i.code) " – " (i.name(en)) " " (status_badge(ctx, l.status)) }
            @if !i.description.is_empty() { p { (i.description) } }
            p {
                (ctx.lang.t_with("ind-line-value", &[("value", amount(ctx, u, l.to_date)), ("target", amount(ctx, u, i.target))]))
                @if let Some(e) = l.expected { " " (ctx.lang.t_with("ind-line-expected", &[("expected", amount(ctx, u, e))])) }
                @if let Some(dl) = l.deadline { " " (ctx.lang.t_with("ind-line-deadline", &[("date", ctx.lang.date(dl))])) }
            }
            (charts::progress(ctx, &format!("{id}-p"), u, l.to_date, i.target, l.expected))
            @if !l.months.is_empty() {
                (charts::monthly(ctx, &format!("{id}-m"), u, &l.months, i.target))
                details {
                    summary { (ctx.t("ind-months-table")) }
                    div.table-scroll {
                        table {
                            caption { (i.code) " – " (ctx.t("ind-months")) }
                            thead { tr {
                                th scope="col" { (ctx.t("ind-month")) }
                                th scope="col" { (ctx.t("ind-in-month")) }
                                th scope="col" { (ctx.t("ind-running")) }
                            } }
                            tbody {
                                @for (m, v, running) in running_totals(&l.months) {
                                    tr { th scope="row" { (m) } td.num { (amount(ctx, u, *v)) } td.num { (amount(ctx, u, running)) } }
                                }
                            }
                        }
                    }
                }
            }
            p.actions {
                @if !matches!(i.source, Source::Ratio { .. }) {
                    a href={ (base) "/" (i.id.0) (query(d.period)) } { (ctx.t("ind-records")) span.visually-hidden { ": " (i.code) } }
                }
                @if matches!(i.source, Source::Manual(_)) {
                    " " a href={ (base) "/" (i.id.0) "/values" } { (ctx.t("ind-values")) span.visually-hidden { ": " (i.code) } }
                }
                @if d.can_manage {
                    " " a href={ (base) "/" (i.id.0) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (i.code) } }
                    " " a href={ (base) "/" (i.id.0) "/delete" } { (ctx.t("admin-delete")) span.visually-hidden { ": " (i.code) } }
                }
            }
        }
    }
}

pub fn drill(ctx: &Ctx, programme: (i64, &str), d: &Drill, options: &[ReportPeriod]) -> Markup {
    let i = &d.indicator;
    let u = i.unit();
    let en = ctx.lang == Lang::En;
    let base = format!("/admin/programmes/{}/indicators", programme.0);
    let here = format!("{base}/{}", i.id.0);
    let page_link = |n: i64| match d.period {
        Some(p) => format!("{here}?period={}&page={n}", p.key()),
        None => format!("{here}?page={n}"),
    };
    html! {
        p.breadcrumb {
            a href={ "/admin/programmes/" (programme.0) } { (programme.1) } " › "
            a href={ (base) (query(d.period)) } { (ctx.t("ind-title")) }
        }
        h1 { (i.code) " – " (i.name(en)) }
        (period_picker(ctx, &here, d.period, options, true))
        p role="status" {
            (ctx.lang.t_with("ind-drill-total", &[("n", ctx.lang.number(d.total)), ("value", amount(ctx, u, d.value)), ("period", period_label(ctx, d.period)), ("date", ctx.lang.date(d.until))]))
        }
        @if d.names_hidden { p.notice { (ctx.t("ind-names-hidden")) } }
        @if d.rows.is_empty() {
            p { (ctx.t("ind-drill-empty")) }
        } @else {
            div.table-scroll {
                table {
                    caption { (ctx.lang.t_with("ind-drill-page", &[("n", d.page.to_string()), ("total", d.pages.to_string())])) }
                    thead { tr {
                        th scope="col" { (ctx.t("ind-drill-item")) }
                        th scope="col" { (ctx.t("ind-drill-day")) }
                        th scope="col" { (ctx.t("ind-drill-amount")) }
                        th scope="col" { (ctx.t("ind-drill-via")) }
                        th scope="col" { (ctx.t("ind-drill-evidence")) }
                    } }
                    tbody {
                        @for r in &d.rows {
                            tr {
                                td { @match &r.label { Some(l) => (l), None => span.muted { (ctx.t("ind-drill-hidden")) " #" (r.item) } } }
                                td { (ctx.lang.date(r.day)) }
                                td.num { (amount(ctx, u, r.amount)) }
                                td { @match &r.via {
                                    Some((a, title, at)) => { (title) " (" (ctx.lang.datetime(*at)) ")" span.visually-hidden { " #" (a.0) } },
                                    None => "–",
                                } }
                                td { @match &r.via {
                                    Some((a, _, _)) if d.can_view_evidence => {
                                        a href={ "/admin/activities/" (a.0) "/evidence" } { (ctx.lang.t_with("ind-drill-files", &[("n", r.evidence.to_string())])) span.visually-hidden { ": " (a.0) } }
                                        " · "
                                        a href={ "/admin/activities/" (a.0) "/attendance-sheet.pdf" } { (ctx.t("ind-drill-sheet")) }
                                    },
                                    Some(_) => (ctx.lang.t_with("ind-drill-files", &[("n", r.evidence.to_string())])),
                                    None => "–",
                                } }
                            }
                        }
                    }
                }
            }
            @if d.pages > 1 {
                nav.pages aria-label=(ctx.t("ind-drill-pages")) {
                    @if d.page > 1 { a href=(page_link(d.page - 1)) rel="prev" { (ctx.t("ind-drill-prev")) } " " }
                    span { (d.page) " / " (d.pages) }
                    @if d.page < d.pages { " " a href=(page_link(d.page + 1)) rel="next" { (ctx.t("ind-drill-next")) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_offered_cover_the_programme_newest_first() {
        let first = Date::from_ymd(2021, 11, 15).unwrap();
        let last = Date::from_ymd(2022, 2, 1).unwrap();
        let keys: Vec<String> = period_options(first, last)
            .iter()
            .map(|p| p.key())
            .collect();
        assert_eq!(keys, ["2022", "2022-Q1", "2021", "2021-Q4"]);
    }
}

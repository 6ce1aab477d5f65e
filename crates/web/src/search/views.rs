//! The search page: the box, the kinds with their counts, the chosen filters, and each
//! result with its words marked.

use super::params::href;
use crate::ctx::Ctx;
use kozos_app::search::Hit;
use kozos_app::search::{Entry, Request, Results};
use kozos_domain::search::{DocKind, Segment};
use maud::{html, Markup};

/// Where a result is read: its public page, or for an internal record its back-office page.
pub fn hit_href(h: &Hit) -> String {
    let programme = h.programme.map(|p| p.0).unwrap_or_default();
    match h.kind {
        DocKind::Programme => format!("/programmes/{}", h.ref_id),
        DocKind::Activity if h.public => format!("/activities/{}", h.ref_id),
        DocKind::Activity => format!("/admin/programmes/{programme}/activities/{}/edit", h.ref_id),
        DocKind::Series if h.public => format!("/calendar?view=list&series={}", h.ref_id),
        DocKind::Series => format!("/admin/programmes/{programme}/series/{}/edit", h.ref_id),
        DocKind::Memo if h.public => format!("/memos/{}", h.ref_id),
        DocKind::Memo => format!("/admin/programmes/{programme}/memos/{}/edit", h.ref_id),
        DocKind::Practice | DocKind::Publication | DocKind::Video | DocKind::Study if h.public => {
            format!("/knowledge/{}", h.ref_id)
        }
        DocKind::Practice | DocKind::Publication | DocKind::Video | DocKind::Study => {
            format!("/admin/knowledge/{}/edit", h.ref_id)
        }
        DocKind::Initiative => format!("/programmes/{programme}/initiatives/{}", h.ref_id),
        DocKind::Plan if h.public => format!("/programmes/{programme}/plans/{}", h.ref_id),
        DocKind::Plan => format!("/admin/programmes/{programme}/plans/{}", h.ref_id),
        // A waiting question is found only by its moderators, who read it on its page.
        DocKind::Question => format!("/questions/{}", h.ref_id),
    }
}

pub fn kind_key(k: DocKind) -> String {
    format!("search-kind-{}", k.as_str())
}

fn segments(s: &[Segment]) -> Markup {
    html! {
        @for seg in s {
            @if seg.hit { mark { (seg.text) } } @else { (seg.text) }
        }
    }
}

pub fn page(ctx: &Ctx, req: &Request, r: &Results) -> Markup {
    html! {
        h1 { (ctx.t("search-title")) }
        (form(ctx, req))
        @if r.programme_title.is_some() || r.place_name.is_some() {
            (chosen(ctx, req, r))
        }
        @if r.query.is_empty() {
            @if req.q.trim().is_empty() {
                p { (ctx.t("search-intro")) }
            } @else {
                p role="status" { (ctx.t("search-too-common")) }
            }
        } @else {
            (kinds(ctx, req, r))
            p role="status" { (ctx.lang.tn("search-count", r.total)) }
            @if r.results.is_empty() {
                p { (ctx.t("find-none")) }
            }
            ol.search-results {
                @for e in &r.results { (result(ctx, req, r, e)) }
            }
            (pager(ctx, req, r))
        }
    }
}

fn form(ctx: &Ctx, req: &Request) -> Markup {
    html! {
        form.search-form role="search" method="get" action="/search" {
            div.field-q {
                label for="sq" { (ctx.t("find-label")) }
                input #sq type="search" name="q" value=(req.q) maxlength="200" autocomplete="off";
            }
            div.field-kind {
                label for="sk" { (ctx.t("search-kind")) }
                select #sk name="kind" {
                    option value="" { (ctx.t("search-kind-all")) }
                    @for k in DocKind::ALL {
                        option value=(k.as_str()) selected[req.kind == Some(k)] { (ctx.t(&kind_key(k))) }
                    }
                }
            }
            @if let Some(p) = req.programme { input type="hidden" name="programme" value=(p); }
            @if let Some(p) = req.place { input type="hidden" name="place" value=(p); }
            button type="submit" { (ctx.t("search-submit")) }
        }
    }
}

fn chosen(ctx: &Ctx, req: &Request, r: &Results) -> Markup {
    html! {
        ul.search-chosen aria-label=(ctx.t("search-filters")) {
            @if let Some(t) = &r.programme_title {
                li {
                    (ctx.t("search-in-programme")) " " strong { (t) } " "
                    a href=(href(&Request { programme: None, ..req.clone() }, req.kind, 1)) {
                        (ctx.t("search-remove-filter"))
                    }
                }
            }
            @if let Some(n) = &r.place_name {
                li {
                    (ctx.t("search-in-place")) " " strong { (n) } " "
                    a href=(href(&Request { place: None, ..req.clone() }, req.kind, 1)) {
                        (ctx.t("search-remove-filter"))
                    }
                }
            }
        }
    }
}

fn kinds(ctx: &Ctx, req: &Request, r: &Results) -> Markup {
    let all: i64 = r.kinds.iter().map(|(_, n)| n).sum();
    html! {
        nav.search-kinds aria-label=(ctx.t("search-kind")) {
            ul {
                li {
                    a href=(href(req, None, 1)) aria-current=[req.kind.is_none().then_some("page")] {
                        (ctx.t("search-kind-all")) " (" (all) ")"
                    }
                }
                @for (k, n) in &r.kinds {
                    li {
                        a href=(href(req, Some(*k), 1)) aria-current=[(req.kind == Some(*k)).then_some("page")] {
                            (ctx.t(&kind_key(*k))) " (" (n) ")"
                        }
                    }
                }
            }
        }
    }
}

fn result(ctx: &Ctx, req: &Request, r: &Results, e: &Entry) -> Markup {
    let h = &e.hit;
    let title = kozos_domain::search::highlight(&h.title, &r.query);
    let snippet = kozos_domain::search::snippet(&h.body, &r.query, 30);
    html! {
        li.search-result {
            p.search-meta {
                span.search-kind-label { (ctx.t(&kind_key(h.kind))) }
                @if !h.public { " · " span.search-internal { (ctx.t("search-internal")) } }
                @if let Some(d) = h.dated { " · " (ctx.lang.date(d)) }
            }
            h2 { a href=(hit_href(h)) { (segments(&title)) } }
            @if !snippet.is_empty() { p.search-snippet { (segments(&snippet)) } }
            p.search-meta {
                @if let (Some(p), Some(t)) = (h.programme, &e.programme_title) {
                    @if h.kind != DocKind::Programme && req.programme.is_none() {
                        a href=(href(&Request { programme: Some(p), ..req.clone() }, req.kind, 1)) {
                            (ctx.t("search-more-from")) " " (t)
                        }
                    }
                }
                @if let (Some(p), Some(n)) = (h.place, &e.place_name) {
                    @if req.place.is_none() {
                        " " a href=(href(&Request { place: Some(p), ..req.clone() }, req.kind, 1)) {
                            (ctx.t("search-more-in")) " " (n)
                        }
                    }
                }
            }
        }
    }
}

fn pager(ctx: &Ctx, req: &Request, r: &Results) -> Markup {
    crate::ui::components::pager(ctx, r.page, r.pages, &|n| href(req, req.kind, n))
}

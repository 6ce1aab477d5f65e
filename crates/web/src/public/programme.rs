//! A programme's public page with the mandatory publicity block.

use crate::ctx::Ctx;
use kozos_app::catalogue::ProgrammePage;
use maud::{html, Markup};

fn or_not_given(ctx: &Ctx, v: Option<String>) -> Markup {
    html! {
        @match v {
            Some(s) => (s),
            None => span.muted { (ctx.t("pub-not-given")) },
        }
    }
}

/// The publicity block as Hungarian beneficiaries publish it (kedvezményezett, cím,
/// azonosító, összeg, mérték, alap, befejezés, közreműködő szervezet).
pub fn publicity_block(ctx: &Ctx, page: &ProgrammePage) -> Markup {
    let p = &page.programme;
    let l = ctx.lang;
    html! {
        section.publicity aria-labelledby="publicity-title" {
            h2 #publicity-title { (ctx.t("pub-block-title")) }
            dl {
                dt { (ctx.t("pub-beneficiary")) } dd { (or_not_given(ctx, p.beneficiary_name.clone())) }
                dt { (ctx.t("pub-title")) } dd { "„" (p.title) "”" }
                dt { (ctx.t("pub-code")) } dd { (or_not_given(ctx, p.code.clone())) }
                dt { (ctx.t("pub-grant")) } dd { (or_not_given(ctx, p.grant_huf.map(|g| l.huf(g)))) }
                dt { (ctx.t("pub-aid")) } dd { (or_not_given(ctx, p.aid_intensity_bp.map(|b| l.percent(b)))) }
                dt { (ctx.t("pub-fund")) } dd { (or_not_given(ctx, p.fund.map(|f| ctx.t(&format!("fund-{}", f.as_str()))))) }
                @if let Some(s) = p.start_date { dt { (ctx.t("pub-start")) } dd { (l.date(s)) } }
                dt { (ctx.t("pub-end")) } dd { (or_not_given(ctx, p.end_date.map(|d| l.date(d)))) }
                dt { (ctx.t("pub-ib")) } dd { (or_not_given(ctx, p.intermediate_body.clone())) }
            }
            @if p.is_szechenyi_2020() {
                p.eu-note { (ctx.t("pub-eu-note")) }
            }
        }
    }
}

pub fn partners(ctx: &Ctx, page: &ProgrammePage) -> Markup {
    html! {
        section aria-labelledby="partners-title" {
            h2 #partners-title { (ctx.t("programme-partners")) }
            @if page.partners.is_empty() {
                p { (ctx.t("programme-none")) }
            } @else {
                div.table-wrap {
                    table {
                        thead { tr {
                            th scope="col" { (ctx.t("programme-partner")) }
                            th scope="col" { (ctx.t("programme-partner-role")) }
                            th scope="col" { (ctx.t("programme-agreement-date")) }
                            th scope="col" { (ctx.t("programme-agreement-scope")) }
                        } }
                        tbody {
                            @for pa in &page.partners {
                                @if pa.agreements.is_empty() {
                                    tr {
                                        th scope="row" { (pa.organisation_name) }
                                        td { (ctx.t(&format!("role-{}", pa.role.as_str()))) }
                                        td colspan="2" { span.muted { (ctx.t("programme-no-agreement")) } }
                                    }
                                }
                                @for a in &pa.agreements {
                                    tr {
                                        th scope="row" { (pa.organisation_name) }
                                        td { (ctx.t(&format!("role-{}", pa.role.as_str()))) }
                                        td { @match a.signed_on { Some(d) => (ctx.lang.date(d)), None => span.muted { (ctx.t("programme-undated")) } } }
                                        td { (a.scope) }
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

pub fn areas_and_groups(ctx: &Ctx, page: &ProgrammePage) -> Markup {
    html! {
        section aria-labelledby="areas-title" {
            h2 #areas-title { (ctx.t("programme-areas")) }
            @if page.action_areas.is_empty() { p { (ctx.t("programme-none")) } }
            @for a in &page.action_areas {
                article.area {
                    h3 { (a.name) }
                    dl {
                        dt { (ctx.t("programme-area-settlements")) }
                        dd { (a.settlements.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")) }
                        @if !a.boundary.is_empty() { dt { (ctx.t("programme-area-boundary")) } dd { (a.boundary) } }
                    }
                }
            }
        }
        section aria-labelledby="groups-title" {
            h2 #groups-title { (ctx.t("programme-target-groups")) }
            @if page.target_groups.is_empty() { p { (ctx.t("programme-none")) } }
            ul.groups {
                @for g in &page.target_groups {
                    li {
                        strong { (g.name) }
                        @if let Some(n) = g.planned_size { " (" (ctx.t("programme-planned-size")) ": " (ctx.lang.number(n)) " " (ctx.t("unit-persons")) ")" }
                        @if let Some(d) = &g.description { br; span { (d) } }
                    }
                }
            }
        }
    }
}

pub fn description(ctx: &Ctx, page: &ProgrammePage) -> Markup {
    html! {
        @if !page.programme.description.is_empty() {
            section aria-labelledby="desc-title" {
                h2 #desc-title { (ctx.t("programme-description")) }
                @for para in page.programme.description.split("\n\n") { p { (para) } }
            }
        }
    }
}

/// The programme's answered questions to the experts, and where to ask one.
pub fn questions(ctx: &Ctx, page: &ProgrammePage) -> Markup {
    let id = page.programme.id;
    html! {
        section aria-labelledby="experts-h" {
            h2 #experts-h { (ctx.t("questions-title")) }
            @if !page.questions.is_empty() {
                ul {
                    @for q in &page.questions {
                        li {
                            a href={ "/questions/" (q.id) } { (q.title) }
                            " " span.muted { "(" (ctx.lang.tn("questions-answers", q.answers)) ")" }
                        }
                    }
                }
                p { a href={ "/questions?programme=" (id) } { (ctx.t("questions-all-of-programme")) } }
            }
            p { a href={ "/questions/new?programme=" (id) } { (ctx.t("questions-ask-programme")) } }
        }
    }
}

pub fn public_page(ctx: &Ctx, page: &ProgrammePage) -> Markup {
    html! {
        article.programme {
            h1 { (page.programme.title) }
            @if !page.place_path.is_empty() { p.place { (page.place_path.join(" › ")) } }
            p.actions {
                a href={ "/programmes/" (page.programme.id) "/info" } { (ctx.t("info-point-title")) }
                " "
                a href={ "/calendar?view=list&programme=" (page.programme.id) } { (ctx.t("nav-calendar")) }
            }
            @if page.programme.is_funded() || page.programme.grant_huf.is_some() {
                (publicity_block(ctx, page))
            } @else {
                p.muted { (ctx.t("programme-not-funded")) }
                @if let Some(b) = &page.programme.beneficiary_name { p { (ctx.t("pub-beneficiary")) ": " (b) } }
            }
            (description(ctx, page))
            p { a href={ "/programmes/" (page.programme.id) "/initiatives" } { (ctx.t("initiatives-title")) } }
            (questions(ctx, page))
            (partners(ctx, page))
            (areas_and_groups(ctx, page))
        }
    }
}

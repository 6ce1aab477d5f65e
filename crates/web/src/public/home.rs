use crate::ctx::Ctx;
use kozos_domain::programme::Programme;
use maud::{html, Markup};

pub fn home(ctx: &Ctx, q: &str, programmes: &[Programme]) -> Markup {
    html! {
        h1 { (ctx.t("home-title")) }
        p.lead { (ctx.t("home-intro")) }
        form.search role="search" method="get" action="/" {
            label for="q" { (ctx.t("search-label")) }
            div.search-row {
                input #q type="search" name="q" value=(q);
                button type="submit" { (ctx.t("search-button")) }
            }
        }
        @if !q.is_empty() {
            p { (ctx.t("search-results")) ": " (programmes.len()) " · " a href="/" { (ctx.t("search-clear")) } }
        }
        @if programmes.is_empty() {
            p { (ctx.t("search-none")) }
        } @else {
            ul.cards {
                @for p in programmes {
                    li.card {
                        h2 { a href={ "/programmes/" (p.id) } { (p.title) } }
                        dl.meta {
                            @if let Some(code) = &p.code { dt { (ctx.t("pub-code")) } dd { (code) } }
                            @if let Some(b) = &p.beneficiary_name { dt { (ctx.t("pub-beneficiary")) } dd { (b) } }
                            @if let Some(place) = &p.place_name { dt { (ctx.t("programme-place")) } dd { (place) } }
                            @if let Some(g) = p.grant_huf { dt { (ctx.t("pub-grant")) } dd { (ctx.lang.huf(g)) } }
                        }
                    }
                }
            }
        }
    }
}

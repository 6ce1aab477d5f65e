//! The library's pages: the public list with its filters, an item, and the back office's
//! list and form.

use super::pages::Asked;
use crate::ctx::Ctx;
use crate::routes::encode_query;
use crate::ui::choices::{notice, Choices};
use crate::ui::components::*;
use crate::ui::markdown;
use kozos_domain::community::knowledge::*;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

fn kind_label(ctx: &Ctx, k: KnowledgeKind) -> String {
    ctx.t(&format!("knowledge-kind-{}", k.as_str()))
}

fn link(
    kind: Option<KnowledgeKind>,
    tag: Option<&str>,
    lang: Option<ItemLanguage>,
    page: i64,
) -> String {
    let mut q = Vec::new();
    if let Some(k) = kind {
        q.push(format!("kind={}", k.as_str()));
    }
    if let Some(t) = tag {
        q.push(format!("tag={}", encode_query(t)));
    }
    if let Some(l) = lang {
        q.push(format!("lang={}", l.as_str()));
    }
    if page > 1 {
        q.push(format!("page={page}"));
    }
    if q.is_empty() {
        "/knowledge".into()
    } else {
        format!("/knowledge?{}", q.join("&"))
    }
}

fn meta(ctx: &Ctx, k: &KnowledgeItem) -> Markup {
    html! {
        p.search-meta {
            span { (kind_label(ctx, k.kind)) }
            " · " (k.author)
            @if k.language == ItemLanguage::En { " · " span lang="en" { "English" } }
            @if let Some(p) = &k.place_name { " · " (p) }
            @if let (Some(id), Some(t)) = (k.programme_id, &k.programme_title) {
                " · " a href={ "/programmes/" (id) } { (t) }
            }
        }
    }
}

pub fn public_list(
    ctx: &Ctx,
    a: &Asked,
    items: &[KnowledgeItem],
    total: i64,
    tags: &[(String, i64)],
) -> Markup {
    let pages = ((total + 19) / 20).max(1);
    html! {
        h1 { (ctx.t("knowledge-title")) }
        p.lead { (ctx.t("knowledge-lead")) }
        nav.search-kinds aria-label=(ctx.t("search-kind")) {
            ul {
                li { a href=(link(None, a.tag.as_deref(), a.lang, 1)) aria-current=[a.kind.is_none().then_some("page")] { (ctx.t("search-kind-all")) } }
                @for k in KnowledgeKind::ALL {
                    li { a href=(link(Some(*k), a.tag.as_deref(), a.lang, 1)) aria-current=[(a.kind == Some(*k)).then_some("page")] { (kind_label(ctx, *k)) } }
                }
            }
        }
        @if let Some(t) = &a.tag {
            p { (ctx.t("knowledge-tag")) ": " strong { (t) } " " a href=(link(a.kind, None, a.lang, 1)) { (ctx.t("search-remove-filter")) } }
        }
        p role="status" { (ctx.lang.tn("search-count", total)) }
        ol.info-entries {
            @for k in items {
                li.info-entry {
                    (meta(ctx, k))
                    h2 { a href={ "/knowledge/" (k.id) } { (k.title) } }
                    p { (crate::information::summary(&k.summary, 40)) }
                }
            }
        }
        (pager(ctx, a.page, pages, &|n| link(a.kind, a.tag.as_deref(), a.lang, n)))
        @if !tags.is_empty() {
            h2 { (ctx.t("knowledge-tags")) }
            ul.search-chosen {
                @for (t, n) in tags.iter().take(30) {
                    li { a href=(link(a.kind, Some(t), a.lang, 1)) { (t) " (" (n) ")" } }
                }
            }
        }
    }
}

pub fn item(ctx: &Ctx, k: &KnowledgeItem) -> Markup {
    html! {
        p { a href="/knowledge" { "‹ " (ctx.t("knowledge-title")) } }
        article lang=(k.language.as_str()) {
            h1 { (k.title) }
            (meta(ctx, k))
            div.prose { (markdown::render(&k.summary)) }
            @if let Some(url) = &k.url {
                p {
                    a href=(url) rel="noopener noreferrer" {
                        @if k.kind == KnowledgeKind::Video { (ctx.t("knowledge-watch")) } @else { (ctx.t("knowledge-open")) }
                    }
                    " " span.search-meta { (ctx.t("knowledge-external")) }
                }
            }
            @if !k.tags.is_empty() {
                p { (ctx.t("knowledge-tags")) ": "
                    @for (i, t) in k.tags.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(link(None, Some(t), None, 1)) { (t) }
                    }
                }
            }
        }
    }
}

pub fn staff_list(ctx: &Ctx, items: &[KnowledgeItem], total: i64, page: i64) -> Markup {
    html! {
        h1 { (ctx.t("knowledge-admin-title")) }
        p.actions { a.button href="/admin/knowledge/new" { (ctx.t("knowledge-new")) } " " a href="/knowledge" { (ctx.t("knowledge-title")) } }
        p role="status" { (ctx.lang.tn("search-count", total)) }
        @if !items.is_empty() {
            table {
                thead { tr {
                    th scope="col" { (ctx.t("field-title")) }
                    th scope="col" { (ctx.t("field-kind")) }
                    th scope="col" { (ctx.t("knowledge-programme")) }
                    th scope="col" { (ctx.t("knowledge-state")) }
                    th scope="col" { span.visually-hidden { (ctx.t("admin-actions")) } }
                } }
                tbody {
                    @for k in items {
                        tr {
                            td { (k.title) }
                            td { (kind_label(ctx, k.kind)) }
                            td { (k.programme_title.as_deref().unwrap_or("–")) }
                            td { @if k.published { a href={ "/knowledge/" (k.id) } { (ctx.t("memo-published")) } } @else { (ctx.t("memo-draft")) } }
                            td {
                                a href={ "/admin/knowledge/" (k.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (k.title) } }
                                " "
                                a href={ "/admin/knowledge/" (k.id) "/delete" } { (ctx.t("admin-delete")) span.visually-hidden { ": " (k.title) } }
                            }
                        }
                    }
                }
            }
        }
        @if page > 1 { p { a href={ "/admin/knowledge?page=" (page - 1) } { (ctx.t("search-prev")) } } }
        @if page * 20 < total { p { a href={ "/admin/knowledge?page=" (page + 1) } { (ctx.t("search-next")) } } }
    }
}

pub fn form(
    ctx: &Ctx,
    title: &str,
    action: &str,
    (f, errors, state): (&KnowledgeForm, &FieldErrors, &FormState),
    programmes: &[(ProgrammeId, String)],
) -> Markup {
    let id = "knowledge";
    let kinds: Vec<(String, String)> = KnowledgeKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), kind_label(ctx, *k)))
        .collect();
    let langs = vec![
        ("hu".to_string(), "magyar".to_string()),
        ("en".to_string(), "English".to_string()),
    ];
    let mut progs = vec![(String::new(), ctx.t("knowledge-no-programme"))];
    progs.extend(programmes.iter().map(|(p, t)| (p.to_string(), t.clone())));
    html! {
        h1 { (title) }
        (notice(ctx, id, state, &Choices::default()))
        (error_summary(ctx, id, errors))
        form.stack method="post" action=(action) autocomplete=[state.once.as_ref().map(|_| "off")] novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (select(ctx, id, Field::new("kind", "field-kind", &f.kind).required(), &kinds, errors))
            (input(ctx, id, Field::new("title", "field-title", &f.title).required(), "text", errors))
            (input(ctx, id, Field::new("author", "knowledge-author", &f.author).required(), "text", errors))
            (textarea(ctx, id, Field::new("summary", "knowledge-summary", &f.summary).required().hint("field-markdown-hint"), 10, errors))
            (input(ctx, id, Field::new("url", "knowledge-url", &f.url).hint("knowledge-url-hint"), "url", errors))
            (select(ctx, id, Field::new("programme_id", "knowledge-programme", &f.programme_id), &progs, errors))
            (input(ctx, id, Field::new("settlement", "field-settlement", &f.settlement), "text", errors))
            (input(ctx, id, Field::new("tags", "knowledge-tags", &f.tags).hint("knowledge-tags-hint"), "text", errors))
            (select(ctx, id, Field::new("language", "knowledge-language", &f.language), &langs, errors))
            (checkbox(ctx, id, Field::new("published", "knowledge-published", &f.published), errors))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href="/admin/knowledge" { (ctx.t("admin-cancel")) }
            }
        }
    }
}

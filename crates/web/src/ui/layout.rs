//! The page frame: skip link, header with navigation and language switch, main, footer.

use crate::ctx::Ctx;
use crate::i18n::Lang;
use crate::{cookies, routes::encode_query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

fn frame(
    lang: Lang,
    title: &str,
    ctx: Option<&Ctx>,
    head: Option<&Markup>,
    body: Markup,
) -> Markup {
    let t = |k: &str| lang.t(k);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – " (t("site-name")) }
                link rel="stylesheet" href="/static/style.css";
                @if let Some(h) = head { (h) }
            }
            body {
                a.skip href="#main" { (t("skip-to-content")) }
                header.site {
                    div.wrap {
                        a.brand href="/" { (t("site-name")) span.tagline { (t("site-tagline")) } }
                        form.site-search role="search" method="get" action="/search" {
                            label.visually-hidden for="hq" { (t("find-label")) }
                            input #hq type="search" name="q" maxlength="200" placeholder=(t("search-title"));
                            button type="submit" { (t("search-submit")) }
                        }
                        nav aria-label=(t("nav-programmes")) {
                            ul {
                                li { a href="/" { (t("nav-programmes")) } }
                                li { a href="/calendar" { (t("nav-calendar")) } }
                                li { a href="/statistics" { (t("nav-statistics")) } }
                                li { a href="/knowledge" { (t("nav-knowledge")) } }
                                li { a href="/questions" { (t("nav-questions")) } }
                                @if let Some(user) = ctx.and_then(|c| c.user.as_ref()) {
                                    @if kozos_domain::policy::allows_somewhere(&user.grants, kozos_domain::policy::Action::ViewBackOffice) {
                                        li { a href="/admin" { (t("nav-back-office")) } }
                                        li { a href="/admin/organisations" { (t("nav-organisations")) } }
                                    }
                                    @if kozos_domain::policy::allows_somewhere(&user.grants, kozos_domain::policy::Action::ManageKnowledge) {
                                        li { a href="/admin/knowledge" { (t("knowledge-admin-title")) } }
                                    }
                                    @if kozos_domain::policy::allows_somewhere(&user.grants, kozos_domain::policy::Action::ModerateQuestions) {
                                        li { a href="/admin/questions" { (t("questions-queue-title")) } }
                                    }
                                    @if user.grants.iter().any(|g| !matches!(g.scope, kozos_domain::user::Scope::Programme(_)))
                                        && kozos_domain::policy::allows_somewhere(&user.grants, kozos_domain::policy::Action::ViewIndicators) {
                                        li { a href="/admin/indicators" { (t("nav-indicators")) } }
                                    }
                                    @if kozos_domain::policy::allows_somewhere(&user.grants, kozos_domain::policy::Action::ManagePeople) {
                                        li { a href="/admin/people" { (t("nav-people")) } }
                                    }
                                    @if kozos_domain::policy::allows(&user.grants, kozos_domain::policy::Action::ManageUsers, &kozos_domain::policy::Target::country()) {
                                        li { a href="/admin/users" { (t("nav-users")) } }
                                        li { a href="/admin/jobs" { (t("nav-jobs")) } }
                                        li { a href="/admin/outbox" { (t("nav-outbox")) } }
                                    }
                                    li.user {
                                        span.visually-hidden { (t("nav-signed-in-as")) " " }
                                        span { (user.display_name) }
                                    }
                                    li {
                                        form method="post" action="/signout" {
                                            input type="hidden" name="_csrf" value=(ctx.map(|c| c.csrf.as_str()).unwrap_or(""));
                                            button.link type="submit" { (t("nav-sign-out")) }
                                        }
                                    }
                                } @else {
                                    li { a href="/signin" { (t("nav-sign-in")) } }
                                }
                                li {
                                    @let here = ctx.map(|c| c.here.as_str()).unwrap_or("/");
                                    a href={ "/lang/" (lang.other().code()) "?next=" (encode_query(here)) }
                                      lang=(lang.other().code()) aria-label=(t("lang-switch-label")) hreflang=(lang.other().code()) {
                                        (t("lang-switch"))
                                    }
                                }
                            }
                        }
                    }
                }
                main #main .wrap tabindex="-1" {
                    @if let Some(flash) = ctx.and_then(|c| c.flash.as_deref()) {
                        @let key = match flash { "deleted" => "admin-deleted", "registered" => "flash-registered", "cancelled" => "flash-cancelled", "merged" => "flash-merged", "uploaded" => "evidence-uploaded", "mailed" => "flash-confirm-sent", "confirmed" => "flash-confirmed", "confirmed-again" => "flash-confirmed-again", "supported" => "flash-supported", "reported" => "flash-reported", "taken" => "flash-follow-up-taken", "asked" => "flash-question-asked", _ => "admin-saved" };
                        p.flash role="status" { (t(key)) }
                    }
                    (body)
                }
                footer.site {
                    div.wrap {
                        p { (t("footer-about")) }
                        @if let Some(a) = ctx.and_then(|c| c.gazetteer_attribution.as_deref()) {
                            p { (t("footer-gazetteer")) " " (a) }
                        }
                    }
                }
            }
        }
    }
}

/// A full page response; clears the flash message once shown.
pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Response {
    page_with_status(ctx, StatusCode::OK, title, body)
}

pub fn page_with_status(ctx: &Ctx, status: StatusCode, title: &str, body: Markup) -> Response {
    page_with_head(ctx, status, title, None, body)
}

/// A page with more in its `<head>` (a feed's `<link rel="alternate">`).
pub fn page_with_head(
    ctx: &Ctx,
    status: StatusCode,
    title: &str,
    head: Option<&Markup>,
    body: Markup,
) -> Response {
    let html = frame(ctx.lang, title, Some(ctx), head, body);
    let mut res = (status, html_headers(ctx.user.is_some()), html.into_string()).into_response();
    if ctx.flash.is_some() {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(cookies::FLASH, "", 0, true, ctx.secure_cookies),
        );
    }
    res
}

fn html_headers(private: bool) -> [(header::HeaderName, HeaderValue); 2] {
    [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static(if private {
                "private, no-store"
            } else {
                "no-cache"
            }),
        ),
    ]
}

/// The error page; with the request's context when it is known (the signed-in menu),
/// without it when even the session could not be read.
pub fn error_page(
    lang: Lang,
    ctx: Option<&Ctx>,
    key: &str,
    limit_kb: Option<usize>,
    reasons: &[&str],
) -> axum::response::Html<String> {
    let title = lang.t(&format!("error-title-{key}"));
    let text = match limit_kb {
        Some(kb) => lang.t_with(&format!("error-text-{key}"), &[("limit", kb.to_string())]),
        None => lang.t(&format!("error-text-{key}")),
    };
    let body = html! {
        h1 { (title) }
        p { (text) }
        @if !reasons.is_empty() {
            ul.reasons { @for r in reasons { li { (lang.t(r)) } } }
        }
        p { a href="/" { (lang.t("error-back-home")) } }
    };
    axum::response::Html(frame(lang, &title, ctx, None, body).into_string())
}

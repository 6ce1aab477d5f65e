//! The outbox pages.

use crate::ctx::Ctx;
use kozos_app::mail::{Mail, MailState};
use kozos_domain::time::Instant;
use maud::{html, Markup};

fn time(ctx: &Ctx, at: Option<Instant>) -> Markup {
    match at {
        Some(at) => html! { time datetime=(at.stored()) { (ctx.lang.datetime_seconds(at)) } },
        None => html! { span.muted { "–" } },
    }
}

fn state(ctx: &Ctx, m: &Mail) -> String {
    ctx.t(&format!("outbox-state-{}", m.state))
}

/// The state filter: every mail, or those in one state.
fn filter(ctx: &Ctx, current: Option<MailState>) -> Markup {
    html! {
        nav.views aria-label=(ctx.t("outbox-filter")) {
            ul {
                li {
                    a href="/admin/outbox" aria-current=[current.is_none().then_some("page")] {
                        (ctx.t("outbox-all"))
                    }
                }
                @for st in MailState::ALL {
                    li {
                        a href={ "/admin/outbox?state=" (st.as_str()) }
                          aria-current=[(current == Some(st)).then_some("page")] {
                            (ctx.t(&format!("outbox-filter-{}", st.as_str())))
                        }
                    }
                }
            }
        }
    }
}

pub fn list(ctx: &Ctx, current: Option<MailState>, mails: &[Mail], smtp: bool) -> Markup {
    html! {
        h1 { (ctx.t("outbox-title")) }
        p { (ctx.t("outbox-intro")) }
        @if !smtp { p.notice { (ctx.t("outbox-no-smtp")) } }
        (filter(ctx, current))
        @if mails.is_empty() {
            p { (ctx.t("outbox-none")) }
        } @else {
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("outbox-to")) }
                        th scope="col" { (ctx.t("outbox-subject")) }
                        th scope="col" { (ctx.t("outbox-state")) }
                        th scope="col" { (ctx.t("outbox-created")) }
                        th scope="col" { (ctx.t("outbox-sent")) }
                        th scope="col" { (ctx.t("outbox-last-error")) }
                    } }
                    tbody {
                        @for m in mails {
                            tr {
                                td { (m.to) }
                                td { a href={ "/admin/outbox/" (m.id.0) } { (m.subject) } }
                                td { (state(ctx, m)) }
                                td { (time(ctx, Some(m.created_at))) }
                                td { (time(ctx, m.sent_at)) }
                                td { (m.last_error.as_deref().unwrap_or("")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn show(ctx: &Ctx, m: &Mail, from: Option<&str>) -> Markup {
    html! {
        p.breadcrumb { a href="/admin/outbox" { (ctx.t("outbox-title")) } }
        h1 { (m.subject) }
        dl.facts {
            dt { (ctx.t("outbox-from")) }
            dd { @if let Some(f) = from { (f) } @else { span.muted { (ctx.t("outbox-no-sender")) } } }
            dt { (ctx.t("outbox-to")) }
            dd { (m.to) }
            dt { (ctx.t("outbox-subject")) }
            dd { (m.subject) }
            dt { (ctx.t("outbox-kind")) }
            dd { code { (m.kind) } }
            dt { (ctx.t("outbox-state")) }
            dd { (state(ctx, m)) }
            dt { (ctx.t("outbox-created")) }
            dd { (time(ctx, Some(m.created_at))) }
            dt { (ctx.t("outbox-sent")) }
            dd { (time(ctx, m.sent_at)) }
            @if let Some(e) = &m.last_error {
                dt { (ctx.t("outbox-last-error")) }
                dd { (e) }
            }
        }
        section aria-labelledby="body-text" {
            h2 #body-text { (ctx.t("outbox-text")) }
            pre.mail-body { (m.body_text) }
        }
        @if !m.body_html.is_empty() {
            section aria-labelledby="body-html" {
                h2 #body-html { (ctx.t("outbox-html")) }
                // Shown as the recipient's client would, but with nothing allowed: no
                // scripts, no forms, no navigation, an origin of its own.
                iframe.mail-preview sandbox="" srcdoc=(m.body_html) title=(ctx.t("outbox-html")) {}
                details {
                    summary { (ctx.t("outbox-html-source")) }
                    pre.mail-body { (m.body_html) }
                }
            }
        }
    }
}

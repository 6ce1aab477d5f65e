//! Memo pages: the board, the add form under its activity, the public memo.

use crate::ctx::Ctx;
use crate::programmes::records::views::add_form;
use crate::ui::choices::Choices;
use crate::ui::markdown;
use kozos_app::information::BoardRow;
use kozos_app::information::MemoContext;
use kozos_domain::activity::Activity;
use kozos_domain::community::memo::{Memo, MemoForm};
use kozos_domain::indicator::suppression::THRESHOLD;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

pub fn board(ctx: &Ctx, programme: ProgrammeId, rows: &[BoardRow]) -> Markup {
    html! {
        p { a href={ "/admin/programmes/" (programme) } { "‹ " (ctx.t("memo-back-programme")) } }
        h1 { (ctx.t("memo-board-title")) }
        p.lead { (ctx.t("memo-board-lead")) " " a href={ "/programmes/" (programme) "/info" } { (ctx.t("info-point-title")) } }
        @if rows.is_empty() {
            p { (ctx.t("memo-board-empty")) }
        } @else {
            table {
                thead { tr {
                    th scope="col" { (ctx.t("memo-col-when")) }
                    th scope="col" { (ctx.t("memo-col-activity")) }
                    th scope="col" { (ctx.t("memo-col-memo")) }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            td { (ctx.lang.datetime(r.starts_at)) }
                            td { (r.activity_title) }
                            td {
                                @match (r.memo, &r.memo_title) {
                                    (Some(m), Some(t)) => {
                                        a href={ "/admin/programmes/" (programme) "/memos/" (m) "/edit" } { (t) }
                                        " · "
                                        @if r.published {
                                            a href={ "/memos/" (m) } { (ctx.t("memo-published")) }
                                        } @else {
                                            span { (ctx.t("memo-draft")) }
                                        }
                                        @if r.follow_ups > 0 {
                                            " · "
                                            a href={ "/admin/programmes/" (programme) "/memos/" (m) "/follow-ups" } {
                                                (ctx.lang.t_with("follow-ups-open", &[("done", r.follow_ups_taken.to_string()), ("total", r.follow_ups.to_string())]))
                                            }
                                        }
                                    }
                                    _ => {
                                        a href={ "/admin/programmes/" (programme) "/activities/" (r.activity) "/memo" } {
                                            (ctx.t("memo-write")) span.visually-hidden { ": " (r.activity_title) }
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
}

pub fn new_memo(
    ctx: &Ctx,
    programme: ProgrammeId,
    a: &Activity,
    form_id: &str,
    (form, errors): (&MemoForm, &FieldErrors),
) -> Markup {
    let action = format!("/admin/programmes/{programme}/activities/{}/memos", a.id);
    html! {
        p { a href={ "/admin/programmes/" (programme) "/memos" } { "‹ " (ctx.t("memo-board-title")) } }
        h1 { (ctx.t("memo-new-title")) }
        p.lead { (a.title) " · " (ctx.lang.datetime(a.starts_at)) }
        (add_form::<Memo>(ctx, (form_id, &action), form, errors, &Choices::default()))
    }
}

pub fn public_memo(ctx: &Ctx, m: &Memo, c: &MemoContext) -> Markup {
    html! {
        p { a href={ "/programmes/" (m.programme_id) "/info" } { "‹ " (ctx.t("info-point-title")) ": " (c.programme_title) } }
        article.memo {
            h1 { (m.title) }
            dl.facts {
                dt { (ctx.t("memo-activity")) }
                dd { a href={ "/activities/" (m.activity_id) } { (c.activity_title) } }
                dt { (ctx.t("memo-held")) }
                dd {
                    (ctx.lang.datetime(c.starts_at))
                    @if let Some(p) = &c.place_name { ", " (p) }
                    @if !c.address.is_empty() { ", " (c.address) }
                }
                dt { (ctx.t("field-moderator")) }
                dd { (m.moderator) }
                dt { (ctx.t("memo-attended")) }
                dd {
                    @if c.attended >= THRESHOLD {
                        (ctx.lang.tn("memo-attended-n", c.attended))
                    } @else if c.attended > 0 {
                        (ctx.t("memo-attended-few"))
                    } @else {
                        (ctx.t("memo-attended-none"))
                    }
                }
                @if let Some(at) = m.published_at {
                    dt { (ctx.t("memo-published-at")) }
                    dd { (ctx.lang.datetime(at)) }
                }
            }
            div.prose { (markdown::render(&m.body)) }
            @if !m.decisions.trim().is_empty() {
                h2 { (ctx.t("field-decisions")) }
                div.prose { (markdown::render(&m.decisions)) }
            }
            @if !m.follow_ups.is_empty() {
                h2 { (ctx.t("field-follow-ups")) }
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("memo-col-task")) }
                        th scope="col" { (ctx.t("memo-col-owner")) }
                        th scope="col" { (ctx.t("memo-col-due")) }
                    } }
                    tbody {
                        @for f in &m.follow_ups {
                            tr {
                                td { (f.task) }
                                td { (f.owner.as_deref().unwrap_or("–")) }
                                td { @if let Some(d) = f.due { (ctx.lang.date(d)) } @else { "–" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

//! A questionnaire's results: per question how many answered, each option's count and
//! share as a server-drawn SVG bar chart with the same figures in a table beside it,
//! mean and median of numbers, and free-text answers listed (paged).

use super::pages::base;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use kozos_app::surveys::{self, Bar, QuestionResult, TEXT_PAGE};
use kozos_domain::{ProgrammeId, QuestionId, QuestionnaireId};
use maud::{html, Markup};
use serde::Deserialize;

const BAR: &str = "#1f5fa8";
const INK: &str = "#1a1a1a";

fn share(ctx: &Ctx, per_mille: i64) -> String {
    format!("{},{} %", per_mille / 10, per_mille % 10).replace(',', &ctx.lang.decimal().to_string())
}

fn number(ctx: &Ctx, v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', &ctx.lang.decimal().to_string())
}

/// Horizontal bars, one per option, labelled with their counts; the table beside it
/// carries the same figures for those who do not see the drawing.
fn chart(id: &str, title: &str, bars: &[Bar]) -> Markup {
    let (w, row) = (600.0, 28.0);
    let h = row * bars.len() as f64 + 4.0;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let label_w = 220.0;
    let track = w - label_w - 60.0;
    html! {
        svg.chart viewBox={ "0 0 " (w) " " (h) } role="img" aria-labelledby={ (id) "-t" } focusable="false" {
            title id={ (id) "-t" } { (title) }
            @for (i, b) in bars.iter().enumerate() {
                @let y = i as f64 * row + 4.0;
                @let len = b.count as f64 / max * track;
                @let short: String = b.label.chars().take(30).collect();
                text x="0" y=(format!("{:.1}", y + 16.0)) fill=(INK) font-size="13" { (short) }
                rect x=(label_w) y=(format!("{y:.1}")) width=(format!("{len:.1}")) height="20" fill=(BAR) {}
                text x=(format!("{:.1}", label_w + len + 6.0)) y=(format!("{:.1}", y + 16.0)) fill=(INK) font-size="13" { (b.count) }
            }
        }
    }
}

fn question(ctx: &Ctx, n: usize, r: &QuestionResult, texts_href: &str) -> Markup {
    let q = &r.question;
    let id = format!("r{}", q.id);
    html! {
        section.result aria-labelledby={ (id) "-h" } {
            h2 id={ (id) "-h" } { (n) ". " (q.label) }
            p { (ctx.lang.tn("survey-answered-n", r.answered)) }
            @if !r.bars.is_empty() {
                div.chart-with-table {
                    (chart(&id, &q.label, &r.bars))
                    table {
                        caption.visually-hidden { (q.label) }
                        thead { tr { th scope="col" { (ctx.t("survey-option")) } th.num scope="col" { (ctx.t("survey-count")) } th.num scope="col" { (ctx.t("survey-share")) } } }
                        tbody {
                            @for b in &r.bars {
                                tr { th scope="row" { (b.label) } td.num { (b.count) } td.num { (share(ctx, b.per_mille)) } }
                            }
                        }
                    }
                }
            }
            @if let (Some(mean), Some(median)) = (r.mean, r.median) {
                p { (ctx.lang.t_with("survey-mean-median", &[("value", number(ctx, mean)), ("target", number(ctx, median))])) }
            }
            @if q.kind.is_text() {
                @if r.texts.is_empty() {
                    p { (ctx.t("survey-no-texts")) }
                } @else {
                    ul.texts { @for t in &r.texts { li.pre-line { (t) } } }
                    @if r.answered > TEXT_PAGE {
                        p { a href=(texts_href) { (ctx.t("survey-all-texts")) } }
                    }
                }
            }
        }
    }
}

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, survey)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let r = surveys::results(&s.app, user, p, QuestionnaireId(survey)).await?;
    let q = &r.questionnaire;
    let b = format!("{}/{}", base(p), q.id);
    let title = format!("{} – {}", ctx.t("survey-results"), q.title);
    let body = html! {
        p { a href=(b) { (q.title) } }
        h1 { (title) }
        p { (ctx.lang.tn("survey-responses-n", q.responses)) }
        ul.actions {
            li { a href={ (b) "/results.xlsx" } download { (ctx.t("survey-download-xlsx")) } }
            li { a href={ (b) "/results.csv" } download { (ctx.t("survey-download-csv")) } }
        }
        @for (n, qr) in r.questions.iter().enumerate() {
            (question(&ctx, n + 1, qr, &format!("{b}/questions/{}/answers", qr.question.id)))
        }
    };
    Ok(layout::page(&ctx, &title, body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub page: Option<i64>,
}

pub async fn texts(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, survey, question)): Path<(i64, i64, i64)>,
    Query(pq): Query<PageQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    let page = pq.page.unwrap_or(0).max(0);
    let (q, question, texts) = surveys::text_answers(
        &s.app,
        user,
        p,
        QuestionnaireId(survey),
        QuestionId(question),
        page,
    )
    .await?;
    let b = format!("{}/{}", base(p), q.id);
    let here = format!("{b}/questions/{}/answers", question.id);
    let body = html! {
        p { a href={ (b) "/results" } { (ctx.t("survey-results")) } }
        h1 { (question.label) }
        @if texts.is_empty() { p { (ctx.t("survey-no-texts")) } }
        ul.texts { @for t in &texts { li.pre-line { (t) } } }
        nav aria-label=(ctx.t("survey-pages")) {
            @if page > 0 { a href={ (here) "?page=" (page - 1) } { (ctx.t("survey-newer")) } " " }
            @if texts.len() as i64 == TEXT_PAGE { a href={ (here) "?page=" (page + 1) } { (ctx.t("survey-older")) } }
        }
    };
    Ok(layout::page(&ctx, &question.label, body))
}

//! The progress report page (a period; the indicator table with an explanation per
//! indicator; the activities; the evidence) and its downloads. A report is drawn in the
//! request: a programme's report is a few hundred rows, well under a second.

use super::pages::options_for;
use super::report_files::{self as files, file_stem};
use super::views::{amount, period_picker, status_badge};
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::evidence::pages::attachment;
use crate::extract::{Path, Query};
use crate::ui::components::{csrf, error_summary};
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::indicators::report::{self, Report};
use kozos_app::AppError;
use kozos_domain::indicator::ReportPeriod;
use kozos_domain::{FieldErrors, IndicatorId, ProgrammeId};
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportQuery {
    pub period: String,
    /// Which part a CSV holds: `mutatok` (default), `tevekenysegek`, `dokumentumok`.
    pub part: String,
}

/// The period asked for, or the current year; a report always covers a period.
fn period_or_year(s: &AppState, ctx: &Ctx, raw: &str) -> Result<ReportPeriod, WebError> {
    Ok(super::pages::period(ctx, raw)?
        .unwrap_or_else(|| ReportPeriod::Year(s.app.clock.today().year())))
}

async fn load(s: &AppState, ctx: &Ctx, id: i64, raw: &str) -> Result<Report, WebError> {
    let user = ctx.require_user()?;
    let period = period_or_year(s, ctx, raw)?;
    Ok(report::report(&s.app, user, ProgrammeId(id), period).await?)
}

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let r = load(&s, &ctx, id, &q.period).await?;
    render(&s, &ctx, &r, None, StatusCode::OK)
}

fn render(
    s: &AppState,
    ctx: &Ctx,
    r: &Report,
    refused: Option<(IndicatorId, &str, &FieldErrors)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let options = options_for(r.programme.start_date, s.app.clock.today());
    let title = format!("{} – {}", ctx.t("ind-report"), r.programme.title);
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        view(ctx, r, &options, refused),
    ))
}

fn view(
    ctx: &Ctx,
    r: &Report,
    options: &[ReportPeriod],
    refused: Option<(IndicatorId, &str, &FieldErrors)>,
) -> Markup {
    let p = &r.programme;
    let base = format!("/admin/programmes/{}/report", p.id);
    let key = r.period.key();
    let en = ctx.lang == crate::i18n::Lang::En;
    html! {
        p.breadcrumb {
            a href={ "/admin/programmes/" (p.id) } { (p.title) } " › "
            a href={ "/admin/programmes/" (p.id) "/indicators?period=" (key) } { (ctx.t("ind-title")) }
        }
        h1 { (ctx.t("ind-report")) ": " (p.title) }
        p { (ctx.t("ind-report-hint")) }
        (period_picker(ctx, &base, Some(r.period), options, false))
        p role="status" { (ctx.lang.t_with("ind-counted-until", &[("date", ctx.lang.date(r.until)), ("period", super::views::period_label(ctx, Some(r.period)))])) }
        ul.downloads {
            li { a href={ (base) ".xlsx?period=" (key) } download { (ctx.t("ind-download-xlsx")) } }
            li { a href={ (base) ".pdf?period=" (key) } download { (ctx.t("ind-download-pdf")) } }
            li { a href={ (base) ".csv?period=" (key) "&part=mutatok" } download { (ctx.t("ind-download-csv")) } }
            li { a href={ (base) ".csv?period=" (key) "&part=tevekenysegek" } download { (ctx.t("ind-download-csv-activities")) } }
            li { a href={ (base) ".csv?period=" (key) "&part=dokumentumok" } download { (ctx.t("ind-download-csv-files")) } }
        }
        h2 { (ctx.t("ind-report-indicators")) }
        @if r.lines.is_empty() { p { (ctx.t("ind-none")) } }
        @for l in &r.lines {
            @let i = &l.line.indicator;
            @let u = i.unit();
            section.indicator #{ "explain-" (i.id.0) } aria-labelledby={ "explain-" (i.id.0) "-h" } {
                h3 id={ "explain-" (i.id.0) "-h" } { (i.code) " – " (i.name(en)) " " (status_badge(ctx, l.line.status)) }
                dl.facts {
                    dt { (ctx.t("ind-baseline")) } dd { (amount(ctx, u, i.baseline)) }
                    dt { (ctx.t("ind-target")) } dd { (amount(ctx, u, i.target)) }
                    dt { (ctx.t("ind-value-period")) } dd { (amount(ctx, u, l.line.value)) }
                    dt { (ctx.t("ind-value-end")) } dd { (amount(ctx, u, l.line.to_date)) }
                    dt { (ctx.t("ind-expected")) } dd { @match l.line.expected { Some(e) => (amount(ctx, u, e)), None => "–" } }
                    dt { (ctx.t("ind-deviation")) } dd { @match l.deviation { Some(d) => (amount(ctx, u, d)), None => "–" } }
                }
                @if r.can_manage {
                    @let (text, errors) = match refused {
                        Some((id, text, e)) if id == i.id => (text.to_string(), e.clone()),
                        _ => (l.explanation.clone(), FieldErrors::new()),
                    };
                    @let form_id = format!("explain-{}", i.id.0);
                    (error_summary(ctx, &form_id, &errors))
                    form method="post" action={ (base) "/explanations/" (i.id.0) "?period=" (key) } {
                        (csrf(ctx))
                        input type="hidden" name="_version" value=(l.explanation_version);
                        div.field .has-error[errors.for_field("explanation").is_some()] {
                            label for={ (form_id) "-explanation" } { (ctx.t("ind-explanation")) }
                            @if let Some(k) = errors.for_field("explanation") { p.error id={ (form_id) "-explanation-error" } { (ctx.t(k)) } }
                            textarea id={ (form_id) "-explanation" } name="explanation" rows="3" { (text) }
                        }
                        button.secondary type="submit" { (ctx.t("ind-explanation-save")) span.visually-hidden { ": " (i.code) } }
                    }
                } @else if !l.explanation.is_empty() {
                    p { strong { (ctx.t("ind-explanation")) ": " } (l.explanation) }
                }
            }
        }
        h2 { (ctx.t("ind-report-activities")) }
        @if r.activities.is_empty() { p { (ctx.t("ind-report-no-activities")) } } @else {
            div.table-scroll { table {
                thead { tr {
                    th scope="col" { (ctx.t("ind-report-when")) }
                    th scope="col" { (ctx.t("ind-report-activity")) }
                    th scope="col" { (ctx.t("ind-report-attended")) }
                    th scope="col" { (ctx.t("ind-report-files")) }
                } }
                tbody { @for a in &r.activities { tr {
                    td { (ctx.lang.datetime(a.starts_at)) }
                    td { (a.title) }
                    td.num { (ctx.lang.number(a.attended)) }
                    td.num { a href={ "/admin/activities/" (a.id.0) "/evidence" } { (a.evidence) span.visually-hidden { ": " (a.title) } } }
                } } }
            } }
        }
        h2 { (ctx.t("ind-report-evidence")) }
        p { (ctx.lang.t_with("ind-report-evidence-count", &[("n", (r.files.len() + r.manual.len()).to_string())])) }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExplanationForm {
    pub explanation: String,
}

pub async fn explain(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
    Query(q): Query<ReportQuery>,
    form: EditForm<ExplanationForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let period = period_or_year(&s, &ctx, &q.period)?;
    let EditForm { form: f, meta } = form;
    let back = format!(
        "/admin/programmes/{id}/report?period={}#explain-{ind}",
        period.key()
    );
    match kozos_app::indicators::manual::explain(
        &s.app,
        user,
        ProgrammeId(id),
        IndicatorId(ind),
        period,
        &f.explanation,
        meta.version.unwrap_or(0),
    )
    .await
    {
        Ok(()) => Ok(done(&back, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let r = load(&s, &ctx, id, &q.period).await?;
            render(
                &s,
                &ctx,
                &r,
                Some((IndicatorId(ind), &f.explanation, &errors)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(AppError::Conflict) => {
            let r = load(&s, &ctx, id, &q.period).await?;
            let mut e = FieldErrors::new();
            e.add("explanation", "ind-explanation-conflict");
            render(
                &s,
                &ctx,
                &r,
                Some((IndicatorId(ind), &f.explanation, &e)),
                StatusCode::CONFLICT,
            )
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn xlsx(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let r = load(&s, &ctx, id, &q.period).await?;
    let bytes = files::xlsx(&r).map_err(|e| ctx.err()(AppError::Internal(format!("xlsx: {e}"))))?;
    Ok(attachment(
        &format!("{}.xlsx", file_stem(&r)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes,
    ))
}

pub async fn csv(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let r = load(&s, &ctx, id, &q.period).await?;
    let slug = match q.part.trim() {
        "" => "mutatok",
        p => p,
    };
    let part = files::parts(&r)
        .into_iter()
        .find(|p| p.slug == slug)
        .ok_or_else(|| WebError::bad_request(ctx.lang))?;
    Ok(attachment(
        &format!("{}-{}.csv", file_stem(&r), part.slug),
        "text/csv; charset=utf-8",
        files::csv(&part),
    ))
}

pub async fn pdf(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let r = load(&s, &ctx, id, &q.period).await?;
    Ok(attachment(
        &format!("{}.pdf", file_stem(&r)),
        "application/pdf",
        files::pdf(&r),
    ))
}

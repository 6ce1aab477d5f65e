//! The job queue for administrators: failed jobs (with their last error and a retry
//! button) and the jobs waiting or running. The use cases check who may see and retry.

use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::routes::{r, RouteDef};
use crate::ui::components::{csrf, stored_time};
use crate::ui::done;
use crate::{ui, AppState};
use axum::extract::State;
use axum::http::Method as M;
use axum::response::Response;
use axum::routing::{get, post};
use kozos_app::jobs::{self, Job, JobState, Overview};
use maud::{html, Markup};
use serde::Deserialize;

/// The retry button's form carries nothing but its CSRF token.
#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/admin/jobs", get(list)),
        r(M::POST, "/admin/jobs/{job}/retry", post(retry)),
    ]
}

#[derive(Deserialize)]
pub struct RetryForm {}

pub async fn list(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let overview = jobs::overview(&s.app, user).await?;
    Ok(ui::layout::page(
        &ctx,
        &ctx.t("jobs-title"),
        page(&ctx, &overview),
    ))
}

pub async fn retry(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<RetryForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    jobs::retry(&s.app, user, id).await?;
    Ok(done("/admin/jobs", "saved", ctx.secure_cookies))
}

fn optional_time(ctx: &Ctx, at: Option<&str>) -> Markup {
    match at {
        Some(at) => stored_time(ctx, at, true),
        None => html! { span.muted { "–" } },
    }
}

/// Attempts made of those allowed, e.g. "2 / 5".
fn attempts(job: &Job) -> String {
    format!("{} / {}", job.attempts, job.max_attempts)
}

fn state(ctx: &Ctx, job: &Job) -> Markup {
    html! {
        (ctx.t(&format!("jobs-state-{}", job.state.as_str())))
        @if job.state == JobState::Running {
            @if let Some(worker) = &job.locked_by {
                br; span.muted { (worker) }
            }
        }
    }
}

fn failed_table(ctx: &Ctx, list: &[Job]) -> Markup {
    html! {
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (ctx.t("jobs-kind")) }
                    th scope="col" { (ctx.t("jobs-attempts")) }
                    th scope="col" { (ctx.t("jobs-created")) }
                    th scope="col" { (ctx.t("jobs-failed-at")) }
                    th scope="col" { (ctx.t("jobs-last-error")) }
                    th scope="col" { span.visually-hidden { (ctx.t("jobs-actions")) } }
                } }
                tbody {
                    @for job in list {
                        tr {
                            td { code { (job.kind) } " " span.muted { "#" (job.id) } }
                            td { (attempts(job)) }
                            td { (stored_time(ctx, &job.created_at, true)) }
                            td { (optional_time(ctx, job.finished_at.as_deref())) }
                            td { (job.last_error.as_deref().unwrap_or("")) }
                            td {
                                form.inline method="post" action={ "/admin/jobs/" (job.id) "/retry" } {
                                    (csrf(ctx))
                                    button.small type="submit" {
                                        (ctx.t("jobs-retry"))
                                        span.visually-hidden { ": " (job.kind) " #" (job.id) }
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

fn pending_table(ctx: &Ctx, list: &[Job]) -> Markup {
    html! {
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (ctx.t("jobs-kind")) }
                    th scope="col" { (ctx.t("jobs-state")) }
                    th scope="col" { (ctx.t("jobs-attempts")) }
                    th scope="col" { (ctx.t("jobs-created")) }
                    th scope="col" { (ctx.t("jobs-run-at")) }
                    th scope="col" { (ctx.t("jobs-last-error")) }
                } }
                tbody {
                    @for job in list {
                        tr {
                            td { code { (job.kind) } " " span.muted { "#" (job.id) } }
                            td { (state(ctx, job)) }
                            td { (attempts(job)) }
                            td { (stored_time(ctx, &job.created_at, true)) }
                            td {
                                @if job.state == JobState::Running {
                                    span.muted { (ctx.t("jobs-locked-until")) } " "
                                }
                                (stored_time(ctx, &job.run_at, true))
                            }
                            td { (job.last_error.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}

fn page(ctx: &Ctx, o: &Overview) -> Markup {
    html! {
        h1 { (ctx.t("jobs-title")) }
        p { (ctx.t("jobs-intro")) }
        section aria-labelledby="jobs-failed" {
            h2 #jobs-failed { (ctx.t("jobs-failed")) }
            @if o.failed.is_empty() { p { (ctx.t("jobs-none-failed")) } }
            @else { (failed_table(ctx, &o.failed)) }
        }
        section aria-labelledby="jobs-pending" {
            h2 #jobs-pending { (ctx.t("jobs-pending")) }
            @if o.pending.is_empty() { p { (ctx.t("jobs-none-pending")) } }
            @else { (pending_table(ctx, &o.pending)) }
        }
    }
}

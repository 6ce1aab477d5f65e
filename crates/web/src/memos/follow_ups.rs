//! A memo's follow-ups taken into the action plan: the page lists each follow-up, where
//! it went, and a goal to add it under.

use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::ui::components::csrf;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::follow_ups::{self, FollowUps};
use kozos_app::AppError;
use kozos_domain::plan::PlanStatus;
use kozos_domain::*;
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TakeForm {
    task: String,
    goal: String,
}

/// A refused submission: the follow-up it was for and why.
struct Refused<'a> {
    task: &'a str,
    key: &'static str,
}

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, memo)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    page_with(
        &s,
        &ctx,
        ProgrammeId(id),
        MemoId(memo),
        None,
        StatusCode::OK,
    )
    .await
}

async fn page_with(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    memo: MemoId,
    refused: Option<Refused<'_>>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let f = follow_ups::of_memo(&s.app, user, programme, memo)
        .await
        .map_err(ctx.err())?;
    let title = ctx.t("follow-ups-title");
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        view(ctx, programme, &f, refused.as_ref()),
    ))
}

/// Added, or already there: back to the list, which shows where it went.
pub async fn take(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, memo)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<TakeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (programme, memo) = (ProgrammeId(id), MemoId(memo));
    let refuse = |key| Refused {
        task: f.task.as_str(),
        key,
    };
    let Some(goal) = crate::extract::form_id(&f.goal) else {
        let r = refuse("err-follow-up-goal");
        return page_with(
            &s,
            &ctx,
            programme,
            memo,
            Some(r),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match follow_ups::take(&s.app, user, programme, memo, &f.task, GoalId(goal)).await {
        Ok(_) => Ok(done(
            &format!("/admin/programmes/{programme}/memos/{memo}/follow-ups"),
            "taken",
            ctx.secure_cookies,
        )),
        Err(AppError::Conflict) => {
            let r = refuse("follow-up-changed");
            page_with(&s, &ctx, programme, memo, Some(r), StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

fn view(ctx: &Ctx, programme: ProgrammeId, f: &FollowUps, refused: Option<&Refused>) -> Markup {
    let m = &f.memo;
    let action = format!("/admin/programmes/{programme}/memos/{}/follow-ups", m.id);
    html! {
        p { a href={ "/admin/programmes/" (programme) "/memos" } { "‹ " (ctx.t("memo-board-title")) } }
        h1 { (ctx.t("follow-ups-title")) }
        p.lead {
            a href={ "/admin/programmes/" (programme) "/memos/" (m.id) "/edit" } { (m.title) }
        }
        p { (ctx.t("follow-ups-lead")) }
        @if let Some(r) = refused.filter(|r| !m.follow_ups.iter().any(|f| f.task == r.task)) {
            // the follow-up is gone from the memo: say so above the list
            p.error role="alert" { (ctx.t(r.key)) }
        }
        @if m.follow_ups.is_empty() {
            p { (ctx.t("follow-ups-none")) }
        } @else if f.goals.is_empty() {
            p { (ctx.t("follow-ups-no-goals")) " " a href={ "/admin/programmes/" (programme) "/plans" } { (ctx.t("plan-title")) } }
        }
        ol.follow-ups {
            @for (n, fu) in m.follow_ups.iter().enumerate() {
                @let select_id = format!("fu-goal-{n}");
                @let error = refused.filter(|r| r.task == fu.task);
                li {
                    p {
                        strong { (fu.task) }
                        @if let Some(o) = &fu.owner { " · " (o) }
                        @if let Some(d) = fu.due { " · " (ctx.lang.date(d)) }
                    }
                    @let taken: Vec<_> = f.taken.iter().filter(|t| t.task == fu.task).collect();
                    @if !taken.is_empty() {
                        ul {
                            @for t in &taken {
                                li { (ctx.t("follow-up-in-plan")) " "
                                    a href={ "/admin/programmes/" (programme) "/plans/" (t.plan) } { (t.plan_title) }
                                    " › " (t.goal_title) }
                            }
                        }
                    }
                    @if !f.goals.is_empty() {
                        form.stack method="post" action=(action) {
                            (csrf(ctx))
                            input type="hidden" name="task" value=(fu.task);
                            div.field {
                            label for=(select_id) { (ctx.t("follow-up-goal")) }
                            @if let Some(r) = error {
                                p.error id={ (select_id) "-error" } { (ctx.t(r.key)) }
                            }
                            select id=(select_id) name="goal" required
                                aria-describedby=[error.map(|_| format!("{select_id}-error"))]
                                aria-invalid=[error.map(|_| "true")] {
                                option value="" { (ctx.t("admin-choose")) }
                                @for goals in by_plan(&f.goals) {
                                    optgroup label=(plan_label(ctx, goals[0])) {
                                        @for g in goals {
                                            option value=(g.goal) { (g.need_title) " › " (g.goal_title) }
                                        }
                                    }
                                }
                            }
                            }
                            button type="submit" { (ctx.t("follow-up-take")) span.visually-hidden { ": " (fu.task) } }
                        }
                    }
                }
            }
        }
    }
}

type Goal = kozos_app::follow_ups::GoalChoice;

/// The choices grouped by plan, in the order given (newest plan first).
fn by_plan(goals: &[Goal]) -> Vec<Vec<&Goal>> {
    let mut out: Vec<Vec<&Goal>> = Vec::new();
    for g in goals {
        match out.last_mut() {
            Some(list) if list[0].plan == g.plan => list.push(g),
            _ => out.push(vec![g]),
        }
    }
    out
}

fn plan_label(ctx: &Ctx, g: &Goal) -> String {
    let status = match g.plan_status {
        PlanStatus::Draft => ctx.t("plan-status-draft"),
        _ => ctx.t("plan-status-adopted"),
    };
    format!("{} ({status})", g.plan_title)
}

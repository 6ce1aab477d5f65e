//! A programme's plans: the list (with the form that adds one), a plan's page (needs →
//! goals → actions with their progress, and the forms that add to each level), renewing
//! a plan, and the public page of a published plan.

use super::records::plans_path;
use crate::csrf::EditForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::programmes::pages::Rejected;
use crate::programmes::records::views::{add_form, links};
use crate::programmes::records::RecordUi;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::plans;
use kozos_domain::plan::*;
use kozos_domain::policy::Action;
use kozos_domain::{FieldErrors, PlanId, ProgrammeId};
use maud::{html, Markup};

fn can_manage(ctx: &Ctx) -> bool {
    ctx.user.as_ref().is_some_and(|u| {
        kozos_domain::policy::allows_somewhere(&u.grants, Action::ManageCommunityProcess)
    })
}

pub fn status_line(ctx: &Ctx, p: &Plan) -> String {
    let mut s = format!(
        "{} · {}",
        ctx.t(&format!("plan-kind-{}", p.kind.as_str())),
        ctx.t(&format!("plan-status-{}", p.status.as_str()))
    );
    if let Some(d) = p.adopted_on {
        s.push_str(&format!(
            " · {} {}",
            ctx.t("plan-adopted-on"),
            ctx.lang.date(d)
        ));
    }
    if p.published {
        s.push_str(&format!(" · {}", ctx.t("plan-published")));
    }
    s
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    list_page(
        &s,
        &ctx,
        ProgrammeId(id),
        Rejected::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn list_page(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    rejected: Rejected,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = plans::list(&s.app, user, programme).await?;
    let (form, errors): (PlanForm, FieldErrors) = rejected.values("plan");
    let form = if form == PlanForm::default() {
        PlanForm {
            kind: "local_action_plan".into(),
            status: "draft".into(),
            ..form
        }
    } else {
        form
    };
    let b = plans_path(programme);
    let title = ctx.t("plan-title");
    let body = html! {
        p { a href={ "/admin/programmes/" (programme) } { (ctx.t("survey-back-programme")) } }
        h1 { (title) }
        p { (ctx.t("plan-intro")) }
        @if list.is_empty() { p { (ctx.t("plan-none")) } }
        ul.items {
            @for p in &list {
                li {
                    a href={ (b) "/" (p.id) } { (p.title) } " – " (status_line(ctx, p))
                    @if can_manage(ctx) {
                        (links::<Plan>(ctx, &format!("/admin/programmes/{programme}"), p.id, &p.title))
                    }
                }
            }
        }
        @if can_manage(ctx) {
            section aria-labelledby="new-plan" {
                h2 #new-plan { (ctx.t("plan-new")) }
                (add_form::<Plan>(ctx, ("plan", &b), &form, &errors, &Choices::default()))
            }
        }
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

fn bar(ctx: &Ctx, id: &str, percent: Option<i64>) -> Markup {
    html! {
        @match percent {
            Some(p) => {
                span.progress {
                    progress id=(id) max="100" value=(p) aria-label=(ctx.t("plan-progress")) { (p) " %" }
                    " " (p) " %"
                }
            }
            None => { span.muted { (ctx.t("plan-progress-none")) } }
        }
    }
}

/// The plan's tree with progress; `admin` adds the edit links and add forms.
pub fn tree(ctx: &Ctx, plan: &Plan, admin: bool) -> Markup {
    let base = format!("/admin/programmes/{}", plan.programme_id);
    let c = Choices::default();
    html! {
        @if plan.needs.is_empty() { p { (ctx.t("plan-no-needs")) } }
        @for (ni, n) in plan.needs.iter().enumerate() {
            section.need aria-labelledby={ "need-" (n.id) } {
                h2 id={ "need-" (n.id) } { (ctx.t("plan-need")) " " (ni + 1) ": " (n.title)
                    @if admin { (links::<Need>(ctx, &base, n.id, &n.title)) } }
                @if !n.description.is_empty() { p.pre-line { (n.description) } }
                @if let Some((_, label)) = &n.finding { p.hint { (ctx.t("plan-finding")) ": " (label) } }
                @for g in &n.goals {
                    section.goal aria-labelledby={ "goal-" (g.id) } {
                        h3 id={ "goal-" (g.id) } { (ctx.t("plan-goal")) ": " (g.title)
                            @if admin { (links::<Goal>(ctx, &base, g.id, &g.title)) } }
                        p { (ctx.t("plan-goal-progress")) ": " (bar(ctx, &format!("gp-{}", g.id), goal_progress(g))) }
                        @if !g.actions.is_empty() {
                            table.plan-actions {
                                caption.visually-hidden { (g.title) }
                                thead { tr {
                                    th scope="col" { (ctx.t("plan-field-action")) }
                                    th scope="col" { (ctx.t("plan-field-owner")) }
                                    th scope="col" { (ctx.t("plan-field-due-on")) }
                                    th scope="col" { (ctx.t("plan-field-action-status")) }
                                    th scope="col" { (ctx.t("plan-activities")) }
                                    th scope="col" { (ctx.t("plan-progress")) }
                                } }
                                tbody {
                                    @for a in &g.actions {
                                        tr {
                                            th scope="row" { (a.title)
                                                @if !a.budget_line.is_empty() { br; span.hint { (ctx.t("plan-field-budget-line")) ": " (a.budget_line) } }
                                                @if let (true, Some(src)) = (admin, &a.source) {
                                                    br; a.hint href={ (base) "/memos/" (src.memo) "/follow-ups" } { (ctx.t("plan-from-memo")) }
                                                }
                                                @if admin { (links::<PlanAction>(ctx, &base, a.id, &a.title)) } }
                                            td { (a.owner)
                                                @for (_, p) in &a.partners { br; span.hint { (p) } } }
                                            td { @if let Some(d) = a.due_on { (ctx.lang.date(d)) } }
                                            td { (ctx.t(&format!("plan-action-status-{}", a.status.as_str()))) }
                                            td {
                                                @if a.activities.is_empty() { span.muted { "–" } }
                                                @else {
                                                    (ctx.lang.t_with("plan-held-of", &[("done", a.activities.iter().filter(|x| x.2).count().to_string()), ("total", a.activities.len().to_string())]))
                                                    details {
                                                        summary { (ctx.t("plan-activities-list")) span.visually-hidden { ": " (a.title) } }
                                                        ul.plain { @for (id, t, held) in &a.activities {
                                                            li { a href={ "/activities/" (id) } { (t) } " " span.hint { "(" (ctx.t(if *held { "plan-held" } else { "plan-not-held" })) ")" } }
                                                        } }
                                                    }
                                                }
                                            }
                                            td { (bar(ctx, &format!("ap-{}", a.id), action_progress(a))) }
                                        }
                                    }
                                }
                            }
                        }
                        @if admin {
                            details {
                                summary { (ctx.t("plan-add-action")) }
                                (add_form::<PlanAction>(ctx, (&PlanAction::new_form_id(g.id), &format!("{base}/goals/{}/actions", g.id)), &ActionForm::default(), &FieldErrors::new(), &c))
                            }
                        }
                    }
                }
                @if admin {
                    details {
                        summary { (ctx.t("plan-add-goal")) }
                        (add_form::<Goal>(ctx, (&Goal::new_form_id(n.id), &format!("{base}/needs/{}/goals", n.id)), &GoalForm::default(), &FieldErrors::new(), &c))
                    }
                }
            }
        }
    }
}

pub async fn plan_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, plan)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programme = ProgrammeId(id);
    let p = plans::get(&s.app, user, programme, PlanId(plan)).await?;
    let admin = can_manage(&ctx);
    let c = if admin {
        let c = plans::choices(&s.app, user, programme).await?;
        Choices {
            findings: c
                .findings
                .into_iter()
                .map(|(i, n)| (i.to_string(), n))
                .collect(),
            ..Default::default()
        }
    } else {
        Choices::default()
    };
    let b = format!("{}/{}", plans_path(programme), p.id);
    let body = html! {
        p { a href=(plans_path(programme)) { (ctx.t("plan-title")) } }
        h1 { (p.title) }
        p { (status_line(&ctx, &p)) }
        @if let Some(prev) = p.previous_id { p { a href={ (plans_path(programme)) "/" (prev) } { (ctx.t("plan-previous")) } } }
        p.actions {
            @if admin { a.button href={ (b) "/edit" } { (ctx.t("plan-edit")) } " " }
            a href={ (b) "/plan.pdf" } download { (ctx.t("plan-download-pdf")) } " "
            @if p.published { a href={ "/programmes/" (programme) "/plans/" (p.id) } { (ctx.t("plan-public-page")) } }
        }
        @if admin && p.status != PlanStatus::Draft {
            form method="post" action={ (b) "/renew" } {
                (csrf(&ctx))
                (meta_fields(&FormState::create()))
                button type="submit" { (ctx.t("plan-renew")) }
                " " span.hint { (ctx.t("plan-renew-hint")) }
            }
        }
        (tree(&ctx, &p, admin))
        @if admin {
            section aria-labelledby="new-need" {
                h2 #new-need { (ctx.t("plan-add-need")) }
                (add_form::<Need>(&ctx, (&Need::new_form_id(p.id), &format!("{b}/needs")), &NeedForm::default(), &FieldErrors::new(), &c))
            }
        }
    };
    Ok(layout::page(&ctx, &p.title, body))
}

pub async fn renew(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, plan)): Path<(i64, i64)>,
    EditForm { meta, .. }: EditForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programme = ProgrammeId(id);
    let new = plans::renew(&s.app, user, programme, PlanId(plan), meta.once.as_deref()).await?;
    Ok(done(
        &format!("{}/{new}", plans_path(programme)),
        "saved",
        ctx.secure_cookies,
    ))
}

/// A published plan on the programme's public side; anything else is not found.
pub async fn public_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, plan)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let programme = ProgrammeId(id);
    let p = plans::public(&s.app, programme, PlanId(plan))
        .await
        .map_err(ctx.err())?;
    let body = html! {
        p { a href={ "/programmes/" (programme) } { (ctx.t("plan-back-public")) } }
        h1 { (p.title) }
        p { (status_line(&ctx, &p)) }
        p { a href={ "/programmes/" (programme) "/plans/" (p.id) "/plan.pdf" } download { (ctx.t("plan-download-pdf")) } }
        (tree(&ctx, &p, false))
    };
    Ok(layout::page(&ctx, &p.title, body))
}

//! The plan's levels in the back office through the generic record pages: plans (added
//! on the plans page), needs, goals and actions (added on the plan's page). Saves return
//! to the plans page; a refused add form comes back on a page of its own, as typed.

use super::pages::list_page;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::programmes::pages::Rejected;
use crate::programmes::records::path::ParentIds;
use crate::programmes::records::views::add_form;
use crate::programmes::records::RecordUi;
use crate::ui::choices::{enum_options, Choices};
use crate::ui::components::*;
use crate::ui::layout;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::plans;
use kozos_app::records::Record;
use kozos_domain::plan::*;
use kozos_domain::{FieldErrors, GoalId, NeedId, PlanId, ProgrammeId};
use maud::{html, Markup};

impl ParentIds for PlanId {
    fn from_ids(_: ProgrammeId, rest: &[i64]) -> Option<Self> {
        match rest {
            [p] => Some(PlanId(*p)),
            _ => None,
        }
    }
}
impl ParentIds for NeedId {
    fn from_ids(_: ProgrammeId, rest: &[i64]) -> Option<Self> {
        match rest {
            [p] => Some(NeedId(*p)),
            _ => None,
        }
    }
}
impl ParentIds for GoalId {
    fn from_ids(_: ProgrammeId, rest: &[i64]) -> Option<Self> {
        match rest {
            [p] => Some(GoalId(*p)),
            _ => None,
        }
    }
}

pub fn plans_path(programme: ProgrammeId) -> String {
    format!("/admin/programmes/{programme}/plans")
}

fn strs<T: ToString>(v: Vec<(T, String)>) -> Vec<(String, String)> {
    v.into_iter().map(|(i, n)| (i.to_string(), n)).collect()
}

/// The pick lists of the plan's forms (partners, activities, findings).
async fn plan_choices(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
) -> Result<Choices, WebError> {
    let user = ctx.require_user()?;
    let c = plans::choices(&s.app, user, programme).await?;
    Ok(Choices {
        partners: strs(c.partners),
        activities: strs(c.activities),
        findings: strs(c.findings),
        ..Default::default()
    })
}

/// A refused add form of a nested level on its own page, as typed; `form_id` is
/// `<kind>-<parent id>` and names where it posts.
async fn rejected_alone<K: RecordUi + NewSegment>(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    rejected: Rejected,
    status: StatusCode,
    (segment, title): (&str, &str),
) -> Result<Response, WebError> {
    let form_id = rejected.form().to_string();
    let parent: i64 = form_id
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let (values, errors): (K::NewForm, FieldErrors) = rejected.values(&form_id);
    let c = K::choices(s, ctx, programme).await?;
    let action = format!(
        "/admin/programmes/{programme}/{segment}/{parent}/{}",
        K::SEGMENT_NEW
    );
    let title = ctx.t(title);
    let body = html! {
        p { a href=(plans_path(programme)) { (ctx.t("plan-title")) } }
        h1 { (title) }
        (add_form::<K>(ctx, (&form_id, &action), &values, &errors, &c))
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

/// The segment a kind's add form posts to under its parent.
pub trait NewSegment {
    const SEGMENT_NEW: &'static str;
}
impl NewSegment for Need {
    const SEGMENT_NEW: &'static str = "needs";
}
impl NewSegment for Goal {
    const SEGMENT_NEW: &'static str = "goals";
}
impl NewSegment for PlanAction {
    const SEGMENT_NEW: &'static str = "actions";
}

fn plan_fields(ctx: &Ctx, id: &str, f: &PlanForm, e: &FieldErrors) -> Markup {
    html! {
        (input(ctx, id, Field::new("title", "field-title", &f.title).required(), "text", e))
        (select(ctx, id, Field::new("kind", "plan-field-kind", &f.kind).required(), &enum_options(ctx, PlanKind::ALL, "plan-kind", PlanKind::as_str), e))
        (select(ctx, id, Field::new("status", "plan-field-status", &f.status).required(), &enum_options(ctx, PlanStatus::ALL, "plan-status", PlanStatus::as_str), e))
        (input(ctx, id, Field::new("adopted_on", "plan-field-adopted-on", &f.adopted_on).hint("field-date-hint"), "text", e))
        (checkbox(ctx, id, Field::new("published", "plan-field-published", &f.published).hint("plan-field-published-hint"), e))
    }
}

impl RecordUi for Plan {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/plans";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/plans/{plan}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/plans/{plan}/delete";
    const SEGMENT: &'static str = "plans";
    const FORM: &'static str = "plan";
    const TITLE_KEY: &'static str = "plan-edit";
    const CONFIRM_KEY: &'static str = "plan-confirm-delete";

    fn fields(ctx: &Ctx, id: &str, f: &PlanForm, e: &FieldErrors, _: &Choices) -> Markup {
        plan_fields(ctx, id, f, e)
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &PlanForm, e: &FieldErrors, _: &Choices) -> Markup {
        plan_fields(ctx, id, f, e)
    }
    fn confirm_with(&self, _: &Ctx) -> Vec<String> {
        self.removed_with().into_iter().map(|(_, l)| l).collect()
    }
    fn back(programme: ProgrammeId) -> String {
        plans_path(programme)
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        list_page(s, ctx, programme, rejected, status).await
    }
}

/// The plan page a need, goal or action is on (the plans when it cannot be found).
async fn plan_page(s: &AppState, programme: ProgrammeId, level: &str, id: i64) -> String {
    match kozos_app::plans::holding(&s.app, programme, level, id).await {
        Ok(Some(plan)) => format!("{}/{plan}", plans_path(programme)),
        _ => plans_path(programme),
    }
}

impl RecordUi for Need {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/plans/{plan}/needs";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/needs/{need}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/needs/{need}/delete";
    const SEGMENT: &'static str = "needs";
    const FORM: &'static str = "need";
    const TITLE_KEY: &'static str = "plan-edit-need";
    const CONFIRM_KEY: &'static str = "plan-confirm-delete-need";

    fn new_form_id(parent: PlanId) -> String {
        format!("need-{parent}")
    }
    fn fields(ctx: &Ctx, id: &str, f: &NeedForm, e: &FieldErrors, c: &Choices) -> Markup {
        let mut findings = vec![(String::new(), ctx.t("plan-no-finding"))];
        findings.extend(c.findings.iter().cloned());
        html! {
            (input(ctx, id, Field::new("title", "plan-field-need", &f.title).required(), "text", e))
            (textarea(ctx, id, Field::new("description", "plan-field-need-description", &f.description), 3, e))
            (select(ctx, id, Field::new("finding", "plan-field-finding", &f.finding).hint("plan-field-finding-hint"), &findings, e))
        }
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &NeedForm, e: &FieldErrors, c: &Choices) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
    fn back(programme: ProgrammeId) -> String {
        plans_path(programme)
    }
    async fn back_to(s: &AppState, programme: ProgrammeId, id: NeedId) -> String {
        plan_page(s, programme, "need", id.0).await
    }
    async fn choices(s: &AppState, ctx: &Ctx, programme: ProgrammeId) -> Result<Choices, WebError> {
        plan_choices(s, ctx, programme).await
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        rejected_alone::<Self>(
            s,
            ctx,
            programme,
            rejected,
            status,
            ("plans", "plan-add-need"),
        )
        .await
    }
}

impl RecordUi for Goal {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/needs/{need}/goals";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/goals/{goal}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/goals/{goal}/delete";
    const SEGMENT: &'static str = "goals";
    const FORM: &'static str = "goal";
    const TITLE_KEY: &'static str = "plan-edit-goal";
    const CONFIRM_KEY: &'static str = "plan-confirm-delete-goal";

    fn new_form_id(parent: NeedId) -> String {
        format!("goal-{parent}")
    }
    fn fields(ctx: &Ctx, id: &str, f: &GoalForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! { (input(ctx, id, Field::new("title", "plan-field-goal", &f.title).required(), "text", e)) }
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &GoalForm, e: &FieldErrors, c: &Choices) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
    fn back(programme: ProgrammeId) -> String {
        plans_path(programme)
    }
    async fn back_to(s: &AppState, programme: ProgrammeId, id: GoalId) -> String {
        plan_page(s, programme, "goal", id.0).await
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        rejected_alone::<Self>(
            s,
            ctx,
            programme,
            rejected,
            status,
            ("needs", "plan-add-goal"),
        )
        .await
    }
}

impl RecordUi for PlanAction {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/goals/{goal}/actions";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/plan-actions/{action}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/plan-actions/{action}/delete";
    const SEGMENT: &'static str = "plan-actions";
    const FORM: &'static str = "action";
    const TITLE_KEY: &'static str = "plan-edit-action";
    const CONFIRM_KEY: &'static str = "plan-confirm-delete-action";

    fn new_form_id(parent: GoalId) -> String {
        format!("action-{parent}")
    }
    fn fields(ctx: &Ctx, id: &str, f: &ActionForm, e: &FieldErrors, c: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("title", "plan-field-action", &f.title).required(), "text", e))
            (input(ctx, id, Field::new("owner", "plan-field-owner", &f.owner).required().hint("plan-field-owner-hint"), "text", e))
            @if !c.partners.is_empty() {
                (checkboxes(ctx, id, ("partners", "plan-field-partners"), &c.partners, &f.partners, e))
            }
            (input(ctx, id, Field::new("due_on", "plan-field-due-on", &f.due_on).hint("field-date-hint"), "text", e))
            (select(ctx, id, Field::new("status", "plan-field-action-status", &f.status).required(), &enum_options(ctx, ActionStatus::ALL, "plan-action-status", ActionStatus::as_str), e))
            (input(ctx, id, Field::new("budget_line", "plan-field-budget-line", &f.budget_line), "text", e))
            @if !c.activities.is_empty() {
                (checkboxes(ctx, id, ("activities", "plan-field-activities"), &c.activities, &f.activities, e))
            }
        }
    }
    /// On the plan's page, one per goal: the action itself; partners and activities
    /// are linked on its edit page (the lists are long).
    fn new_fields(ctx: &Ctx, id: &str, f: &ActionForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("title", "plan-field-action", &f.title).required(), "text", e))
            (input(ctx, id, Field::new("owner", "plan-field-owner", &f.owner).required().hint("plan-field-owner-hint"), "text", e))
            (input(ctx, id, Field::new("due_on", "plan-field-due-on", &f.due_on).hint("field-date-hint"), "text", e))
            (select(ctx, id, Field::new("status", "plan-field-action-status", &f.status).required(), &enum_options(ctx, ActionStatus::ALL, "plan-action-status", ActionStatus::as_str), e))
            (input(ctx, id, Field::new("budget_line", "plan-field-budget-line", &f.budget_line), "text", e))
        }
    }
    fn back(programme: ProgrammeId) -> String {
        plans_path(programme)
    }
    async fn back_to(
        s: &AppState,
        programme: ProgrammeId,
        id: kozos_domain::PlanActionId,
    ) -> String {
        plan_page(s, programme, "action", id.0).await
    }
    async fn choices(s: &AppState, ctx: &Ctx, programme: ProgrammeId) -> Result<Choices, WebError> {
        plan_choices(s, ctx, programme).await
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        rejected_alone::<Self>(
            s,
            ctx,
            programme,
            rejected,
            status,
            ("goals", "plan-add-action"),
        )
        .await
    }
}

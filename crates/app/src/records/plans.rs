//! The action plan's levels as records of the programme: plans, their needs, goals and
//! actions. Links an action makes (partners, activities) and a need's finding (a question
//! of the programme's questionnaires) are checked to be the programme's own inside the
//! writing transaction. Adopting a renewal marks the version it renews as renewed.

use super::{invalid, Parent, Record};
use crate::{App, AppError, Result};
use kozos_db::{programmes, Conn, Saved};
use kozos_domain::plan::*;
use kozos_domain::policy::Action;
use kozos_domain::time::Instant;
use kozos_domain::*;

/// Held flags do not matter for a record's forms; a fixed instant keeps loads pure.
fn epoch() -> Instant {
    Instant::parse_stored("1970-01-01T00:00:00Z").expect("a valid instant")
}

async fn tree(
    conn: &mut Conn,
    programme: ProgrammeId,
    level: &str,
    id: i64,
) -> Result<Option<Plan>> {
    let Some(plan) = programmes::plan_of(conn, programme, level, id).await? else {
        return Ok(None);
    };
    Ok(programmes::plan(conn, programme, plan, epoch()).await?)
}

impl Record for Plan {
    const KIND: &'static str = "plan";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = PlanId;
    type Parent = ProgrammeId;
    type Form = PlanForm;
    type NewForm = PlanForm;
    type Input = PlanInput;
    type NewInput = PlanInput;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: PlanId) -> Result<Option<Self>> {
        Ok(programmes::plan(conn, programme, id, epoch()).await?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> PlanForm {
        PlanForm::from_plan(self)
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    fn removed_with(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for n in &self.needs {
            out.push(("need", n.title.clone()));
            for g in &n.goals {
                out.push(("goal", g.title.clone()));
                for a in &g.actions {
                    out.push(("plan_action", a.title.clone()));
                }
            }
        }
        out
    }
    async fn validate(app: &App, form: &PlanForm) -> Result<PlanInput> {
        invalid(form.validate(app.clock.today()))
    }
    async fn validate_new(app: &App, form: &PlanForm) -> Result<PlanInput> {
        invalid(form.validate(app.clock.today()))
    }
    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        input: &PlanInput,
    ) -> Result<i64> {
        Ok(programmes::insert_plan(conn, programme, input, None)
            .await?
            .0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: PlanId,
        input: &PlanInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        let saved = programmes::update_plan(conn, programme, id, input, version).await?;
        if saved == Saved::Done && input.status == PlanStatus::Adopted {
            if let Some(p) = programmes::plan(conn, programme, id, epoch()).await? {
                if let Some(prev) = p.previous_id {
                    programmes::mark_renewed(conn, programme, prev).await?;
                }
            }
        }
        Ok(saved)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: PlanId) -> Result<bool> {
        Ok(programmes::delete_plan(conn, programme, id).await?)
    }
}

impl Parent for PlanId {
    async fn belongs(conn: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(programmes::plan(conn, programme, parent, epoch())
            .await?
            .is_some())
    }
}
impl Parent for NeedId {
    async fn belongs(conn: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(programmes::plan_of(conn, programme, "need", parent.0)
            .await?
            .is_some())
    }
}
impl Parent for GoalId {
    async fn belongs(conn: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(programmes::plan_of(conn, programme, "goal", parent.0)
            .await?
            .is_some())
    }
}

async fn own_finding(conn: &mut Conn, programme: ProgrammeId, n: &NeedInput) -> Result<()> {
    if let Some(q) = n.finding {
        if !programmes::question_belongs(conn, programme, q).await? {
            return Err(AppError::invalid("finding", "err-choice"));
        }
    }
    Ok(())
}

impl Record for Need {
    const KIND: &'static str = "need";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = NeedId;
    type Parent = PlanId;
    type Form = NeedForm;
    type NewForm = NeedForm;
    type Input = NeedInput;
    type NewInput = NeedInput;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: NeedId) -> Result<Option<Self>> {
        Ok(tree(conn, programme, "need", id.0)
            .await?
            .and_then(|p| p.needs.into_iter().find(|n| n.id == id)))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> NeedForm {
        NeedForm::from_need(self)
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    async fn validate(_: &App, form: &NeedForm) -> Result<NeedInput> {
        invalid(form.validate())
    }
    async fn validate_new(_: &App, form: &NeedForm) -> Result<NeedInput> {
        invalid(form.validate())
    }
    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        plan: PlanId,
        input: &NeedInput,
    ) -> Result<i64> {
        own_finding(conn, programme, input).await?;
        Ok(programmes::insert_need(conn, plan, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: NeedId,
        input: &NeedInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        own_finding(conn, programme, input).await?;
        Ok(programmes::update_need(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: NeedId) -> Result<bool> {
        Ok(programmes::delete_need(conn, programme, id).await?)
    }
}

impl Record for Goal {
    const KIND: &'static str = "goal";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = GoalId;
    type Parent = NeedId;
    type Form = GoalForm;
    type NewForm = GoalForm;
    type Input = GoalInput;
    type NewInput = GoalInput;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: GoalId) -> Result<Option<Self>> {
        Ok(tree(conn, programme, "goal", id.0).await?.and_then(|p| {
            p.needs
                .into_iter()
                .flat_map(|n| n.goals)
                .find(|g| g.id == id)
        }))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> GoalForm {
        GoalForm::from_goal(self)
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    async fn validate(_: &App, form: &GoalForm) -> Result<GoalInput> {
        invalid(form.validate())
    }
    async fn validate_new(_: &App, form: &GoalForm) -> Result<GoalInput> {
        invalid(form.validate())
    }
    async fn insert(
        conn: &mut Conn,
        _: ProgrammeId,
        need: NeedId,
        input: &GoalInput,
    ) -> Result<i64> {
        Ok(programmes::insert_goal(conn, need, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: GoalId,
        input: &GoalInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        Ok(programmes::update_goal(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: GoalId) -> Result<bool> {
        Ok(programmes::delete_goal(conn, programme, id).await?)
    }
}

async fn own_links(conn: &mut Conn, programme: ProgrammeId, a: &ActionInput) -> Result<()> {
    let (partners, activities) = programmes::links_are_own(conn, programme, a).await?;
    let mut e = FieldErrors::new();
    if !partners {
        e.add("partners", "err-choice");
    }
    if !activities {
        e.add("activities", "err-choice");
    }
    e.into_result(()).map_err(AppError::Invalid)
}

impl Record for PlanAction {
    const KIND: &'static str = "plan_action";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = PlanActionId;
    type Parent = GoalId;
    type Form = ActionForm;
    type NewForm = ActionForm;
    type Input = ActionInput;
    type NewInput = ActionInput;

    async fn load(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: PlanActionId,
    ) -> Result<Option<Self>> {
        Ok(tree(conn, programme, "action", id.0).await?.and_then(|p| {
            p.needs
                .into_iter()
                .flat_map(|n| n.goals)
                .flat_map(|g| g.actions)
                .find(|a| a.id == id)
        }))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> ActionForm {
        ActionForm::from_action(self)
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    async fn validate(_: &App, form: &ActionForm) -> Result<ActionInput> {
        invalid(form.validate())
    }
    async fn validate_new(_: &App, form: &ActionForm) -> Result<ActionInput> {
        invalid(form.validate())
    }
    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        goal: GoalId,
        input: &ActionInput,
    ) -> Result<i64> {
        own_links(conn, programme, input).await?;
        Ok(programmes::insert_action(conn, goal, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: PlanActionId,
        input: &ActionInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        own_links(conn, programme, input).await?;
        Ok(programmes::update_action(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: PlanActionId) -> Result<bool> {
        Ok(programmes::delete_action(conn, programme, id).await?)
    }
}

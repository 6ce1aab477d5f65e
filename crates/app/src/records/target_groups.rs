//! The groups of people a programme is for, with their planned size.

use super::{invalid, Record};
use crate::{App, Result};
use kozos_db::{programmes, Conn, Saved};
use kozos_domain::policy::Action;
use kozos_domain::programme::*;
use kozos_domain::{ProgrammeId, TargetGroupId};

impl Record for TargetGroup {
    const KIND: &'static str = "target_group";
    const ACTION: Action = Action::ManageTargetGroups;
    type Id = TargetGroupId;
    type Parent = ProgrammeId;
    type Form = TargetGroupForm;
    type NewForm = TargetGroupForm;
    type Input = TargetGroupInput;
    type NewInput = TargetGroupInput;

    async fn load(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: TargetGroupId,
    ) -> Result<Option<Self>> {
        Ok(programmes::target_groups(&mut *conn, programme)
            .await?
            .into_iter()
            .find(|g| g.id == id))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> TargetGroupForm {
        TargetGroupForm::from_group(self)
    }
    fn label(&self) -> String {
        self.name.clone()
    }

    async fn validate(_: &App, form: &TargetGroupForm) -> Result<TargetGroupInput> {
        invalid(form.validate())
    }
    async fn validate_new(app: &App, form: &TargetGroupForm) -> Result<TargetGroupInput> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        input: &TargetGroupInput,
    ) -> Result<i64> {
        Ok(programmes::insert_target_group(conn, programme, input)
            .await?
            .0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: TargetGroupId,
        input: &TargetGroupInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        Ok(programmes::update_target_group(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: TargetGroupId) -> Result<bool> {
        Ok(programmes::delete_target_group(conn, programme, id).await?)
    }
}

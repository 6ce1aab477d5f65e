//! The people working on a programme, in their positions.

use super::{invalid, Record};
use crate::{App, Result};
use kozos_db::{programmes, Conn, Saved};
use kozos_domain::policy::Action;
use kozos_domain::programme::*;
use kozos_domain::{ProgrammeId, StaffId};

impl Record for StaffAssignment {
    const KIND: &'static str = "staff";
    const ACTION: Action = Action::ManageStaff;
    type Id = StaffId;
    type Parent = ProgrammeId;
    type Form = StaffForm;
    type NewForm = StaffForm;
    type Input = StaffInput;
    type NewInput = StaffInput;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: StaffId) -> Result<Option<Self>> {
        Ok(programmes::staff(&mut *conn, programme)
            .await?
            .into_iter()
            .find(|s| s.id == id))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> StaffForm {
        StaffForm::from_staff(self)
    }
    fn label(&self) -> String {
        self.name.clone()
    }

    async fn validate(_: &App, form: &StaffForm) -> Result<StaffInput> {
        invalid(form.validate())
    }
    async fn validate_new(app: &App, form: &StaffForm) -> Result<StaffInput> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        input: &StaffInput,
    ) -> Result<i64> {
        Ok(programmes::insert_staff(conn, programme, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: StaffId,
        input: &StaffInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        Ok(programmes::update_staff(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: StaffId) -> Result<bool> {
        Ok(programmes::delete_staff(conn, programme, id).await?)
    }
}

//! Action areas: the neighbourhoods or settlements a programme works in, named as the
//! grant documents name them, with the settlements they cover.

use super::{invalid, Record};
use crate::{App, AppError, Result};
use kozos_db::{places, programmes, Conn, Saved};
use kozos_domain::policy::Action;
use kozos_domain::programme::*;
use kozos_domain::{ActionAreaId, PlaceId, ProgrammeId};

/// An action area as it would be stored: typed settlement names resolved to places
/// (sorted, each once), so "Kisbér, Ászár" and "Ászár, Kisbér" are the same area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaInput {
    pub name: String,
    pub boundary: String,
    pub places: Vec<PlaceId>,
}

/// Resolve typed settlement names to places; an unknown or ambiguous name is reported.
async fn resolve(app: &App, names: &[String]) -> Result<Vec<PlaceId>> {
    let mut ids = Vec::new();
    for name in names {
        let found = places::settlements_named(&app.db, name).await?;
        match found.as_slice() {
            [one] => ids.push(one.id),
            [] => return Err(AppError::invalid("settlements", "err-unknown-settlement")),
            _ => return Err(AppError::invalid("settlements", "err-ambiguous-settlement")),
        }
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}

impl Record for ActionArea {
    const TOUCH: Option<kozos_db::indicators::Touch> =
        Some(kozos_db::indicators::Touch::Activities);
    const KIND: &'static str = "action_area";
    const ACTION: Action = Action::ManageActionAreas;
    type Id = ActionAreaId;
    type Parent = ProgrammeId;
    type Form = ActionAreaForm;
    type NewForm = ActionAreaForm;
    type Input = AreaInput;
    type NewInput = AreaInput;

    async fn load(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: ActionAreaId,
    ) -> Result<Option<Self>> {
        Ok(programmes::action_areas(&mut *conn, programme)
            .await?
            .into_iter()
            .find(|a| a.id == id))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> ActionAreaForm {
        ActionAreaForm::from_area(self)
    }
    fn label(&self) -> String {
        self.name.clone()
    }

    async fn validate(app: &App, form: &ActionAreaForm) -> Result<AreaInput> {
        let input = invalid(form.validate())?;
        Ok(AreaInput {
            places: resolve(app, &input.settlement_names).await?,
            name: input.name,
            boundary: input.boundary,
        })
    }
    async fn validate_new(app: &App, form: &ActionAreaForm) -> Result<AreaInput> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        a: &AreaInput,
    ) -> Result<i64> {
        let (id, _) = programmes::upsert_action_area(
            conn,
            programme,
            None,
            &a.name,
            &a.boundary,
            &a.places,
            None,
        )
        .await?;
        Ok(id.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: ActionAreaId,
        a: &AreaInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        let (_, saved) = programmes::upsert_action_area(
            conn,
            programme,
            Some(id),
            &a.name,
            &a.boundary,
            &a.places,
            version,
        )
        .await?;
        Ok(saved)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: ActionAreaId) -> Result<bool> {
        Ok(programmes::delete_action_area(conn, programme, id).await?)
    }
}

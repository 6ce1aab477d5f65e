//! Situation pictures as records of a programme. The questionnaires a picture draws on
//! are checked to be the programme's own in the writing transaction; marking one the
//! baseline unmarks the programme's other pictures in the same transaction.

use super::{invalid, Record};
use crate::{App, AppError, Result};
use kozos_db::{programmes, Conn, Saved};
use kozos_domain::plan::*;
use kozos_domain::policy::Action;
use kozos_domain::{PictureId, ProgrammeId};

async fn own_sources(conn: &mut Conn, programme: ProgrammeId, p: &PictureInput) -> Result<()> {
    for q in &p.sources {
        if !programmes::questionnaire_belongs(conn, programme, *q).await? {
            return Err(AppError::invalid("sources", "err-choice"));
        }
    }
    Ok(())
}

impl Record for SituationPicture {
    const KIND: &'static str = "situation_picture";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = PictureId;
    type Parent = ProgrammeId;
    type Form = PictureForm;
    type NewForm = PictureForm;
    type Input = PictureInput;
    type NewInput = PictureInput;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: PictureId) -> Result<Option<Self>> {
        Ok(programmes::pictures(conn, programme, Some(id)).await?.pop())
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> PictureForm {
        PictureForm::from_picture(self)
    }
    fn label(&self) -> String {
        format!("{} ({})", self.title, self.as_of)
    }
    async fn validate(app: &App, form: &PictureForm) -> Result<PictureInput> {
        invalid(form.validate(app.clock.today()))
    }
    async fn validate_new(app: &App, form: &PictureForm) -> Result<PictureInput> {
        invalid(form.validate(app.clock.today()))
    }
    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        input: &PictureInput,
    ) -> Result<i64> {
        own_sources(conn, programme, input).await?;
        Ok(programmes::insert_picture(conn, programme, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: PictureId,
        input: &PictureInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        own_sources(conn, programme, input).await?;
        Ok(programmes::update_picture(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: PictureId) -> Result<bool> {
        Ok(programmes::delete_picture(conn, programme, id).await?)
    }
}

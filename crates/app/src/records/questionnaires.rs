//! Questionnaires of a programme and their questions (the needs assessment's builder).
//!
//! The definition is checked as a whole in the writing transaction (conditions name an
//! earlier choice question and one of its options). Once a questionnaire has answers,
//! what would change their meaning is refused: its mode, a return to draft, a question's
//! type, scale or options going, deleting a question or the questionnaire. A label may
//! be corrected and options added: we freeze rather than version, since interview
//! sheets are typed in against the questions as they were asked, and a frozen
//! questionnaire keeps every stored answer comparable.

use super::{invalid, Record};
use crate::{App, AppError, Result};
use kozos_db::{programmes, Conn, Saved};
use kozos_domain::policy::Action;
use kozos_domain::survey::*;
use kozos_domain::{FieldErrors, ProgrammeId, QuestionId, QuestionnaireId};

fn refused(e: FieldErrors) -> AppError {
    AppError::Invalid(e)
}

impl Record for Questionnaire {
    const KIND: &'static str = "questionnaire";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = QuestionnaireId;
    type Parent = ProgrammeId;
    type Form = QuestionnaireForm;
    type NewForm = QuestionnaireForm;
    type Input = QuestionnaireInput;
    type NewInput = QuestionnaireInput;

    async fn load(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: QuestionnaireId,
    ) -> Result<Option<Self>> {
        Ok(programmes::questionnaire(conn, Some(programme), id).await?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> QuestionnaireForm {
        QuestionnaireForm::from_questionnaire(self)
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    fn removed_with(&self) -> Vec<(&'static str, String)> {
        self.questions
            .iter()
            .map(|q| ("question", q.label.clone()))
            .collect()
    }

    async fn validate(_: &App, form: &QuestionnaireForm) -> Result<QuestionnaireInput> {
        invalid(form.validate())
    }
    async fn validate_new(_: &App, form: &QuestionnaireForm) -> Result<QuestionnaireInput> {
        let mut input = invalid(form.validate())?;
        // a new questionnaire is built before anyone answers it
        input.status = SurveyStatus::Draft;
        Ok(input)
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        input: &QuestionnaireInput,
    ) -> Result<i64> {
        Ok(programmes::insert_questionnaire(conn, programme, input)
            .await?
            .0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: QuestionnaireId,
        input: &QuestionnaireInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        if let Some(stored) = programmes::questionnaire(conn, Some(programme), id).await? {
            if stored.responses > 0 {
                let mut e = FieldErrors::new();
                if stored.mode != input.mode {
                    e.add("mode", "err-survey-frozen-mode");
                }
                if input.status == SurveyStatus::Draft {
                    e.add("status", "err-survey-frozen-draft");
                }
                if !e.is_empty() {
                    return Err(refused(e));
                }
            }
        }
        Ok(programmes::update_questionnaire(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: QuestionnaireId) -> Result<bool> {
        match programmes::questionnaire(conn, Some(programme), id).await? {
            Some(q) if q.responses > 0 => Err(AppError::invalid("form", "err-survey-has-answers")),
            Some(_) => Ok(programmes::delete_questionnaire(conn, programme, id).await?),
            None => Ok(false),
        }
    }
}

impl super::Parent for QuestionnaireId {
    async fn belongs(conn: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(programmes::questionnaire_belongs(conn, programme, parent).await?)
    }
}

/// The questionnaire a question is in, with the other questions, read in the writing
/// transaction.
async fn around(
    conn: &mut Conn,
    programme: ProgrammeId,
    questionnaire: QuestionnaireId,
    except: Option<QuestionId>,
) -> Result<(Questionnaire, Vec<Question>)> {
    let q = programmes::questionnaire(conn, Some(programme), questionnaire)
        .await?
        .ok_or(AppError::NotFound)?;
    let others = q
        .questions
        .iter()
        .filter(|x| Some(x.id) != except)
        .cloned()
        .collect();
    Ok((q, others))
}

impl Record for Question {
    const KIND: &'static str = "question";
    const ACTION: Action = Action::ManageCommunityProcess;
    type Id = QuestionId;
    type Parent = QuestionnaireId;
    type Form = QuestionForm;
    type NewForm = QuestionForm;
    type Input = QuestionInput;
    type NewInput = QuestionInput;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: QuestionId) -> Result<Option<Self>> {
        Ok(programmes::question(conn, programme, id).await?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> QuestionForm {
        QuestionForm::from_question(self)
    }
    fn label(&self) -> String {
        self.label.clone()
    }

    async fn validate(_: &App, form: &QuestionForm) -> Result<QuestionInput> {
        invalid(form.validate())
    }
    async fn validate_new(_: &App, form: &QuestionForm) -> Result<QuestionInput> {
        invalid(form.validate())
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        parent: QuestionnaireId,
        input: &QuestionInput,
    ) -> Result<i64> {
        let (_, others) = around(conn, programme, parent, None).await?;
        let position = programmes::next_position(conn, parent).await?;
        check_definition(&others, None, position, input).map_err(refused)?;
        Ok(programmes::insert_question(conn, parent, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: QuestionId,
        input: &QuestionInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        let Some(stored) = programmes::question(conn, programme, id).await? else {
            return Ok(Saved::Missing);
        };
        let (q, others) = around(conn, programme, stored.questionnaire_id, Some(id)).await?;
        check_definition(&others, Some(id), stored.position, input).map_err(refused)?;
        if q.responses > 0 {
            check_change(&stored, input).map_err(refused)?;
        }
        Ok(programmes::update_question(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: QuestionId) -> Result<bool> {
        let Some(stored) = programmes::question(conn, programme, id).await? else {
            return Ok(false);
        };
        let (q, others) = around(conn, programme, stored.questionnaire_id, Some(id)).await?;
        if q.responses > 0 {
            return Err(AppError::invalid("form", "err-survey-has-answers"));
        }
        if others
            .iter()
            .any(|o| o.condition.as_ref().is_some_and(|c| c.question == id))
        {
            return Err(AppError::invalid("form", "err-survey-condition-used"));
        }
        Ok(programmes::delete_question(conn, programme, id).await?)
    }
}

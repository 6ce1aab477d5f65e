//! Needs assessment: answering a questionnaire (an interview typed in by staff or a
//! volunteer, or a resident on the public survey page) and reading its results.
//! Building questionnaires goes through the records path (`records/questionnaires.rs`).

mod results;

pub use kozos_db::programmes::Response as Sheet;
pub use results::*;

use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::programmes::{self as db, NewResponse};
use kozos_db::{audit, DbError};
use kozos_domain::policy::Action;
use kozos_domain::survey::*;
use kozos_domain::time::Date;
use kozos_domain::user::User;
use kozos_domain::validation::{optional_date, required_text};
use kozos_domain::{FieldErrors, ProgrammeId, QuestionnaireId, ResponseId};
use serde::{Deserialize, Serialize};

/// Why an answer sheet was refused: messages by field (interviewer, date) and by question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetRefused {
    pub fields: FieldErrors,
    pub answers: AnswerErrors,
}

/// What an interview sheet carries besides the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewForm {
    pub interviewer: String,
    pub interviewed_on: String,
}

/// A programme's questionnaires, for those who build them, read their results or type in
/// interviews.
pub async fn list(app: &App, user: &User, programme: ProgrammeId) -> Result<Vec<Questionnaire>> {
    if authorise(app, user, Action::ViewCommunityProcess, programme)
        .await
        .is_err()
    {
        authorise(app, user, Action::EnterResponses, programme).await?;
    }
    Ok(db::questionnaires(&app.db.pool, programme).await?)
}

/// A questionnaire with its questions, for a person who may read or answer it in the
/// back office.
pub async fn get(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: QuestionnaireId,
) -> Result<Questionnaire> {
    if authorise(app, user, Action::ViewCommunityProcess, programme)
        .await
        .is_err()
    {
        authorise(app, user, Action::EnterResponses, programme).await?;
    }
    load(app, Some(programme), id).await
}

/// An open interview questionnaire, for the person typing a sheet in.
pub async fn for_entry(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: QuestionnaireId,
) -> Result<Questionnaire> {
    authorise(app, user, Action::EnterResponses, programme).await?;
    let q = load(app, Some(programme), id).await?;
    if q.mode != SurveyMode::Interview || q.status != SurveyStatus::Open {
        return Err(AppError::NotFound);
    }
    Ok(q)
}

pub(crate) async fn load(
    app: &App,
    programme: Option<ProgrammeId>,
    id: QuestionnaireId,
) -> Result<Questionnaire> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::questionnaire(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The public survey page: a public questionnaire that is open or closed (a draft is
/// not there), and whether this signed-in person has answered it already.
pub async fn public(
    app: &App,
    user: Option<&User>,
    id: QuestionnaireId,
) -> Result<(Questionnaire, bool)> {
    let q = load(app, None, id).await?;
    if q.mode != SurveyMode::Public || q.status == SurveyStatus::Draft {
        return Err(AppError::NotFound);
    }
    let answered = match user {
        Some(u) => {
            let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
            db::existing_response(&mut conn, id, Some(u.id), None)
                .await?
                .is_some()
        }
        None => false,
    };
    Ok((q, answered))
}

/// A resident's answers on the public page, signed in (once) or anonymous (once per
/// form: the page's one-time key, so a resend or double click records one sheet).
/// `Ok(Err(_))`: refused, with messages by question; nothing is written.
pub async fn answer_public(
    app: &App,
    user: Option<&User>,
    id: QuestionnaireId,
    raw: &RawAnswers,
    once: Option<&str>,
) -> Result<std::result::Result<ResponseId, SheetRefused>> {
    let q = load(app, None, id).await?;
    if q.mode != SurveyMode::Public || q.status == SurveyStatus::Draft {
        return Err(AppError::NotFound);
    }
    if q.status != SurveyStatus::Open {
        return Err(AppError::invalid("form", "err-survey-closed"));
    }
    let answers = match validate(&q.questions, raw) {
        Ok(a) => a,
        Err(answers) => {
            return Ok(Err(SheetRefused {
                answers,
                ..Default::default()
            }))
        }
    };
    let new = NewResponse {
        questionnaire: id,
        user: user.map(|u| u.id),
        form_key: once.filter(|k| !k.is_empty() && k.len() <= 100),
        interviewer: None,
        interviewed_on: None,
        entered_by: user.map(|u| u.id),
        submitted_at: &app.now_text(),
    };
    store(app, user, &q, &new, &answers, "answer_survey")
        .await
        .map(Ok)
}

/// An interview's answer sheet typed in by staff or a volunteer of the programme.
pub async fn enter_interview(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: QuestionnaireId,
    form: &InterviewForm,
    raw: &RawAnswers,
    once: Option<&str>,
) -> Result<std::result::Result<ResponseId, SheetRefused>> {
    authorise(app, user, Action::EnterResponses, programme).await?;
    let q = load(app, Some(programme), id).await?;
    if q.mode != SurveyMode::Interview || q.status != SurveyStatus::Open {
        return Err(AppError::invalid("form", "err-survey-not-open"));
    }
    let mut fields = FieldErrors::new();
    let interviewer = required_text(&mut fields, "interviewer", &form.interviewer, 200);
    let on = optional_date(&mut fields, "interviewed_on", &form.interviewed_on);
    let on = check_day(&mut fields, on, &form.interviewed_on, app.clock.today());
    let answers = validate(&q.questions, raw);
    let (answers, on) = match (answers, on) {
        (Ok(a), Some(on)) if fields.is_empty() => (a, on),
        (a, _) => {
            return Ok(Err(SheetRefused {
                fields,
                answers: a.err().unwrap_or_default(),
            }))
        }
    };
    let new = NewResponse {
        questionnaire: id,
        user: None,
        form_key: once.filter(|k| !k.is_empty() && k.len() <= 100),
        interviewer: Some(&interviewer),
        interviewed_on: Some(on),
        entered_by: Some(user.id),
        submitted_at: &app.now_text(),
    };
    store(app, Some(user), &q, &new, &answers, "enter_interview")
        .await
        .map(Ok)
}

/// An interview's day: required, not in the future.
fn check_day(e: &mut FieldErrors, on: Option<Date>, typed: &str, today: Date) -> Option<Date> {
    match on {
        None if typed.trim().is_empty() => {
            e.add("interviewed_on", "err-required");
            None
        }
        Some(d) if d > today => {
            e.add("interviewed_on", "err-date-future");
            None
        }
        on => on,
    }
}

/// Write a sheet in one transaction with its audit entry. The same form sent again, or
/// a signed-in person answering a second time, writes nothing.
async fn store(
    app: &App,
    user: Option<&User>,
    q: &Questionnaire,
    new: &NewResponse<'_>,
    answers: &[Answer],
    action: &str,
) -> Result<ResponseId> {
    let mut tx = app.db.begin().await?;
    if new.form_key.is_some() {
        if let Some(prev) = db::existing_response(&mut tx, q.id, None, new.form_key).await? {
            return Ok(prev);
        }
    }
    if new.user.is_some()
        && db::existing_response(&mut tx, q.id, new.user, None)
            .await?
            .is_some()
    {
        return Err(AppError::invalid("form", "err-survey-answered-once"));
    }
    let id = match db::insert_response(&mut tx, new, answers).await {
        Ok(id) => id,
        Err(DbError::Unique(_)) => {
            return Err(AppError::invalid("form", "err-survey-answered-once"))
        }
        Err(e) => return Err(e.into()),
    };
    kozos_db::indicators::touch(
        &mut tx,
        q.programme_id,
        kozos_db::indicators::Touch::Responses,
    )
    .await?;
    audit::record(
        &mut tx,
        &app.now_text(),
        user.map(|u| u.id),
        action,
        "programme",
        Some(q.programme_id.0),
        &q.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

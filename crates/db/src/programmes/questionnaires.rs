//! A programme's questionnaires and their questions.

use super::owned::{QUESTIONNAIRES, QUESTIONS};
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::survey::*;
use kozos_domain::*;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor};

const SELECT: &str = "SELECT q.id, q.programme_id, q.title, q.intro, q.mode, q.status, q.version, \
    (SELECT COUNT(*) FROM survey_responses r WHERE r.questionnaire_id = q.id) AS responses \
    FROM questionnaires q";

fn from_row(r: &AnyRow) -> Result<Questionnaire, DbError> {
    Ok(Questionnaire {
        id: QuestionnaireId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        title: s(r, "title")?,
        intro: s(r, "intro")?,
        mode: e(r, "mode", SurveyMode::parse)?,
        status: e(r, "status", SurveyStatus::parse)?,
        questions: Vec::new(),
        responses: i(r, "responses")?,
        version: i(r, "version")?,
    })
}

fn question_row(r: &AnyRow) -> Result<Question, DbError> {
    let condition = match oi(r, "condition_question_id")? {
        Some(q) => Some(Condition {
            question: QuestionId(q),
            value: os(r, "condition_value")?.unwrap_or_default(),
        }),
        None => None,
    };
    let options = s(r, "options")?;
    Ok(Question {
        id: QuestionId(i(r, "id")?),
        questionnaire_id: QuestionnaireId(i(r, "questionnaire_id")?),
        position: i(r, "position")?,
        kind: e(r, "kind", QuestionKind::parse)?,
        label: s(r, "label")?,
        help: s(r, "help")?,
        required: i(r, "required")? != 0,
        options: options
            .lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        scale_min: oi(r, "scale_min")?,
        scale_max: oi(r, "scale_max")?,
        condition,
        version: i(r, "version")?,
    })
}

/// A programme's questionnaires (without their questions), newest first.
pub async fn questionnaires<'c>(
    ex: impl Executor<'c, Database = Any>,
    programme: ProgrammeId,
) -> Result<Vec<Questionnaire>, DbError> {
    let sql = format!("{SELECT} WHERE q.programme_id = $1 ORDER BY q.id DESC");
    let rows = sqlx::query(&sql).bind(programme.0).fetch_all(ex).await?;
    rows.iter().map(from_row).collect()
}

/// One questionnaire with its questions in order; `programme` confines it (ids from a URL
/// are hostile), `None` reads it wherever it is (the public survey page).
pub async fn questionnaire(
    conn: &mut Conn,
    programme: Option<ProgrammeId>,
    id: QuestionnaireId,
) -> Result<Option<Questionnaire>, DbError> {
    let sql = format!("{SELECT} WHERE q.id = $1 AND q.programme_id = COALESCE($2, q.programme_id)");
    let Some(row) = sqlx::query(&sql)
        .bind(id.0)
        .bind(programme.map(|p| p.0))
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let mut q = from_row(&row)?;
    q.questions = questions(&mut *conn, id).await?;
    Ok(Some(q))
}

pub async fn questions<'c>(
    ex: impl Executor<'c, Database = Any>,
    id: QuestionnaireId,
) -> Result<Vec<Question>, DbError> {
    let rows = sqlx::query(
        "SELECT id, questionnaire_id, position, kind, label, help, required, options, scale_min, \
         scale_max, condition_question_id, condition_value, version FROM survey_questions \
         WHERE questionnaire_id = $1 ORDER BY position, id",
    )
    .bind(id.0)
    .fetch_all(ex)
    .await?;
    rows.iter().map(question_row).collect()
}

pub async fn insert_questionnaire(
    conn: &mut Conn,
    programme: ProgrammeId,
    q: &QuestionnaireInput,
) -> Result<QuestionnaireId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaires (programme_id, title, intro, mode, status) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(programme.0)
    .bind(&q.title)
    .bind(&q.intro)
    .bind(q.mode.as_str())
    .bind(q.status.as_str())
    .fetch_one(&mut *conn)
    .await?;
    Ok(QuestionnaireId(id))
}

pub async fn update_questionnaire(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: QuestionnaireId,
    q: &QuestionnaireInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = QUESTIONNAIRES.update_sql(&["title", "intro", "mode", "status"]);
    let done = sqlx::query(&sql)
        .bind(&q.title)
        .bind(&q.intro)
        .bind(q.mode.as_str())
        .bind(q.status.as_str())
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    QUESTIONNAIRES
        .saved(conn, done.rows_affected(), id.0, programme)
        .await
}

/// Delete a questionnaire and its questions (the use case refuses one with answers).
pub async fn delete_questionnaire(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: QuestionnaireId,
) -> Result<bool, DbError> {
    sqlx::query(
        "DELETE FROM survey_questions WHERE questionnaire_id = $1 AND questionnaire_id IN \
         (SELECT id FROM questionnaires WHERE programme_id = $2)",
    )
    .bind(id.0)
    .bind(programme.0)
    .execute(&mut *conn)
    .await?;
    QUESTIONNAIRES.delete(conn, id.0, programme).await
}

/// Is this questionnaire part of this programme? (guards nested URLs)
pub async fn questionnaire_belongs(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: QuestionnaireId,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM questionnaires WHERE id = $1 AND programme_id = $2",
    )
    .bind(id.0)
    .bind(programme.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n == 1)
}

/// One question, only when its questionnaire is in `programme`.
pub async fn question(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: QuestionId,
) -> Result<Option<Question>, DbError> {
    let row = sqlx::query(
        "SELECT id, questionnaire_id, position, kind, label, help, required, options, scale_min, \
         scale_max, condition_question_id, condition_value, version FROM survey_questions \
         WHERE id = $1 AND questionnaire_id IN (SELECT id FROM questionnaires WHERE programme_id = $2)",
    )
    .bind(id.0)
    .bind(programme.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(question_row).transpose()
}

/// Append a question at the end of its questionnaire.
pub async fn insert_question(
    conn: &mut Conn,
    questionnaire: QuestionnaireId,
    q: &QuestionInput,
) -> Result<QuestionId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO survey_questions (questionnaire_id, position, kind, label, help, required, \
         options, scale_min, scale_max, condition_question_id, condition_value) VALUES ($1, \
         (SELECT COALESCE(MAX(position), 0) + 1 FROM survey_questions WHERE questionnaire_id = $1), \
         $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(questionnaire.0)
    .bind(q.kind.as_str())
    .bind(&q.label)
    .bind(&q.help)
    .bind(q.required as i64)
    .bind(q.options.join("\n"))
    .bind(q.scale_min)
    .bind(q.scale_max)
    .bind(q.condition.as_ref().map(|c| c.question.0))
    .bind(q.condition.as_ref().map(|c| c.value.clone()))
    .fetch_one(&mut *conn)
    .await?;
    Ok(QuestionId(id))
}

/// The position the next question of `questionnaire` takes.
pub async fn next_position(
    conn: &mut Conn,
    questionnaire: QuestionnaireId,
) -> Result<i64, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM survey_questions WHERE questionnaire_id = $1",
    )
    .bind(questionnaire.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

pub async fn update_question(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: QuestionId,
    q: &QuestionInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = QUESTIONS.update_sql(&[
        "kind",
        "label",
        "help",
        "required",
        "options",
        "scale_min",
        "scale_max",
        "condition_question_id",
        "condition_value",
    ]);
    let done = sqlx::query(&sql)
        .bind(q.kind.as_str())
        .bind(&q.label)
        .bind(&q.help)
        .bind(q.required as i64)
        .bind(q.options.join("\n"))
        .bind(q.scale_min)
        .bind(q.scale_max)
        .bind(q.condition.as_ref().map(|c| c.question.0))
        .bind(q.condition.as_ref().map(|c| c.value.clone()))
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    QUESTIONS
        .saved(conn, done.rows_affected(), id.0, programme)
        .await
}

pub async fn delete_question(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: QuestionId,
) -> Result<bool, DbError> {
    QUESTIONS.delete(conn, id.0, programme).await
}

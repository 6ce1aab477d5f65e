//! Answer sheets of a questionnaire and the reads its results are built from.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::survey::*;
use kozos_domain::time::Date;
use kozos_domain::*;
use sqlx::{Any, Executor};

/// Who answered and how the sheet came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResponse<'a> {
    pub questionnaire: QuestionnaireId,
    /// A signed-in resident answering the public survey (answers once).
    pub user: Option<UserId>,
    /// The one-time key of the form the sheet came from (a resend writes nothing).
    pub form_key: Option<&'a str>,
    pub interviewer: Option<&'a str>,
    pub interviewed_on: Option<Date>,
    pub entered_by: Option<UserId>,
    pub submitted_at: &'a str,
}

/// A stored answer sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub id: ResponseId,
    pub interviewer: Option<String>,
    pub interviewed_on: Option<Date>,
    pub submitted_at: String,
    pub signed_in: bool,
    pub answers: Vec<Answer>,
}

/// Store a sheet with its answers. A second sheet of the same user, or from the same
/// form, is refused by the unique indexes (`survey_responses_user`, `…_form`).
pub async fn insert_response(
    conn: &mut Conn,
    r: &NewResponse<'_>,
    answers: &[Answer],
) -> Result<ResponseId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO survey_responses (questionnaire_id, user_id, form_key, interviewer, \
         interviewed_on, entered_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(r.questionnaire.0)
    .bind(r.user.map(|u| u.0))
    .bind(r.form_key)
    .bind(r.interviewer)
    .bind(date_text(r.interviewed_on))
    .bind(r.entered_by.map(|u| u.0))
    .bind(r.submitted_at)
    .fetch_one(&mut *conn)
    .await?;
    for a in answers {
        for (pos, v) in a.values.iter().enumerate() {
            sqlx::query(
                "INSERT INTO survey_answers (response_id, question_id, position, value) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(a.question.0)
            .bind(pos as i64)
            .bind(v)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(ResponseId(id))
}

/// The sheet already stored for this user or this form key, if any.
pub async fn existing_response(
    conn: &mut Conn,
    questionnaire: QuestionnaireId,
    user: Option<UserId>,
    form_key: Option<&str>,
) -> Result<Option<ResponseId>, DbError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM survey_responses WHERE questionnaire_id = $1 AND \
         (user_id = $2 OR form_key = $3) ORDER BY id LIMIT 1",
    )
    .bind(questionnaire.0)
    .bind(user.map(|u| u.0))
    .bind(form_key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(ResponseId))
}

/// Sheets in the order they came in, with their answers; `limit`/`offset` page them.
pub async fn responses(
    conn: &mut Conn,
    questionnaire: QuestionnaireId,
    limit: i64,
    offset: i64,
) -> Result<Vec<Response>, DbError> {
    let rows = sqlx::query(
        "SELECT id, interviewer, interviewed_on, submitted_at, user_id FROM survey_responses \
         WHERE questionnaire_id = $1 ORDER BY id LIMIT $2 OFFSET $3",
    )
    .bind(questionnaire.0)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<Response> = rows
        .iter()
        .map(|r| {
            Ok(Response {
                id: ResponseId(i(r, "id")?),
                interviewer: os(r, "interviewer")?,
                interviewed_on: od(r, "interviewed_on")?,
                submitted_at: s(r, "submitted_at")?,
                signed_in: oi(r, "user_id")?.is_some(),
                answers: Vec::new(),
            })
        })
        .collect::<Result<_, DbError>>()?;
    let (Some(first), Some(last)) = (out.first().map(|r| r.id.0), out.last().map(|r| r.id.0))
    else {
        return Ok(out);
    };
    let rows = sqlx::query(
        "SELECT a.response_id, a.question_id, a.value FROM survey_answers a \
         JOIN survey_responses r ON r.id = a.response_id WHERE r.questionnaire_id = $1 \
         AND a.response_id BETWEEN $2 AND $3 ORDER BY a.response_id, a.question_id, a.position",
    )
    .bind(questionnaire.0)
    .bind(first)
    .bind(last)
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        let rid = ResponseId(i(r, "response_id")?);
        let q = QuestionId(i(r, "question_id")?);
        let Some(resp) = out.iter_mut().find(|x| x.id == rid) else {
            continue;
        };
        match resp.answers.last_mut() {
            Some(a) if a.question == q => a.values.push(s(r, "value")?),
            _ => resp.answers.push(Answer {
                question: q,
                values: vec![s(r, "value")?],
            }),
        }
    }
    Ok(out)
}

/// How many sheets gave each value to each question: (question, value, sheets).
pub async fn answer_counts<'c>(
    ex: impl Executor<'c, Database = Any>,
    questionnaire: QuestionnaireId,
) -> Result<Vec<(QuestionId, String, i64)>, DbError> {
    let rows = sqlx::query(
        "SELECT a.question_id, a.value, COUNT(*) AS n FROM survey_answers a \
         JOIN survey_responses r ON r.id = a.response_id WHERE r.questionnaire_id = $1 \
         GROUP BY a.question_id, a.value ORDER BY a.question_id, a.value",
    )
    .bind(questionnaire.0)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|r| Ok((QuestionId(i(r, "question_id")?), s(r, "value")?, i(r, "n")?)))
        .collect()
}

/// How many sheets answered each question at all.
pub async fn answered_counts<'c>(
    ex: impl Executor<'c, Database = Any>,
    questionnaire: QuestionnaireId,
) -> Result<Vec<(QuestionId, i64)>, DbError> {
    let rows = sqlx::query(
        "SELECT a.question_id, COUNT(DISTINCT a.response_id) AS n FROM survey_answers a \
         JOIN survey_responses r ON r.id = a.response_id WHERE r.questionnaire_id = $1 \
         GROUP BY a.question_id",
    )
    .bind(questionnaire.0)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|r| Ok((QuestionId(i(r, "question_id")?), i(r, "n")?)))
        .collect()
}

/// A free-text question's answers, newest first, paged.
pub async fn text_answers<'c>(
    ex: impl Executor<'c, Database = Any>,
    question: QuestionId,
    limit: i64,
    offset: i64,
) -> Result<Vec<String>, DbError> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT value FROM survey_answers WHERE question_id = $1 ORDER BY response_id DESC LIMIT $2 OFFSET $3",
    )
    .bind(question.0)
    .bind(limit)
    .bind(offset)
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

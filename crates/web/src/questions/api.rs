//! `GET /api/v1/questions` and `/api/v1/questions/{id}`: published questions to the
//! experts with their answers (a question waiting for moderation or refused does not
//! exist here; an asker's e-mail address never does).

use super::forms::ListQuery;
use crate::api::{ApiError, ApiErrorBody, ApiLang, ApiPath, ApiQuery};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kozos_app::questions as uc;
use kozos_domain::community::questions::{ExpertAnswer, ExpertQuestion};
use kozos_domain::ExpertQuestionId;
use serde::Serialize;
use utoipa::ToSchema;

/// A published question as anyone sees it.
#[derive(Serialize, ToSchema)]
pub struct QuestionDto {
    pub id: i64,
    pub title: String,
    /// The question as its asker typed it (plain text).
    pub body: String,
    /// The programme whose experts were asked; none: the whole network.
    pub programme_id: Option<i64>,
    pub programme_title: Option<String>,
    pub settlement: Option<String>,
    pub tags: Vec<String>,
    /// The asker's display name.
    pub asked_by: String,
    /// When it was published (RFC 3339, UTC).
    pub published_at: Option<String>,
    /// When it was first answered (RFC 3339, UTC); none while it has no answer.
    pub answered_at: Option<String>,
    pub answers: Vec<AnswerDto>,
}

/// An expert's answer.
#[derive(Serialize, ToSchema)]
pub struct AnswerDto {
    pub id: i64,
    /// Markdown.
    pub body: String,
    /// The expert's name.
    pub author: String,
    /// The role they answered in: mentor, community_developer, coordinator,
    /// project_manager, national_coordinator or administrator.
    pub role: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// When it was last edited (RFC 3339, UTC), if it was.
    pub edited_at: Option<String>,
}

/// A page of questions.
#[derive(Serialize, ToSchema)]
pub struct QuestionPageDto {
    /// Questions matching, on every page.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub questions: Vec<QuestionDto>,
}

fn dto(q: &ExpertQuestion, answers: &[ExpertAnswer]) -> QuestionDto {
    QuestionDto {
        id: q.id.0,
        title: q.title.clone(),
        body: q.body.clone(),
        programme_id: q.programme_id.map(|p| p.0),
        programme_title: q.programme_title.clone(),
        settlement: q.place_name.clone(),
        tags: q.tags.clone(),
        asked_by: q.asker_name.clone(),
        published_at: q.published_at.clone(),
        answered_at: q.answered_at.clone(),
        answers: answers
            .iter()
            .map(|a| AnswerDto {
                id: a.id.0,
                body: a.body.clone(),
                author: a.author_name.clone(),
                role: a.author_role.as_str().into(),
                created_at: a.created_at.clone(),
                edited_at: a.edited_at.clone(),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/questions", params(ListQuery),
    responses((status = 200, body = QuestionPageDto, description = "Published questions with their answers, answered ones first unless `order=newest`."),
        (status = 400, body = ApiErrorBody, description = "A programme, tag, answered, order or page value that does not parse (a tag is at most 40 characters, without commas; a page is 1 to 1000)."),
        (status = 404, body = ApiErrorBody, description = "A programme filter naming no programme.")))]
pub async fn list(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<QuestionPageDto>, ApiError> {
    let a = q.asked().map_err(|_| ApiError::bad_query(lang.0))?;
    let (items, total) = uc::public_list_answered(&s.app, a.filter(), a.page)
        .await
        .map_err(lang.err())?;
    Ok(Json(QuestionPageDto {
        total,
        page: a.page,
        pages: ((total + uc::PER_PAGE - 1) / uc::PER_PAGE).max(1),
        questions: items.iter().map(|(q, answers)| dto(q, answers)).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/questions/{id}", params(("id" = i64, Path, description = "The question's id")),
    responses((status = 200, body = QuestionDto, description = "A published question with its answers, oldest first."),
        (status = 404, body = ApiErrorBody, description = "No published question with this id (or an id that is not one).")))]
pub async fn show(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<QuestionDto>, ApiError> {
    let (q, answers) = uc::public_question(&s.app, ExpertQuestionId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(dto(&q, &answers)))
}

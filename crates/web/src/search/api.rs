//! `GET /api/v1/search`: the search page's results as JSON, with the same visibility
//! (public records for anyone; internal ones in scope for a staff token).

use super::params::SearchParams;
use super::views::hit_href;
use crate::api::{ApiError, ApiErrorBody, ApiLang, ApiQuery, MaybeApiUser};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kozos_domain::search::Segment;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct SearchResultsDto {
    /// The words searched for, as understood (stopwords dropped); empty: nothing to find.
    pub words: Vec<String>,
    /// Results with every filter.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// Results by kind, with every filter but the kind.
    pub kinds: Vec<KindCountDto>,
    pub results: Vec<SearchHitDto>,
}

#[derive(Serialize, ToSchema)]
pub struct KindCountDto {
    pub kind: String,
    pub count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SearchHitDto {
    /// `programme`, `activity`, `memo`, `plan`, `initiative`, `practice`, `publication`,
    /// `video`, `study`, `question`.
    pub kind: String,
    /// The record's id among its kind.
    pub id: i64,
    pub title: String,
    /// The path of its page on this site.
    pub path: String,
    pub programme_id: Option<i64>,
    pub programme_title: Option<String>,
    pub place_id: Option<i64>,
    pub place_name: Option<String>,
    /// `YYYY-MM-DD`, the day it is about.
    pub date: Option<String>,
    /// `false`: an internal record, shown because the token's grants cover it.
    pub public: bool,
    /// The title and the best passage, in runs; `match` marks the words that matched.
    pub title_marked: Vec<SegmentDto>,
    pub snippet: Vec<SegmentDto>,
}

#[derive(Serialize, ToSchema)]
pub struct SegmentDto {
    pub text: String,
    #[serde(rename = "match")]
    pub hit: bool,
}

fn runs(s: Vec<Segment>) -> Vec<SegmentDto> {
    s.into_iter()
        .map(|s| SegmentDto {
            text: s.text,
            hit: s.hit,
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/search", params(SearchParams), security((), ("bearer" = [])),
    responses((status = 200, body = SearchResultsDto, description = "Public records for anyone; with a staff token also the internal records its grants cover."),
        (status = 400, body = ApiErrorBody, description = "A kind, id or page that does not parse."),
        (status = 401, body = ApiErrorBody, description = "A token that is not valid."),
        (status = 404, body = ApiErrorBody, description = "A programme or place filter that does not exist.")))]
pub async fn search(
    State(s): State<AppState>,
    lang: ApiLang,
    MaybeApiUser(user): MaybeApiUser,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> Result<Json<SearchResultsDto>, ApiError> {
    let req = params.request().map_err(|_| ApiError::bad_query(lang.0))?;
    let r = kozos_app::search::search(&s.app, user.as_ref(), &req).await?;
    let results = r
        .results
        .iter()
        .map(|e| {
            let h = &e.hit;
            SearchHitDto {
                kind: h.kind.as_str().into(),
                id: h.ref_id,
                title: h.title.clone(),
                path: hit_href(h),
                programme_id: h.programme.map(|p| p.0),
                programme_title: e.programme_title.clone(),
                place_id: h.place.map(|p| p.0),
                place_name: e.place_name.clone(),
                date: h.dated.map(|d| d.stored()),
                public: h.public,
                title_marked: runs(kozos_domain::search::highlight(&h.title, &r.query)),
                snippet: runs(kozos_domain::search::snippet(&h.body, &r.query, 30)),
            }
        })
        .collect();
    Ok(Json(SearchResultsDto {
        words: r.query.words.iter().map(|w| w.text.clone()).collect(),
        total: r.total,
        page: r.page,
        pages: r.pages,
        kinds: r
            .kinds
            .iter()
            .map(|(k, n)| KindCountDto {
                kind: k.as_str().into(),
                count: *n,
            })
            .collect(),
        results,
    }))
}

//! Path and query extractors for pages. axum's own answer a malformed id
//! (`/programmes/abc`, an id beyond 64 bits) or parameter with a plain-text English 400;
//! these answer with the translated page: 404 for an id that cannot name a record, 400
//! for a query parameter that does not parse.

use crate::error::WebError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// Ids from the URL path; anything that does not parse is a page that does not exist.
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Path(v)),
            Err(_) => Err(WebError::not_found(crate::ctx::lang_of(&parts.headers))),
        }
    }
}

/// Query parameters; a value that does not parse is a bad request.
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(_) => Err(WebError::bad_request(crate::ctx::lang_of(&parts.headers))),
        }
    }
}

/// An id from a form field (a hidden input, a list's choice): a positive whole number, or
/// nothing. What it names is checked by the use case.
pub fn form_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

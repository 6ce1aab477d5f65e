//! Typed nested paths: `/…/programmes/{id}/partners/{partner}/…` parsed into a
//! programme id and the record's typed id, answered with the translated 404 (a page, or
//! JSON under `/api/`) unless the record is in that programme. A URL naming another
//! programme's record is therefore a 404 whoever asks, before any handler runs.

use crate::api::ApiError;
use crate::error::WebError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use kozos_app::records::{self, Record};
use kozos_domain::{ActivityId, PartnerId, ProgrammeId};
use std::marker::PhantomData;

/// The ids in a path, in order; `None` when one is not a positive 64-bit number.
async fn ids(parts: &mut Parts, s: &AppState) -> Option<Vec<i64>> {
    let axum::extract::Path(pairs) =
        axum::extract::Path::<Vec<(String, String)>>::from_request_parts(parts, s)
            .await
            .ok()?;
    pairs
        .iter()
        .map(|(_, v)| v.parse::<i64>().ok().filter(|n| *n > 0))
        .collect()
}

/// How a parent is named in a path after the programme id.
pub trait ParentIds: Sized {
    fn from_ids(programme: ProgrammeId, rest: &[i64]) -> Option<Self>;
}

impl ParentIds for ProgrammeId {
    fn from_ids(programme: ProgrammeId, rest: &[i64]) -> Option<Self> {
        rest.is_empty().then_some(programme)
    }
}

impl ParentIds for PartnerId {
    fn from_ids(_: ProgrammeId, rest: &[i64]) -> Option<Self> {
        match rest {
            [p] => Some(PartnerId(*p)),
            _ => None,
        }
    }
}

impl ParentIds for ActivityId {
    fn from_ids(_: ProgrammeId, rest: &[i64]) -> Option<Self> {
        match rest {
            [a] => Some(ActivityId(*a)),
            _ => None,
        }
    }
}

/// `{id}/…/{record}`: a record of kind `K` that is in programme `id`.
pub struct At<K: Record> {
    pub programme: ProgrammeId,
    pub id: K::Id,
    kind: PhantomData<K>,
}

async fn record_at<K: Record>(parts: &mut Parts, s: &AppState) -> Option<At<K>> {
    let [programme, id] = ids(parts, s).await?[..] else {
        return None;
    };
    let (programme, id) = (ProgrammeId(programme), K::Id::from(id));
    // A storage failure here is not the person's fault, but answering 404 would hide it:
    // let the use case that follows meet and report it.
    match records::exists::<K>(&s.app, programme, id).await {
        Ok(false) => None,
        _ => Some(At {
            programme,
            id,
            kind: PhantomData,
        }),
    }
}

impl<K: Record> FromRequestParts<AppState> for At<K> {
    type Rejection = WebError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebError> {
        let lang = crate::ctx::lang_of(&parts.headers);
        record_at(parts, s)
            .await
            .ok_or_else(|| WebError::not_found(lang))
    }
}

/// The same, for the API (a JSON 404).
pub struct ApiAt<K: Record>(pub At<K>);

impl<K: Record> FromRequestParts<AppState> for ApiAt<K> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, ApiError> {
        let lang = crate::api::lang_of(&parts.headers);
        record_at(parts, s)
            .await
            .map(ApiAt)
            .ok_or_else(|| ApiError::not_found_in(lang))
    }
}

/// `{id}` or `{id}/…/{parent}`: where a new record of kind `K` goes. Whether the parent
/// is in the programme is checked by the creating use case, in its transaction.
pub struct Under<K: Record> {
    pub programme: ProgrammeId,
    pub parent: K::Parent,
}

async fn under<K: Record>(parts: &mut Parts, s: &AppState) -> Option<Under<K>>
where
    K::Parent: ParentIds,
{
    let ids = ids(parts, s).await?;
    let (first, rest) = ids.split_first()?;
    let programme = ProgrammeId(*first);
    Some(Under {
        programme,
        parent: K::Parent::from_ids(programme, rest)?,
    })
}

impl<K: Record> FromRequestParts<AppState> for Under<K>
where
    K::Parent: ParentIds,
{
    type Rejection = WebError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebError> {
        let lang = crate::ctx::lang_of(&parts.headers);
        under(parts, s)
            .await
            .ok_or_else(|| WebError::not_found(lang))
    }
}

pub struct ApiUnder<K: Record>(pub Under<K>);

impl<K: Record> FromRequestParts<AppState> for ApiUnder<K>
where
    K::Parent: ParentIds,
{
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, ApiError> {
        let lang = crate::api::lang_of(&parts.headers);
        under(parts, s)
            .await
            .map(ApiUnder)
            .ok_or_else(|| ApiError::not_found_in(lang))
    }
}

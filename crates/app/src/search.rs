//! Searching everything public, and for staff the internal records of the programmes
//! their grants cover: the index (`kozos_db::search`) is read in the request, so what
//! any instance committed is found at once.

use crate::{App, AppError, Result};
pub use kozos_db::search::Hit;
use kozos_db::search::{self, Found, Visible, Where};
use kozos_db::{places, programmes};
use kozos_domain::policy::{allows, allows_somewhere, Action};
use kozos_domain::search::{DocKind, Query};
use kozos_domain::user::{Scope, User};
use kozos_domain::{PlaceId, ProgrammeId};
use std::collections::HashMap;

pub const PER_PAGE: i64 = 20;
/// Pages beyond this are not served: nobody reads them, and deep offsets cost.
pub const MAX_PAGE: i64 = 50;

/// What the reader asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub q: String,
    pub kind: Option<DocKind>,
    pub programme: Option<ProgrammeId>,
    pub place: Option<PlaceId>,
    /// From 1.
    pub page: i64,
}

/// A result with the names its filters and links need.
#[derive(Debug, Clone)]
pub struct Entry {
    pub hit: Hit,
    pub programme_title: Option<String>,
    pub place_name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub query: Query,
    pub results: Vec<Entry>,
    pub total: i64,
    pub kinds: Vec<(DocKind, i64)>,
    pub page: i64,
    pub pages: i64,
    /// The names of the chosen filters, to show and remove them.
    pub programme_title: Option<String>,
    pub place_name: Option<String>,
    /// Did the reader's grants add internal records?
    pub staff: bool,
}

async fn visible(app: &App, user: Option<&User>) -> Result<Visible> {
    let Some(user) = user else {
        return Ok(Visible::Public);
    };
    if !allows_somewhere(&user.grants, Action::ViewBackOffice) {
        return Ok(Visible::Public);
    }
    let country = user.grants.iter().any(|g| {
        g.scope == Scope::Country
            && kozos_domain::policy::role_allows(g.role, Action::ViewBackOffice)
    });
    if country {
        return Ok(Visible::Everything);
    }
    let targets = programmes::all_targets(&app.db).await?;
    let mut ids: Vec<ProgrammeId> = targets
        .into_iter()
        .filter(|(_, t)| allows(&user.grants, Action::ViewBackOffice, t))
        .map(|(id, _)| id)
        .collect();
    ids.sort();
    Ok(Visible::Programmes(ids))
}

pub async fn search(app: &App, user: Option<&User>, req: &Request) -> Result<Results> {
    let text = crate::catalogue::search_text(Some(&req.q)).unwrap_or_default();
    let query = Query::parse(&text);
    let page = req.page.clamp(1, MAX_PAGE);
    let visible = visible(app, user).await?;
    let places = match req.place {
        None => Vec::new(),
        Some(p) => {
            let mut ids = vec![p];
            ids.extend(
                places::children(&app.db, Some(p))
                    .await?
                    .iter()
                    .map(|c| c.id),
            );
            ids
        }
    };
    let filter = Where {
        kind: req.kind,
        programme: req.programme,
        places,
    };
    let found: Found = if query.is_empty() {
        Found::default()
    } else {
        let mut conn = app
            .db
            .pool
            .acquire()
            .await
            .map_err(kozos_db::DbError::from)?;
        search::find(
            &mut conn,
            &query,
            &visible,
            &filter,
            PER_PAGE,
            (page - 1) * PER_PAGE,
        )
        .await?
    };
    let mut programme_ids: Vec<ProgrammeId> =
        found.hits.iter().filter_map(|h| h.programme).collect();
    programme_ids.extend(req.programme);
    programme_ids.sort();
    programme_ids.dedup();
    let mut place_ids: Vec<PlaceId> = found.hits.iter().filter_map(|h| h.place).collect();
    place_ids.extend(req.place);
    place_ids.sort();
    place_ids.dedup();
    let titles: HashMap<ProgrammeId, String> = programmes::titles(&app.db, &programme_ids)
        .await?
        .into_iter()
        .collect();
    let names: HashMap<PlaceId, String> = places::names(&app.db, &place_ids)
        .await?
        .into_iter()
        .collect();
    let staff = visible != Visible::Public;
    let pages = ((found.total + PER_PAGE - 1) / PER_PAGE).min(MAX_PAGE);
    Ok(Results {
        results: found
            .hits
            .into_iter()
            .map(|hit| Entry {
                programme_title: hit.programme.and_then(|p| titles.get(&p).cloned()),
                place_name: hit.place.and_then(|p| names.get(&p).cloned()),
                hit,
            })
            .collect(),
        total: found.total,
        kinds: found.kinds,
        page,
        pages,
        programme_title: req.programme.and_then(|p| titles.get(&p).cloned()),
        place_name: req.place.and_then(|p| names.get(&p).cloned()),
        query,
        staff,
    })
    .and_then(|r| {
        // A filter naming nothing that exists is a bad link, not an empty result.
        if (req.programme.is_some() && r.programme_title.is_none())
            || (req.place.is_some() && r.place_name.is_none())
        {
            Err(AppError::NotFound)
        } else {
            Ok(r)
        }
    })
}

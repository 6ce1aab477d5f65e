//! Searching everything public, for staff the internal records of the programmes their
//! grants cover, and for moderators the questions waiting in their scope: the index (`kozos_db::search`) is read in the request, so what
//! any instance committed is found at once.

use crate::{App, AppError, Result};
pub use kozos_db::search::Hit;
use kozos_db::search::{self, Found, Sight, Visible, Where};
use kozos_db::{places, programmes};
use kozos_domain::policy::{allows_somewhere, Action};
use kozos_domain::search::{DocKind, Query};
use kozos_domain::user::User;
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

/// What, beyond public records, a grant lets the reader find for `action`.
async fn visible(app: &App, user: Option<&User>, action: Action) -> Result<Visible> {
    let Some(user) = user else {
        return Ok(Visible::Public);
    };
    if !allows_somewhere(&user.grants, action) {
        return Ok(Visible::Public);
    }
    Ok(match crate::programmes::covered(app, user, action).await? {
        None => Visible::Everything,
        Some(ids) => Visible::Programmes(ids),
    })
}

/// Internal records for those who read the back office; questions waiting for
/// moderation for their moderators.
async fn sight(app: &App, user: Option<&User>) -> Result<Sight> {
    Ok(Sight {
        internal: visible(app, user, Action::ViewBackOffice).await?,
        held: visible(app, user, Action::ModerateQuestions).await?,
    })
}

pub async fn search(app: &App, user: Option<&User>, req: &Request) -> Result<Results> {
    let text = crate::catalogue::search_text(Some(&req.q)).unwrap_or_default();
    let query = Query::parse(&text);
    let page = req.page.clamp(1, MAX_PAGE);
    let sight = sight(app, user).await?;
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
            &sight,
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
    let staff = sight != Sight::public();
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

//! What anyone may read: the programmes and their public pages.

use crate::{App, AppError, Result};
use kozos_db::{organisations, places, programmes};
use kozos_domain::organisation::Organisation;
use kozos_domain::place::{Place, PlaceKind};
use kozos_domain::programme::*;
use kozos_domain::text::hu_cmp;
use kozos_domain::{OrganisationId, PlaceId, ProgrammeId};
use std::sync::Arc;

/// A programme's public page: the publicity block, partners with their agreements,
/// action areas and target groups.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProgrammePage {
    pub programme: Programme,
    /// County › district › settlement of the programme's place, for context.
    pub place_path: Vec<String>,
    pub partners: Vec<Partner>,
    pub action_areas: Vec<ActionArea>,
    pub target_groups: Vec<TargetGroup>,
    /// Its most recently answered questions to the experts (titles and dates only: what
    /// the page shows belongs to the programme's cache scope).
    pub questions: Vec<kozos_domain::community::questions::ExpertQuestion>,
}

/// A search box's text as a query: control characters (a NUL byte, which PostgreSQL
/// refuses in text) are dropped and the length bounded; `%` and `_` are matched literally
/// by the storage layer.
pub(crate) fn search_text(q: Option<&str>) -> Option<String> {
    q.map(|q| {
        q.chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect::<String>()
    })
}

pub async fn search_programmes(app: &App, q: Option<&str>) -> Result<Vec<Programme>> {
    let q = search_text(q);
    let mut list = programmes::search(&app.db, q.as_deref()).await?;
    list.sort_by(|a, b| hu_cmp(&a.title, &b.title));
    Ok(list)
}

/// A programme's page, from this instance's cache while nothing it shows was written
/// (see `cache.rs`: never older than a commit made before the call).
pub async fn programme_page(app: &App, id: ProgrammeId) -> Result<Arc<ProgrammePage>> {
    app.pages.get(&Stored(app), id).await
}

/// The database as the page cache reads it.
struct Stored<'a>(&'a App);

impl crate::cache::Source for Stored<'_> {
    async fn versions(&self, scopes: &[String]) -> Result<i64> {
        use kozos_db::cache_versions::{reader, sum, sum_on};
        let db = &self.0.db;
        // Checks of different pages may overlap: the one that finds the reader busy, or
        // broken, reads through the pool.
        if let Ok(mut conn) = self.0.pages.reader.try_lock() {
            if conn.is_none() {
                *conn = reader(db).await.ok();
            }
            if let Some(c) = conn.as_mut() {
                match sum_on(c, scopes).await {
                    Ok(v) => return Ok(v),
                    Err(_) => *conn = None,
                }
            }
        }
        Ok(sum(db, scopes).await?)
    }
    async fn load(&self, id: ProgrammeId) -> Result<ProgrammePage> {
        load_programme_page(self.0, id).await
    }
}

async fn load_programme_page(app: &App, id: ProgrammeId) -> Result<ProgrammePage> {
    let programme = programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let place_path = match programme.place_id {
        Some(pid) => match places::get(&app.db, pid).await? {
            Some(p) => places::names(&app.db, &p.lineage[1.min(p.lineage.len())..])
                .await?
                .into_iter()
                .map(|(_, n)| n)
                .collect(),
            None => vec![],
        },
        None => vec![],
    };
    Ok(ProgrammePage {
        place_path,
        partners: programmes::partners(&app.db.pool, id).await?,
        action_areas: programmes::action_areas(&app.db.pool, id).await?,
        target_groups: programmes::target_groups(&app.db.pool, id).await?,
        questions: crate::questions::answered_of(app, id, 5).await?,
        programme,
    })
}

pub async fn organisations(app: &App, q: Option<&str>) -> Result<Vec<Organisation>> {
    let q = search_text(q);
    let mut list = organisations::list(&app.db, q.as_deref()).await?;
    list.sort_by(|a, b| hu_cmp(&a.name, &b.name));
    Ok(list)
}

pub async fn organisation(app: &App, id: OrganisationId) -> Result<Organisation> {
    organisations::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Children of a place (the counties when `parent` is `None`, under the country).
pub async fn place_children(app: &App, parent: Option<PlaceId>) -> Result<Vec<Place>> {
    if let Some(p) = parent {
        places::get(&app.db, p).await?.ok_or(AppError::NotFound)?;
    }
    let mut list = places::children(&app.db, parent).await?;
    list.sort_by(|a, b| hu_cmp(&a.name, &b.name));
    Ok(list)
}

pub async fn place(app: &App, id: PlaceId) -> Result<Place> {
    places::get(&app.db, id).await?.ok_or(AppError::NotFound)
}

/// Settlements for pick lists.
pub async fn settlements(app: &App) -> Result<Vec<Place>> {
    let mut list = places::of_kind(&app.db, PlaceKind::Settlement).await?;
    list.sort_by(|a, b| hu_cmp(&a.name, &b.name));
    Ok(list)
}

/// Settlements and then settlement parts, for the pick list of where an organisation is
/// (both are allowed there, so the form offers both).
pub async fn settlements_and_parts(app: &App) -> Result<Vec<Place>> {
    let mut list = settlements(app).await?;
    let mut parts = places::of_kind(&app.db, PlaceKind::SettlementPart).await?;
    parts.sort_by(|a, b| hu_cmp(&a.name, &b.name));
    list.extend(parts);
    Ok(list)
}

/// The attribution to show when an official gazetteer was imported.
pub async fn gazetteer_attribution(app: &App) -> Result<Option<String>> {
    Ok(kozos_db::settings::get(&app.db, crate::gazetteer::ATTRIBUTION_KEY).await?)
}

/// The places of a lineage, from the country down (for breadcrumbs).
pub async fn lineage_places(app: &App, lineage: &[PlaceId]) -> Result<Vec<Place>> {
    let mut out = Vec::with_capacity(lineage.len());
    for id in lineage {
        out.push(place(app, *id).await?);
    }
    Ok(out)
}

/// What a grant on this place covers (the place and everything under it).
pub async fn place_target(app: &App, id: PlaceId) -> Result<kozos_domain::policy::Target> {
    let p = place(app, id).await?;
    Ok(kozos_domain::policy::Target {
        places: p.lineage,
        ..Default::default()
    })
}

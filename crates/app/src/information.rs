//! The Information Point: what a programme (or a settlement) has published — memos of
//! its conversations and forums today, plans and the library's items as they come —
//! newest first, for anyone, and as a feed. Read in the request: a memo published
//! through any instance is listed at once.

use crate::{App, AppError, Result};
use kozos_db::information::{self, Scope};
pub use kozos_db::information::{BoardRow, Entry, MemoContext};
use kozos_db::programmes::activities as activities_db;
use kozos_db::programmes::memos;
use kozos_db::{places, programmes, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::community::memo::{has_memo, Memo};
use kozos_domain::place::PlaceKind;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::{ActivityId, MemoId, PlaceId, ProgrammeId};
use std::collections::HashMap;

pub const PER_PAGE: i64 = 20;

/// A page of an Information Point.
#[derive(Debug, Clone)]
pub struct Point {
    /// The programme's title or the settlement's name.
    pub title: String,
    pub entries: Vec<Entry>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// Names of the places the entries are at.
    pub place_names: HashMap<PlaceId, String>,
}

async fn point(app: &App, title: String, scope: Scope, page: i64) -> Result<Point> {
    let page = page.max(1);
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let (entries, total) =
        information::entries(&mut conn, &scope, PER_PAGE, (page - 1) * PER_PAGE).await?;
    drop(conn);
    let mut ids: Vec<PlaceId> = entries.iter().filter_map(|e| e.place_id).collect();
    ids.sort();
    ids.dedup();
    let place_names = places::names(&app.db, &ids).await?.into_iter().collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    if page > pages {
        return Err(AppError::NotFound);
    }
    Ok(Point {
        title,
        entries,
        total,
        page,
        pages,
        place_names,
    })
}

/// A programme's Information Point.
pub async fn programme_point(app: &App, id: ProgrammeId, page: i64) -> Result<Point> {
    let p = programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    point(app, p.title, Scope::Programme(id), page).await
}

/// A settlement's Information Point: what every programme published there (its parts
/// included).
pub async fn place_point(app: &App, id: PlaceId, page: i64) -> Result<Point> {
    let place = places::get(&app.db, id).await?.ok_or(AppError::NotFound)?;
    if place.kind != PlaceKind::Settlement {
        return Err(AppError::NotFound);
    }
    let mut scope = vec![id];
    scope.extend(
        places::children(&app.db, Some(id))
            .await?
            .iter()
            .map(|c| c.id),
    );
    point(app, place.name, Scope::Places(scope), page).await
}

/// A published memo with its activity; unpublished ones do not exist for readers.
pub async fn public_memo(app: &App, id: MemoId) -> Result<(Memo, MemoContext)> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let memo = memos::by_id(&mut conn, id)
        .await?
        .filter(|m| m.published)
        .ok_or(AppError::NotFound)?;
    let ctx = information::memo_context(&mut conn, memo.activity_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((memo, ctx))
}

/// The back office's memo board: the programme's memos and the conversations, forums
/// and workshops still without one.
pub async fn memo_board(app: &App, user: &User, id: ProgrammeId) -> Result<Vec<BoardRow>> {
    crate::programmes::authorise(app, user, Action::ManageActivities, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(information::memo_board(&mut conn, id, app.clock.instant()).await?)
}

/// An activity of the programme that may have a memo, and its memo if it has one (the
/// page to write or open it).
pub async fn memo_of(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    activity: ActivityId,
) -> Result<(Activity, Option<Memo>)> {
    crate::programmes::authorise(app, user, Action::ManageActivities, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let a = activities_db::activity_in(&mut conn, programme, activity)
        .await?
        .filter(|a| has_memo(a.kind))
        .ok_or(AppError::NotFound)?;
    let m = memos::of_activity(&mut conn, activity).await?;
    Ok((a, m))
}

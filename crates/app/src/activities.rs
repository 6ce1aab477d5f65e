//! Reading activities: a programme's list in the back office, one activity for the API,
//! and the public calendar. Changes go through `records` (the one path for a
//! programme's records).

use crate::programmes::authorise;
use crate::{catalogue, App, AppError, Result};
use kozos_db::programmes::activities::{self as db, Filter};
use kozos_db::programmes::calendar as calendar_db;
use kozos_db::programmes::series as series_db;
use kozos_db::{programmes, DbError};
use kozos_domain::activity::{Activity, Series};
use kozos_domain::policy::{allows, Action};
use kozos_domain::programme::Programme;
use kozos_domain::user::User;
use kozos_domain::{ActivityId, OrganisationId, PlaceId, ProgrammeId, TargetGroupId};

pub use kozos_db::programmes::activities::Filter as CalendarFilter;

/// A programme's activities and series, for its staff.
pub struct ProgrammeActivities {
    pub programme: Programme,
    pub activities: Vec<Activity>,
    pub series: Vec<Series>,
    pub can_manage: bool,
}

pub async fn for_programme(app: &App, user: &User, id: ProgrammeId) -> Result<ProgrammeActivities> {
    let t = authorise(app, user, Action::ViewBackOffice, id).await?;
    let programme = programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let filter = Filter {
        programme: Some(id),
        ..Default::default()
    };
    Ok(ProgrammeActivities {
        programme,
        activities: db::list(&mut conn, &filter).await?,
        series: series_db::series_in(&mut conn, id).await?,
        can_manage: allows(&user.grants, Action::ManageActivities, &t),
    })
}

/// What an activity form offers to pick in a programme: the organisations that may
/// organise (all) and take part (the beneficiary and partners), and its target groups.
#[derive(Default)]
pub struct ActivityChoices {
    pub organisers: Vec<(OrganisationId, String)>,
    pub partners: Vec<(OrganisationId, String)>,
    pub target_groups: Vec<(TargetGroupId, String)>,
}

pub async fn choices(app: &App, user: &User, id: ProgrammeId) -> Result<ActivityChoices> {
    authorise(app, user, Action::ManageActivities, id).await?;
    let programme = programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut partners: Vec<(OrganisationId, String)> = Vec::new();
    if let (Some(b), Some(name)) = (programme.beneficiary_id, programme.beneficiary_name) {
        partners.push((b, name));
    }
    for p in programmes::partners(&app.db.pool, id).await? {
        if !partners.iter().any(|(o, _)| *o == p.organisation_id) {
            partners.push((p.organisation_id, p.organisation_name));
        }
    }
    Ok(ActivityChoices {
        organisers: catalogue::organisations(app, None)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect(),
        partners,
        target_groups: programmes::target_groups(&app.db.pool, id)
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect(),
    })
}

/// The programme an activity belongs to; a 404 for an id that names none.
pub async fn programme_of(app: &App, id: ActivityId) -> Result<ProgrammeId> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::programme_of(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// One activity as the API shows it: a public one to anyone, an internal one to those
/// who see its programme in the back office (others get a 404: it is not theirs to know of).
pub async fn get(app: &App, user: Option<&User>, id: ActivityId) -> Result<Activity> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let a = db::activity(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    if a.public {
        return Ok(a);
    }
    let user = user.ok_or(AppError::NotFound)?;
    match authorise(app, user, Action::ViewBackOffice, a.programme_id).await {
        Ok(_) => Ok(a),
        Err(AppError::Forbidden) => Err(AppError::NotFound),
        Err(e) => Err(e),
    }
}

/// A programme's activities for the API: the public ones to anyone, all of them to its
/// staff.
pub async fn list_for(app: &App, user: Option<&User>, id: ProgrammeId) -> Result<Vec<Activity>> {
    programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let staff = match user {
        Some(u) => authorise(app, u, Action::ViewBackOffice, id).await.is_ok(),
        None => false,
    };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let filter = Filter {
        programme: Some(id),
        public_only: !staff,
        ..Default::default()
    };
    Ok(db::list(&mut conn, &filter).await?)
}

/// The public calendar: public activities only, whatever the filter asks.
pub async fn calendar(app: &App, filter: &CalendarFilter) -> Result<Vec<Activity>> {
    let filter = CalendarFilter {
        public_only: true,
        ..filter.clone()
    };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::list(&mut conn, &filter).await?)
}

/// The public calendar's entries (what a grid or list shows of each).
pub async fn calendar_entries(
    app: &App,
    filter: &CalendarFilter,
) -> Result<Vec<calendar_db::Entry>> {
    let filter = CalendarFilter {
        public_only: true,
        ..filter.clone()
    };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(calendar_db::entries(&mut conn, &filter).await?)
}

pub use kozos_db::programmes::calendar::Entry as CalendarEntry;

/// A public activity's page: the activity and its programme's title.
pub async fn public_activity(app: &App, id: ActivityId) -> Result<(Activity, Programme)> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let a = db::activity(&mut conn, id)
        .await?
        .filter(|a| a.public)
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let p = programmes::get(&app.db, a.programme_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((a, p))
}

/// A public series (for its feed's name): `None` unless it has public activities.
pub async fn public_series(app: &App, id: kozos_domain::SeriesId) -> Result<Option<Series>> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(series_db::series(&mut conn, id).await?.filter(|s| s.public))
}

/// What the calendar's filters offer: the programmes, settlements, organisations and
/// series that have public activities.
#[derive(Default)]
pub struct CalendarChoices {
    pub programmes: Vec<(ProgrammeId, String)>,
    pub settlements: Vec<(PlaceId, String)>,
    pub organisations: Vec<(OrganisationId, String)>,
}

pub async fn calendar_choices(app: &App) -> Result<std::sync::Arc<CalendarChoices>> {
    app.calendar_choices
        .get(&app.db, || async {
            let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
            let (programmes, settlements, organisations) =
                calendar_db::calendar_choices(&mut conn).await?;
            Ok(CalendarChoices {
                programmes: programmes
                    .into_iter()
                    .map(|(i, n)| (ProgrammeId(i), n))
                    .collect(),
                settlements: settlements
                    .into_iter()
                    .map(|(i, n)| (PlaceId(i), n))
                    .collect(),
                organisations: organisations
                    .into_iter()
                    .map(|(i, n)| (OrganisationId(i), n))
                    .collect(),
            })
        })
        .await
}

//! The printed attendance sheet (jelenléti ív): what it lists, for staff who check people
//! in. The document itself is drawn by the web layer with `kozos-pdf`.

use super::activity_for;
use crate::{App, AppError, Result};
use kozos_db::participation::registrations;
use kozos_db::DbError;
use kozos_domain::activity::Activity;
use kozos_domain::participation::RegistrationStatus;
use kozos_domain::policy::Action;
use kozos_domain::programme::Programme;
use kozos_domain::text::hu_cmp;
use kozos_domain::user::User;
use kozos_domain::ActivityId;

/// Everything an attendance sheet prints.
#[derive(Debug, Clone)]
pub struct SheetFacts {
    pub activity: Activity,
    /// Its publicity fields head the sheet.
    pub programme: Programme,
    /// The confirmed registrations' names, in Hungarian alphabetical order.
    pub names: Vec<String>,
}

/// The sheet of an activity, for staff with the check-in right on its programme.
pub async fn attendance_sheet(app: &App, user: &User, id: ActivityId) -> Result<SheetFacts> {
    let activity = activity_for(app, user, Action::CheckIn, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let mut names: Vec<String> = registrations::list(&mut conn, activity.id)
        .await?
        .into_iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed)
        .map(|r| r.person_name)
        .collect();
    drop(conn);
    names.sort_by(|a, b| hu_cmp(a, b));
    let programme = kozos_db::programmes::get(&app.db, activity.programme_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SheetFacts {
        activity,
        programme,
        names,
    })
}

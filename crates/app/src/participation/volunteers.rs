//! Volunteers' hours on an activity: staff who run it (check-in or activity rights) log
//! who helped, in which role, for how long, and take back an entry made by mistake.

use super::load_activity;
use crate::programmes::authorise;
use crate::{App, AppError, Result};
use kozos_db::participation::{attendance, people, registrations, volunteers as db};
use kozos_db::{audit, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::text::hu_cmp;
use kozos_domain::user::User;
use kozos_domain::*;

/// An activity whose volunteers the user may keep.
async fn activity_for(app: &App, user: &User, id: ActivityId) -> Result<Activity> {
    let a = load_activity(app, id).await?;
    match authorise(app, user, Action::CheckIn, a.programme_id).await {
        Err(AppError::Forbidden) => {
            authorise(app, user, Action::ManageActivities, a.programme_id).await?;
        }
        other => {
            other?;
        }
    }
    Ok(a)
}

/// The volunteers page: the activity, its shifts, and people to pick for a new one (those
/// found by `q`, or else those registered or present).
#[derive(Debug, Clone)]
pub struct Shifts {
    pub activity: Activity,
    pub shifts: Vec<VolunteerShift>,
    pub choices: Vec<(PersonId, String)>,
}

impl Shifts {
    pub fn total_minutes(&self) -> i64 {
        self.shifts.iter().map(|s| s.minutes).sum()
    }
}

pub async fn of_activity(
    app: &App,
    user: &User,
    activity: ActivityId,
    q: Option<&str>,
) -> Result<Shifts> {
    let a = activity_for(app, user, activity).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let shifts = db::of_activity(&mut conn, a.id).await?;
    let mut choices: Vec<(PersonId, String)> =
        match q.map(str::trim).filter(|q| q.chars().count() >= 2) {
            Some(q) => people::search(&mut conn, a.programme_id, Some(q), 30)
                .await?
                .into_iter()
                .map(|p| (p.id, p.name))
                .collect(),
            None => {
                let mut list: Vec<(PersonId, String)> = registrations::list(&mut conn, a.id)
                    .await?
                    .into_iter()
                    .filter(|r| r.status != RegistrationStatus::Cancelled)
                    .map(|r| (r.person_id, r.person_name))
                    .collect();
                list.extend(
                    attendance::list(&mut conn, a.id)
                        .await?
                        .into_iter()
                        .map(|t| (t.person_id, t.person_name)),
                );
                list.extend(shifts.iter().map(|s| (s.person_id, s.person_name.clone())));
                list
            }
        };
    choices.sort_by(|a, b| hu_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    choices.dedup_by_key(|c| c.0);
    Ok(Shifts {
        activity: a,
        shifts,
        choices,
    })
}

/// Log a shift. The person must be a live record in the activity's programme's registry.
pub async fn log(
    app: &App,
    user: &User,
    activity: ActivityId,
    form: &ShiftForm,
    once: Option<&str>,
) -> Result<ShiftId> {
    let a = activity_for(app, user, activity).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    // The same form sent twice (a double click, a reload) logs one shift.
    let once = crate::write::Once::new("shift", once, &(a.id, &input));
    if let Some(id) = once.claim(app, &mut tx, user).await? {
        return Ok(ShiftId(id));
    }
    let person = people::get(&mut tx, input.person)
        .await?
        .filter(|p| p.merged_into.is_none());
    let visible = people::visible_to(&mut tx, input.person, a.programme_id).await?;
    let Some(person) = person.filter(|_| visible) else {
        return Err(AppError::invalid("person_id", "err-volunteer-person"));
    };
    let id = db::insert(&mut tx, a.id, &input, user.id, now).await?;
    once.complete(&mut tx, user, id.0).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "add_volunteer_shift",
        "programme",
        Some(a.programme_id.0),
        &format!(
            "{} #{}: {} – {}, {} min",
            a.title, a.id, person.name, input.role, input.minutes
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

/// Take back a shift of this activity (another activity's is a 404).
pub async fn delete(app: &App, user: &User, activity: ActivityId, shift: ShiftId) -> Result<()> {
    let a = activity_for(app, user, activity).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let s = db::get(&mut tx, a.id, shift)
        .await?
        .ok_or(AppError::NotFound)?;
    db::delete(&mut tx, a.id, shift).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "delete_volunteer_shift",
        "programme",
        Some(a.programme_id.0),
        &format!(
            "{} #{}: {} – {}, {} min",
            a.title, a.id, s.person_name, s.role, s.minutes
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

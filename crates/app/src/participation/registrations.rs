//! Registering for an activity: a resident for themselves, a guest with an e-mail
//! address, staff on someone's behalf, another system through the API. Places are decided
//! under the activity's lock, so the last place goes to one person; the rest wait in line
//! and move up, in order, when someone cancels or the capacity grows.

use super::{activity_for, enqueue_mail, lang_code, load_activity};
use crate::mail::RegistrationMailKind as MailKind;
use crate::{App, AppError, Result};
use kozos_db::participation::{people, registrations as db};
use kozos_db::programmes::activities as activities_db;
use kozos_db::{audit, Conn, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::time::Instant;
use kozos_domain::user::User;
use kozos_domain::*;

/// What registering came to.
#[derive(Debug, Clone)]
pub struct Registered {
    pub registration: Registration,
    /// False when the person was already registered: nothing was written, no mail sent.
    pub new: bool,
}

/// Who is registering, before a person record is found or made.
pub enum Registrant<'a> {
    /// A signed-in account, for itself.
    Account(&'a User),
    /// A guest: a name and an e-mail address.
    Guest { name: &'a str, email: &'a str },
    /// A person already in the registry (staff only).
    Existing(PersonId),
    /// A new person typed in by staff.
    New(&'a PersonForm),
}

fn new_ticket() -> Ticket {
    let mut bytes = [0u8; TICKET_RANDOM_BYTES];
    getrandom::getrandom(&mut bytes).expect("the operating system's random source");
    Ticket::from_random(bytes)
}

/// A guest's name and address, checked like a person form's.
fn guest_input(name: &str, email: &str, year: i32) -> Result<PersonInput> {
    let mut input = PersonForm {
        name: name.to_string(),
        email: email.to_string(),
        ..Default::default()
    }
    .validate(year)
    .map_err(AppError::Invalid)?;
    if input.email.is_none() {
        return Err(AppError::invalid("email", "err-required"));
    }
    input.settlement = None;
    Ok(input)
}

/// Register someone for an activity. `actor` is who is doing it (none for a guest); staff
/// registering others need the check-in right on the activity's programme, and may do so
/// until the activity ends; residents and guests only within the registration window.
pub async fn register(
    app: &App,
    actor: Option<&User>,
    activity: ActivityId,
    who: Registrant<'_>,
    source: RegistrationSource,
    lang: &str,
) -> Result<Registered> {
    let now = app.clock.instant();
    let on_behalf = matches!(who, Registrant::Existing(_) | Registrant::New(_));
    let a = if on_behalf {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        activity_for(app, user, Action::CheckIn, activity).await?
    } else {
        let a = load_activity(app, activity).await?;
        if !a.public {
            return Err(AppError::NotFound);
        }
        a
    };
    let window = if on_behalf {
        staff_may_register(&a, now)
    } else {
        may_register(&a, now)
    };
    window.map_err(|r| AppError::invalid("form", r.key()))?;
    let year = now.date().year();
    // Validate before the transaction: nothing is written for bad input.
    let guest = match &who {
        Registrant::Guest { name, email } => Some(guest_input(name, email, year)?),
        _ => None,
    };
    let typed = match &who {
        Registrant::New(form) => Some(form.validate(year).map_err(AppError::Invalid)?),
        _ => None,
    };
    let typed_place = match &typed {
        Some(t) => crate::records::settlement(app, t.settlement.as_deref()).await?,
        None => None,
    };
    let by = actor.map(|u| u.id);
    let mut tx = app.db.begin().await?;
    let person = match who {
        Registrant::Account(user) => match people::of_user(&mut tx, user.id).await? {
            Some(p) => p.id,
            None => {
                let input = PersonInput {
                    name: user.display_name.clone(),
                    email: Some(user.email.clone()),
                    phone: None,
                    birth_year: None,
                    age_band: None,
                    settlement: None,
                    organisation_id: None,
                };
                let p = people::NewPerson {
                    input: &input,
                    place: None,
                    user: Some(user.id),
                };
                people::insert(&mut tx, Some(a.programme_id), p, now).await?
            }
        },
        Registrant::Guest { .. } => {
            let input = guest.expect("validated above");
            let email = input.email.clone().unwrap_or_default();
            match people::by_email_and_name(&mut tx, &email, &input.name).await? {
                Some(p) => p.id,
                None => {
                    let p = people::NewPerson {
                        input: &input,
                        place: None,
                        user: None,
                    };
                    people::insert(&mut tx, Some(a.programme_id), p, now).await?
                }
            }
        }
        Registrant::Existing(id) => {
            let known = people::get(&mut tx, id).await?;
            match known {
                Some(p) if p.merged_into.is_none() => {}
                _ => return Err(AppError::invalid("person_id", "err-choice")),
            }
            if !people::visible_to(&mut tx, id, a.programme_id).await? {
                return Err(AppError::invalid("person_id", "err-choice"));
            }
            id
        }
        Registrant::New(_) => {
            let input = typed.expect("validated above");
            let p = people::NewPerson {
                input: &input,
                place: typed_place,
                user: None,
            };
            people::insert(&mut tx, Some(a.programme_id), p, now).await?
        }
    };
    let done = place(&mut tx, &a, person, source, by, lang_code(lang), now).await?;
    if done.new {
        let r = &done.registration;
        audit::record(
            &mut tx,
            &now.stored(),
            by,
            "register",
            "programme",
            Some(a.programme_id.0),
            &format!(
                "{} #{}: {} ({})",
                a.title,
                a.id,
                r.person_name,
                r.status.as_str()
            ),
        )
        .await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    if done.new {
        app.jobs().poke();
    }
    Ok(done)
}

/// Give a person a place (or a place in line) on `a`, under the activity's lock. An
/// existing live registration is returned as it is; a cancelled one is renewed.
async fn place(
    conn: &mut Conn,
    a: &Activity,
    person: PersonId,
    source: RegistrationSource,
    by: Option<UserId>,
    lang: &str,
    now: Instant,
) -> Result<Registered> {
    db::lock_activity(conn, a.id).await?;
    let existing = db::of_person(conn, a.id, person).await?;
    if let Some(r) = &existing {
        if r.status != RegistrationStatus::Cancelled {
            return Ok(Registered {
                registration: r.clone(),
                new: false,
            });
        }
    }
    let confirmed = db::confirmed_count(conn, a.id).await?;
    let status = status_for(a.capacity, confirmed);
    let id = match existing {
        Some(r) => {
            db::renew(conn, r.id, status, now).await?;
            r.id
        }
        None => {
            let mut ticket = new_ticket();
            while db::token_exists(conn, ticket.as_str()).await? {
                ticket = new_ticket();
            }
            db::insert(
                conn,
                db::NewRegistration {
                    activity: a.id,
                    person,
                    status,
                    token: ticket.as_str(),
                    source,
                    by,
                    lang,
                },
                now,
            )
            .await?
        }
    };
    let kind = match status {
        RegistrationStatus::Waiting => MailKind::Waiting,
        _ => MailKind::Confirmation,
    };
    enqueue_mail(conn, id, kind, lang, now).await?;
    let registration = db::get(conn, id)
        .await?
        .ok_or_else(|| AppError::Internal("registration vanished".into()))?;
    Ok(Registered {
        registration,
        new: true,
    })
}

/// Move people up from the waiting list while there are free places (after a
/// cancellation, or when the capacity grew). Call under the activity's lock (inside the
/// write transaction). Nobody moves up once the activity has ended.
pub async fn fill_places(conn: &mut Conn, a: &Activity, now: Instant) -> Result<usize> {
    if now >= a.ends_at {
        return Ok(0);
    }
    let mut moved = 0;
    loop {
        let confirmed = db::confirmed_count(conn, a.id).await?;
        if a.capacity.is_some_and(|c| confirmed >= c) {
            break;
        }
        let Some(next) = db::first_waiting(conn, a.id).await? else {
            break;
        };
        db::confirm(conn, next.id, now).await?;
        enqueue_mail(conn, next.id, MailKind::Promotion, &next.lang, now).await?;
        moved += 1;
    }
    Ok(moved)
}

/// The ticket a code names (public: the code is the secret). Unknown or malformed codes
/// are a 404.
pub async fn ticket(app: &App, token: &str) -> Result<(Registration, Activity)> {
    let t = Ticket::parse(token).map_err(|_| AppError::NotFound)?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let r = db::by_token(&mut conn, t.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let a = activities_db::activity(&mut conn, r.activity_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((r, a))
}

/// Cancel by the ticket's code (the link in the confirmation mail). Cancelling twice is
/// the same as once. Returns the registration as it now is.
pub async fn cancel_by_ticket(app: &App, token: &str) -> Result<Registration> {
    let (r, a) = ticket(app, token).await?;
    cancel(app, None, &r, &a).await
}

/// Staff cancel someone's registration.
pub async fn cancel_by_staff(
    app: &App,
    user: &User,
    activity: ActivityId,
    id: RegistrationId,
) -> Result<Registration> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let r = db::get(&mut conn, id).await?;
    drop(conn);
    let r = r
        .filter(|r| r.activity_id == a.id)
        .ok_or(AppError::NotFound)?;
    cancel(app, Some(user), &r, &a).await
}

async fn cancel(
    app: &App,
    by: Option<&User>,
    r: &Registration,
    a: &Activity,
) -> Result<Registration> {
    let now = app.clock.instant();
    if now >= a.ends_at && r.status != RegistrationStatus::Cancelled {
        // After the activity a registration is part of its record.
        return Err(AppError::invalid("form", "err-cancel-after-end"));
    }
    let mut tx = app.db.begin().await?;
    db::lock_activity(&mut tx, a.id).await?;
    if db::cancel(&mut tx, r.id, now).await? {
        enqueue_mail(&mut tx, r.id, MailKind::Cancellation, &r.lang, now).await?;
        fill_places(&mut tx, a, now).await?;
        audit::record(
            &mut tx,
            &now.stored(),
            by.map(|u| u.id),
            "cancel_registration",
            "programme",
            Some(a.programme_id.0),
            &format!("{} #{}: {}", a.title, a.id, r.person_name),
        )
        .await?;
    }
    let after = db::get(&mut tx, r.id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await.map_err(DbError::from)?;
    app.jobs().poke();
    Ok(after)
}

/// An activity's registrations, for staff who check people in (with their tickets, for
/// offline scanners).
pub async fn for_activity(
    app: &App,
    user: &User,
    activity: ActivityId,
) -> Result<(Activity, Vec<Registration>)> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let list = db::list(&mut conn, a.id).await?;
    Ok((a, list))
}

/// May this user register other people for the activity (staff with the check-in right)?
pub async fn may_register_others(app: &App, user: &User, activity: ActivityId) -> Result<bool> {
    match activity_for(app, user, Action::CheckIn, activity).await {
        Ok(_) => Ok(true),
        Err(AppError::Forbidden) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Places taken and people waiting, for the public activity page.
pub async fn counts(app: &App, activity: ActivityId) -> Result<(i64, i64)> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(db::counts(&mut conn, activity).await?)
}

/// The signed-in user's own registration for an activity, if any.
pub async fn own(app: &App, user: &User, activity: ActivityId) -> Result<Option<Registration>> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let Some(p) = people::of_user(&mut conn, user.id).await? else {
        return Ok(None);
    };
    Ok(db::of_person(&mut conn, activity, p.id).await?)
}

//! The people registry as staff keep it: find, enter (with possible duplicates shown
//! before saving), edit, sensitive attributes and consents. Merging two records of one
//! person is `merge.rs`.
//!
//! Who sees a person: staff with `ManagePeople` on a programme the person was entered
//! under or took part in (`people::programmes_of`), and country-wide grants everywhere.
//! A person outside the reader's reach is a 404, so ids in URLs tell nothing.

use crate::programmes::authorise;
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::participation::people::{self as db, Among};
pub use kozos_db::participation::people::{Taken, Took};
use kozos_db::participation::volunteers;
use kozos_db::{audit, programmes, Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::policy::{allows, allows_somewhere, Action, Target};
use kozos_domain::text::hu_cmp;
use kozos_domain::user::User;
use kozos_domain::*;

/// People listed on one page.
pub const PAGE_SIZE: usize = 50;

/// The programmes whose people a user may do `action` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    Everyone,
    Programmes(Vec<ProgrammeId>),
}

impl Reach {
    /// Does the reach cover a person with these programmes? (Only a country-wide grant
    /// covers someone in no programme.)
    fn covers_any(&self, of: &[ProgrammeId]) -> bool {
        match self {
            Reach::Everyone => true,
            Reach::Programmes(list) => of.iter().any(|p| list.contains(p)),
        }
    }
    pub(super) fn covers_all(&self, of: &[ProgrammeId]) -> bool {
        match self {
            Reach::Everyone => true,
            Reach::Programmes(list) => !of.is_empty() && of.iter().all(|p| list.contains(p)),
        }
    }
    fn covers(&self, p: ProgrammeId) -> bool {
        self.covers_any(&[p])
    }
    pub(super) fn among(&self) -> Among<'_> {
        match self {
            Reach::Everyone => Among::Everyone,
            Reach::Programmes(list) => Among::Programmes(list),
        }
    }
}

/// Where the user may do `action` (a 403 when nowhere).
pub async fn reach(app: &App, user: &User, action: Action) -> Result<Reach> {
    if !allows_somewhere(&user.grants, action) {
        return Err(AppError::Forbidden);
    }
    if allows(&user.grants, action, &Target::country()) {
        return Ok(Reach::Everyone);
    }
    let mut list: Vec<ProgrammeId> = programmes::all_targets(&app.db)
        .await?
        .into_iter()
        .filter(|(_, t)| allows(&user.grants, action, t))
        .map(|(p, _)| p)
        .collect();
    list.sort();
    Ok(Reach::Programmes(list))
}

/// A live person the user may do `action` on, with the programmes the person is in.
pub(super) async fn person_for(
    app: &App,
    user: &User,
    action: Action,
    id: PersonId,
) -> Result<(Person, Vec<ProgrammeId>)> {
    let r = reach(app, user, action).await?;
    let mut c = app.db.pool.acquire().await.map_err(DbError::from)?;
    let p = db::get(&mut c, id)
        .await?
        .filter(|p| p.merged_into.is_none())
        .ok_or(AppError::NotFound)?;
    let of = db::programmes_of(&mut c, id).await?;
    if !r.covers_any(&of) {
        return Err(AppError::NotFound);
    }
    Ok((p, of))
}

/// One page of the registry, in Hungarian alphabetical order.
#[derive(Debug, Clone)]
pub struct PeoplePage {
    pub people: Vec<Person>,
    pub total: usize,
    /// 1-based, within `1..=pages`.
    pub page: usize,
    pub pages: usize,
}

pub async fn list(app: &App, user: &User, q: Option<&str>, page: usize) -> Result<PeoplePage> {
    let r = reach(app, user, Action::ManagePeople).await?;
    let q = q.map(str::trim).filter(|q| !q.is_empty());
    let mut c = app.db.pool.acquire().await.map_err(DbError::from)?;
    let mut names = db::names(&mut c, r.among(), q).await?;
    names.sort_by(|a, b| hu_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    let total = names.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let ids: Vec<PersonId> = names
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(id, _)| *id)
        .collect();
    let mut people = db::get_many(&mut c, &ids).await?;
    people.sort_by_key(|p| ids.iter().position(|i| *i == p.id));
    Ok(PeoplePage {
        people,
        total,
        page,
        pages,
    })
}

/// Programmes a person can be entered under by this user, for the form's pick list.
pub async fn programme_choices(app: &App, user: &User) -> Result<Vec<(ProgrammeId, String)>> {
    let r = reach(app, user, Action::ManagePeople).await?;
    let mut list: Vec<(ProgrammeId, String)> = crate::catalogue::search_programmes(app, None)
        .await?
        .into_iter()
        .filter(|p| r.covers(p.id))
        .map(|p| (p.id, p.title.clone()))
        .collect();
    list.sort_by(|a, b| hu_cmp(&a.1, &b.1));
    Ok(list)
}

/// Records that may be the same person, among those the reader may see.
pub(super) async fn duplicates_in_reach(
    conn: &mut Conn,
    r: &Reach,
    (name, birth_year, email): (&str, Option<i32>, Option<&str>),
    place: Option<PlaceId>,
    except: Option<PersonId>,
) -> Result<Vec<Person>> {
    let found = db::possible_duplicates(conn, name, birth_year, place, email, except).await?;
    let mut out = Vec::new();
    for p in found {
        if r.covers_any(&db::programmes_of(conn, p.id).await?) {
            out.push(p);
        }
    }
    Ok(out)
}

pub(super) fn described(p: &Person) -> (&str, Option<i32>, Option<&str>) {
    (&p.name, p.birth_year, p.email.as_deref())
}

/// What submitting the new-person form came to.
#[derive(Debug, Clone)]
pub enum Created {
    Saved(PersonId),
    /// Nothing was saved: these records may be the same person. Submitting again with
    /// `confirmed` saves anyway.
    Duplicates(Vec<Person>),
}

/// Enter a person under a programme. Possible duplicates (same name, birth year and
/// settlement, or same e-mail) are shown before anything is saved, unless the clerk has
/// seen them and confirmed.
pub async fn create(
    app: &App,
    user: &User,
    programme_id: &str,
    form: &PersonForm,
    confirmed: bool,
    once: Option<&str>,
) -> Result<Created> {
    let r = reach(app, user, Action::ManagePeople).await?;
    let now = app.clock.instant();
    let programme = programme_id
        .trim()
        .parse::<i64>()
        .ok()
        .map(ProgrammeId)
        .filter(|p| r.covers(*p));
    let input = match (form.validate(now.date().year()), programme) {
        (Ok(i), Some(_)) => i,
        (result, programme) => {
            let mut e = result.err().unwrap_or_default();
            if programme.is_none() {
                e.add("programme_id", "err-choice");
            }
            return Err(AppError::Invalid(e));
        }
    };
    let programme = programme.ok_or(AppError::Internal("checked above".into()))?;
    authorise(app, user, Action::ManagePeople, programme).await?;
    let place = crate::records::settlement(app, input.settlement.as_deref()).await?;
    let once = Once::new("person", once, &(programme, &input));
    let mut tx = app.db.begin().await?;
    if let Some(id) = once.claim(app, &mut tx, user).await? {
        return Ok(Created::Saved(PersonId(id)));
    }
    if !confirmed {
        let described = (
            input.name.as_str(),
            input.birth_year,
            input.email.as_deref(),
        );
        let dupes = duplicates_in_reach(&mut tx, &r, described, place, None).await?;
        if !dupes.is_empty() {
            // Dropping the transaction writes nothing, the one-time key included.
            return Ok(Created::Duplicates(dupes));
        }
    }
    let id = db::insert(
        &mut tx,
        Some(programme),
        db::NewPerson {
            input: &input,
            place,
            user: None,
        },
        now,
    )
    .await?;
    once.complete(&mut tx, user, id.0).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "create_person",
        "person",
        Some(id.0),
        &input.name,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Created::Saved(id))
}

/// The stored person, for the edit form.
pub async fn for_edit(app: &App, user: &User, id: PersonId) -> Result<Person> {
    Ok(person_for(app, user, Action::ManagePeople, id).await?.0)
}

/// Save an edit made from `version`: unchanged writes nothing, stale is `Conflict`.
pub async fn update(
    app: &App,
    user: &User,
    id: PersonId,
    form: &PersonForm,
    version: Option<i64>,
) -> Result<()> {
    let current = for_edit(app, user, id).await?;
    let now = app.clock.instant();
    let year = now.date().year();
    let input = form.validate(year).map_err(AppError::Invalid)?;
    if PersonForm::from_person(&current).validate(year).as_ref() == Ok(&input) {
        return Ok(());
    }
    let place = crate::records::settlement(app, input.settlement.as_deref()).await?;
    let mut tx = app.db.begin().await?;
    saved(
        db::update(
            &mut tx,
            id,
            version,
            db::NewPerson {
                input: &input,
                place,
                user: current.user_id,
            },
            now,
        )
        .await?,
    )?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "update_person",
        "person",
        Some(id.0),
        &input.name,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Everything the person page shows a reader.
#[derive(Debug, Clone)]
pub struct PersonView {
    pub person: Person,
    /// Action areas of the person's programmes that their settlement lies in.
    pub action_areas: Vec<String>,
    pub duplicates: Vec<Person>,
    /// Registrations, attendance and certificates at activities the reader may see.
    pub records: Vec<Taken>,
    pub shifts: Vec<VolunteerShift>,
    pub consents: Vec<Consent>,
    /// `None` when the reader is not entitled to sensitive attributes; else what is held.
    pub sensitive: Option<Option<Sensitive>>,
    pub history: Vec<audit::Entry>,
}

impl PersonView {
    pub fn volunteer_minutes(&self) -> i64 {
        self.shifts.iter().map(|s| s.minutes).sum()
    }
}

/// What a person's address leads to.
#[derive(Debug, Clone)]
pub enum Found {
    Person(Box<PersonView>),
    /// The record was merged into this one (which the reader may see).
    MergedInto(PersonId),
}

pub async fn view(app: &App, user: &User, id: PersonId) -> Result<Found> {
    let r = reach(app, user, Action::ManagePeople).await?;
    let sensitive_reach = match reach(app, user, Action::ViewSensitive).await {
        Ok(s) => Some(s),
        Err(AppError::Forbidden) => None,
        Err(e) => return Err(e),
    };
    let mut c = app.db.pool.acquire().await.map_err(DbError::from)?;
    let person = db::get(&mut c, id).await?.ok_or(AppError::NotFound)?;
    if let Some(kept) = person.merged_into {
        let visible = r.covers_any(&db::programmes_of(&mut c, kept).await?);
        return if visible {
            Ok(Found::MergedInto(kept))
        } else {
            Err(AppError::NotFound)
        };
    }
    let of = db::programmes_of(&mut c, id).await?;
    if !r.covers_any(&of) {
        return Err(AppError::NotFound);
    }
    let duplicates =
        duplicates_in_reach(&mut c, &r, described(&person), person.place_id, Some(id)).await?;
    let action_areas = match person.place_id {
        Some(place) => db::action_areas_at(&mut c, place, &of).await?,
        None => Vec::new(),
    };
    let records = db::records(&mut c, id)
        .await?
        .into_iter()
        .filter(|t| r.covers(t.programme_id))
        .collect();
    let shifts = volunteers::of_person(&mut c, id)
        .await?
        .into_iter()
        .filter(|s| r.covers(s.programme_id))
        .collect();
    let consents = db::consents(&mut c, id).await?;
    let sensitive = match sensitive_reach {
        Some(s) if s.covers_any(&of) => Some(db::sensitive(&mut c, id).await?),
        _ => None,
    };
    drop(c);
    let mut history = audit::for_entity(&app.db, "person", id.0, 30).await?;
    if sensitive.is_none() {
        // Even that sensitive data was recorded is for those entitled to it.
        history.retain(|e| !e.action.ends_with("_sensitive"));
    }
    Ok(Found::Person(Box::new(PersonView {
        person,
        action_areas,
        duplicates,
        records,
        shifts,
        consents,
        sensitive,
        history,
    })))
}

/// The person and their sensitive attributes, for the form (`ViewSensitive` only).
pub async fn sensitive(
    app: &App,
    user: &User,
    id: PersonId,
) -> Result<(Person, Option<Sensitive>)> {
    let (p, _) = person_for(app, user, Action::ViewSensitive, id).await?;
    let mut c = app.db.pool.acquire().await.map_err(DbError::from)?;
    let s = db::sensitive(&mut c, id).await?;
    Ok((p, s))
}

fn live_consent_for_sensitive(consents: &[Consent]) -> bool {
    consents
        .iter()
        .any(|c| c.purpose == ConsentPurpose::SensitiveData && c.withdrawn_on.is_none())
}

/// Record sensitive attributes with their legal basis. A basis of consent needs a
/// recorded consent for sensitive data that was not withdrawn. Nothing ticked removes
/// what was held (least data). The change log names the basis, never the attributes.
pub async fn save_sensitive(
    app: &App,
    user: &User,
    id: PersonId,
    form: &SensitiveForm,
) -> Result<()> {
    let (p, _) = person_for(app, user, Action::ViewSensitive, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    if input.legal_basis == LegalBasis::Consent
        && !live_consent_for_sensitive(&db::consents(&mut tx, id).await?)
    {
        return Err(AppError::invalid("legal_basis", "err-sensitive-consent"));
    }
    let nothing = !(input.disadvantaged || input.roma || input.disability);
    let action = if nothing {
        db::delete_sensitive(&mut tx, id).await?;
        "delete_sensitive"
    } else {
        db::save_sensitive(&mut tx, id, &input, user.id, now).await?;
        "save_sensitive"
    };
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        action,
        "person",
        Some(id.0),
        &format!("{} ({})", p.name, input.legal_basis.as_str()),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

pub async fn add_consent(
    app: &App,
    user: &User,
    id: PersonId,
    form: &ConsentForm,
) -> Result<ConsentId> {
    let (p, _) = person_for(app, user, Action::ManagePeople, id).await?;
    let input = form
        .validate(app.clock.today())
        .map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let cid = db::add_consent(&mut tx, id, &input, Some(user.id), now).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "add_consent",
        "person",
        Some(id.0),
        &format!(
            "{}: {} ({})",
            p.name,
            input.purpose.as_str(),
            input.given_by
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(cid)
}

/// Withdraw a consent today; the record stays with its withdrawal date. When it was the
/// basis of the person's sensitive attributes, they are removed with it.
pub async fn withdraw_consent(
    app: &App,
    user: &User,
    id: PersonId,
    consent: ConsentId,
) -> Result<()> {
    let (p, _) = person_for(app, user, Action::ManagePeople, id).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let c = db::consent(&mut tx, id, consent)
        .await?
        .ok_or(AppError::NotFound)?;
    if !db::withdraw_consent(&mut tx, id, consent, app.clock.today()).await? {
        return Ok(()); // withdrawn before: nothing changes
    }
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "withdraw_consent",
        "person",
        Some(id.0),
        &format!("{}: {}", p.name, c.purpose.as_str()),
    )
    .await?;
    let held_on_consent = db::sensitive(&mut tx, id)
        .await?
        .is_some_and(|s| s.legal_basis == LegalBasis::Consent);
    if held_on_consent && !live_consent_for_sensitive(&db::consents(&mut tx, id).await?) {
        db::delete_sensitive(&mut tx, id).await?;
        audit::record(
            &mut tx,
            &now.stored(),
            Some(user.id),
            "delete_sensitive",
            "person",
            Some(id.0),
            &format!("{} ({})", p.name, LegalBasis::Consent.as_str()),
        )
        .await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

//! Staff use cases on programmes themselves. The records that belong to a programme
//! (partners, agreements, staff, action areas, target groups) go through `records`.
//!
//! An edit follows one shape: authorise where the record is (and, for a move, where it
//! would go), validate, do nothing when the input equals what is stored, write only if
//! the record is still at the version the person started from (else `Conflict`), audit.
//! A create may carry a one-time key, so a form submitted twice creates one record.

use crate::catalogue::{self, ProgrammePage};
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::{audit, organisations, places, programmes, DbError};
use kozos_domain::place::PlaceKind;
use kozos_domain::policy::{allows, allows_creating, Action, Target};
use kozos_domain::programme::*;
use kozos_domain::user::User;
use kozos_domain::*;

/// The target a programme's scope checks run against.
async fn target(app: &App, id: ProgrammeId) -> Result<Target> {
    programmes::target(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Refuse unless the user may do `action` on this programme. The programme is public, so
/// a 403 (rather than a 404) gives nothing away.
pub async fn authorise(app: &App, user: &User, action: Action, id: ProgrammeId) -> Result<Target> {
    let t = target(app, id).await?;
    if allows(&user.grants, action, &t) {
        Ok(t)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The programmes a grant of the user covers for `action`: `None` when a country-wide
/// grant covers them all (and what belongs to no programme), else their ids, sorted.
/// Forbidden when no grant allows it anywhere.
pub async fn covered(app: &App, user: &User, action: Action) -> Result<Option<Vec<ProgrammeId>>> {
    if !kozos_domain::policy::allows_somewhere(&user.grants, action) {
        return Err(AppError::Forbidden);
    }
    if allows(&user.grants, action, &Target::country()) {
        return Ok(None);
    }
    let mut ids: Vec<ProgrammeId> = programmes::all_targets(&app.db)
        .await?
        .into_iter()
        .filter(|(_, t)| allows(&user.grants, action, t))
        .map(|(id, _)| id)
        .collect();
    ids.sort();
    Ok(Some(ids))
}

/// Where a programme with this beneficiary and place would sit (no programme: a grant on
/// one programme does not cover where another, or a moved one, would go). Unknown
/// references are reported on their fields.
async fn place_target(
    app: &App,
    org: Option<OrganisationId>,
    place: Option<PlaceId>,
) -> Result<Target> {
    let mut t = Target::default();
    let mut e = FieldErrors::new();
    if let Some(o) = org {
        match organisations::lineage(&app.db, o).await? {
            Some((parent, lineage)) => {
                t.organisations.push(o);
                t.organisations.extend(parent);
                t.places.extend(lineage);
            }
            None => e.add("beneficiary_id", "err-choice"),
        }
    }
    if let Some(p) = place {
        match places::get(&app.db, p).await? {
            Some(p) => t.places.extend(p.lineage),
            None => e.add("place_id", "err-choice"),
        }
    }
    e.into_result(t).map_err(AppError::Invalid)
}

/// Programmes the user may see in the back office (their scopes read in one query).
pub async fn list_for_staff(app: &App, user: &User, q: Option<&str>) -> Result<Vec<Programme>> {
    if !kozos_domain::policy::allows_somewhere(&user.grants, Action::ViewBackOffice) {
        return Err(AppError::Forbidden);
    }
    let targets = programmes::all_targets(&app.db).await?;
    Ok(catalogue::search_programmes(app, q)
        .await?
        .into_iter()
        .filter(|p| {
            targets
                .get(&p.id)
                .is_some_and(|t| allows(&user.grants, Action::ViewBackOffice, t))
        })
        .collect())
}

#[derive(Debug, Clone)]
pub struct StaffView {
    pub page: std::sync::Arc<ProgrammePage>,
    pub staff: Vec<StaffAssignment>,
    pub history: Vec<audit::Entry>,
    pub can: Permissions,
}

/// What the current user may change on one programme (drives which forms are shown).
#[derive(Debug, Clone, Copy, Default)]
pub struct Permissions {
    pub edit: bool,
    pub partners: bool,
    pub staff: bool,
    pub areas: bool,
    pub target_groups: bool,
}

impl Permissions {
    pub fn any(&self) -> bool {
        self.edit || self.partners || self.staff || self.areas || self.target_groups
    }
}

pub async fn staff_view(app: &App, user: &User, id: ProgrammeId) -> Result<StaffView> {
    let t = authorise(app, user, Action::ViewBackOffice, id).await?;
    let g = &user.grants;
    Ok(StaffView {
        page: catalogue::programme_page(app, id).await?,
        staff: programmes::staff(&app.db.pool, id).await?,
        history: audit::for_entity(&app.db, "programme", id.0, 30).await?,
        can: Permissions {
            edit: allows(g, Action::EditProgramme, &t),
            partners: allows(g, Action::ManagePartners, &t),
            staff: allows(g, Action::ManageStaff, &t),
            areas: allows(g, Action::ManageActionAreas, &t),
            target_groups: allows(g, Action::ManageTargetGroups, &t),
        },
    })
}

/// May this user create programmes at all (to show the button and the form)? A grant on
/// one programme cannot: a new programme is never that programme.
pub fn may_create(user: &User) -> Result<()> {
    if allows_creating(&user.grants, Action::CreateProgramme) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn create(
    app: &App,
    user: &User,
    form: &ProgrammeForm,
    once: Option<&str>,
) -> Result<ProgrammeId> {
    may_create(user)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let t = place_target(app, input.beneficiary_id, input.place_id).await?;
    if !allows(&user.grants, Action::CreateProgramme, &t) {
        let field = if input.beneficiary_id.is_some() {
            "beneficiary_id"
        } else {
            "place_id"
        };
        return Err(AppError::invalid(field, "err-out-of-scope"));
    }
    let once = Once::new("programme", once, &input);
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    if let Some(id) = once.claim(app, &mut tx, user).await? {
        return Ok(ProgrammeId(id));
    }
    let id = programmes::insert(&mut tx, &input, &now).await?;
    once.complete(&mut tx, user, id.0).await?;
    audit::record(
        &mut tx,
        &now,
        Some(user.id),
        "create",
        "programme",
        Some(id.0),
        &input.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

/// The stored programme, for an edit form.
pub async fn for_edit(app: &App, user: &User, id: ProgrammeId) -> Result<Programme> {
    authorise(app, user, Action::EditProgramme, id).await?;
    programmes::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Save a programme's fields. Moving it (another beneficiary or place) must also be
/// allowed where it would go, by a grant other than the one on this programme: otherwise
/// a project manager could move it out of sight of the county that oversees it.
pub async fn update(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &ProgrammeForm,
    version: Option<i64>,
) -> Result<()> {
    let current = for_edit(app, user, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if ProgrammeForm::from_programme(&current).validate().as_ref() == Ok(&input) {
        return Ok(()); // saved unchanged: nothing to write
    }
    let t = place_target(app, input.beneficiary_id, input.place_id).await?;
    let moved_org = input.beneficiary_id != current.beneficiary_id;
    let moved_place = input.place_id != current.place_id;
    if (moved_org || moved_place) && !allows(&user.grants, Action::EditProgramme, &t) {
        let field = if moved_org {
            "beneficiary_id"
        } else {
            "place_id"
        };
        return Err(AppError::invalid(field, "err-out-of-scope"));
    }
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    saved(programmes::update(&mut tx, id, &input, &now, version).await?)?;
    // Its place, start and beneficiary are what indicators count from.
    kozos_db::indicators::touch(&mut tx, id, kozos_db::indicators::Touch::Activities).await?;
    audit::record(
        &mut tx,
        &now,
        Some(user.id),
        "update",
        "programme",
        Some(id.0),
        &input.title,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Places a programme can be set in, for its form: every level of the tree (a national
/// programme sits at the country, Abaúj's at its county, a neighbourhood's at a
/// settlement part). The form must offer whatever a programme can be stored with, or
/// saving it unchanged would clear it.
pub async fn place_choices(app: &App) -> Result<Vec<kozos_domain::place::Place>> {
    let mut list = Vec::new();
    for kind in PlaceKind::ALL {
        let mut of_kind = places::of_kind(&app.db, kind).await?;
        of_kind.sort_by(|a, b| kozos_domain::text::hu_cmp(&a.name, &b.name));
        list.extend(of_kind);
    }
    Ok(list)
}

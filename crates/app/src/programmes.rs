//! Staff use cases on programmes and their parts.
//!
//! Every edit follows one shape: authorise where the record is (and, for a move, where
//! it would go), validate, do nothing when the input equals what is stored, write only if
//! the record is still at the version the person started from (else `Conflict`), audit.
//! Every create may carry a one-time key, so a form submitted twice creates one record.

use crate::catalogue::{self, ProgrammePage};
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::{audit, organisations, places, programmes, DbError, Tx};
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

fn code_conflict(e: DbError) -> AppError {
    if e.is_unique_on("code") {
        AppError::invalid("code", "err-duplicate-code")
    } else {
        AppError::from(e)
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
    let id = programmes::insert(&mut tx, &input, &now)
        .await
        .map_err(code_conflict)?;
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
    saved(
        programmes::update(&mut tx, id, &input, &now, version)
            .await
            .map_err(code_conflict)?,
    )?;
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

// ---- parts ----

async fn audit_part(
    app: &App,
    tx: &mut Tx,
    user: &User,
    id: ProgrammeId,
    action: &str,
    detail: &str,
) -> Result<()> {
    audit::record(
        tx,
        &app.now_text(),
        Some(user.id),
        action,
        "programme",
        Some(id.0),
        detail,
    )
    .await?;
    Ok(())
}

/// Create a part of a programme in one transaction: claim the form's one-time key (a
/// repeat answers with the first record), write, audit.
async fn create_part(
    app: &App,
    user: &User,
    id: ProgrammeId,
    once: Once<'_>,
    audit_action: &str,
    detail: &str,
    write: impl AsyncFnOnce(&mut kozos_db::Conn) -> Result<i64>,
) -> Result<i64> {
    let mut tx = app.db.begin().await?;
    if let Some(prev) = once.claim(app, &mut tx, user).await? {
        return Ok(prev);
    }
    let new_id = write(&mut tx).await?;
    once.complete(&mut tx, user, new_id).await?;
    audit_part(app, &mut tx, user, id, audit_action, detail).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(new_id)
}

/// Edit a part: nothing when the input equals what is stored, else write if still at
/// `version` (`write` answers what the versioned update came to), audit.
async fn update_part<I: PartialEq>(
    app: &App,
    user: &User,
    id: ProgrammeId,
    (stored, input): (Option<I>, &I),
    (audit_action, detail): (&str, &str),
    write: impl AsyncFnOnce(&mut kozos_db::Conn) -> Result<kozos_db::Saved>,
) -> Result<()> {
    if stored.as_ref() == Some(input) {
        return Ok(());
    }
    let mut tx = app.db.begin().await?;
    saved(write(&mut tx).await?)?;
    audit_part(app, &mut tx, user, id, audit_action, detail).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

fn duplicate(e: DbError, field: &'static str, key: &'static str) -> AppError {
    if matches!(e, DbError::Unique(_)) {
        AppError::invalid(field, key)
    } else {
        AppError::from(e)
    }
}

/// The organisation a partner form names, or the field error.
async fn partner_org(
    app: &App,
    org: OrganisationId,
) -> Result<kozos_domain::organisation::Organisation> {
    organisations::get(&app.db, org)
        .await?
        .ok_or_else(|| AppError::invalid("organisation_id", "err-choice"))
}

/// A programme's parts as stored now (for edits, deletes and their confirmation pages).
pub async fn parts(app: &App, user: &User, id: ProgrammeId, action: Action) -> Result<Parts> {
    authorise(app, user, action, id).await?;
    let pool = &app.db.pool;
    Ok(Parts {
        partners: programmes::partners(pool, id).await?,
        staff: programmes::staff(pool, id).await?,
        areas: programmes::action_areas(pool, id).await?,
        groups: programmes::target_groups(pool, id).await?,
    })
}

#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub partners: Vec<Partner>,
    pub staff: Vec<StaffAssignment>,
    pub areas: Vec<ActionArea>,
    pub groups: Vec<TargetGroup>,
}

impl Parts {
    pub fn partner(&self, pid: PartnerId) -> Result<&Partner> {
        self.partners
            .iter()
            .find(|p| p.id == pid)
            .ok_or(AppError::NotFound)
    }
    pub fn agreement(&self, aid: AgreementId) -> Result<(&Partner, &Agreement)> {
        self.partners
            .iter()
            .find_map(|p| p.agreements.iter().find(|a| a.id == aid).map(|a| (p, a)))
            .ok_or(AppError::NotFound)
    }
    pub fn staff(&self, sid: StaffId) -> Result<&StaffAssignment> {
        self.staff
            .iter()
            .find(|s| s.id == sid)
            .ok_or(AppError::NotFound)
    }
    pub fn area(&self, aid: ActionAreaId) -> Result<&ActionArea> {
        self.areas
            .iter()
            .find(|a| a.id == aid)
            .ok_or(AppError::NotFound)
    }
    pub fn group(&self, gid: TargetGroupId) -> Result<&TargetGroup> {
        self.groups
            .iter()
            .find(|g| g.id == gid)
            .ok_or(AppError::NotFound)
    }
}

/// How an agreement is named in the change log.
fn agreement_label(a: &Agreement) -> String {
    match a.signed_on {
        Some(d) => format!("{d}: {}", a.scope),
        None => a.scope.clone(),
    }
}

/// Add a partner, with its cooperation agreement when one is given.
pub async fn add_partner(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &PartnerForm,
    agreement: &AgreementForm,
    once: Option<&str>,
) -> Result<PartnerId> {
    authorise(app, user, Action::ManagePartners, id).await?;
    let input = form.validate();
    let has_agreement =
        !(agreement.signed_on.trim().is_empty() && agreement.scope.trim().is_empty());
    let agreement_input = has_agreement.then(|| agreement.validate(app.clock.today()));
    let (input, agreement_input) = match (input, agreement_input.transpose()) {
        (Ok(i), Ok(a)) => (i, a),
        (i, a) => {
            let mut e = i.err().unwrap_or_default();
            e.0.extend(a.err().unwrap_or_default().0);
            return Err(AppError::Invalid(e));
        }
    };
    let org = partner_org(app, input.organisation_id).await?;
    let once = Once::new("partner", once, &(id, &input, &agreement_input));
    let pid = create_part(app, user, id, once, "add_partner", &org.name, async |tx| {
        let pid = programmes::insert_partner(tx, id, &input)
            .await
            .map_err(|e| duplicate(e, "organisation_id", "err-duplicate-partner"))?;
        if let Some(a) = &agreement_input {
            programmes::insert_agreement(tx, pid, a).await?;
        }
        Ok(pid.0)
    })
    .await?;
    Ok(PartnerId(pid))
}

pub async fn update_partner(
    app: &App,
    user: &User,
    id: ProgrammeId,
    partner: PartnerId,
    form: &PartnerForm,
    version: Option<i64>,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManagePartners).await?;
    let stored = parts.partner(partner)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let org = partner_org(app, input.organisation_id).await?;
    let current = PartnerForm::from_partner(stored).validate().ok();
    update_part(
        app,
        user,
        id,
        (current, &input),
        ("update_partner", &org.name),
        async |tx| {
            programmes::update_partner(tx, id, partner, &input, version)
                .await
                .map_err(|e| duplicate(e, "organisation_id", "err-duplicate-partner"))
        },
    )
    .await
}

/// Remove a partner and its agreements; each removed record is named in the change log.
pub async fn delete_partner(
    app: &App,
    user: &User,
    id: ProgrammeId,
    partner: PartnerId,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManagePartners).await?;
    let p = parts.partner(partner)?;
    let mut tx = app.db.begin().await?;
    if !programmes::delete_partner(&mut tx, id, partner).await? {
        return Err(AppError::NotFound);
    }
    for a in &p.agreements {
        audit_part(
            app,
            &mut tx,
            user,
            id,
            "delete_agreement",
            &format!("{} – {}", p.organisation_name, agreement_label(a)),
        )
        .await?;
    }
    audit_part(
        app,
        &mut tx,
        user,
        id,
        "delete_partner",
        &p.organisation_name,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

pub async fn add_agreement(
    app: &App,
    user: &User,
    id: ProgrammeId,
    partner: PartnerId,
    form: &AgreementForm,
    once: Option<&str>,
) -> Result<AgreementId> {
    let parts = parts(app, user, id, Action::ManagePartners).await?;
    let p = parts.partner(partner)?;
    let input = form
        .validate(app.clock.today())
        .map_err(AppError::Invalid)?;
    let detail = format!("{} – {}", p.organisation_name, input.scope);
    let once = Once::new("agreement", once, &(id, partner, &input));
    let aid = create_part(app, user, id, once, "add_agreement", &detail, async |tx| {
        if !programmes::partner_belongs(tx, id, partner).await? {
            return Err(AppError::NotFound);
        }
        Ok(programmes::insert_agreement(tx, partner, &input).await?.0)
    })
    .await?;
    Ok(AgreementId(aid))
}

pub async fn update_agreement(
    app: &App,
    user: &User,
    id: ProgrammeId,
    agreement: AgreementId,
    form: &AgreementForm,
    version: Option<i64>,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManagePartners).await?;
    let (p, stored) = parts.agreement(agreement)?;
    let today = app.clock.today();
    let input = form.validate(today).map_err(AppError::Invalid)?;
    let current = AgreementForm::from_agreement(stored).validate(today).ok();
    let detail = format!("{} – {}", p.organisation_name, input.scope);
    update_part(
        app,
        user,
        id,
        (current, &input),
        ("update_agreement", &detail),
        async |tx| Ok(programmes::update_agreement(tx, id, agreement, &input, version).await?),
    )
    .await
}

pub async fn delete_agreement(
    app: &App,
    user: &User,
    id: ProgrammeId,
    agreement: AgreementId,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManagePartners).await?;
    let (p, a) = parts.agreement(agreement)?;
    let mut tx = app.db.begin().await?;
    if !programmes::delete_agreement(&mut tx, id, agreement).await? {
        return Err(AppError::NotFound);
    }
    let detail = format!("{} – {}", p.organisation_name, agreement_label(a));
    audit_part(app, &mut tx, user, id, "delete_agreement", &detail).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

pub async fn add_staff(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &StaffForm,
    once: Option<&str>,
) -> Result<StaffId> {
    authorise(app, user, Action::ManageStaff, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let once = Once::new("staff", once, &(id, &input));
    let sid = create_part(app, user, id, once, "add_staff", &input.name, async |tx| {
        Ok(programmes::insert_staff(tx, id, &input).await?.0)
    })
    .await?;
    Ok(StaffId(sid))
}

pub async fn update_staff(
    app: &App,
    user: &User,
    id: ProgrammeId,
    staff: StaffId,
    form: &StaffForm,
    version: Option<i64>,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManageStaff).await?;
    let stored = parts.staff(staff)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let current = StaffForm::from_staff(stored).validate().ok();
    update_part(
        app,
        user,
        id,
        (current, &input),
        ("update_staff", &input.name),
        async |tx| Ok(programmes::update_staff(tx, id, staff, &input, version).await?),
    )
    .await
}

pub async fn delete_staff(app: &App, user: &User, id: ProgrammeId, staff: StaffId) -> Result<()> {
    let parts = parts(app, user, id, Action::ManageStaff).await?;
    let st = parts.staff(staff)?;
    let mut tx = app.db.begin().await?;
    if !programmes::delete_staff(&mut tx, id, staff).await? {
        return Err(AppError::NotFound);
    }
    audit_part(app, &mut tx, user, id, "delete_staff", &st.name).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Resolve typed settlement names to places; every unknown or ambiguous name is reported.
async fn resolve_settlements(app: &App, names: &[String]) -> Result<Vec<PlaceId>> {
    let mut ids = Vec::new();
    for name in names {
        let found = places::settlements_named(&app.db, name).await?;
        match found.as_slice() {
            [one] => ids.push(one.id),
            [] => return Err(AppError::invalid("settlements", "err-unknown-settlement")),
            _ => return Err(AppError::invalid("settlements", "err-ambiguous-settlement")),
        }
    }
    Ok(ids)
}

/// Create (`area` is `None`) or edit an action area.
pub async fn save_action_area(
    app: &App,
    user: &User,
    id: ProgrammeId,
    area: Option<ActionAreaId>,
    form: &ActionAreaForm,
    edit: crate::Edit<'_>,
) -> Result<ActionAreaId> {
    let parts = parts(app, user, id, Action::ManageActionAreas).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let place_ids = resolve_settlements(app, &input.settlement_names).await?;
    let name_taken = |e| duplicate(e, "name", "err-duplicate-name");
    match area {
        None => {
            let once = Once::new("action_area", edit.once, &(id, &input));
            let aid = create_part(
                app,
                user,
                id,
                once,
                "add_action_area",
                &input.name,
                async |tx| {
                    let (aid, _) = programmes::upsert_action_area(
                        tx,
                        id,
                        None,
                        &input.name,
                        &input.boundary,
                        &place_ids,
                        None,
                    )
                    .await
                    .map_err(name_taken)?;
                    Ok(aid.0)
                },
            )
            .await?;
            Ok(ActionAreaId(aid))
        }
        Some(aid) => {
            let stored = parts.area(aid)?;
            let current = ActionAreaForm::from_area(stored).validate().ok();
            // Compare what would be stored: the same names resolve to the same places.
            let same_places = {
                let mut a: Vec<PlaceId> = stored.settlements.iter().map(|(p, _)| *p).collect();
                let mut b = place_ids.clone();
                a.sort();
                a.dedup();
                b.sort();
                b.dedup();
                a == b
            };
            let current = current.filter(|_| same_places);
            update_part(
                app,
                user,
                id,
                (current, &input),
                ("update_action_area", &input.name),
                async |tx| {
                    let (_, outcome) = programmes::upsert_action_area(
                        tx,
                        id,
                        Some(aid),
                        &input.name,
                        &input.boundary,
                        &place_ids,
                        edit.version,
                    )
                    .await
                    .map_err(name_taken)?;
                    Ok(outcome)
                },
            )
            .await?;
            Ok(aid)
        }
    }
}

pub async fn delete_action_area(
    app: &App,
    user: &User,
    id: ProgrammeId,
    area: ActionAreaId,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManageActionAreas).await?;
    let a = parts.area(area)?;
    let mut tx = app.db.begin().await?;
    if !programmes::delete_action_area(&mut tx, id, area).await? {
        return Err(AppError::NotFound);
    }
    audit_part(app, &mut tx, user, id, "delete_action_area", &a.name).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

pub async fn add_target_group(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &TargetGroupForm,
    once: Option<&str>,
) -> Result<TargetGroupId> {
    authorise(app, user, Action::ManageTargetGroups, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let once = Once::new("target_group", once, &(id, &input));
    let gid = create_part(
        app,
        user,
        id,
        once,
        "add_target_group",
        &input.name,
        async |tx| {
            Ok(programmes::insert_target_group(tx, id, &input)
                .await
                .map_err(|e| duplicate(e, "name", "err-duplicate-name"))?
                .0)
        },
    )
    .await?;
    Ok(TargetGroupId(gid))
}

pub async fn update_target_group(
    app: &App,
    user: &User,
    id: ProgrammeId,
    group: TargetGroupId,
    form: &TargetGroupForm,
    version: Option<i64>,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManageTargetGroups).await?;
    let stored = parts.group(group)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let current = TargetGroupForm::from_group(stored).validate().ok();
    update_part(
        app,
        user,
        id,
        (current, &input),
        ("update_target_group", &input.name),
        async |tx| {
            programmes::update_target_group(tx, id, group, &input, version)
                .await
                .map_err(|e| duplicate(e, "name", "err-duplicate-name"))
        },
    )
    .await
}

pub async fn delete_target_group(
    app: &App,
    user: &User,
    id: ProgrammeId,
    group: TargetGroupId,
) -> Result<()> {
    let parts = parts(app, user, id, Action::ManageTargetGroups).await?;
    let g = parts.group(group)?;
    let mut tx = app.db.begin().await?;
    if !programmes::delete_target_group(&mut tx, id, group).await? {
        return Err(AppError::NotFound);
    }
    audit_part(app, &mut tx, user, id, "delete_target_group", &g.name).await?;
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

//! Staff use cases on programmes and their parts.

use crate::catalogue::{self, ProgrammePage};
use crate::{App, AppError, Result};
use kozos_db::{audit, organisations, places, programmes, DbError};
use kozos_domain::policy::{allows, allows_somewhere, Action, Target};
use kozos_domain::programme::*;
use kozos_domain::user::User;
use kozos_domain::*;

/// The target a programme's scope checks run against.
async fn target(app: &App, id: ProgrammeId) -> Result<Target> {
    programmes::target(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Refuse unless the user may do `action` on this programme. Someone who may not even
/// see the programme gets 404-like `NotFound`? No: the programme is public, so 403 is honest.
pub async fn authorise(app: &App, user: &User, action: Action, id: ProgrammeId) -> Result<Target> {
    let t = target(app, id).await?;
    if allows(&user.grants, action, &t) {
        Ok(t)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The target for creating something owned by an organisation in a place.
async fn org_target(
    app: &App,
    org: Option<OrganisationId>,
    place: Option<PlaceId>,
) -> Result<Target> {
    let mut t = Target::default();
    if let Some(o) = org {
        let (parent, lineage) = organisations::lineage(&app.db, o)
            .await?
            .ok_or_else(|| AppError::invalid("beneficiary_id", "err-choice"))?;
        t.organisations.push(o);
        t.organisations.extend(parent);
        t.places.extend(lineage);
    }
    if let Some(p) = place {
        let p = places::get(&app.db, p)
            .await?
            .ok_or_else(|| AppError::invalid("place_id", "err-choice"))?;
        t.places.extend(p.lineage);
    }
    Ok(t)
}

/// Programmes the user may see in the back office.
pub async fn list_for_staff(app: &App, user: &User, q: Option<&str>) -> Result<Vec<Programme>> {
    if !allows_somewhere(&user.grants, Action::ViewBackOffice) {
        return Err(AppError::Forbidden);
    }
    let mut out = Vec::new();
    for p in programmes::search(&app.db, q).await? {
        if allows(
            &user.grants,
            Action::ViewBackOffice,
            &target(app, p.id).await?,
        ) {
            out.push(p);
        }
    }
    Ok(out)
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

pub async fn staff_view(app: &App, user: &User, id: ProgrammeId) -> Result<StaffView> {
    let t = authorise(app, user, Action::ViewBackOffice, id).await?;
    let g = &user.grants;
    Ok(StaffView {
        page: catalogue::programme_page(app, id).await?,
        staff: programmes::staff(&app.db, id).await?,
        history: audit::for_entity(&app.db, "programme", id.0, 20).await?,
        can: Permissions {
            edit: allows(g, Action::EditProgramme, &t),
            partners: allows(g, Action::ManagePartners, &t),
            staff: allows(g, Action::ManageStaff, &t),
            areas: allows(g, Action::ManageActionAreas, &t),
            target_groups: allows(g, Action::ManageTargetGroups, &t),
        },
    })
}

/// May this user create programmes at all (to show the button and the form)?
pub fn may_create(user: &User) -> Result<()> {
    if allows_somewhere(&user.grants, Action::CreateProgramme) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn code_conflict(e: DbError) -> AppError {
    if e.is_unique_on("code") {
        AppError::invalid("code", "err-duplicate-code")
    } else {
        AppError::Db(e)
    }
}

pub async fn create(app: &App, user: &User, form: &ProgrammeForm) -> Result<ProgrammeId> {
    may_create(user)?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let t = org_target(app, input.beneficiary_id, input.place_id).await?;
    if !allows(&user.grants, Action::CreateProgramme, &t) {
        return Err(AppError::invalid("beneficiary_id", "err-out-of-scope"));
    }
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    let id = programmes::insert(&mut tx, &input, &now)
        .await
        .map_err(code_conflict)?;
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

pub async fn update(app: &App, user: &User, id: ProgrammeId, form: &ProgrammeForm) -> Result<()> {
    authorise(app, user, Action::EditProgramme, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    // Moving a programme to another beneficiary or place must stay within the user's scope.
    let mut t = org_target(app, input.beneficiary_id, input.place_id).await?;
    t.programme = Some(id);
    if !allows(&user.grants, Action::EditProgramme, &t) {
        return Err(AppError::invalid("beneficiary_id", "err-out-of-scope"));
    }
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    if !programmes::update(&mut tx, id, &input, &now)
        .await
        .map_err(code_conflict)?
    {
        return Err(AppError::NotFound);
    }
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

/// One change to a programme's part, in a transaction with its audit entry. `write`
/// answers `false` when the part is not in this programme: then nothing is written (404).
async fn change_part(
    app: &App,
    user: &User,
    id: ProgrammeId,
    audit_action: &str,
    detail: &str,
    write: impl AsyncFnOnce(&mut kozos_db::Conn) -> Result<bool>,
) -> Result<()> {
    let mut tx = app.db.begin().await?;
    if !write(&mut tx).await? {
        return Err(AppError::NotFound);
    }
    audit_part(app, &mut tx, user, id, audit_action, detail).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

async fn audit_part(
    app: &App,
    tx: &mut kozos_db::Tx,
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

/// Add a partner, with its cooperation agreement when one is given.
pub async fn add_partner(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &PartnerForm,
    agreement: &AgreementForm,
) -> Result<PartnerId> {
    authorise(app, user, Action::ManagePartners, id).await?;
    let input = form.validate();
    let has_agreement =
        !(agreement.signed_on.trim().is_empty() && agreement.scope.trim().is_empty());
    let agreement_input = if has_agreement {
        Some(agreement.validate(app.clock.now().date_naive()))
    } else {
        None
    };
    let (input, agreement_input) = match (input, agreement_input.transpose()) {
        (Ok(i), Ok(a)) => (i, a),
        (i, a) => {
            let mut e = i.err().unwrap_or_default();
            e.0.extend(a.err().unwrap_or_default().0);
            return Err(AppError::Invalid(e));
        }
    };
    let org = organisations::get(&app.db, input.organisation_id)
        .await?
        .ok_or_else(|| AppError::invalid("organisation_id", "err-choice"))?;
    let mut tx = app.db.begin().await?;
    let pid = programmes::insert_partner(&mut tx, id, &input)
        .await
        .map_err(|e| {
            if matches!(e, DbError::Unique(_)) {
                AppError::invalid("organisation_id", "err-duplicate-partner")
            } else {
                AppError::Db(e)
            }
        })?;
    if let Some(a) = &agreement_input {
        programmes::insert_agreement(&mut tx, pid, a).await?;
    }
    audit_part(app, &mut tx, user, id, "add_partner", &org.name).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(pid)
}

pub async fn delete_partner(
    app: &App,
    user: &User,
    id: ProgrammeId,
    partner: PartnerId,
) -> Result<()> {
    authorise(app, user, Action::ManagePartners, id).await?;
    change_part(
        app,
        user,
        id,
        "delete_partner",
        &partner.to_string(),
        async |c| Ok(programmes::delete_partner(c, id, partner).await?),
    )
    .await
}

pub async fn add_agreement(
    app: &App,
    user: &User,
    id: ProgrammeId,
    partner: PartnerId,
    form: &AgreementForm,
) -> Result<AgreementId> {
    authorise(app, user, Action::ManagePartners, id).await?;
    let input = form
        .validate(app.clock.now().date_naive())
        .map_err(AppError::Invalid)?;
    let mut tx = app.db.begin().await?;
    if !programmes::partner_belongs(&mut tx, id, partner).await? {
        return Err(AppError::NotFound);
    }
    let aid = programmes::insert_agreement(&mut tx, partner, &input).await?;
    audit_part(app, &mut tx, user, id, "add_agreement", &input.scope).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(aid)
}

pub async fn delete_agreement(
    app: &App,
    user: &User,
    id: ProgrammeId,
    agreement: AgreementId,
) -> Result<()> {
    authorise(app, user, Action::ManagePartners, id).await?;
    change_part(
        app,
        user,
        id,
        "delete_agreement",
        &agreement.to_string(),
        async |c| Ok(programmes::delete_agreement(c, id, agreement).await?),
    )
    .await
}

pub async fn add_staff(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &StaffForm,
) -> Result<StaffId> {
    authorise(app, user, Action::ManageStaff, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let mut tx = app.db.begin().await?;
    let sid = programmes::insert_staff(&mut tx, id, &input).await?;
    audit_part(app, &mut tx, user, id, "add_staff", &input.name).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(sid)
}

pub async fn delete_staff(app: &App, user: &User, id: ProgrammeId, staff: StaffId) -> Result<()> {
    authorise(app, user, Action::ManageStaff, id).await?;
    change_part(
        app,
        user,
        id,
        "delete_staff",
        &staff.to_string(),
        async |c| Ok(programmes::delete_staff(c, id, staff).await?),
    )
    .await
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
) -> Result<ActionAreaId> {
    authorise(app, user, Action::ManageActionAreas, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let place_ids = resolve_settlements(app, &input.settlement_names).await?;
    let mut tx = app.db.begin().await?;
    if let Some(a) = area {
        if !programmes::action_area_belongs(&mut tx, id, a).await? {
            return Err(AppError::NotFound);
        }
    }
    let aid =
        programmes::upsert_action_area(&mut tx, id, area, &input.name, &input.boundary, &place_ids)
            .await
            .map_err(|e| {
                if matches!(e, DbError::Unique(_)) {
                    AppError::invalid("name", "err-duplicate-name")
                } else {
                    AppError::Db(e)
                }
            })?;
    audit_part(app, &mut tx, user, id, "save_action_area", &input.name).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(aid)
}

pub async fn delete_action_area(
    app: &App,
    user: &User,
    id: ProgrammeId,
    area: ActionAreaId,
) -> Result<()> {
    authorise(app, user, Action::ManageActionAreas, id).await?;
    change_part(
        app,
        user,
        id,
        "delete_action_area",
        &area.to_string(),
        async |c| Ok(programmes::delete_action_area(c, id, area).await?),
    )
    .await
}

pub async fn add_target_group(
    app: &App,
    user: &User,
    id: ProgrammeId,
    form: &TargetGroupForm,
) -> Result<TargetGroupId> {
    authorise(app, user, Action::ManageTargetGroups, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let mut tx = app.db.begin().await?;
    let tid = programmes::insert_target_group(&mut tx, id, &input)
        .await
        .map_err(|e| {
            if matches!(e, DbError::Unique(_)) {
                AppError::invalid("name", "err-duplicate-name")
            } else {
                AppError::Db(e)
            }
        })?;
    audit_part(app, &mut tx, user, id, "add_target_group", &input.name).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(tid)
}

pub async fn delete_target_group(
    app: &App,
    user: &User,
    id: ProgrammeId,
    group: TargetGroupId,
) -> Result<()> {
    authorise(app, user, Action::ManageTargetGroups, id).await?;
    change_part(
        app,
        user,
        id,
        "delete_target_group",
        &group.to_string(),
        async |c| Ok(programmes::delete_target_group(c, id, group).await?),
    )
    .await
}

fn duplicate_name(e: DbError, field: &'static str, key: &'static str) -> AppError {
    if matches!(e, DbError::Unique(_)) {
        AppError::invalid(field, key)
    } else {
        AppError::Db(e)
    }
}

/// Change a partner's organisation or role.
pub async fn update_partner(
    app: &App,
    user: &User,
    id: ProgrammeId,
    partner: PartnerId,
    form: &PartnerForm,
) -> Result<()> {
    authorise(app, user, Action::ManagePartners, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    organisations::get(&app.db, input.organisation_id)
        .await?
        .ok_or_else(|| AppError::invalid("organisation_id", "err-choice"))?;
    change_part(
        app,
        user,
        id,
        "update_partner",
        &partner.to_string(),
        async |c| {
            programmes::update_partner(c, id, partner, &input)
                .await
                .map_err(|e| duplicate_name(e, "organisation_id", "err-duplicate-partner"))
        },
    )
    .await
}

pub async fn update_agreement(
    app: &App,
    user: &User,
    id: ProgrammeId,
    agreement: AgreementId,
    form: &AgreementForm,
) -> Result<()> {
    authorise(app, user, Action::ManagePartners, id).await?;
    let input = form
        .validate(app.clock.now().date_naive())
        .map_err(AppError::Invalid)?;
    change_part(app, user, id, "update_agreement", &input.scope, async |c| {
        Ok(programmes::update_agreement(c, id, agreement, &input).await?)
    })
    .await
}

pub async fn update_staff(
    app: &App,
    user: &User,
    id: ProgrammeId,
    staff: StaffId,
    form: &StaffForm,
) -> Result<()> {
    authorise(app, user, Action::ManageStaff, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    change_part(app, user, id, "update_staff", &input.name, async |c| {
        Ok(programmes::update_staff(c, id, staff, &input).await?)
    })
    .await
}

pub async fn update_target_group(
    app: &App,
    user: &User,
    id: ProgrammeId,
    group: TargetGroupId,
    form: &TargetGroupForm,
) -> Result<()> {
    authorise(app, user, Action::ManageTargetGroups, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    change_part(
        app,
        user,
        id,
        "update_target_group",
        &input.name,
        async |c| {
            programmes::update_target_group(c, id, group, &input)
                .await
                .map_err(|e| duplicate_name(e, "name", "err-duplicate-name"))
        },
    )
    .await
}

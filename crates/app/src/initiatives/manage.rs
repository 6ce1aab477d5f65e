//! What staff who manage initiatives do: move one through its stages (naming the
//! workshop where it was decided), record support given to it, and record what it came
//! to. Each is authorised on the programme (`ManageInitiatives`) first.

use crate::programmes::authorise;
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::initiatives as db;
use kozos_db::{audit, DbError, Saved};
use kozos_domain::initiative::*;
use kozos_domain::organisation::{OrgKind, OrganisationInput, Sector};
use kozos_domain::place::PlaceKind;
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::*;

/// The initiative, for staff who manage the programme's initiatives.
pub async fn get(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<Initiative> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    db::get(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The programme's initiatives for the back office (the same rows the public sees, with
/// the right checked).
pub async fn list(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    stage: Option<Stage>,
) -> Result<Vec<Initiative>> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    super::list(app, programme, stage).await
}

/// Move an initiative to another stage. The move is checked against the stage it is at
/// now, under its row lock: a skip, a step back, setting aside and taking up again need a
/// reason; the workshop named must be an activity of the same programme. `version` is the
/// one the form was opened at (a stale one is a conflict: someone moved it meanwhile).
pub async fn move_stage(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    form: &MoveForm,
    version: i64,
) -> Result<()> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let i = db::lock(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if i.version != version {
        return Err(AppError::Conflict);
    }
    check_move(i.stage, input.to, input.reason.as_deref())
        .map_err(|(field, key)| AppError::invalid(field, key))?;
    if let Some(a) = input.activity {
        if !db::activity_in_programme(&mut tx, programme, a).await? {
            return Err(AppError::invalid("activity_id", "err-choice"));
        }
    }
    saved(
        db::move_stage(
            &mut tx,
            programme,
            id,
            i.stage,
            &input,
            user.id,
            Some(version),
            now,
        )
        .await?,
    )?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "move_initiative",
        "programme",
        Some(programme.0),
        &format!(
            "{} #{id}: {} → {}",
            i.title,
            i.stage.as_str(),
            input.to.as_str()
        ),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Record support given to an initiative (a create form with its one-time key).
pub async fn add_assistance(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    form: &AssistanceForm,
    once: Option<&str>,
) -> Result<AssistanceId> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if let Some(o) = input.organisation {
        if kozos_db::organisations::get(&app.db, o).await?.is_none() {
            return Err(AppError::invalid("organisation_id", "err-choice"));
        }
    }
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let once = Once::new("initiative_assistance", once, &(id, &input));
    if let Some(a) = once.claim(app, &mut tx, user).await? {
        return Ok(AssistanceId(a));
    }
    let i = db::get(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let a = db::insert_assistance(&mut tx, programme, id, &input, user.id, now).await?;
    once.complete(&mut tx, user, a.0).await?;
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "add_assistance",
        "programme",
        Some(programme.0),
        &format!("{} #{id}: {}", i.title, input.kind.as_str()),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(a)
}

pub async fn delete_assistance(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    assistance: AssistanceId,
) -> Result<()> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let i = db::get(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !db::delete_assistance(&mut tx, programme, id, assistance).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "delete_assistance",
        "programme",
        Some(programme.0),
        &format!("{} #{id}: {assistance}", i.title),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Record what an initiative came to. A founded NGO is also an organisation in the
/// registry (civil sector, NGO, at the programme's settlement when it has one): the one with that name
/// if there is one, else a new one; the founding is what makes it true, so recording the
/// outcome (`ManageInitiatives`) is enough and the registry row is named in the change
/// log. A club is not an organisation of its own.
pub async fn set_outcome(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
    form: &OutcomeForm,
    version: i64,
) -> Result<()> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    let programme_place = kozos_db::programmes::get(&app.db, programme)
        .await?
        .ok_or(AppError::NotFound)?
        .place_id;
    // An organisation is registered in a settlement: the programme's place counts only
    // when it is one (a county-wide programme leaves it to be filled in later).
    let place = match programme_place {
        Some(p) => kozos_db::places::get(&app.db, p).await?.and_then(|p| {
            matches!(p.kind, PlaceKind::Settlement | PlaceKind::SettlementPart).then_some(p.id)
        }),
        None => None,
    };
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    let i = db::get(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if i.outcome == input.outcome && i.outcome_name == input.name && i.version == version {
        return Ok(());
    }
    let organisation = match (input.outcome, &input.name) {
        (Outcome::NgoFounded, Some(name)) => {
            let org = OrganisationInput {
                name: name.clone(),
                sector: Sector::Civil,
                kind: OrgKind::Ngo,
                settlement_id: place,
                parent_id: None,
                website: None,
            };
            let o = kozos_db::organisations::ensure(&mut tx, &org, &now.stored()).await?;
            audit::record(
                &mut tx,
                &now.stored(),
                Some(user.id),
                "found_organisation",
                "organisation",
                Some(o.0),
                name,
            )
            .await?;
            Some(o)
        }
        _ => None,
    };
    match db::set_outcome(
        &mut tx,
        programme,
        id,
        &input,
        organisation,
        now.date(),
        Some(version),
        now,
    )
    .await?
    {
        Saved::Done => {}
        other => saved(other)?,
    }
    audit::record(
        &mut tx,
        &now.stored(),
        Some(user.id),
        "set_initiative_outcome",
        "programme",
        Some(programme.0),
        &format!("{} #{id}: {}", i.title, input.outcome.as_str()),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// What the back-office page of an initiative shows and offers to pick.
pub struct ManageView {
    pub page: super::Page,
    /// The programme's activities (workshops first), as (id, date, title), to name where
    /// a move was decided.
    pub workshops: Vec<(ActivityId, kozos_domain::time::Instant, String)>,
    /// The programme's beneficiary and partners, who may have given support.
    pub organisations: Vec<(OrganisationId, String)>,
}

pub async fn view(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: InitiativeId,
) -> Result<ManageView> {
    authorise(app, user, Action::ManageInitiatives, programme).await?;
    let page = super::page(app, Some(user), programme, id).await?;
    let p = kozos_db::programmes::get(&app.db, programme)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let filter = kozos_db::programmes::activities::Filter {
        programme: Some(programme),
        ..Default::default()
    };
    let mut acts = kozos_db::programmes::activities::list(&mut conn, &filter).await?;
    acts.sort_by_key(|a| {
        (
            a.kind != kozos_domain::activity::ActivityKind::Workshop,
            a.starts_at,
        )
    });
    let workshops = acts
        .into_iter()
        .map(|a| (a.id, a.starts_at, a.title))
        .collect();
    let mut organisations: Vec<(OrganisationId, String)> = Vec::new();
    if let (Some(b), Some(n)) = (p.beneficiary_id, p.beneficiary_name) {
        organisations.push((b, n));
    }
    for pa in kozos_db::programmes::partners(&mut *conn, programme).await? {
        if !organisations.iter().any(|(o, _)| *o == pa.organisation_id) {
            organisations.push((pa.organisation_id, pa.organisation_name));
        }
    }
    Ok(ManageView {
        page,
        workshops,
        organisations,
    })
}

//! One path for every kind of record that belongs to a programme (partners, agreements,
//! staff, action areas, target groups today; activities, registrations, memos, plans and
//! indicators next).
//!
//! A kind describes itself once ([`Record`]): how it is read, validated, written and
//! named. The use cases here are the only ones that change such records, and each runs
//! the same steps: authorise on the programme → validate → (edits: nothing when the input
//! equals what is stored) → write in one transaction, checking the version the person
//! started from → audit, naming the record as stored. A create may carry a one-time key,
//! so a form submitted twice creates one record.

mod action_areas;
mod activities;
mod agreements;
mod memos;
mod partners;
mod plans;
mod questionnaires;
mod situation;
mod staff;
mod target_groups;

use crate::programmes::authorise;
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::indicators::{self, Touch};
use kozos_db::{audit, Conn, DbError, Saved};
use kozos_domain::policy::Action;
use kozos_domain::user::User;
use kozos_domain::ProgrammeId;
use std::fmt::{Debug, Display};
use std::future::Future;

pub(crate) use activities::settlement;
pub use activities::{sync_series, ActivityWrite, SeriesWrite};
pub use agreements::PartnerAgreement;
pub use memos::MemoWrite;
pub use partners::NewPartnerForm;

/// A typed id of a record (`PartnerId`, `StaffId` …).
pub trait RecordId: Copy + Eq + Debug + Display + From<i64> + Into<i64> + Send + Sync {}
impl<T: Copy + Eq + Debug + Display + From<i64> + Into<i64> + Send + Sync> RecordId for T {}

/// What a new record is created under: the programme itself, or one of its records (an
/// agreement belongs to a partner).
pub trait Parent: RecordId + 'static {
    /// Is `parent` in `programme`? Checked inside the creating transaction.
    fn belongs(
        conn: &mut Conn,
        programme: ProgrammeId,
        parent: Self,
    ) -> impl Future<Output = Result<bool>> + Send;
}

impl Parent for ProgrammeId {
    async fn belongs(_: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(parent == programme)
    }
}

/// A kind of record that belongs to a programme.
pub trait Record: Sized + Send + Sync + 'static {
    /// Its name in one-time keys and in the change log (`add_<KIND>`, `update_<KIND>`,
    /// `delete_<KIND>`).
    const KIND: &'static str;
    /// What a person needs to be allowed to do on the programme to change one.
    const ACTION: Action;
    /// What a change of one does to the programme's indicators (recomputed in the same
    /// transaction); `None` when indicators do not count it.
    const TOUCH: Option<Touch> = None;
    type Id: RecordId;
    type Parent: Parent;
    /// The edit form, as typed.
    type Form: Send + Sync;
    /// The form that adds one (often the edit form).
    type NewForm: Send + Sync;
    /// A validated edit: equal inputs mean nothing changed.
    type Input: PartialEq + Send + Sync;
    type NewInput: Debug + Send + Sync;

    /// The stored record, only when it is in `programme` (ids from a URL are hostile).
    fn load(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: Self::Id,
    ) -> impl Future<Output = Result<Option<Self>>> + Send;
    fn version(&self) -> i64;
    fn to_form(&self) -> Self::Form;
    /// How it is named in the change log and on its delete confirmation.
    fn label(&self) -> String;
    /// Records deleted with it, as (kind, label), each named in the change log.
    fn removed_with(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    fn validate(app: &App, form: &Self::Form) -> impl Future<Output = Result<Self::Input>> + Send;
    fn validate_new(
        app: &App,
        form: &Self::NewForm,
    ) -> impl Future<Output = Result<Self::NewInput>> + Send;

    fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        parent: Self::Parent,
        input: &Self::NewInput,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// Write an edit if the record is still at `version` (`None`: whatever it is at).
    fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: Self::Id,
        input: &Self::Input,
        version: Option<i64>,
    ) -> impl Future<Output = Result<Saved>> + Send;
    /// Remove it (and what goes with it); `false` when it was not there.
    fn delete(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: Self::Id,
    ) -> impl Future<Output = Result<bool>> + Send;
}

/// Does this record exist in this programme? (For the nested-path extractor: a URL
/// naming another programme's record is a 404 whoever asks.)
pub async fn exists<K: Record>(app: &App, programme: ProgrammeId, id: K::Id) -> Result<bool> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok(K::load(&mut conn, programme, id).await?.is_some())
}

/// The stored record, for its edit page or delete confirmation.
pub async fn get<K: Record>(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: K::Id,
) -> Result<K> {
    authorise(app, user, K::ACTION, programme).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    K::load(&mut conn, programme, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn log(
    app: &App,
    conn: &mut Conn,
    user: &User,
    programme: ProgrammeId,
    action: String,
    detail: &str,
) -> Result<()> {
    audit::record(
        conn,
        &app.now_text(),
        Some(user.id),
        &action,
        "programme",
        Some(programme.0),
        detail,
    )
    .await?;
    Ok(())
}

/// Add a record under `parent` (the programme, or a record of it).
pub async fn create<K: Record>(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    parent: K::Parent,
    form: &K::NewForm,
    once: Option<&str>,
) -> Result<K::Id> {
    authorise(app, user, K::ACTION, programme).await?;
    let input = K::validate_new(app, form).await?;
    let once = Once::new(K::KIND, once, &(programme, parent, &input));
    let mut tx = app.db.begin().await?;
    if let Some(prev) = once.claim(app, &mut tx, user).await? {
        return Ok(K::Id::from(prev));
    }
    if !K::Parent::belongs(&mut tx, programme, parent).await? {
        return Err(AppError::NotFound);
    }
    let id = K::Id::from(K::insert(&mut tx, programme, parent, &input).await?);
    touch::<K>(&mut tx, programme).await?;
    let stored = K::load(&mut tx, programme, id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("{} {id} not found after insert", K::KIND)))?;
    once.complete(&mut tx, user, id.into()).await?;
    let action = format!("add_{}", K::KIND);
    log(app, &mut tx, user, programme, action, &stored.label()).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

/// Save an edit made from `version`. Saved unchanged, it writes nothing; saved after
/// someone else's edit, it is refused with `Conflict`.
pub async fn update<K: Record>(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: K::Id,
    form: &K::Form,
    version: Option<i64>,
) -> Result<()> {
    let stored = get::<K>(app, user, programme, id).await?;
    let input = K::validate(app, form).await?;
    if K::validate(app, &stored.to_form()).await.ok().as_ref() == Some(&input) {
        return Ok(());
    }
    let mut tx = app.db.begin().await?;
    saved(K::update(&mut tx, programme, id, &input, version).await?)?;
    touch::<K>(&mut tx, programme).await?;
    let now = K::load(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = format!("update_{}", K::KIND);
    log(app, &mut tx, user, programme, action, &now.label()).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Delete a record and what goes with it; each removed record is named in the change log.
pub async fn delete<K: Record>(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: K::Id,
) -> Result<()> {
    authorise(app, user, K::ACTION, programme).await?;
    let mut tx = app.db.begin().await?;
    let stored = K::load(&mut tx, programme, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !K::delete(&mut tx, programme, id).await? {
        return Err(AppError::NotFound);
    }
    touch::<K>(&mut tx, programme).await?;
    for (kind, label) in stored.removed_with() {
        log(
            app,
            &mut tx,
            user,
            programme,
            format!("delete_{kind}"),
            &label,
        )
        .await?;
    }
    let action = format!("delete_{}", K::KIND);
    log(app, &mut tx, user, programme, action, &stored.label()).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

async fn touch<K: Record>(conn: &mut Conn, programme: ProgrammeId) -> Result<()> {
    if let Some(t) = K::TOUCH {
        indicators::touch(conn, programme, t).await?;
    }
    Ok(())
}

/// Kinds' validation answers `FieldErrors`; use cases answer `AppError`.
fn invalid<T>(r: std::result::Result<T, kozos_domain::FieldErrors>) -> Result<T> {
    r.map_err(AppError::Invalid)
}

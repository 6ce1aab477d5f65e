//! Memos through the one record path: each is written under one activity of the
//! programme that is held to talk things over (a conversation, forum or workshop), and
//! at most one per activity.

use super::{invalid, Parent, Record};
use crate::{App, AppError, Result};
use kozos_db::programmes::activities as activities_db;
use kozos_db::programmes::memos as db;
use kozos_db::{Conn, Saved};
use kozos_domain::community::memo::*;
use kozos_domain::policy::Action;
use kozos_domain::time::Instant;
use kozos_domain::{ActivityId, MemoId, ProgrammeId};

/// A validated memo and when it was checked (the moment a first publication is dated).
#[derive(Debug, Clone)]
pub struct MemoWrite {
    pub input: MemoInput,
    pub now: Instant,
}

impl PartialEq for MemoWrite {
    fn eq(&self, other: &Self) -> bool {
        self.input == other.input
    }
}

impl Parent for ActivityId {
    /// The activity is the programme's, and of a kind that has a memo.
    async fn belongs(conn: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(activities_db::activity_in(conn, programme, parent)
            .await?
            .is_some_and(|a| has_memo(a.kind)))
    }
}

impl Record for Memo {
    const KIND: &'static str = "memo";
    const ACTION: Action = Action::ManageActivities;
    type Id = MemoId;
    type Parent = ActivityId;
    type Form = MemoForm;
    type NewForm = MemoForm;
    type Input = MemoWrite;
    type NewInput = MemoWrite;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: MemoId) -> Result<Option<Self>> {
        Ok(db::get(conn, programme, id).await?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> MemoForm {
        MemoForm::from_memo(self)
    }
    fn label(&self) -> String {
        self.title.clone()
    }

    async fn validate(app: &App, form: &MemoForm) -> Result<MemoWrite> {
        Ok(MemoWrite {
            input: invalid(form.validate())?,
            now: Instant::from(app.clock.now()),
        })
    }
    async fn validate_new(app: &App, form: &MemoForm) -> Result<MemoWrite> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        activity: ActivityId,
        w: &MemoWrite,
    ) -> Result<i64> {
        if db::exists_for(conn, activity).await? {
            return Err(AppError::invalid("form", "err-memo-exists"));
        }
        Ok(db::insert(conn, programme, activity, &w.input, w.now)
            .await?
            .0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: MemoId,
        w: &MemoWrite,
        version: Option<i64>,
    ) -> Result<Saved> {
        Ok(db::update(conn, programme, id, &w.input, version, w.now).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: MemoId) -> Result<bool> {
        Ok(db::delete(conn, programme, id).await?)
    }
}

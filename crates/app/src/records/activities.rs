//! Activities and series through the one record path. What is particular to them: the
//! typed settlement is resolved to a place, partners and target groups must be the
//! programme's own (checked in the writing transaction), each activity gets a stable
//! iCalendar UID, and a series' dates become activities (see [`sync_series`]).

use super::{invalid, Record};
use crate::{App, AppError, Result};
use kozos_db::participation::registrations as registrations_db;
use kozos_db::programmes::activities::{self as db, Placed};
use kozos_db::programmes::series as series_db;
use kozos_db::{places, Conn, Saved};
use kozos_domain::activity::*;
use kozos_domain::policy::Action;
use kozos_domain::time::{Date, Instant};
use kozos_domain::{ActivityId, PlaceId, ProgrammeId, SeriesId};

/// A settlement as typed, found in the gazetteer.
pub(crate) async fn settlement(app: &App, name: Option<&str>) -> Result<Option<PlaceId>> {
    let Some(name) = name else { return Ok(None) };
    let found = places::settlements_named(&app.db, name).await?;
    match found.as_slice() {
        [one] => Ok(Some(one.id)),
        [] => Err(AppError::invalid("settlement", "err-unknown-settlement")),
        _ => Err(AppError::invalid("settlement", "err-ambiguous-settlement")),
    }
}

/// A validated activity with its place found, and the moment it was checked (when it is
/// written: not part of what was typed, so not compared).
#[derive(Debug, Clone)]
pub struct ActivityWrite {
    pub input: ActivityInput,
    pub place: Option<PlaceId>,
    pub now: Instant,
}

impl PartialEq for ActivityWrite {
    fn eq(&self, other: &Self) -> bool {
        self.input == other.input && self.place == other.place
    }
}

/// Partners, target groups and organiser must exist, and links be the programme's own.
async fn check_links(conn: &mut Conn, programme: ProgrammeId, i: &ActivityInput) -> Result<()> {
    if !db::all_partners(conn, programme, &i.partner_ids).await? {
        return Err(AppError::invalid("partner_ids", "err-choice"));
    }
    if !db::all_target_groups(conn, programme, &i.target_group_ids).await? {
        return Err(AppError::invalid("target_group_ids", "err-choice"));
    }
    if let Some(o) = i.organiser_id {
        if !db::organisation_exists(conn, o).await? {
            return Err(AppError::invalid("organiser_id", "err-choice"));
        }
    }
    Ok(())
}

/// A new UID, never reused: random, so two instances never make the same one.
fn new_uid() -> String {
    format!("{}@kozos", crate::auth::random_token())
}

impl Record for Activity {
    const TOUCH: Option<kozos_db::indicators::Touch> =
        Some(kozos_db::indicators::Touch::Activities);
    const KIND: &'static str = "activity";
    const ACTION: Action = Action::ManageActivities;
    type Id = ActivityId;
    type Parent = ProgrammeId;
    type Form = ActivityForm;
    type NewForm = ActivityForm;
    type Input = ActivityWrite;
    type NewInput = ActivityWrite;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: ActivityId) -> Result<Option<Self>> {
        Ok(db::activity_in(conn, programme, id).await?)
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> ActivityForm {
        ActivityForm::from_activity(self)
    }
    fn label(&self) -> String {
        format!(
            "{} ({})",
            self.title,
            self.starts_at.local_input().replace('T', " ")
        )
    }

    async fn validate(app: &App, form: &ActivityForm) -> Result<ActivityWrite> {
        let input = invalid(form.validate())?;
        Ok(ActivityWrite {
            place: settlement(app, input.settlement.as_deref()).await?,
            input,
            now: app.clock.instant(),
        })
    }
    async fn validate_new(app: &App, form: &ActivityForm) -> Result<ActivityWrite> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        w: &ActivityWrite,
    ) -> Result<i64> {
        check_links(conn, programme, &w.input).await?;
        let placed = Placed {
            input: &w.input,
            place: w.place,
        };
        Ok(
            db::insert_activity(conn, programme, placed, None, &new_uid(), w.now)
                .await?
                .0,
        )
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: ActivityId,
        w: &ActivityWrite,
        version: Option<i64>,
    ) -> Result<Saved> {
        check_links(conn, programme, &w.input).await?;
        // Places are decided under the activity's lock; a capacity below the people
        // already given a place would take places away, so it is refused.
        registrations_db::lock_activity(conn, id).await?;
        if let Some(c) = w.input.capacity {
            if registrations_db::confirmed_count(conn, id).await? > c {
                return Err(AppError::invalid(
                    "capacity",
                    "err-capacity-below-registrations",
                ));
            }
        }
        let placed = Placed {
            input: &w.input,
            place: w.place,
        };
        let saved = db::update_activity(conn, programme, id, placed, version, w.now).await?;
        if saved == Saved::Done {
            // More places (or none to count) move the waiting list up.
            if let Some(a) = db::activity_in(conn, programme, id).await? {
                crate::participation::registrations::fill_places(conn, &a, w.now).await?;
            }
        }
        Ok(saved)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: ActivityId) -> Result<bool> {
        // People who registered or attended are part of the record: such an activity
        // stays (it can be made internal, or its people cancelled first).
        if registrations_db::has_participants(conn, id).await? {
            return Err(AppError::invalid("form", "err-activity-has-participants"));
        }
        // So are its evidence files: they are deleted one by one, each in the change log.
        if kozos_db::participation::evidence::count(conn, id).await? > 0 {
            return Err(AppError::invalid("form", "err-activity-has-evidence"));
        }
        // And its memo, which may be published: deleted first, on its own.
        if kozos_db::programmes::memos::exists_for(conn, id).await? {
            return Err(AppError::invalid("form", "err-activity-has-memo"));
        }
        // A series date deleted on purpose stays deleted when the series is saved again.
        let occurrence = db::occurrence_of(conn, id).await?;
        let gone = db::delete_activity(conn, programme, id).await?;
        if let (true, Some((series, day))) = (gone, occurrence) {
            series_db::add_exception(conn, series, day).await?;
        }
        Ok(gone)
    }
}

/// A validated series with its place found, and when it was checked.
#[derive(Debug, Clone)]
pub struct SeriesWrite {
    pub input: SeriesInput,
    pub place: Option<PlaceId>,
    pub now: Instant,
}

impl PartialEq for SeriesWrite {
    fn eq(&self, other: &Self) -> bool {
        self.input == other.input && self.place == other.place
    }
}

/// Make a series' activities match its rule: a date without one gets one; an upcoming
/// one still at the times (and with the details) the series gave it before (`was`) moves
/// to the rule's times and takes its name and place; an upcoming one whose date left the
/// rule is removed. Activities that have started are evidence and are never changed, and
/// a date someone edited on its own keeps what they set. Returns how many were made.
///
/// An upcoming date someone registered for stays, even when it left the rule.
pub async fn sync_series(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: SeriesId,
    w: &SeriesWrite,
    was: Option<&Series>,
) -> Result<usize> {
    let existing = series_db::occurrences(conn, id).await?;
    let wanted = w.input.rule.occurrences();
    let before: Vec<(Date, Instant, Instant)> =
        was.map(|s| s.rule.occurrences()).unwrap_or_default();
    let as_before = |day: &Date, s: &Instant, e: &Instant| {
        before
            .iter()
            .any(|(d, bs, be)| d == day && bs == s && be == e)
    };
    let mut made = 0;
    let activity = |starts_at, ends_at| ActivityInput {
        title: w.input.name.clone(),
        kind: w.input.kind,
        phase: None,
        forum_format: None,
        description: w.input.description.clone(),
        starts_at,
        ends_at,
        settlement: None,
        address: w.input.address.clone(),
        organiser_id: None,
        partner_ids: Vec::new(),
        target_group_ids: Vec::new(),
        public: w.input.public,
        capacity: None,
        registration_opens: None,
        registration_closes: None,
    };
    for (day, starts, ends) in &wanted {
        match existing.iter().find(|(_, d, _, _)| d == day) {
            None => {
                let input = activity(*starts, *ends);
                let placed = Placed {
                    input: &input,
                    place: w.place,
                };
                db::insert_activity(conn, programme, placed, Some((id, *day)), &new_uid(), w.now)
                    .await?;
                made += 1;
            }
            Some((aid, _, s, e))
                if *s > w.now && (s != starts || e != ends) && as_before(day, s, e) =>
            {
                series_db::move_occurrence(conn, *aid, *starts, *ends, w.now).await?;
            }
            Some(_) => {}
        }
    }
    for (aid, day, starts, ends) in &existing {
        if *starts > w.now
            && !wanted.iter().any(|(d, _, _)| d == day)
            && as_before(day, starts, ends)
            && !registrations_db::has_participants(conn, *aid).await?
            && kozos_db::participation::evidence::count(conn, *aid).await? == 0
        {
            db::delete_activity(conn, programme, *aid).await?;
        }
    }
    if let Some(was) = was {
        series_db::refresh_upcoming(conn, id, (&w.input, w.place), was, w.now).await?;
    }
    Ok(made)
}

impl Record for Series {
    const TOUCH: Option<kozos_db::indicators::Touch> =
        Some(kozos_db::indicators::Touch::Activities);
    const KIND: &'static str = "series";
    const ACTION: Action = Action::ManageActivities;
    type Id = SeriesId;
    type Parent = ProgrammeId;
    type Form = SeriesForm;
    type NewForm = SeriesForm;
    type Input = SeriesWrite;
    type NewInput = SeriesWrite;

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: SeriesId) -> Result<Option<Self>> {
        Ok(series_db::series(conn, id)
            .await?
            .filter(|s| s.programme_id == programme))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> SeriesForm {
        SeriesForm::from_series(self)
    }
    fn label(&self) -> String {
        self.name.clone()
    }

    async fn validate(app: &App, form: &SeriesForm) -> Result<SeriesWrite> {
        let input = invalid(form.validate())?;
        Ok(SeriesWrite {
            place: settlement(app, input.settlement.as_deref()).await?,
            input,
            now: app.clock.instant(),
        })
    }
    async fn validate_new(app: &App, form: &SeriesForm) -> Result<SeriesWrite> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        w: &SeriesWrite,
    ) -> Result<i64> {
        let id = series_db::insert_series(conn, programme, &w.input, w.place).await?;
        sync_series(conn, programme, id, w, None).await?;
        Ok(id.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: SeriesId,
        w: &SeriesWrite,
        version: Option<i64>,
    ) -> Result<Saved> {
        let was = series_db::series(conn, id).await?;
        let saved =
            series_db::update_series(conn, programme, id, &w.input, w.place, version).await?;
        if saved == Saved::Done {
            sync_series(conn, programme, id, w, was.as_ref()).await?;
        }
        Ok(saved)
    }
    /// The series goes; its activities stay (they happened, or people registered), no
    /// longer grouped.
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: SeriesId) -> Result<bool> {
        Ok(series_db::delete_series(conn, programme, id).await?)
    }
}

//! The JSON shapes of activities in the API.

use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::time::Instant;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ActivityDto {
    pub id: i64,
    pub programme_id: i64,
    pub series_id: Option<i64>,
    /// `workshop`, `training`, `small_conference`, `conference`, `community_conversation`,
    /// `community_interview`, `participatory_forum`, `consultation`, `study_trip`,
    /// `experience_exchange`, `community_action`, `club_meeting`, `cultural_event`,
    /// `film_screening`.
    pub kind: String,
    /// Workshops: `opening`, `exploring`, `analysing`, `elaborating`, `closing`.
    pub phase: Option<String>,
    /// Participatory forums: `dialogue_circle`, `round_table`.
    pub forum_format: Option<String>,
    pub title: String,
    pub description: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    /// The same times on Budapest clocks, with their offset (`2026-11-28T18:00:00+01:00`).
    pub starts_local: String,
    pub ends_local: String,
    pub place_id: Option<i64>,
    pub settlement: Option<String>,
    pub address: String,
    pub organiser_id: Option<i64>,
    pub organiser: Option<String>,
    pub partner_ids: Vec<i64>,
    pub target_group_ids: Vec<i64>,
    pub public: bool,
    pub capacity: Option<i64>,
    pub registration_opens: Option<String>,
    pub registration_closes: Option<String>,
    /// The iCalendar UID, stable for the activity's life.
    pub uid: String,
    /// Send it back with an edit to have the edit refused (409) if someone saved in between.
    pub version: i64,
}

fn local(t: Instant) -> String {
    t.budapest().to_rfc3339()
}

impl From<&Activity> for ActivityDto {
    fn from(a: &Activity) -> Self {
        ActivityDto {
            id: a.id.0,
            programme_id: a.programme_id.0,
            series_id: a.series_id.map(|s| s.0),
            kind: a.kind.as_str().into(),
            phase: a.phase.map(|p| p.as_str().into()),
            forum_format: a.forum_format.map(|p| p.as_str().into()),
            title: a.title.clone(),
            description: a.description.clone(),
            starts_at: a.starts_at.stored(),
            ends_at: a.ends_at.stored(),
            starts_local: local(a.starts_at),
            ends_local: local(a.ends_at),
            place_id: a.place_id.map(|p| p.0),
            settlement: a.place_name.clone(),
            address: a.address.clone(),
            organiser_id: a.organiser_id.map(|o| o.0),
            organiser: a.organiser_name.clone(),
            partner_ids: a.partners.iter().map(|(o, _)| o.0).collect(),
            target_group_ids: a.target_groups.iter().map(|(t, _)| t.0).collect(),
            public: a.public,
            capacity: a.capacity,
            registration_opens: a.registration_opens.map(Instant::stored),
            registration_closes: a.registration_closes.map(Instant::stored),
            uid: a.uid.clone(),
            version: a.version,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(default)]
pub struct ActivityWrite {
    pub title: String,
    pub kind: String,
    pub phase: Option<String>,
    pub forum_format: Option<String>,
    pub description: Option<String>,
    /// RFC 3339 with an offset (`2026-11-28T17:00:00Z`), or Budapest wall-clock time
    /// without one (`2026-11-28T18:00`).
    pub starts_at: String,
    pub ends_at: String,
    /// Settlement name (accent- and case-blind), e.g. `Kisbér`.
    pub settlement: Option<String>,
    pub address: Option<String>,
    pub organiser_id: Option<i64>,
    /// The programme's beneficiary or partners taking part.
    pub partner_ids: Vec<i64>,
    /// The programme's target groups.
    pub target_group_ids: Vec<i64>,
    /// Shown in the public calendar (default: internal).
    pub public: bool,
    pub capacity: Option<i64>,
    pub registration_opens: Option<String>,
    pub registration_closes: Option<String>,
    /// The version this edit starts from (as read); when someone saved since, the edit is
    /// refused with 409 `conflict`. Leave out to overwrite whatever is stored.
    pub version: Option<i64>,
}

/// An instant as sent: RFC 3339 becomes Budapest wall-clock text (what the form reads);
/// anything else goes to the form's own reading, which explains what is wrong.
fn time_text(v: &str) -> String {
    match Instant::parse_stored(v) {
        Some(t) => t.local_input(),
        None => v.to_string(),
    }
}

fn o(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

impl ActivityWrite {
    pub fn to_form(&self) -> ActivityForm {
        ActivityForm {
            title: self.title.clone(),
            kind: self.kind.clone(),
            phase: o(&self.phase),
            forum_format: o(&self.forum_format),
            description: o(&self.description),
            starts_at: time_text(&self.starts_at),
            ends_at: time_text(&self.ends_at),
            settlement: o(&self.settlement),
            address: o(&self.address),
            organiser_id: self.organiser_id.map(|i| i.to_string()).unwrap_or_default(),
            partner_ids: self.partner_ids.iter().map(i64::to_string).collect(),
            target_group_ids: self.target_group_ids.iter().map(i64::to_string).collect(),
            public: if self.public {
                "1".into()
            } else {
                String::new()
            },
            capacity: self.capacity.map(|c| c.to_string()).unwrap_or_default(),
            registration_opens: self
                .registration_opens
                .as_deref()
                .map(time_text)
                .unwrap_or_default(),
            registration_closes: self
                .registration_closes
                .as_deref()
                .map(time_text)
                .unwrap_or_default(),
        }
    }
}

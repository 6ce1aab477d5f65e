//! What scanners send and get back; shared by the API and the check-in page's sync.

use kozos_app::participation::checkin::{Outcome, Scan};
use kozos_domain::participation::{Attendance, CheckInRefusal};
use kozos_domain::time::Instant;
use kozos_domain::ActivityId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One scan.
#[derive(Deserialize, ToSchema, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct CheckInBody {
    pub activity_id: i64,
    /// The ticket code as read from the QR code or typed (case, spaces and hyphens do not matter).
    pub token: String,
    /// When it was scanned, RFC 3339 (a scanner that was offline sends the scan's time).
    pub scanned_at: String,
    /// The scanner's own unique id for this scan (e.g. a UUID); sending the same scan again
    /// answers `already_checked_in`.
    #[serde(default)]
    pub client_id: Option<String>,
}

#[derive(Deserialize, ToSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct BatchBody {
    /// At most 1000 scans, recorded in one transaction.
    pub scans: Vec<CheckInBody>,
}

/// Who was recorded present.
#[derive(Serialize, ToSchema, Debug, Clone)]
pub struct AttendanceDto {
    pub id: i64,
    pub activity_id: i64,
    /// The training session, when the activity has sessions.
    pub session_id: Option<i64>,
    pub person_id: i64,
    pub name: String,
    pub registration_id: Option<i64>,
    /// `qr`, `roster`, `walk_in` or `api`.
    pub route: String,
    pub scanned_at: String,
    pub recorded_at: String,
}

impl From<&Attendance> for AttendanceDto {
    fn from(a: &Attendance) -> Self {
        AttendanceDto {
            id: a.id.0,
            activity_id: a.activity_id.0,
            session_id: a.session_id.map(|s| s.0),
            person_id: a.person_id.0,
            name: a.person_name.clone(),
            registration_id: a.registration_id.map(|r| r.0),
            route: a.route.as_str().into(),
            scanned_at: a.scanned_at.stored(),
            recorded_at: a.recorded_at.stored(),
        }
    }
}

/// What became of a scan.
#[derive(Serialize, ToSchema, Debug, Clone)]
pub struct CheckInResult {
    /// `checked_in`, `already_checked_in` or `refused`.
    pub status: String,
    /// Why it was refused: `malformed`, `forged`, `unknown`, `other_activity`,
    /// `cancelled`, `waiting`, `too_early`, `expired`, `future_scan`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The reason in the request's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<AttendanceDto>,
}

#[derive(Serialize, ToSchema, Debug)]
pub struct BatchResult {
    /// One result per scan, in the order sent.
    pub results: Vec<CheckInResult>,
}

/// What a 422 from `POST /api/v1/check-ins` holds: a refused scan, or a body that could
/// not be read at all (then the usual error body). Only documents the two shapes.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum CheckInUnprocessable {
    Refused(CheckInResult),
    Invalid(crate::api::ApiErrorBody),
}

/// A scan as the use case takes it; a time that does not parse is a field error.
pub fn scan(b: &CheckInBody) -> Result<Scan, &'static str> {
    let scanned_at = chrono::DateTime::parse_from_rfc3339(b.scanned_at.trim())
        .map_err(|_| "scanned_at")?
        .with_timezone(&chrono::Utc);
    Ok(Scan {
        activity: ActivityId(b.activity_id),
        token: b.token.clone(),
        scanned_at: Instant::from(scanned_at),
        client_id: b.client_id.clone(),
    })
}

pub fn result(lang: crate::i18n::Lang, client_id: Option<String>, o: &Outcome) -> CheckInResult {
    let (status, reason, attendance): (&str, Option<CheckInRefusal>, Option<&Attendance>) = match o
    {
        Outcome::CheckedIn(a) => ("checked_in", None, Some(a)),
        Outcome::AlreadyCheckedIn(a) => ("already_checked_in", None, Some(a)),
        Outcome::Refused(r) => ("refused", Some(*r), None),
    };
    CheckInResult {
        status: status.into(),
        reason: reason.map(|r| r.as_str().into()),
        message: reason.map(|r| lang.t(r.key())),
        client_id,
        attendance: attendance.map(AttendanceDto::from),
    }
}

/// What the check-in page keeps in the browser to work offline.
#[derive(Serialize, Debug)]
pub struct RegistrationsForPage {
    pub activity: PageActivity,
    pub tickets: Vec<PageTicket>,
    /// Registration ids already checked in (by anyone, by any route).
    pub present: Vec<i64>,
}

#[derive(Serialize, Debug)]
pub struct PageActivity {
    pub id: i64,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
}

#[derive(Serialize, Debug)]
pub struct PageTicket {
    pub registration_id: i64,
    pub token: String,
    pub name: String,
    pub status: String,
}

impl RegistrationsForPage {
    pub fn new(r: &kozos_app::participation::roster::Roster) -> Self {
        let a = &r.activity;
        RegistrationsForPage {
            activity: PageActivity {
                id: a.id.0,
                title: a.title.clone(),
                starts_at: a.starts_at.stored(),
                ends_at: a.ends_at.stored(),
            },
            tickets: r
                .registrations
                .iter()
                .map(|x| PageTicket {
                    registration_id: x.id.0,
                    token: x.token.clone(),
                    name: x.person_name.clone(),
                    status: x.status.as_str().into(),
                })
                .collect(),
            present: r
                .registrations
                .iter()
                .filter(|x| r.present(x.person_id))
                .map(|x| x.id.0)
                .collect(),
        }
    }
}

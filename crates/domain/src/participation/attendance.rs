//! Attendance: who was there, recorded by a QR scan, on the roster, as a walk-in or
//! through the API; and the reasons a scan is refused.

use crate::ids::*;
use crate::organisation::string_enum;
use crate::time::Instant;
use serde::Serialize;

string_enum!(
    AttendanceRoute {
        Qr = "qr",
        Roster = "roster",
        WalkIn = "walk_in",
        Api = "api",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub id: AttendanceId,
    pub activity_id: ActivityId,
    /// The training session, when the activity has sessions.
    pub session_id: Option<SessionId>,
    pub person_id: PersonId,
    pub person_name: String,
    pub registration_id: Option<RegistrationId>,
    pub route: AttendanceRoute,
    pub scanned_at: Instant,
    pub recorded_at: Instant,
}

/// Why a check-in is refused. Each has a stable code for scanners (`as_str`) and a
/// catalogue key for people (`key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInRefusal {
    /// Not a ticket code at all.
    Malformed,
    /// Shaped like one, but the check symbol is wrong: mistyped or made up.
    Forged,
    /// A valid code that no registration has.
    Unknown,
    /// A ticket for a different activity.
    OtherActivity,
    Cancelled,
    /// On the waiting list, not given a place.
    Waiting,
    /// Scanned long before the activity (or outside every session of a training).
    TooEarly,
    /// Scanned long after the activity ended: the ticket has expired.
    Expired,
    /// A scan time in the future: the scanner's clock is wrong.
    FutureScan,
}

impl CheckInRefusal {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckInRefusal::Malformed => "malformed",
            CheckInRefusal::Forged => "forged",
            CheckInRefusal::Unknown => "unknown",
            CheckInRefusal::OtherActivity => "other_activity",
            CheckInRefusal::Cancelled => "cancelled",
            CheckInRefusal::Waiting => "waiting",
            CheckInRefusal::TooEarly => "too_early",
            CheckInRefusal::Expired => "expired",
            CheckInRefusal::FutureScan => "future_scan",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CheckInRefusal::Malformed => "checkin-malformed",
            CheckInRefusal::Forged => "checkin-forged",
            CheckInRefusal::Unknown => "checkin-unknown",
            CheckInRefusal::OtherActivity => "checkin-other-activity",
            CheckInRefusal::Cancelled => "checkin-cancelled",
            CheckInRefusal::Waiting => "checkin-waiting",
            CheckInRefusal::TooEarly => "checkin-too-early",
            CheckInRefusal::Expired => "checkin-expired",
            CheckInRefusal::FutureScan => "checkin-future-scan",
        }
    }

    pub const ALL: [CheckInRefusal; 9] = [
        CheckInRefusal::Malformed,
        CheckInRefusal::Forged,
        CheckInRefusal::Unknown,
        CheckInRefusal::OtherActivity,
        CheckInRefusal::Cancelled,
        CheckInRefusal::Waiting,
        CheckInRefusal::TooEarly,
        CheckInRefusal::Expired,
        CheckInRefusal::FutureScan,
    ];
}

/// How early a door opens and how long after the end a scan still counts (a scanner that
/// was offline syncs later, but it sends the time of the scan).
pub const DOOR_OPENS_MINUTES: i64 = 120;
pub const DOOR_CLOSES_MINUTES: i64 = 120;
/// A scanner's clock may run this far ahead of the server's.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// Whether a scan at `scanned_at` (told the server at `now`) falls in the window of a
/// run from `start` to `end`.
pub fn scan_window(
    start: Instant,
    end: Instant,
    scanned_at: Instant,
    now: Instant,
) -> Result<(), CheckInRefusal> {
    if scanned_at.minutes_since(now) > CLOCK_SKEW_MINUTES {
        return Err(CheckInRefusal::FutureScan);
    }
    if start.minutes_since(scanned_at) > DOOR_OPENS_MINUTES {
        return Err(CheckInRefusal::TooEarly);
    }
    if scanned_at.minutes_since(end) > DOOR_CLOSES_MINUTES {
        return Err(CheckInRefusal::Expired);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse_stored(s).unwrap()
    }

    #[test]
    fn the_door_window() {
        let (s, e) = (at("2026-11-28T17:00:00Z"), at("2026-11-28T19:00:00Z"));
        let now = at("2026-11-30T10:00:00Z");
        assert_eq!(scan_window(s, e, at("2026-11-28T15:00:00Z"), now), Ok(()));
        assert_eq!(
            scan_window(s, e, at("2026-11-28T14:59:00Z"), now),
            Err(CheckInRefusal::TooEarly)
        );
        assert_eq!(scan_window(s, e, at("2026-11-28T21:00:00Z"), now), Ok(()));
        assert_eq!(
            scan_window(s, e, at("2026-11-28T21:01:00Z"), now),
            Err(CheckInRefusal::Expired)
        );
        let now = at("2026-11-28T17:30:00Z");
        assert_eq!(
            scan_window(s, e, at("2026-11-28T17:36:00Z"), now),
            Err(CheckInRefusal::FutureScan)
        );
    }
}

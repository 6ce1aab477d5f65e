//! Registrations: a person's place on an activity, confirmed or on the waiting list.

use crate::activity::Activity;
use crate::ids::*;
use crate::organisation::string_enum;
use crate::time::Instant;
use serde::Serialize;

string_enum!(
    RegistrationStatus {
        Confirmed = "confirmed",
        Waiting = "waiting",
        Cancelled = "cancelled",
    }
);

string_enum!(
    /// Who made the registration: a signed-in resident for themselves, a visitor with
    /// only an e-mail address, staff on someone's behalf, or another system.
    RegistrationSource {
        Own = "self",
        Guest = "guest",
        Staff = "staff",
        Api = "api",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registration {
    pub id: RegistrationId,
    pub activity_id: ActivityId,
    pub person_id: PersonId,
    pub person_name: String,
    pub email: Option<String>,
    pub status: RegistrationStatus,
    /// The ticket code (see [`super::Ticket`]).
    pub token: String,
    pub source: RegistrationSource,
    /// The language the person registered in (`hu`, `en`): their mails use it.
    pub lang: String,
    pub created_at: Instant,
    pub waiting_since: Option<Instant>,
    pub cancelled_at: Option<Instant>,
    pub version: i64,
}

/// Why a registration is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterRefusal {
    NotYetOpen,
    Closed,
    /// Internal activities take no self-registration (staff may still register people).
    NotPublic,
}

impl RegisterRefusal {
    pub fn key(self) -> &'static str {
        match self {
            RegisterRefusal::NotYetOpen => "err-registration-not-open",
            RegisterRefusal::Closed => "err-registration-closed",
            RegisterRefusal::NotPublic => "err-registration-not-public",
        }
    }
}

/// Whether a resident may register now. Registration closes at the set deadline, or when
/// the activity starts if none is set.
pub fn may_register(a: &Activity, now: Instant) -> Result<(), RegisterRefusal> {
    if !a.public {
        return Err(RegisterRefusal::NotPublic);
    }
    if a.registration_opens.is_some_and(|o| now < o) {
        return Err(RegisterRefusal::NotYetOpen);
    }
    let closes = a.registration_closes.unwrap_or(a.starts_at);
    if now >= closes {
        return Err(RegisterRefusal::Closed);
    }
    Ok(())
}

/// Staff may register people until the activity has ended (people who phone in on the
/// day), whatever the window says.
pub fn staff_may_register(a: &Activity, now: Instant) -> Result<(), RegisterRefusal> {
    if now >= a.ends_at {
        return Err(RegisterRefusal::Closed);
    }
    Ok(())
}

/// The status a new (or renewed) registration gets with `confirmed` places taken.
pub fn status_for(capacity: Option<i64>, confirmed: i64) -> RegistrationStatus {
    match capacity {
        Some(c) if confirmed >= c => RegistrationStatus::Waiting,
        _ => RegistrationStatus::Confirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waiting_list_starts_at_capacity() {
        assert_eq!(status_for(None, 1000), RegistrationStatus::Confirmed);
        assert_eq!(status_for(Some(2), 1), RegistrationStatus::Confirmed);
        assert_eq!(status_for(Some(2), 2), RegistrationStatus::Waiting);
    }
}

//! Volunteers: a role someone took on at an activity ("regisztráció", "büfé") and the
//! hours they gave. Hours are typed the way people say them ("1,5", "2") and stored as
//! whole minutes, so totals add up exactly.

use crate::ids::*;
use crate::money::parse_hours;
use crate::validation::{required_text, FieldErrors};
use serde::{Deserialize, Serialize};

/// The longest shift one entry may log: a day.
pub const MAX_SHIFT_MINUTES: i64 = 24 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VolunteerShift {
    pub id: ShiftId,
    pub activity_id: ActivityId,
    pub activity_title: String,
    pub programme_id: ProgrammeId,
    pub person_id: PersonId,
    pub person_name: String,
    pub role: String,
    pub minutes: i64,
}

/// The shift form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShiftForm {
    pub person_id: String,
    pub role: String,
    pub hours: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftInput {
    pub person: PersonId,
    pub role: String,
    pub minutes: i64,
}

/// A shift's length as typed (see [`parse_hours`]): more than nothing, at most a day.
pub fn shift_minutes(value: &str) -> Result<i64, &'static str> {
    match parse_hours(value) {
        Ok(m) if m > 0 && m <= MAX_SHIFT_MINUTES => Ok(m),
        Ok(_) | Err("err-negative") | Err("err-hours-too-many") => Err("err-hours-range"),
        Err(key) => Err(key),
    }
}

impl ShiftForm {
    pub fn validate(&self) -> Result<ShiftInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let person = match self.person_id.trim().parse::<i64>() {
            Ok(n) if n > 0 => Some(PersonId(n)),
            _ => {
                e.add("person_id", "err-volunteer-person");
                None
            }
        };
        let role = required_text(&mut e, "role", &self.role, 100);
        let minutes = match shift_minutes(&self.hours) {
            Ok(m) => Some(m),
            Err(key) => {
                e.add("hours", key);
                None
            }
        };
        match (person, minutes) {
            (Some(person), Some(minutes)) if e.is_empty() => Ok(ShiftInput {
                person,
                role,
                minutes,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_with_a_decimal_comma_or_point() {
        assert_eq!(shift_minutes("1,5"), Ok(90));
        assert_eq!(shift_minutes("1.5"), Ok(90));
        assert_eq!(shift_minutes(" 2 "), Ok(120));
        assert_eq!(shift_minutes("0,25"), Ok(15));
        assert_eq!(shift_minutes("3 óra"), Ok(180));
        assert_eq!(shift_minutes("24"), Ok(24 * 60));
    }

    #[test]
    fn hours_nobody_gives_are_refused() {
        for bad in ["0", "0,0", "-1", "−2", "25", "24,5", "100"] {
            assert_eq!(shift_minutes(bad), Err("err-hours-range"), "{bad}");
        }
        for bad in ["abc", "1,", ",5", "1,555", "1 000", "1,5,5", "1e2"] {
            assert_eq!(shift_minutes(bad), Err("err-hours"), "{bad}");
        }
        assert_eq!(shift_minutes(""), Err("err-required"));
    }

    #[test]
    fn a_shift_needs_someone_a_role_and_hours() {
        let e = ShiftForm::default().validate().unwrap_err();
        assert_eq!(e.for_field("person_id"), Some("err-volunteer-person"));
        assert_eq!(e.for_field("role"), Some("err-required"));
        assert_eq!(e.for_field("hours"), Some("err-required"));
        let ok = ShiftForm {
            person_id: "7".into(),
            role: " büfé ".into(),
            hours: "1,5".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            ok,
            ShiftInput {
                person: PersonId(7),
                role: "büfé".into(),
                minutes: 90
            }
        );
    }

    #[test]
    fn hours_read_back_as_typed() {
        use crate::money::hours_text;
        assert_eq!(hours_text(90, ','), "1,5");
        assert_eq!(hours_text(120, '.'), "2");
        assert_eq!(hours_text(20, ','), "0,33");
        assert_eq!(hours_text(15, '.'), "0.25");
    }
}

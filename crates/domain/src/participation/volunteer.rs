//! Volunteers: a role someone took on at an activity ("regisztráció", "büfé") and the
//! hours they gave. Hours are typed the way people say them ("1,5", "2") and stored as
//! whole minutes, so totals add up exactly.

use crate::ids::*;
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

/// Hours as typed: `2`, `1,5`, `1.5`, `0,25`, optionally followed by "óra" or "h".
/// Returns whole minutes (rounded to the nearest), or a catalogue key.
pub fn parse_hours(value: &str) -> Result<i64, &'static str> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return Err("err-required");
    }
    let v = ["óra", "hours", "hour", "h"]
        .iter()
        .find_map(|u| v.strip_suffix(u))
        .unwrap_or(&v)
        .trim();
    if v.starts_with(['-', '\u{2212}']) {
        return Err("err-hours-range");
    }
    let (whole, frac) = v.split_once([',', '.']).unwrap_or((v, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    // A trailing separator ("1,") or more than two decimals is not how anyone writes hours.
    if whole.is_empty()
        || !digits(whole)
        || !digits(frac)
        || frac.len() > 2
        || v.ends_with([',', '.'])
    {
        return Err("err-hours");
    }
    if whole.trim_start_matches('0').len() > 2 {
        return Err("err-hours-range");
    }
    let whole: i64 = whole.parse().map_err(|_| "err-hours")?;
    let hundredths: i64 = format!("{frac:0<2}").parse().map_err(|_| "err-hours")?;
    let minutes = (whole * 100 + hundredths) * 60;
    let minutes = (minutes + 50) / 100;
    if minutes <= 0 || minutes > MAX_SHIFT_MINUTES {
        return Err("err-hours-range");
    }
    Ok(minutes)
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
        let minutes = match parse_hours(&self.hours) {
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

/// Minutes as hours for reading, with the decimal sign given: 90 → "1,5", 120 → "2",
/// 20 → "0,33".
pub fn hours_text(minutes: i64, decimal: char) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{decimal}{}", f / 10),
        f => format!("{whole}{decimal}{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_with_a_decimal_comma_or_point() {
        assert_eq!(parse_hours("1,5"), Ok(90));
        assert_eq!(parse_hours("1.5"), Ok(90));
        assert_eq!(parse_hours(" 2 "), Ok(120));
        assert_eq!(parse_hours("0,25"), Ok(15));
        assert_eq!(parse_hours("3 óra"), Ok(180));
        assert_eq!(parse_hours("24"), Ok(24 * 60));
    }

    #[test]
    fn hours_nobody_gives_are_refused() {
        for bad in ["0", "0,0", "-1", "−2", "25", "24,5", "100"] {
            assert_eq!(parse_hours(bad), Err("err-hours-range"), "{bad}");
        }
        for bad in ["abc", "1,", ",5", "1,555", "1 000", "1,5,5", "1e2"] {
            assert_eq!(parse_hours(bad), Err("err-hours"), "{bad}");
        }
        assert_eq!(parse_hours(""), Err("err-required"));
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
        assert_eq!(hours_text(90, ','), "1,5");
        assert_eq!(hours_text(120, '.'), "2");
        assert_eq!(hours_text(20, ','), "0,33");
        assert_eq!(hours_text(15, '.'), "0.25");
    }
}

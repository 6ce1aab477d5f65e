//! A manual value: what kozos does not record itself (an NGO founded, a study published),
//! typed by a project manager with the day it counts from and an evidence file.

use super::definition::Unit;
use crate::time::Date;
use crate::validation::{long_text, read_date, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManualValueForm {
    pub on: String,
    pub amount: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualValueInput {
    pub on: Date,
    /// In the unit's stored amounts (minutes, hundredths of a percent …).
    pub amount: i64,
    pub note: String,
}

impl ManualValueForm {
    pub fn validate(&self, unit: Unit) -> Result<ManualValueInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let on = match self.on.trim() {
            "" => {
                e.add("on", "err-required");
                None
            }
            v => read_date(v).map_err(|k| e.add("on", k)).ok(),
        };
        let amount = match self.amount.trim() {
            "" => {
                e.add("amount", "err-required");
                None
            }
            v => unit.read_amount(v).map_err(|k| e.add("amount", k)).ok(),
        };
        let note = long_text(&mut e, "note", &self.note, 2_000);
        match (on, amount) {
            (Some(on), Some(amount)) if e.is_empty() => Ok(ManualValueInput { on, amount, note }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_clerk_types() {
        let f = ManualValueForm {
            on: "2022.03.15.".into(),
            amount: "1 500 000 Ft".into(),
            note: "Alapító okirat".into(),
        };
        let v = f.validate(Unit::Huf).expect("valid");
        assert_eq!(v.amount, 1_500_000);
        assert_eq!(v.on, Date::from_ymd(2022, 3, 15).unwrap());
        let hours = ManualValueForm {
            on: "2022-03-15".into(),
            amount: "1,5".into(),
            ..Default::default()
        };
        assert_eq!(hours.validate(Unit::Hours).unwrap().amount, 90);
    }

    #[test]
    fn says_what_is_missing_or_wrong() {
        let e = ManualValueForm::default()
            .validate(Unit::Count)
            .unwrap_err();
        assert!(e.for_field("on").is_some() && e.for_field("amount").is_some());
        let e = ManualValueForm {
            on: "tegnap".into(),
            amount: "sok".into(),
            ..Default::default()
        }
        .validate(Unit::Count)
        .unwrap_err();
        assert!(e.for_field("on").is_some() && e.for_field("amount").is_some());
    }
}

//! Field-level validation errors. A message is a catalogue key (see the web layer's
//! `locales/`), never a sentence, so the same rule speaks Hungarian and English.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    /// Catalogue key of the message, e.g. `err-required`.
    pub key: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push(FieldError { field, key });
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The first message for a field, if any.
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.key)
    }
    pub fn into_result<T>(self, ok: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(ok)
        } else {
            Err(self)
        }
    }
}

/// Trimmed text that must not be empty and must fit `max` characters.
pub fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.add(field, "err-required");
    } else if v.chars().count() > max {
        errors.add(field, "err-too-long");
    }
    v.to_string()
}

/// Trimmed optional text; empty becomes `None`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        None
    } else {
        if v.chars().count() > max {
            errors.add(field, "err-too-long");
        }
        Some(v.to_string())
    }
}

/// A date as typed by a person: the ISO form an `<input type=date>` sends, or the Hungarian
/// forms clerks type (`2023.01.31.`, `2023. 01. 31.`, `2023-1-31`).
pub fn parse_date(value: &str) -> Option<chrono::NaiveDate> {
    let cleaned: String = value.trim().trim_end_matches('.').replace(' ', "");
    if cleaned.is_empty() {
        return None;
    }
    let parts: Vec<&str> = cleaned.split(['-', '.', '/']).collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let d: u32 = parts[2].parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

/// Optional date field: empty is `None`, anything unreadable is an error.
pub fn optional_date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<chrono::NaiveDate> {
    if value.trim().is_empty() {
        return None;
    }
    match parse_date(value) {
        Some(d) => Some(d),
        None => {
            errors.add(field, "err-date");
            None
        }
    }
}

/// Optional id chosen from a list (`<select>`); empty means none.
pub fn optional_id(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<i64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            errors.add(field, "err-choice");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_hungarian_and_iso_forms() {
        let want = chrono::NaiveDate::from_ymd_opt(2023, 1, 31);
        assert_eq!(parse_date("2023-01-31"), want);
        assert_eq!(parse_date("2023.01.31."), want);
        assert_eq!(parse_date("2023. 01. 31."), want);
        assert_eq!(parse_date("2023-1-31"), want);
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date("31.01.2023"), None);
        assert_eq!(parse_date("tegnap"), None);
    }

    #[test]
    fn required_text_trims_and_reports() {
        let mut e = FieldErrors::new();
        assert_eq!(required_text(&mut e, "title", "  Kisbér  ", 10), "Kisbér");
        assert!(e.is_empty());
        required_text(&mut e, "title", "   ", 10);
        required_text(&mut e, "name", "árvíztűrő tükörfúrógép", 5);
        assert_eq!(e.for_field("title"), Some("err-required"));
        assert_eq!(e.for_field("name"), Some("err-too-long"));
    }
}

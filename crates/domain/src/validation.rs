//! Field-level validation errors. A message is a catalogue key (see the web layer's
//! `locales/`), never a sentence, so the same rule speaks Hungarian and English.

use crate::time::Date;
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

/// Single-line text that must not be empty and must fit `max` characters: trimmed, inner
/// whitespace collapsed to one space, implausible characters refused (see [`clean_text`]).
pub fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    finish(errors, field, clean_text(value, Lines::Single), max, true).unwrap_or_default()
}

/// Optional single-line text; empty (or only invisible characters) becomes `None`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> Option<String> {
    finish(errors, field, clean_text(value, Lines::Single), max, false)
}

/// Multi-line text from a textarea (a description, a boundary): trimmed only, line breaks
/// and tabs kept (`\r\n` stored as `\n`); may be empty.
pub fn long_text(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) -> String {
    finish(errors, field, clean_text(value, Lines::Multi), max, false).unwrap_or_default()
}

/// Multi-line text that must not be empty.
pub fn required_long_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    finish(errors, field, clean_text(value, Lines::Multi), max, true).unwrap_or_default()
}

/// Optional multi-line text; empty becomes `None`.
pub fn optional_long_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> Option<String> {
    finish(errors, field, clean_text(value, Lines::Multi), max, false)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Single,
    Multi,
}

/// Clean text as typed and refuse what no person means to type:
/// - control characters (in multi-line text only line breaks and tabs are allowed) and
///   characters that are not text (private use, noncharacters, U+FFFD from a broken
///   encoding) → `err-text-control`;
/// - bidirectional overrides/embeddings/isolates (a name displays as something else)
///   → `err-text-bidi`;
/// - invisible characters inside the text (zero-width, soft hyphen, direction marks,
///   Hangul fillers, Braille blank, tags …): they make two equal-looking names different
///   → `err-text-invisible` (multi-line text may keep the joiners and variation
///   selectors emoji and some scripts need);
/// - a word mixing Latin with Cyrillic or Greek letters ("Кisbéri" with a Cyrillic К)
///   → `err-text-mixed-script`;
/// - stacks of more than two combining marks ("zalgo" text painting over other lines)
///   → `err-text-combining`.
///
/// Single-line text is trimmed and its whitespace runs collapsed to one space; multi-line
/// text is trimmed and its line breaks normalised to `\n`, so a browser's `\r\n` and an
/// API client's `\n` store the same. Invisible characters at either end are trimmed.
pub fn clean_text(value: &str, lines: Lines) -> Result<String, &'static str> {
    let v = value.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let mut combining = 0;
    for c in v.chars() {
        let allowed_control = lines == Lines::Multi && matches!(c, '\n' | '\r' | '\t');
        if (c.is_control() && !allowed_control) || is_not_text(c) {
            return Err("err-text-control");
        }
        if is_bidi_control(c) {
            return Err("err-text-bidi");
        }
        let joiner = is_joiner(c);
        if is_invisible(c) && !(lines == Lines::Multi && joiner) {
            return Err("err-text-invisible");
        }
        // a joiner between marks does not start a new stack
        if !joiner {
            combining = if is_combining_mark(c) {
                combining + 1
            } else {
                0
            };
        }
        if combining > 2 {
            return Err("err-text-combining");
        }
    }
    if has_mixed_script_word(v) {
        return Err("err-text-mixed-script");
    }
    Ok(match lines {
        Lines::Single => collapse_whitespace(v),
        Lines::Multi => v.replace("\r\n", "\n").replace('\r', "\n"),
    })
}

/// Does the text have nothing a reader can see (only whitespace and invisible characters)?
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Runs of whitespace (of any kind) become one space; the ends are trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Zero-width space, non-joiner, joiner, word joiner and the byte-order mark.
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Characters that take no visible room: the zero-width ones, the soft hyphen, direction
/// marks, invisible operators, format controls, Hangul fillers, the Braille blank, tag
/// characters, variation selectors.
pub fn is_invisible(c: char) -> bool {
    is_zero_width(c)
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2061}'..='\u{2064}'
                | '\u{206a}'..='\u{206f}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// The joiners and variation selectors that emoji and some scripts need inside words.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}')
}

/// Code points that are not text: private use, noncharacters, and the replacement
/// character a broken encoding leaves behind.
fn is_not_text(c: char) -> bool {
    let n = c as u32;
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{fdd0}'..='\u{fdef}' | '\u{fffd}')
        || n >= 0xF0000
        || (n & 0xFFFE) == 0xFFFE
}

/// Bidirectional embeddings, overrides and isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Combining marks (general category Mn/Me) of the scripts whose marks can be stacked
/// over a letter: the combining blocks, Cyrillic, Hebrew, Arabic, Syriac, N'Ko, Thai, kana.
pub fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036f}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05bd}'
            | '\u{05bf}'
            | '\u{05c1}'..='\u{05c2}'
            | '\u{05c4}'..='\u{05c5}'
            | '\u{05c7}'
            | '\u{0610}'..='\u{061a}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0670}'
            | '\u{06d6}'..='\u{06dc}'
            | '\u{06df}'..='\u{06e4}'
            | '\u{06e7}'..='\u{06e8}'
            | '\u{06ea}'..='\u{06ed}'
            | '\u{0711}'
            | '\u{0730}'..='\u{074a}'
            | '\u{07eb}'..='\u{07f3}'
            | '\u{0e31}'
            | '\u{0e34}'..='\u{0e3a}'
            | '\u{0e47}'..='\u{0e4e}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{302a}'..='\u{302f}'
            | '\u{3099}'..='\u{309a}'
            | '\u{fe20}'..='\u{fe2f}'
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
}

fn script_of(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00c0}'..='\u{024f}' | '\u{1e00}'..='\u{1eff}' => {
            Some(Script::Latin)
        }
        '\u{0400}'..='\u{052f}' | '\u{1c80}'..='\u{1c8f}' | '\u{a640}'..='\u{a69f}' => {
            Some(Script::Cyrillic)
        }
        '\u{0370}'..='\u{03ff}' | '\u{1f00}'..='\u{1fff}' => Some(Script::Greek),
        _ => None,
    }
}

/// Is there a word with letters of two of Latin, Cyrillic and Greek? Their look-alike
/// letters (К/K, е/e, ο/o) are how a name is made to look like another one.
pub fn has_mixed_script_word(s: &str) -> bool {
    s.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .any(|word| {
            let mut seen: Option<Script> = None;
            for c in word.chars() {
                if let Some(script) = script_of(c) {
                    match seen {
                        Some(s) if s != script => return true,
                        _ => seen = Some(script),
                    }
                }
            }
            false
        })
}

/// Report a cleaning error, emptiness or length on `field`; `None` when the text is empty.
fn finish(
    errors: &mut FieldErrors,
    field: &'static str,
    cleaned: Result<String, &'static str>,
    max: usize,
    required: bool,
) -> Option<String> {
    let v = match cleaned {
        Ok(v) => v,
        Err(key) => {
            errors.add(field, key);
            return None;
        }
    };
    if is_blank(&v) {
        if required {
            errors.add(field, "err-required");
        }
        return None;
    }
    if v.chars().count() > max {
        errors.add(field, "err-too-long");
    }
    Some(v)
}

/// Dates outside this range are typos (`0023`, `9999`), not programme dates.
pub const FIRST_DATE: (i32, u32, u32) = (1900, 1, 1);
pub const LAST_DATE: (i32, u32, u32) = (2100, 12, 31);

/// A date as typed by a person: the ISO form an `<input type=date>` sends, or the Hungarian
/// forms clerks type (`2023.01.31.`, `2023. 01. 31.`, `2023-1-31`). `None` when unreadable
/// or outside 1900-01-01 ..= 2100-12-31 (see [`read_date`] for which).
pub fn parse_date(value: &str) -> Option<Date> {
    read_date(value).ok()
}

/// Like [`parse_date`], telling an unreadable date (`err-date`) from a readable but
/// implausible one (`err-date-range`).
pub fn read_date(value: &str) -> Result<Date, &'static str> {
    let cleaned: String = value.trim().trim_end_matches('.').replace(' ', "");
    let parts: Vec<&str> = cleaned.split(['-', '.', '/']).collect();
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if parts.len() != 3
        || !number(parts[0], 4..=4)
        || !number(parts[1], 1..=2)
        || !number(parts[2], 1..=2)
    {
        return Err("err-date");
    }
    let y: i32 = parts[0].parse().map_err(|_| "err-date")?;
    let m: u32 = parts[1].parse().map_err(|_| "err-date")?;
    let d: u32 = parts[2].parse().map_err(|_| "err-date")?;
    let date = Date::from_ymd(y, m, d).ok_or("err-date")?;
    let bound = |(y, m, d)| Date::from_ymd(y, m, d).expect("valid bound");
    if date < bound(FIRST_DATE) || date > bound(LAST_DATE) {
        return Err("err-date-range");
    }
    Ok(date)
}

/// Optional date field: empty is `None`, anything unreadable or implausible is an error.
pub fn optional_date(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<Date> {
    if value.trim().is_empty() {
        return None;
    }
    match read_date(value) {
        Ok(d) => Some(d),
        Err(key) => {
            errors.add(field, key);
            None
        }
    }
}

/// A Budapest wall-clock date and time as typed or sent by `<input type=datetime-local>`:
/// `2026-11-28T18:00`, `2026-11-28 18:00`, `2026. 11. 28. 18:00`. A time the clocks skip
/// (the last Sunday of March, 02:00–03:00) is refused rather than guessed.
pub fn read_datetime(value: &str) -> Result<crate::time::Instant, &'static str> {
    let v = value.trim();
    let (date, time) = match v.split_once('T') {
        Some(parts) => parts,
        None => match v.rfind(char::is_whitespace) {
            Some(i) if v[i..].contains([':', '.']) && !v[i..].trim().ends_with('.') => {
                (&v[..i], &v[i..])
            }
            _ => {
                return Err(if read_date(v).is_ok() {
                    "err-time"
                } else {
                    "err-datetime"
                })
            }
        },
    };
    let date = read_date(date)?;
    let time = crate::time::read_time(time)?;
    crate::time::Instant::from_budapest(date.naive().and_time(time)).ok_or("err-time-gap")
}

/// Optional date-and-time field (see [`read_datetime`]).
pub fn optional_datetime(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<crate::time::Instant> {
    if value.trim().is_empty() {
        return None;
    }
    match read_datetime(value) {
        Ok(t) => Some(t),
        Err(key) => {
            errors.add(field, key);
            None
        }
    }
}

/// Required date-and-time field.
pub fn required_datetime(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<crate::time::Instant> {
    if value.trim().is_empty() {
        errors.add(field, "err-required");
        return None;
    }
    optional_datetime(errors, field, value)
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
    fn invisible_and_look_alike_text_is_refused() {
        let single = |v: &str| clean_text(v, Lines::Single);
        for (v, key) in [
            ("Kis\u{00ad}béri", "err-text-invisible"),
            ("Egyesület\u{200e}x", "err-text-invisible"),
            ("Polgárőr\u{3164}Egyesület", "err-text-invisible"),
            ("a\u{2062}b", "err-text-invisible"),
            ("a\u{e0041}b", "err-text-invisible"),
            ("Кisbéri Polgárőr", "err-text-mixed-script"),
            ("Kisbéri Egyesülеt", "err-text-mixed-script"),
            ("a\u{e000}b", "err-text-control"),
            ("a\u{fffd}b", "err-text-control"),
            ("a\u{fffe}b", "err-text-control"),
            (
                &format!("a{}", "\u{301}\u{301}\u{200d}".repeat(100)),
                "err-text-invisible",
            ),
            (
                &format!("\u{628}{}", "\u{610}\u{611}\u{612}".repeat(50)),
                "err-text-combining",
            ),
            (&format!("x{}", "\u{5b0}".repeat(10)), "err-text-combining"),
        ] {
            assert_eq!(single(v), Err(key), "{v:?}");
        }
        // multi-line text keeps joiners, but a joiner does not reset a stack of marks
        let zalgo = format!("a{}", "\u{301}\u{301}\u{200d}".repeat(100));
        assert_eq!(clean_text(&zalgo, Lines::Multi), Err("err-text-combining"));
        assert!(clean_text("Család 👨\u{200d}👩\u{200d}👧", Lines::Multi).is_ok());
        // blank-looking text is empty
        assert!(is_blank("\u{3164}\u{2800} \u{200b}"));
        // whole words in other scripts are fine; so are Hungarian accents
        for ok in [
            "Кисбер",
            "Αθήνα",
            "Árvíztűrő tükörfúrógép",
            "Kovács-Nagy Éva (2.)",
        ] {
            assert!(single(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn dates_in_hungarian_and_iso_forms() {
        let want = Date::from_ymd(2023, 1, 31);
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

    #[test]
    fn dates_outside_1900_to_2100_are_implausible() {
        let mut e = FieldErrors::new();
        assert_eq!(optional_date(&mut e, "a", "0000-01-01"), None);
        assert_eq!(optional_date(&mut e, "b", "9999-12-31"), None);
        assert_eq!(optional_date(&mut e, "c", "1899-12-31"), None);
        assert_eq!(optional_date(&mut e, "d", "2101-01-01"), None);
        assert_eq!(optional_date(&mut e, "e", "2023-02-30"), None);
        assert_eq!(optional_date(&mut e, "f", "+202-01-01"), None);
        assert_eq!(e.for_field("a"), Some("err-date-range"));
        assert_eq!(e.for_field("b"), Some("err-date-range"));
        assert_eq!(e.for_field("c"), Some("err-date-range"));
        assert_eq!(e.for_field("d"), Some("err-date-range"));
        assert_eq!(e.for_field("e"), Some("err-date"));
        assert_eq!(e.for_field("f"), Some("err-date"));
        assert_eq!(parse_date("0000-01-01"), None);
        assert_eq!(parse_date("1900-01-01"), Date::from_ymd(1900, 1, 1));
        assert_eq!(parse_date("2100.12.31."), Date::from_ymd(2100, 12, 31));
    }

    fn one(
        f: impl FnOnce(&mut FieldErrors) -> Option<String>,
    ) -> (Option<String>, Option<&'static str>) {
        let mut e = FieldErrors::new();
        let v = f(&mut e);
        assert!(e.0.len() <= 1, "one message per field: {e:?}");
        (v, e.for_field("f"))
    }

    #[test]
    fn single_line_text_collapses_whitespace() {
        let (v, err) = one(|e| {
            Some(required_text(
                e,
                "f",
                " Kisbéri   Polgárőr\u{a0} Egyesület ",
                100,
            ))
        });
        assert_eq!(
            (v.as_deref(), err),
            (Some("Kisbéri Polgárőr Egyesület"), None)
        );
        // edges that are only whitespace (a pasted line break) are trimmed, not refused
        let (v, err) = one(|e| optional_text(e, "f", "Kisbér\r\n", 100));
        assert_eq!((v.as_deref(), err), (Some("Kisbér"), None));
    }

    #[test]
    fn implausible_text_is_refused() {
        for (typed, key) in [
            ("Kis\u{0}bér", "err-text-control"),
            ("Kis\tbér", "err-text-control"),
            ("Kis\nbér", "err-text-control"),
            ("Kis\u{7f}bér", "err-text-control"),
            ("Kis\u{85}bér", "err-text-control"),
            ("Kis\u{9b}bér", "err-text-control"),
            ("admin\u{202e}gpj.exe", "err-text-bidi"),
            ("\u{2066}Kisbér\u{2069}", "err-text-bidi"),
            ("Z\u{336}\u{335}\u{334}algo", "err-text-combining"),
            ("a\u{20d2}\u{20d2}\u{1dc0}", "err-text-combining"),
            ("\u{200b}\u{feff} \u{2060}", "err-required"),
            ("", "err-required"),
        ] {
            let (_, err) = one(|e| Some(required_text(e, "f", typed, 100)));
            assert_eq!(err, Some(key), "{typed:?}");
        }
        // two marks on one letter are real text (Vietnamese, IPA); a decomposed é is fine
        let (v, err) = one(|e| Some(required_text(e, "f", "e\u{301} ê\u{300}", 100)));
        assert_eq!((v.as_deref(), err), (Some("e\u{301} ê\u{300}"), None));
    }

    #[test]
    fn invisible_optional_text_is_none() {
        let (v, err) = one(|e| optional_text(e, "f", " \u{200b}\u{200d} ", 100));
        assert_eq!((v, err), (None, None));
        let (v, err) = one(|e| optional_long_text(e, "f", "\u{feff}\n\t\n", 100));
        assert_eq!((v, err), (None, None));
    }

    #[test]
    fn long_text_keeps_lines_and_tabs() {
        let (v, err) = one(|e| {
            Some(long_text(
                e,
                "f",
                "\n  Első sor\r\n\tmásodik   sor\r\n\n",
                100,
            ))
        });
        assert_eq!(
            (v.as_deref(), err),
            (Some("Első sor\n\tmásodik   sor"), None)
        );
        let (_, err) = one(|e| Some(long_text(e, "f", "sor\u{0}", 100)));
        assert_eq!(err, Some("err-text-control"));
        let (_, err) = one(|e| Some(long_text(e, "f", "sor\u{b}sor", 100)));
        assert_eq!(err, Some("err-text-control"));
        let (_, err) = one(|e| Some(long_text(e, "f", "\u{202d}sor", 100)));
        assert_eq!(err, Some("err-text-bidi"));
        let (v, err) = one(|e| Some(long_text(e, "f", "   ", 100)));
        assert_eq!((v.as_deref(), err), (Some(""), None));
        let (_, err) = one(|e| Some(required_long_text(e, "f", " \r\n ", 100)));
        assert_eq!(err, Some("err-required"));
        let (_, err) = one(|e| Some(long_text(e, "f", "ab\ncd", 4)));
        assert_eq!(err, Some("err-too-long"));
    }
}

//! Forint amounts, head counts and aid intensity as typed by clerks, stored exactly
//! (integers, never floating point).
//!
//! Grouping rule shared by amounts and counts: digits may be grouped by ONE kind of
//! separator (a space of any width, or dots, or commas); the first group has 1–3 digits and
//! every later group exactly three. A decimal part of 1–2 digits may follow, marked with the
//! other sign. Everything else is refused rather than guessed, because a wrong guess moves
//! an amount by a factor of a thousand.
//!
//! A comma (or dot) followed by exactly three digits is ALWAYS a thousands separator:
//! `150,000` is 150 000 and `1.500` is 1 500. The forint has had no fractions (fillér)
//! since 1999, so nobody means one forint by `1,000`; the English UI itself prints
//! `HUF 22,407,407`.

/// Parse a forint amount: `22407407`, `22.407.407`, `22 407 407 Ft`, `22.407.407.- Ft`,
/// `165 000 000,00`, `HUF 22,407,407`. Returns `Err(key)` with a catalogue key.
pub fn parse_huf(value: &str) -> Result<i64, &'static str> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return Err("err-required");
    }
    // The currency may stand before (English UI: "HUF 22,407,407") or after the number.
    let mut v = v.strip_prefix("huf").unwrap_or(&v).trim();
    for suffix in ["huf", "ft.", "ft"] {
        if let Some(rest) = v.strip_suffix(suffix) {
            v = rest.trim_end();
            break;
        }
    }
    // `.-` / `,-` after an amount means "whole forints" on Hungarian documents.
    let v = v
        .strip_suffix(".-")
        .or_else(|| v.strip_suffix(",-"))
        .unwrap_or(v)
        .trim_end();
    let (negative, body) = split_sign(v);
    let n = parse_whole(body, 15).map_err(|e| match e {
        NumError::Empty | NumError::NotNumber => "err-amount",
        NumError::Grouping => "err-amount-grouping",
        NumError::Fraction => "err-amount-fraction",
        NumError::TooLarge => "err-amount-too-large",
    })?;
    if negative {
        return Err("err-negative");
    }
    Ok(n)
}

/// Parse a number of people (a target group's planned size): `40`, `1 200`, `1.200`,
/// `40 fő`. Same grouping rules as [`parse_huf`]; a fraction of a person is refused.
pub fn parse_count(value: &str) -> Result<i64, &'static str> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return Err("err-required");
    }
    // "fő" (head) is how Hungarian documents write a head count.
    let v = v.strip_suffix("fő").unwrap_or(&v).trim_end();
    let (negative, body) = split_sign(v);
    let n = parse_whole(body, 9).map_err(|e| match e {
        NumError::Empty | NumError::NotNumber => "err-number",
        NumError::Grouping => "err-amount-grouping",
        NumError::Fraction => "err-count-fraction",
        NumError::TooLarge => "err-count-too-large",
    })?;
    if negative {
        return Err("err-negative");
    }
    Ok(n)
}

/// Aid intensity in hundredths of a percent: `100`, `100%`, `85,5 %`, `85.5` → 10000,
/// 10000, 8550, 8550. At most two decimals; anything finer is refused, not rounded.
pub fn parse_percent(value: &str) -> Result<i64, &'static str> {
    let v = value.trim();
    let v = v.strip_suffix('%').unwrap_or(v).trim();
    if v.is_empty() {
        return Err("err-required");
    }
    let (negative, body) = split_sign(v);
    let (whole, frac) = match body.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (body, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let frac_ok = !body.ends_with([',', '.']) && frac.len() <= 2 && digits(frac);
    if whole.is_empty() || !digits(whole) || !frac_ok {
        return Err("err-percent");
    }
    if negative {
        return Err("err-percent-range");
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 3 {
        return Err("err-percent-range");
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "err-percent")?
    };
    // "85,5" is 85.50: pad the hundredths on the right.
    let hundredths: i64 = format!("{frac:0<2}").parse().map_err(|_| "err-percent")?;
    let bp = whole * 100 + hundredths;
    if bp > 10_000 {
        return Err("err-percent-range");
    }
    Ok(bp)
}

/// Hours as a clerk types them, in minutes: `6`, `1,5`, `1.5`, `2 óra`, `7,25 h`,
/// `90 perc`, `90 min`. At most two decimals (rounded to the minute); at most 10 000 hours.
pub fn parse_hours(value: &str) -> Result<i64, &'static str> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return Err("err-required");
    }
    if let Some(m) = ["perc", "min.", "min"]
        .iter()
        .find_map(|s| v.strip_suffix(s))
    {
        let (negative, body) = split_sign(m.trim());
        let n = parse_whole(body, 6).map_err(|_| "err-hours")?;
        return if negative { Err("err-negative") } else { Ok(n) };
    }
    let v = ["óra", "ó", "h"]
        .iter()
        .find_map(|s| v.strip_suffix(s))
        .unwrap_or(&v)
        .trim();
    let (negative, body) = split_sign(v);
    let (whole, frac) = body.split_once([',', '.']).unwrap_or((body, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || !digits(whole)
        || !digits(frac)
        || frac.len() > 2
        || body.ends_with([',', '.'])
    {
        return Err("err-hours");
    }
    if negative {
        return Err("err-negative");
    }
    let whole: i64 = whole.parse().map_err(|_| "err-hours")?;
    if whole > 10_000 {
        return Err("err-hours-too-many");
    }
    let hundredths: i64 = format!("{frac:0<2}").parse().map_err(|_| "err-hours")?;
    Ok(whole * 60 + (hundredths * 60 + 50) / 100)
}

/// Minutes as hours, the way a person writes them back: `1,5`, `2`, `0,33` (with the
/// language's decimal sign).
pub fn hours_text(minutes: i64, decimal: char) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{decimal}{}", f / 10),
        f => format!("{whole}{decimal}{f:02}"),
    }
}

/// Group digits in threes with the given separator: Hungarian uses a (narrow) space.
pub fn group_thousands(n: i64, sep: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumError {
    Empty,
    NotNumber,
    Grouping,
    Fraction,
    TooLarge,
}

/// A leading minus (ASCII or the typographic U+2212) and the rest.
fn split_sign(v: &str) -> (bool, &str) {
    match v.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, v),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Dot,
    Comma,
}

fn sep_of(c: char) -> Option<Sep> {
    match c {
        ' ' | '\u{a0}' | '\u{202f}' => Some(Sep::Space),
        '.' => Some(Sep::Dot),
        ',' => Some(Sep::Comma),
        _ => None,
    }
}

/// A whole, unsigned number with optional grouping and an optional all-zero decimal part;
/// at most `max_digits` significant digits.
fn parse_whole(s: &str, max_digits: usize) -> Result<i64, NumError> {
    if s.is_empty() {
        return Err(NumError::Empty);
    }
    // Split into digit runs and the single separators between them.
    let mut runs: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = Vec::new();
    let mut prev_sep = true; // a separator at the very start is malformed
    for c in s.chars() {
        if c.is_ascii_digit() {
            runs.last_mut().expect("never empty").push(c);
            prev_sep = false;
        } else if sep_of(c).is_some() {
            if prev_sep {
                // "1..000", "1 ,000", or a separator before the first digit
                return Err(if seps.is_empty() {
                    NumError::NotNumber
                } else {
                    NumError::Grouping
                });
            }
            seps.push(c);
            runs.push(String::new());
            prev_sep = true;
        } else {
            return Err(NumError::NotNumber);
        }
    }
    if prev_sep {
        // a trailing separator ("1000.") or no digit at all
        return Err(NumError::NotNumber);
    }

    // A final dot or comma followed by one or two digits is a decimal part.
    let fraction = match (seps.last().copied().and_then(sep_of), runs.last()) {
        (Some(mark @ (Sep::Dot | Sep::Comma)), Some(last)) if last.len() <= 2 => {
            seps.pop();
            Some((mark, runs.pop().expect("a run per separator")))
        }
        _ => None,
    };

    // The rest are groups, all with the same kind of separator.
    let group_sep = match seps.first().copied().and_then(sep_of) {
        Some(first) => {
            if seps.iter().any(|&c| sep_of(c) != Some(first)) {
                return Err(NumError::Grouping);
            }
            let first_ok =
                (1..=3).contains(&runs[0].len()) && !(runs[0].starts_with('0') && runs.len() > 1);
            if !first_ok || runs[1..].iter().any(|r| r.len() != 3) {
                return Err(NumError::Grouping);
            }
            Some(first)
        }
        None => None,
    };
    if let Some((mark, digits)) = &fraction {
        // The decimal mark must be the other sign than the groups' ("1.000.5" is garbage).
        if group_sep == Some(*mark) {
            return Err(NumError::Grouping);
        }
        if !digits.chars().all(|c| c == '0') {
            return Err(NumError::Fraction);
        }
    }

    let all: String = runs.concat();
    let significant = all.trim_start_matches('0');
    if significant.len() > max_digits {
        return Err(NumError::TooLarge);
    }
    if significant.is_empty() {
        return Ok(0);
    }
    significant.parse().map_err(|_| NumError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_clerks_type_them() {
        for (typed, want) in [
            ("22407407", 22_407_407),
            ("22.407.407", 22_407_407),
            ("22.407.407.- Ft", 22_407_407),
            ("22.407.407,- Ft", 22_407_407),
            ("22 407 407 Ft", 22_407_407),
            ("165 000 000 Ft", 165_000_000),
            ("165 000 000,00", 165_000_000),
            ("165 000 000,00 Ft", 165_000_000),
            ("165\u{a0}000\u{a0}000 HUF", 165_000_000),
            ("165\u{202f}000\u{202f}000", 165_000_000),
            ("HUF 22,407,407", 22_407_407),
            ("HUF\u{a0}22,407,407", 22_407_407),
            ("1.000.000,00", 1_000_000),
            ("1,000,000.00", 1_000_000),
            ("150,000", 150_000),
            ("1,000", 1_000),
            ("1.500", 1_500),
            ("1.00", 1),
            ("12,0", 12),
            ("0", 0),
            ("999 999 999 999 999", 999_999_999_999_999),
        ] {
            assert_eq!(parse_huf(typed), Ok(want), "{typed:?}");
        }
    }

    #[test]
    fn fractions_of_a_forint_are_refused() {
        for typed in [
            "1.5",
            "12.5",
            "12,5",
            "1.000,50",
            "1,000,000.01",
            "22 407 407,5",
        ] {
            assert_eq!(parse_huf(typed), Err("err-amount-fraction"), "{typed:?}");
        }
    }

    #[test]
    fn ambiguous_grouping_is_refused() {
        for typed in [
            "1 5",
            "1.0000",
            "12,34,567",
            "1.000 000",
            "1,000.000",
            "1234.567",
            "1.000.5",
            "0.500.000",
            "1..000",
        ] {
            assert_eq!(parse_huf(typed), Err("err-amount-grouping"), "{typed:?}");
        }
    }

    #[test]
    fn other_bad_amounts() {
        assert_eq!(parse_huf("-5"), Err("err-negative"));
        assert_eq!(parse_huf("-22 407 407 Ft"), Err("err-negative"));
        for typed in [
            "sok", "1e6", "0x10", "+-5", "--5", "1_000", "1000.", ".5", "Ft",
        ] {
            assert_eq!(parse_huf(typed), Err("err-amount"), "{typed:?}");
        }
        assert_eq!(parse_huf("1234567890123456"), Err("err-amount-too-large"));
        assert_eq!(
            parse_huf("9 999 999 999 999 999"),
            Err("err-amount-too-large")
        );
        assert_eq!(parse_huf(" "), Err("err-required"));
        assert_eq!(parse_huf(""), Err("err-required"));
    }

    #[test]
    fn counts_of_people() {
        assert_eq!(parse_count("40"), Ok(40));
        assert_eq!(parse_count("1 200"), Ok(1_200));
        assert_eq!(parse_count("1.200"), Ok(1_200));
        assert_eq!(parse_count("1,200"), Ok(1_200));
        assert_eq!(parse_count("40 fő"), Ok(40));
        assert_eq!(parse_count("1.5"), Err("err-count-fraction"));
        assert_eq!(parse_count("12,5"), Err("err-count-fraction"));
        assert_eq!(parse_count("1 20"), Err("err-amount-grouping"));
        assert_eq!(parse_count("sok"), Err("err-number"));
        assert_eq!(parse_count("-3"), Err("err-negative"));
        assert_eq!(parse_count("1234567890"), Err("err-count-too-large"));
        assert_eq!(parse_count("999 999 999"), Ok(999_999_999));
    }

    #[test]
    fn percent_range() {
        assert_eq!(parse_percent("100"), Ok(10_000));
        assert_eq!(parse_percent("100%"), Ok(10_000));
        assert_eq!(parse_percent("85,5 %"), Ok(8_550));
        assert_eq!(parse_percent("85.5"), Ok(8_550));
        assert_eq!(parse_percent("85.05"), Ok(8_505));
        assert_eq!(parse_percent("0"), Ok(0));
        assert_eq!(parse_percent("100,00"), Ok(10_000));
        assert_eq!(parse_percent("101"), Err("err-percent-range"));
        assert_eq!(parse_percent("100.01"), Err("err-percent-range"));
        assert_eq!(parse_percent("-1"), Err("err-percent-range"));
        assert_eq!(
            parse_percent("99999999999999999999"),
            Err("err-percent-range")
        );
        assert_eq!(parse_percent("száz"), Err("err-percent"));
        assert_eq!(parse_percent("85,555"), Err("err-percent"));
        assert_eq!(parse_percent("33.333"), Err("err-percent"));
        assert_eq!(parse_percent("85,"), Err("err-percent"));
        assert_eq!(parse_percent("1e2"), Err("err-percent"));
        assert_eq!(parse_percent("NaN"), Err("err-percent"));
        assert_eq!(parse_percent(" % "), Err("err-required"));
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(22_407_407, " "), "22 407 407");
        assert_eq!(group_thousands(999, " "), "999");
        assert_eq!(group_thousands(1_000, "."), "1.000");
        assert_eq!(group_thousands(0, " "), "0");
    }

    #[test]
    fn amounts_shown_by_the_ui_parse_back() {
        for n in [0, 7, 1_000, 22_407_407, 165_000_000] {
            assert_eq!(parse_huf(&n.to_string()), Ok(n));
            assert_eq!(parse_huf(&group_thousands(n, "\u{a0}")), Ok(n));
            assert_eq!(
                parse_huf(&format!("HUF {}", group_thousands(n, ","))),
                Ok(n)
            );
        }
    }

    #[test]
    fn hours_as_clerks_type_them() {
        for (typed, minutes) in [
            ("6", 360),
            ("1,5", 90),
            ("1.5", 90),
            ("2 óra", 120),
            ("7,25 h", 435),
            ("0,33", 20),
            ("90 perc", 90),
            ("45 min", 45),
            ("0", 0),
        ] {
            assert_eq!(parse_hours(typed), Ok(minutes), "{typed}");
        }
        for (typed, key) in [
            ("", "err-required"),
            ("-1", "err-negative"),
            ("1,555", "err-hours"),
            ("abc", "err-hours"),
            ("1,", "err-hours"),
            ("10001", "err-hours-too-many"),
        ] {
            assert_eq!(parse_hours(typed), Err(key), "{typed}");
        }
    }
}

//! Forint amounts and aid intensity as typed by clerks, stored exactly (integers).

/// Parse a forint amount: `22407407`, `22.407.407`, `22 407 407 Ft`, `22.407.407.- Ft`,
/// `165 000 000,00`. Returns `Err(key)` with a catalogue key.
pub fn parse_huf(value: &str) -> Result<i64, &'static str> {
    let mut v = value.trim().to_lowercase();
    for suffix in ["huf", "ft", ".-", "-"] {
        v = v.trim_end().trim_end_matches(suffix).to_string();
    }
    let v = v.trim();
    if v.is_empty() {
        return Err("err-required");
    }
    let (negative, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    // A decimal part is only accepted when it is zero (forints have no fillér any more).
    let digits = match digits.rsplit_once(',') {
        Some((whole, frac)) if frac.chars().all(|c| c == '0') && !frac.is_empty() => whole,
        Some(_) => return Err("err-amount"),
        None => digits,
    };
    let cleaned: String = digits
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return Err("err-amount");
    }
    if negative {
        return Err("err-negative");
    }
    cleaned.parse::<i64>().map_err(|_| "err-amount")
}

/// Aid intensity in hundredths of a percent: `100`, `100%`, `85,5 %` → 10000, 10000, 8550.
pub fn parse_percent(value: &str) -> Result<i64, &'static str> {
    let v = value.trim().trim_end_matches('%').trim().replace(',', ".");
    if v.is_empty() {
        return Err("err-required");
    }
    let n: f64 = v.parse().map_err(|_| "err-percent")?;
    if !n.is_finite() || !(0.0..=100.0).contains(&n) {
        return Err("err-percent-range");
    }
    Ok((n * 100.0).round() as i64)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_clerks_type_them() {
        assert_eq!(parse_huf("22407407"), Ok(22_407_407));
        assert_eq!(parse_huf("22.407.407.- Ft"), Ok(22_407_407));
        assert_eq!(parse_huf("165 000 000,00 Ft"), Ok(165_000_000));
        assert_eq!(parse_huf("165\u{a0}000\u{a0}000 HUF"), Ok(165_000_000));
        assert_eq!(parse_huf("-5"), Err("err-negative"));
        assert_eq!(parse_huf("12,5"), Err("err-amount"));
        assert_eq!(parse_huf("sok"), Err("err-amount"));
        assert_eq!(parse_huf(" "), Err("err-required"));
    }

    #[test]
    fn percent_range() {
        assert_eq!(parse_percent("100%"), Ok(10_000));
        assert_eq!(parse_percent("85,5 %"), Ok(8_550));
        assert_eq!(parse_percent("0"), Ok(0));
        assert_eq!(parse_percent("101"), Err("err-percent-range"));
        assert_eq!(parse_percent("-1"), Err("err-percent-range"));
        assert_eq!(parse_percent("száz"), Err("err-percent"));
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(22_407_407, " "), "22 407 407");
        assert_eq!(group_thousands(999, " "), "999");
        assert_eq!(group_thousands(1_000, "."), "1.000");
        assert_eq!(group_thousands(0, " "), "0");
    }
}

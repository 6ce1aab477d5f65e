//! Project IDs as the Hungarian development programmes issue them.
//!
//! Széchenyi 2020 / Széchenyi Plusz (from 2014): `TOP-5.3.1-16-KO1-2017-00005` =
//! operative programme `TOP`, measure `5.3.1`, call year `16`, optional territorial code
//! `KO1` (county or city), contract year `2017`, 5-digit serial `00005`.
//! ÚMFT (2007–2013): `TÁMOP-5.4.4-09/1-2010-0001` (call round after `/`, 4-digit serial).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectCode(String);

impl ProjectCode {
    /// Parse and normalise (trim, upper-case, en dashes to hyphens, a letter followed by
    /// a combining accent to the accented letter). The error is a catalogue key:
    /// `err-project-code-lookalike` when letters of another script (Cyrillic `Т`, Greek
    /// `Ο` …) stand where Latin ones belong, which would otherwise store a second,
    /// different code that looks the same.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let s: String = compose_accents(input.trim())
            .chars()
            .map(|c| match c {
                '–' | '—' | '‐' | '‑' | '\u{2212}' => '-',
                c => c,
            })
            .collect::<String>()
            .to_uppercase();
        if s.chars().any(|c| c.is_alphabetic() && !is_latin_letter(c)) {
            return Err("err-project-code-lookalike");
        }
        if s.is_empty() {
            return Err("err-required");
        }
        let parts: Vec<&str> = s.split('-').collect();
        let (programme, measure, call, rest) = match parts.as_slice() {
            [p, m, c, rest @ ..] => (*p, *m, *c, rest),
            _ => return Err("err-project-code"),
        };
        let (territory, year, serial) = match rest {
            [t, y, n] => (Some(*t), *y, *n),
            [y, n] => (None, *y, *n),
            _ => return Err("err-project-code"),
        };
        let programme_ok = programme.chars().count() >= 2
            && programme.chars().all(|c| is_code_letter(c) || c == '_')
            && programme.chars().next().is_some_and(is_code_letter);
        // measure: 5.3.1, 5.2.5.B, 3.2.3/A
        let (measure_main, measure_variant) = match measure.split_once('/') {
            Some((m, v)) => (m, Some(v)),
            None => (measure, None),
        };
        let measure_ok = {
            let segs: Vec<&str> = measure_main.split('.').collect();
            segs.len() >= 2
                && segs.iter().enumerate().all(|(i, seg)| {
                    (!seg.is_empty() && seg.chars().all(|c| c.is_ascii_digit()))
                        || (i >= 2 && seg.len() == 1 && seg.chars().all(|c| c.is_ascii_uppercase()))
                })
                && measure_variant
                    .is_none_or(|v| v.len() == 1 && v.chars().all(|c| c.is_ascii_uppercase()))
        };
        // call: 16, 09/1
        let call_ok = {
            let (yy, round) = match call.split_once('/') {
                Some((y, r)) => (y, Some(r)),
                None => (call, None),
            };
            yy.len() == 2
                && yy.chars().all(|c| c.is_ascii_digit())
                && round.is_none_or(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
        };
        let territory_ok = territory.is_none_or(|t| {
            let b = t.as_bytes();
            b.len() == 3
                && b[0].is_ascii_uppercase()
                && b[1].is_ascii_uppercase()
                && b[2].is_ascii_digit()
        });
        let year_num: Option<u32> = if year.len() == 4 {
            year.parse().ok()
        } else {
            None
        };
        let year_ok = year_num.is_some_and(|y| (2000..=2040).contains(&y));
        // From 2014 (Széchenyi 2020 on) serials have five digits, before that four.
        let serial_len = if year_num.is_some_and(|y| y >= 2014) {
            5
        } else {
            4
        };
        let serial_ok = serial.len() == serial_len && serial.chars().all(|c| c.is_ascii_digit());
        if programme_ok && measure_ok && call_ok && territory_ok && year_ok && serial_ok {
            Ok(ProjectCode(s))
        } else {
            Err("err-project-code")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The call code, e.g. `TOP-5.3.1-16` for `TOP-5.3.1-16-KO1-2017-00005`.
    pub fn call_code(&self) -> &str {
        let mut hyphens = 0;
        for (i, c) in self.0.char_indices() {
            if c == '-' {
                hyphens += 1;
                if hyphens == 3 {
                    return &self.0[..i];
                }
            }
        }
        &self.0
    }
}

/// A capital letter a programme name may use: A–Z and the Hungarian accented capitals
/// (`TÁMOP`, `GINOP`, `KÖFOP`).
fn is_code_letter(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, 'Á' | 'É' | 'Í' | 'Ó' | 'Ö' | 'Ő' | 'Ú' | 'Ü' | 'Ű')
}

/// A letter of the Latin script (ASCII, the Latin-1 and Latin Extended blocks, fullwidth
/// Latin). Anything else alphabetic is from another script.
fn is_latin_letter(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | 'ª' | 'º'
        | '\u{c0}'..='\u{24f}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{2c60}'..='\u{2c7f}'
        | '\u{a720}'..='\u{a7ff}'
        | '\u{ab30}'..='\u{ab6f}'
        | '\u{ff21}'..='\u{ff3a}'
        | '\u{ff41}'..='\u{ff5a}')
}

/// `A` + combining acute → `Á` and so on for the Hungarian vowels, so a decomposed
/// `TÁMOP` (as some systems paste it) reads as the precomposed one.
fn compose_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let prev = out.chars().last();
        let composed = prev.and_then(|p| match (p, c) {
            ('A', '\u{301}') => Some('Á'),
            ('E', '\u{301}') => Some('É'),
            ('I', '\u{301}') => Some('Í'),
            ('O', '\u{301}') => Some('Ó'),
            ('U', '\u{301}') => Some('Ú'),
            ('O', '\u{308}') => Some('Ö'),
            ('U', '\u{308}') => Some('Ü'),
            ('O', '\u{30b}') => Some('Ő'),
            ('U', '\u{30b}') => Some('Ű'),
            ('a', '\u{301}') => Some('á'),
            ('e', '\u{301}') => Some('é'),
            ('i', '\u{301}') => Some('í'),
            ('o', '\u{301}') => Some('ó'),
            ('u', '\u{301}') => Some('ú'),
            ('o', '\u{308}') => Some('ö'),
            ('u', '\u{308}') => Some('ü'),
            ('o', '\u{30b}') => Some('ő'),
            ('u', '\u{30b}') => Some('ű'),
            _ => None,
        });
        match composed {
            Some(letter) => {
                out.pop();
                out.push(letter);
            }
            None => out.push(c),
        }
    }
    out
}

impl fmt::Display for ProjectCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::ProjectCode;

    #[test]
    fn seed_programme_codes_are_valid() {
        for code in [
            "TOP-5.3.1-16-KO1-2017-00005",
            "TOP-6.9.1-16-KE1-2017-00001",
            "EFOP-1.3.1-15-2016-00001",
            "TÁMOP-5.4.4-09/1-2010-0001",
            "TOP_PLUSZ-3.3.1-21-KO1-2022-00012",
            "TÁMOP-5.2.5.B-10/2-2010-0022",
        ] {
            assert_eq!(
                ProjectCode::parse(code).map(|c| c.to_string()),
                Ok(code.to_string()),
                "{code}"
            );
        }
    }

    #[test]
    fn normalises_case_and_dashes() {
        let c = ProjectCode::parse(" top–5.3.1–16–ko1–2017–00005 ").unwrap();
        assert_eq!(c.as_str(), "TOP-5.3.1-16-KO1-2017-00005");
        assert_eq!(c.call_code(), "TOP-5.3.1-16");
    }

    #[test]
    fn rejects_what_a_tired_clerk_types() {
        for bad in [
            "TOP-5.3.1-16-KO1-2017-0005", // four-digit serial after 2014 (a typo on Kisbér's own site)
            "TOP 5.3.1 16 KO1 2017 00005",
            "TOP-5-16-KO1-2017-00005",
            "TOP-5.3.1-2016-KO1-2017-00005",
            "TOP-5.3.1-16-KOM-2017-00005",
            "TOP-5.3.1-16-KO1-17-00005",
            "5.3.1-16-KO1-2017-00005",
            "kisber",
        ] {
            assert_eq!(ProjectCode::parse(bad), Err("err-project-code"), "{bad}");
        }
        assert_eq!(ProjectCode::parse("  "), Err("err-required"));
    }

    #[test]
    fn lookalike_letters_of_other_scripts_are_named() {
        for bad in [
            "ТОР-5.3.1-16-KO1-2017-00005",   // Cyrillic Т, О, Р
            "TOP-5.3.1-16-КО1-2017-00005",   // Cyrillic К, О in the territory
            "ΤΟP-5.3.1-16-KO1-2017-00005",   // Greek Τ, Ο
            "TOP-5.2.5.В-16-KO1-2017-00005", // Cyrillic В in the measure
            "tоp-5.3.1-16-ko1-2017-00005",   // lower-case Cyrillic о
        ] {
            assert_eq!(
                ProjectCode::parse(bad),
                Err("err-project-code-lookalike"),
                "{bad}"
            );
        }
        // Latin letters that are not Hungarian are malformed, not lookalikes.
        for bad in [
            "TÔP-5.3.1-16-KO1-2017-00005",
            "TOP-5.3.1-16-KÖ1-2017-00005",
            "_TOP-5.3.1-16-KO1-2017-00005",
            "TOP-５.3.1-16-KO1-2017-00005",
        ] {
            assert_eq!(ProjectCode::parse(bad), Err("err-project-code"), "{bad}");
        }
    }

    #[test]
    fn hungarian_capitals_and_decomposed_accents() {
        let c = ProjectCode::parse("ta\u{301}mop-5.4.4-09/1-2010-0001").unwrap();
        assert_eq!(c.as_str(), "TÁMOP-5.4.4-09/1-2010-0001");
        let c = ProjectCode::parse("köfop-2.1.2-15-2016-00001").unwrap();
        assert_eq!(c.as_str(), "KÖFOP-2.1.2-15-2016-00001");
    }
}

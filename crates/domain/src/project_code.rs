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
    /// Parse and normalise (trim, upper-case, en dashes to hyphens).
    /// The error is a catalogue key.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let s: String = input
            .trim()
            .chars()
            .map(|c| match c {
                '–' | '—' | '‐' => '-',
                c => c,
            })
            .collect::<String>()
            .to_uppercase();
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
        let programme_ok = programme.len() >= 2
            && programme.chars().all(|c| c.is_alphabetic() || c == '_')
            && programme.chars().next().is_some_and(|c| c.is_alphabetic());
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
}

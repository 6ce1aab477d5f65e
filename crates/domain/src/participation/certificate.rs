//! Certificates (tanúsítvány) of completed trainings, and their numbers.
//!
//! A number is the year of issue and ten random Crockford symbols (50 bits) with two check
//! symbols: `2026-7QH3M-X9RBA-5K`. The public verify page names the person, so numbers
//! must not be guessable one from another; the check tells a mistyped number ("no such
//! certificate: check what you typed") from one that is not in the register. The check
//! is the number modulo the prime 1021 written as two symbols of the same alphabet (so a
//! printed number has letters and digits only, unlike a ticket's one-symbol check): it
//! catches every single wrong symbol and every swap of two neighbours.

use super::ticket::{read_symbol, value_of, ALPHABET};
use crate::ids::*;
use crate::time::{Date, Instant};
use crate::validation::*;
use serde::{Deserialize, Serialize};

pub const CERTIFICATE_RANDOM_BYTES: usize = 7;
const SYMBOLS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CertificateNumber(String);

impl CertificateNumber {
    /// A new number from random bytes the caller drew from the operating system.
    pub fn from_random(year: i32, bytes: [u8; CERTIFICATE_RANDOM_BYTES]) -> Self {
        let bits = bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let symbols: Vec<u32> = (0..SYMBOLS)
            .rev()
            .map(|k| ((bits >> (5 * k)) & 31) as u32)
            .collect();
        Self::assemble(year, &symbols)
    }

    fn assemble(year: i32, symbols: &[u32]) -> Self {
        let check = check_symbols(&with_year(year, symbols));
        let body: String = symbols
            .iter()
            .map(|&v| ALPHABET[v as usize] as char)
            .collect();
        CertificateNumber(format!("{year:04}-{}-{}-{check}", &body[..5], &body[5..]))
    }

    /// Read a number as typed or as the QR code holds it. `None`: not a number at all, or
    /// one whose check symbol is wrong.
    pub fn parse(input: &str) -> Option<Self> {
        let compact: Vec<char> = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if compact.len() != 4 + SYMBOLS + 2 || !compact[..4].iter().all(char::is_ascii_digit) {
            return None;
        }
        let year: i32 = compact[..4].iter().collect::<String>().parse().ok()?;
        let symbols: Vec<u32> = compact[4..4 + SYMBOLS]
            .iter()
            .map(|&c| value_of(c))
            .collect::<Option<_>>()?;
        let check: String = compact[4 + SYMBOLS..]
            .iter()
            .map(|&c| read_symbol(c))
            .collect();
        let n = Self::assemble(year, &symbols);
        n.0.ends_with(&check).then_some(n)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Two symbols for the value modulo 1021 (a prime above 32², so a changed symbol, worth
/// less than 32 times its place, never leaves the remainder as it was).
fn check_symbols(values: &[u32]) -> String {
    let m = values.iter().fold(0u32, |acc, &v| (acc * 32 + v) % 1021);
    [m / 32, m % 32]
        .iter()
        .map(|&v| ALPHABET[v as usize] as char)
        .collect()
}

/// The year's digits join the symbols the check covers, so a changed year is caught too.
fn with_year(year: i32, symbols: &[u32]) -> Vec<u32> {
    let mut all: Vec<u32> = format!("{year:04}")
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    all.extend_from_slice(symbols);
    all
}

/// An issued certificate: what it said when issued stays as it was (name, training,
/// hours), whatever is edited later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certificate {
    pub id: CertificateId,
    pub activity_id: ActivityId,
    pub person_id: PersonId,
    pub number: String,
    pub name: String,
    pub training: String,
    pub contact_minutes: i64,
    pub completed_on: Date,
    pub issued_at: Instant,
    pub revoked_at: Option<Instant>,
    pub revoked_reason: Option<String>,
}

/// Why a certificate is revoked (shown on the verify page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    pub reason: String,
}

impl RevokeForm {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut e = FieldErrors::new();
        let reason = required_text(&mut e, "reason", &self.reason, 500);
        e.into_result(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_and_typos_are_caught() {
        let n = CertificateNumber::from_random(2026, [0x9a, 0x01, 0xff, 0x33, 0x70, 0x0c, 0xe5]);
        assert_eq!(n.as_str().len(), "2026-ABCDE-FGHJK-CD".len());
        assert!(n
            .as_str()
            .chars()
            .all(|c| c == '-' || c.is_ascii_alphanumeric()));
        assert!(n.as_str().starts_with("2026-"));
        assert_eq!(CertificateNumber::parse(n.as_str()), Some(n.clone()));
        let typed = n.as_str().to_lowercase().replace('-', " ");
        assert_eq!(CertificateNumber::parse(&typed), Some(n.clone()));
        // Every single changed symbol (year digits included) is caught.
        let chars: Vec<char> = n.as_str().chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if *c == '-' || i >= chars.len() - 2 {
                continue;
            }
            let pool = if i < 4 {
                "0123456789"
            } else {
                "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
            };
            for other in pool.chars().filter(|o| o != c) {
                let mut wrong = chars.clone();
                wrong[i] = other;
                let wrong: String = wrong.into_iter().collect();
                assert_eq!(CertificateNumber::parse(&wrong), None, "{wrong}");
            }
        }
        for junk in [
            "",
            "2026",
            "ABCD-7QH3M-X9RBA-5",
            "2026-7QH3M-X9RBA",
            "2026-7QH3M-X9RBA-55",
        ] {
            assert_eq!(CertificateNumber::parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn a_reason_is_required_to_revoke() {
        assert!(RevokeForm::default().validate().is_err());
        assert_eq!(
            RevokeForm {
                reason: " Téves kiállítás ".into()
            }
            .validate()
            .unwrap(),
            "Téves kiállítás"
        );
    }
}

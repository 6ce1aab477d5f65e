//! Password rules for new and changed passwords. Length and a list of what people
//! commonly choose, in English and Hungarian, rather than "one digit, one capital" rules
//! (which make people write `Jelszo2024!`, refused here too).

use crate::text::fold;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Shortest password, counting only visible characters.
pub const MIN_CHARS: usize = 10;
/// Longest password: enough for any passphrase, short enough to keep hashing cheap.
pub const MAX_CHARS: usize = 200;

/// Is `password` acceptable for the account `email`? The error is a catalogue key:
/// `err-password-short`, `err-password-long` or `err-password-common`.
pub fn check(password: &str, email: &str) -> Result<(), &'static str> {
    // Only characters a person sees count: ten zero-width characters are no password.
    let visible = password
        .chars()
        .filter(|&c| !(c.is_whitespace() || c.is_control() || crate::validation::is_invisible(c)))
        .count();
    if visible < MIN_CHARS {
        return Err("err-password-short");
    }
    if password.chars().count() > MAX_CHARS {
        return Err("err-password-long");
    }
    let compact: String = fold(password)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let core = core_of(&compact);
    let common = {
        let distinct: HashSet<char> = compact.chars().collect();
        distinct.len() < 4
    } || is_listed(&compact)
        || is_listed(&core)
        || is_sequence(&compact)
        || is_repetition(&compact)
        // "qwertzuiop2024" and "abcabcabc!!" are no better than their cores
        || (core.chars().count() >= 6 && (is_sequence(&core) || is_repetition(&core)))
        || has_weak_middle(&compact)
        || contains_email_name(&compact, email);
    if common {
        Err("err-password-common")
    } else {
        Ok(())
    }
}

/// The word inside a password: leading and trailing digits and signs stripped
/// (`Jelszo2024!` → `jelszo`), inner separators dropped (`jel-szo` → `jelszo`) and the
/// usual look-alike substitutions undone (`p@ssw0rd` → `password`). Expects folded text.
fn core_of(folded: &str) -> String {
    folded
        .trim_matches(|c: char| !c.is_alphabetic())
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '_' | '.')))
        .map(|c| match c {
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '$' | '5' => 's',
            '7' => 't',
            c => c,
        })
        .collect()
}

/// Both forms of every listed password: as written (for digit-only entries such as
/// `123456789`) and as its core.
fn list() -> &'static HashSet<String> {
    static LIST: OnceLock<HashSet<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut set = HashSet::new();
        for line in include_str!("common_passwords.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let compact: String = fold(line).chars().filter(|c| !c.is_whitespace()).collect();
            let core = core_of(&compact);
            if !core.is_empty() {
                set.insert(core);
            }
            set.insert(compact);
        }
        set
    })
}

fn is_listed(s: &str) -> bool {
    !s.is_empty() && list().contains(s)
}

/// Rows people run a finger along, folded (ö ü ó ő ú é á ű lose their accents), and the
/// digit and letter runs. QWERTZ is the Hungarian layout; QWERTY the English one.
const RUNS: &[&str] = &[
    "01234567890",
    "0123456789ouo",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertzuiopou",
    "asdfghjkleau",
    "iyxcvbnm",
    "qwertzuiopasdfghjklyxcvbnm",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qwertyuiopasdfghjklzxcvbnm",
];

/// A straight run along a row (either direction): `1234567890`, `abcdefghij`, `qwertzuiop`.
fn is_sequence(s: &str) -> bool {
    if s.chars().count() < 3 {
        return false;
    }
    let reversed: String = s.chars().rev().collect();
    RUNS.iter()
        .any(|run| run.contains(s) || run.contains(reversed.as_str()))
}

/// The same short piece over and over: `abcdabcdab`, `1234512345`, `jelszojelszo`.
fn is_repetition(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    (1..=chars.len() / 2).any(|period| (period..chars.len()).all(|i| chars[i] == chars[i - period]))
}

/// A listed password or a run with a few characters around it: `123456789a`,
/// `x1234567890`, `my-budapest`. At most four characters each side, and at least six
/// left, so a passphrase that merely contains a listed word still passes.
fn has_weak_middle(compact: &str) -> bool {
    let chars: Vec<char> = compact.chars().collect();
    (0..=4).any(|start| {
        (0..=4).any(|end| {
            let len = chars.len().saturating_sub(start + end);
            if len < 6 {
                return false;
            }
            let middle: String = chars[start..start + len].iter().collect();
            is_listed(&middle) || is_sequence(&middle)
        })
    })
}

/// Does the password contain the e-mail address's local part, or a piece of it between
/// dots, hyphens or underscores (`kovacs.anna@…` → `kovacs`, `anna`), of at least four
/// characters?
fn contains_email_name(compact: &str, email: &str) -> bool {
    let Some((local, _)) = email.trim().split_once('@') else {
        return false;
    };
    let local = fold(local);
    std::iter::once(local.as_str())
        .chain(local.split(['.', '_', '-', '+']))
        .filter(|piece| piece.chars().count() >= 4)
        .any(|piece| compact.contains(piece))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "kovacs.anna@kisber.hu";

    #[test]
    fn passwords_other_tests_use_are_accepted() {
        for ok in [
            "hosszu-jelszo-123",
            "Béka a kútban 1987",
            "zöld-alma-kerítés",
            "x9403862175",
        ] {
            assert_eq!(check(ok, EMAIL), Ok(()), "{ok}");
            assert_eq!(check(ok, "admin@demo.kozos.hu"), Ok(()), "{ok}");
        }
    }

    #[test]
    fn the_published_demo_password_is_refused() {
        assert_eq!(check("kozos-demo-2026", EMAIL), Err("err-password-common"));
        assert_eq!(check("Kozos-Demo-2027", EMAIL), Err("err-password-common"));
    }

    #[test]
    fn short_counts_only_visible_characters() {
        assert_eq!(check("          ", EMAIL), Err("err-password-short"));
        assert_eq!(
            check("\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{200b}\u{200d}\u{200c}\u{2060}\u{feff}\u{200c}", EMAIL),
            Err("err-password-short")
        );
        assert_eq!(check("  abc  def  gh  ", EMAIL), Err("err-password-short"));
        assert_eq!(check("rövid", EMAIL), Err("err-password-short"));
        assert_eq!(
            check(&"hosszú ".repeat(40), EMAIL),
            Err("err-password-long")
        );
        assert_eq!(
            check(&"Kb7!xQ2@pL".repeat(20), EMAIL),
            Err("err-password-common")
        );
        let long: String = "abcdefghijklmnopqrstuvwxyz0123456789"
            .chars()
            .cycle()
            .take(201)
            .collect();
        assert_eq!(check(&long, EMAIL), Err("err-password-long"));
    }

    #[test]
    fn common_passwords_are_refused() {
        for bad in [
            "Jelszo2024!",
            "jelszó12345",
            "JELSZÓ!!!!!!",
            "password123",
            "P@ssw0rd2024",
            "Szeretlek123",
            "macska12345",
            "kutyus2020!",
            "Budapest2024",
            "magyarorszag",
            "Magyarország1",
            "qwertzuiop",
            "QWERTZUIOP1",
            "asdfghjkl123",
            "yxcvbnm12345",
            "123456789a",
            "x1234567890",
            "my-budapest",
            "1234567890",
            "0987654321",
            "abcdefghij",
            "iloveyou123",
            "football2024",
            "kozosseg2026",
            "Közösség-2026",
            "admin-12345",
            "aaaaaaaaaa",
            "ababababab",
            "abcdabcdab",
            "1234512345",
            "jelszojelszo",
            "új jelszó 2024",
        ] {
            assert_eq!(check(bad, EMAIL), Err("err-password-common"), "{bad}");
        }
    }

    #[test]
    fn the_email_name_is_not_a_password() {
        assert_eq!(check("kovacs.anna1987", EMAIL), Err("err-password-common"));
        assert_eq!(check("Kovács-Béla-1960", EMAIL), Err("err-password-common"));
        // each name in the address counts once it has four letters
        assert_eq!(check("anna-és-béla-99", EMAIL), Err("err-password-common"));
        assert_eq!(
            check("anna-és-béla-99", "bela@kisber.hu"),
            Err("err-password-common")
        );
        assert_eq!(check("anna-és-béla-99", "kis@kisber.hu"), Ok(()));
    }

    #[test]
    fn the_list_is_loaded_and_folded() {
        assert!(list().len() > 300);
        assert!(list().contains("jelszo"));
        assert!(list().contains("qwertzuiopou"));
        assert!(list().contains("123456789"));
        assert!(!list().contains(""));
    }
}

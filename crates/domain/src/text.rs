//! Text folding for search: "Kisbér" and "kisber" must find each other on both engines,
//! whose LIKE/lower() only fold ASCII. The folded form is computed here and stored.

use crate::validation::{is_combining_mark, is_invisible};

/// Lower-case and strip Hungarian (and common Latin) accents, whether typed as one letter
/// (`é`) or as a letter and a combining mark (`e` + U+0301, what some phones and macOS send).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'ő' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ű' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '„' | '”' | '“' => '"',
            other => other,
        })
        .collect()
}

/// The key under which two names are "the same name" to a person: folded (case and
/// accents ignored), invisible characters dropped, whitespace runs collapsed, ends trimmed.
/// "Kisbéri  Polgárőr" and "kisberi polgaror" have the same key.
pub fn name_key(s: &str) -> String {
    let visible: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    fold(&visible)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Hungarian alphabetical order: cs after c, gy after g, sz after s, dzs after dz …; ö/ő
/// after o/ó; accented and plain vowels equal unless everything else is (á after a then).
/// Databases order by bytes (and differently on each engine), so lists are sorted here.
pub fn hu_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (ka, kb) = (hu_key(a), hu_key(b));
    ka.0.cmp(&kb.0)
        .then_with(|| ka.1.cmp(&kb.1))
        .then_with(|| a.cmp(b))
}

/// (primary letters, accent marks) of a string.
fn hu_key(s: &str) -> (Vec<u16>, Vec<u8>) {
    const ALPHABET: &[&str] = &[
        "a", "b", "c", "cs", "d", "dz", "dzs", "e", "f", "g", "gy", "h", "i", "j", "k", "l", "ly",
        "m", "n", "ny", "o", "ö", "p", "q", "r", "s", "sz", "t", "ty", "u", "ü", "v", "w", "x",
        "y", "z", "zs",
    ];
    let lower: Vec<char> = s.chars().flat_map(|c| c.to_lowercase()).collect();
    let (mut primary, mut accents) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lower.len() {
        let (base, accent) = match lower[i] {
            'á' => ('a', 1),
            'é' => ('e', 1),
            'í' => ('i', 1),
            'ó' => ('o', 1),
            'ő' => ('ö', 1),
            'ú' => ('u', 1),
            'ű' => ('ü', 1),
            c => (c, 0),
        };
        // Longest letter first: dzs, then two-letter letters, then one.
        let mut matched = None;
        for len in [3, 2] {
            if accent == 0 && i + len <= lower.len() {
                let candidate: String = lower[i..i + len].iter().collect();
                if let Some(pos) = ALPHABET.iter().position(|l| *l == candidate) {
                    matched = Some((pos, len));
                    break;
                }
            }
        }
        let (rank, len) = if let Some((pos, len)) = matched {
            (1000 + pos as u16, len)
        } else if let Some(pos) = ALPHABET
            .iter()
            .position(|l| l.chars().eq(std::iter::once(base)))
        {
            (1000 + pos as u16, 1)
        } else {
            // digits and other signs sort before letters, in code-point order
            ((base as u32).min(999) as u16, 1)
        };
        primary.push(rank);
        accents.push(accent);
        i += len;
    }
    (primary, accents)
}

#[cfg(test)]
mod tests {
    use super::fold;
    use super::hu_cmp;
    use super::name_key;

    #[test]
    fn hungarian_alphabetical_order() {
        let mut names = vec![
            "Zala",
            "Szeged",
            "Sopron",
            "Öttevény",
            "Ózd",
            "Orosháza",
            "Győr",
            "Gödöllő",
            "Csongrád-Csanád",
            "Cegléd",
            "Zsámbék",
            "Zánka",
        ];
        names.sort_by(|a, b| hu_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "Cegléd",
                "Csongrád-Csanád",
                "Gödöllő",
                "Győr",
                "Orosháza",
                "Ózd",
                "Öttevény",
                "Sopron",
                "Szeged",
                "Zala",
                "Zánka",
                "Zsámbék"
            ]
        );
        // accents decide only when the letters are equal
        assert!(hu_cmp("kar", "kár").is_lt());
        assert!(hu_cmp("kár", "karc").is_lt());
    }

    #[test]
    fn folds_hungarian_accents_and_case() {
        assert_eq!(fold("Kisbér"), "kisber");
        assert_eq!(fold("ŐRSÉG Űrhajó"), "orseg urhajo");
        assert_eq!(fold("Csongrád-Csanád"), "csongrad-csanad");
    }

    #[test]
    fn fold_strips_combining_marks() {
        // "Kisbér" typed decomposed: e + combining acute
        assert_eq!(fold("Kisbe\u{301}r"), fold("Kisbér"));
        assert_eq!(fold("O\u{30b}rse\u{301}g"), "orseg");
    }

    #[test]
    fn names_compare_as_people_read_them() {
        assert_eq!(
            name_key("  Kisbéri   Polgárőr\u{a0}Egyesület "),
            "kisberi polgaror egyesulet"
        );
        assert_eq!(
            name_key("Kisbe\u{301}ri\u{200b} Polgárőr"),
            name_key("KISBÉRI POLGÁRŐR")
        );
        assert_ne!(name_key("Kisbér"), name_key("Kis Bér"));
    }
}

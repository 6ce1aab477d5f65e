//! Hungarian-aware search text: a record's words and a query's words are turned into the
//! same terms, so "közösségek", "közösségi" and "közösséggel" find "közösség" and
//! "kozosseg" finds it too. No I/O: the index (`kozos_db::search`) stores what this
//! computes, and the result page's snippets are cut here.
//!
//! A term is a word stemmed with the Snowball Hungarian stemmer and then folded (case and
//! accents dropped). The stemmer is applied until nothing changes, because one pass is
//! inconsistent across inflections ("helytörténeti" → "helytörténet", but "helytörténet"
//! → "helytört"); repeated, both reach "helytört". A word typed without accents stems a
//! little differently from the accented one, so each word gives two terms when they
//! differ: stem-then-fold and fold-then-stem.

mod kind;
mod snippet;

pub use kind::DocKind;
pub use snippet::{highlight, snippet, Segment};

use crate::text::fold;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Longer "words" are ids, hashes or run-on garbage: not indexed.
const MAX_WORD_CHARS: usize = 40;
/// Query words beyond these are ignored (a pasted paragraph is not a query).
pub const MAX_QUERY_WORDS: usize = 8;
/// The last query word also matches as a prefix (the reader may still be typing) once
/// it has this many letters.
const PREFIX_MIN_CHARS: usize = 3;

/// Words too common to say anything about a record, by folded form (Hungarian and English).
const STOPWORDS: &[&str] = &[
    "a", "az", "egy", "es", "is", "meg", "hogy", "nem", "de", "van", "volt", "mint", "ez", "azt",
    "ezt", "ki", "be", "el", "fel", "le", "vagy", "csak", "mar", "meg", "ha", "igy", "ugy",
    "pedig", "mert", "aki", "ami", "amely", "amelyek", "akik", "amit", "ahol", "azok", "ezek",
    "kell", "lesz", "lett", "sem", "se", "mi", "ok", "en", "te", "on", "nagyon", "minden", "sok",
    "itt", "ott", "illetve", "valamint", "the", "and", "of", "to", "in", "for", "on", "with", "an",
    "is", "are", "was", "by", "at", "or", "as", "be", "it", "this", "that", "from",
];

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Hungarian))
}

/// A word's place in a text, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// The words of a text: runs of letters and digits.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || crate::validation::is_combining_mark(c);
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
        });
    }
    out.retain(|t| text[t.start..t.end].chars().count() <= MAX_WORD_CHARS);
    out
}

fn stem_fully(word: &str) -> String {
    let mut w = word.to_string();
    for _ in 0..4 {
        if w.chars().count() < 3 {
            break;
        }
        let next = stemmer().stem(&w).into_owned();
        if next == w || next.is_empty() {
            break;
        }
        w = next;
    }
    w
}

fn is_stopword(folded: &str) -> bool {
    STOPWORDS.contains(&folded)
}

/// The terms one word is indexed and looked up under (one or two); none for a stopword.
pub fn terms_of(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let folded = fold(&lower);
    if folded.is_empty() || is_stopword(&folded) {
        return Vec::new();
    }
    let a = fold(&stem_fully(&lower));
    let b = stem_fully(&folded);
    if a == b {
        vec![a]
    } else {
        vec![a, b]
    }
}

/// How much each part of a record counts.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    Title,
    /// Tags, place names, kind names: short and telling.
    Keywords,
    Body,
}

impl Field {
    fn weight(self) -> f64 {
        match self {
            Field::Title => 3.0,
            Field::Keywords => 2.0,
            Field::Body => 1.0,
        }
    }
}

/// A term's weight in a record (BM25's term-frequency part, with the length taken as
/// the record's word count against a typical 150), times 1000 and rounded: the query
/// multiplies it by the term's rarity.
pub fn index_terms(parts: &[(Field, &str)]) -> Vec<(String, i64)> {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    const TYPICAL_LEN: f64 = 150.0;
    let mut tf: BTreeMap<String, f64> = BTreeMap::new();
    let mut len = 0usize;
    for (field, text) in parts {
        for t in tokens(text) {
            len += 1;
            for term in terms_of(&text[t.start..t.end]) {
                *tf.entry(term).or_default() += field.weight();
            }
        }
    }
    let norm = 1.0 - B + B * (len.max(1) as f64) / TYPICAL_LEN;
    tf.into_iter()
        .map(|(term, f)| {
            let w = f * (K1 + 1.0) / (f + K1 * norm);
            (term, (w * 1000.0).round().max(1.0) as i64)
        })
        .collect()
}

/// A query word: the terms it matches exactly, and for the word still being typed the
/// prefix it matches and the shorter terms it may be the start of an inflection of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub text: String,
    pub terms: Vec<String>,
    pub prefix: Option<String>,
    /// "palantacser" typed on the way to "palántacserén": its stem "palantacs" is shorter
    /// than what was typed, so the typed word's own beginnings (down to four letters short
    /// of it, at least four letters) are looked up too.
    pub partial: Vec<String>,
}

/// What a reader typed, as words to find (all of them, in any order).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<QueryWord>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let toks = tokens(q);
        let mut words: Vec<QueryWord> = Vec::new();
        let mut seen = BTreeSet::new();
        let last = toks.len().saturating_sub(1);
        for (i, t) in toks.iter().enumerate() {
            let text = &q[t.start..t.end];
            let terms = terms_of(text);
            if terms.is_empty() || !seen.insert(terms.clone()) {
                continue;
            }
            let folded = fold(&text.to_lowercase());
            // Only the last word is still being typed.
            let prefix = (i == last
                && folded.chars().count() >= PREFIX_MIN_CHARS
                && !q.ends_with(char::is_whitespace))
            .then_some(folded);
            let partial = match &prefix {
                None => Vec::new(),
                Some(p) => {
                    let chars: Vec<char> = p.chars().collect();
                    let shortest = chars.len().saturating_sub(4).max(4);
                    (shortest..chars.len())
                        .map(|n| chars[..n].iter().collect::<String>())
                        .filter(|t| !terms.contains(t))
                        .collect()
                }
            };
            words.push(QueryWord {
                text: text.to_string(),
                terms,
                prefix,
                partial,
            });
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Does a word of a record match one of the query's words?
    pub fn hits(&self, word: &str) -> bool {
        let folded = fold(&word.to_lowercase());
        let terms = terms_of(word);
        self.words.iter().any(|q| {
            q.terms.iter().chain(&q.partial).any(|t| terms.contains(t))
                || q.prefix
                    .as_ref()
                    .is_some_and(|p| folded.starts_with(p.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(word: &str) -> Vec<String> {
        terms_of(word)
    }

    fn shares(a: &str, b: &str) -> bool {
        let tb = terms_of(b);
        terms_of(a).iter().any(|t| tb.contains(t))
    }

    #[test]
    fn inflections_and_unaccented_forms_meet() {
        for w in [
            "közösségek",
            "közösségi",
            "közösséggel",
            "közösségben",
            "kozosseg",
            "KÖZÖSSÉG",
            "kozossegek",
        ] {
            assert!(shares(w, "közösség"), "{w}");
        }
        assert!(shares("helytörténeti", "helytörténet"));
        assert!(shares("egyesületet", "egyesület"));
        assert!(shares("kezdeményezések", "kezdeményezést"));
        assert!(shares("beszélgetésen", "beszélgetések"));
        assert!(shares("Kisbérben", "kisberi"));
        assert!(!shares("közösség", "könyvtár"));
        assert!(!shares("múzeum", "falu"));
    }

    #[test]
    fn stopwords_and_junk_are_not_terms() {
        assert!(one("és").is_empty());
        assert!(one("A").is_empty());
        let long = "x".repeat(60);
        assert!(tokens(&long).is_empty());
        assert_eq!(tokens("fél-évi, 2019-es!").len(), 4);
    }

    #[test]
    fn titles_weigh_more_and_repetition_saturates() {
        let w = |parts: &[(Field, &str)], term: &str| {
            index_terms(parts)
                .into_iter()
                .find(|(t, _)| t == term)
                .map(|(_, w)| w)
                .unwrap_or(0)
        };
        let key = &one("múzeum")[0];
        let in_title = w(&[(Field::Title, "Múzeum"), (Field::Body, "egy nap")], key);
        let in_body = w(&[(Field::Title, "Egy nap"), (Field::Body, "múzeum")], key);
        assert!(in_title > in_body, "{in_title} {in_body}");
        let once = w(&[(Field::Body, "múzeum")], key);
        let often = w(&[(Field::Body, &"múzeum ".repeat(50))], key);
        assert!(often > once && often < once * 3, "{once} {often}");
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typed() {
        let q = Query::parse("falunap kozos");
        assert_eq!(q.words.len(), 2);
        assert_eq!(q.words[0].prefix, None);
        assert_eq!(q.words[1].prefix.as_deref(), Some("kozos"));
        assert_eq!(
            Query::parse("palantacser").words[0].partial,
            ["palanta", "palantac", "palantacs", "palantacse"]
        );
        assert_eq!(Query::parse("kozos ").words[0].prefix, None);
        assert!(Query::parse("kozos ").words[0].partial.is_empty());
        assert_eq!(Query::parse("ab").words[0].prefix, None);
        assert!(Query::parse("a az és").is_empty());
        assert_eq!(Query::parse("falu falu faluban").words.len(), 1);
        let many = "alma körte szilva barack dió mogyoró meggy cseresznye eper";
        assert_eq!(Query::parse(many).words.len(), MAX_QUERY_WORDS);
    }
}

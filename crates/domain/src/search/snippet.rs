//! Where a result's text shows the query: its title with the words marked, and the part
//! of its body where the query's words are thickest.

use super::{tokens, Query, Token};

/// A run of text, marked when it is a word the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// A text with the query's words marked (for titles).
pub fn highlight(text: &str, query: &Query) -> Vec<Segment> {
    mark(text, 0, text.len(), &tokens(text), query)
}

/// The part of a longer text where the query's words are thickest, about `words` words
/// long, with "…" where it was cut and the query's words marked. Without a hit, the
/// text's beginning.
pub fn snippet(text: &str, query: &Query, words: usize) -> Vec<Segment> {
    let toks = tokens(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let hits: Vec<bool> = toks
        .iter()
        .map(|t| query.hits(&text[t.start..t.end]))
        .collect();
    let n = words.max(1).min(toks.len());
    // Slide a window of n words and keep the one with the most hits (first wins).
    let mut count: usize = hits[..n].iter().filter(|h| **h).count();
    let (mut best, mut best_at) = (count, 0);
    for i in n..toks.len() {
        count += hits[i] as usize;
        count -= hits[i - n] as usize;
        if count > best {
            best = count;
            best_at = i + 1 - n;
        }
    }
    // Start a few words before the first hit, so it reads in context.
    let first_hit = (best_at..best_at + n).find(|&i| hits[i]);
    let from = match first_hit {
        Some(h) if h > best_at + 3 => (h - 3).min(toks.len() - n),
        _ => best_at,
    };
    let to = from + n - 1;
    let start = if from == 0 { 0 } else { toks[from].start };
    let end = if to == toks.len() - 1 {
        text.len()
    } else {
        toks[to].end
    };
    let mut out = Vec::new();
    if from > 0 {
        out.push(Segment {
            text: "… ".into(),
            hit: false,
        });
    }
    out.extend(mark(text, start, end, &toks[from..=to], query));
    if end < text.len() {
        out.push(Segment {
            text: " …".into(),
            hit: false,
        });
    }
    out
}

fn mark(text: &str, start: usize, end: usize, toks: &[Token], query: &Query) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut at = start;
    let push = |s: &str, hit: bool, out: &mut Vec<Segment>| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.hit == hit && !hit => last.text.push_str(s),
            _ => out.push(Segment {
                text: s.to_string(),
                hit,
            }),
        }
    };
    for t in toks {
        if t.start < start || t.end > end {
            continue;
        }
        let word = &text[t.start..t.end];
        if query.hits(word) {
            push(&text[at..t.start], false, &mut out);
            push(word, true, &mut out);
            at = t.end;
        }
    }
    push(&text[at..end], false, &mut out);
    // Line breaks of a memo would make the snippet ragged.
    for s in &mut out {
        if s.text.contains(['\n', '\r', '\t']) {
            s.text = one_space(&s.text);
        }
    }
    out
}

/// Every run of whitespace as one space (the ends kept: they part words from the marks).
fn one_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    if gap {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_centre_on_the_hits_and_mark_them() {
        let text = format!(
            "{} A közösségi beszélgetésen a fiatalok a könyvtárról szóltak. {}",
            "Bevezető szöveg. ".repeat(30),
            "Zárszó. ".repeat(30)
        );
        let q = Query::parse("kozossegek konyvtar");
        let s = snippet(&text, &q, 12);
        let marked: Vec<&str> = s
            .iter()
            .filter(|x| x.hit)
            .map(|x| x.text.as_str())
            .collect();
        assert_eq!(marked, ["közösségi", "könyvtárról"]);
        assert_eq!(s.first().unwrap().text, "… ");
        assert_eq!(s.last().unwrap().text, " …");
        let plain: String = s.iter().map(|x| x.text.as_str()).collect();
        assert!(plain.contains("fiatalok"), "{plain}");
        // No hit: the beginning, uncut at the front.
        let none = snippet(&text, &Query::parse("lovarda"), 5);
        assert!(none[0].text.starts_with("Bevezető"));
        assert!(none.iter().all(|x| !x.hit));
    }

    #[test]
    fn line_breaks_become_spaces_and_never_glue_words() {
        let s = snippet(
            "a közösségi\nkezdeményezések\n\nbefogadása",
            &Query::parse("kozossegi"),
            10,
        );
        let joined: String = s.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(joined, "a közösségi kezdeményezések befogadása");
    }

    #[test]
    fn highlight_keeps_every_character() {
        let title = "Közösségi beszélgetés – Kisbér, 2018.";
        let h = highlight(title, &Query::parse("kisber beszelgetes"));
        let joined: String = h.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(joined, title);
        assert_eq!(h.iter().filter(|x| x.hit).count(), 2);
    }
}

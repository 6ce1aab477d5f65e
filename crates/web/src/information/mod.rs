//! The Information Point: a public page per programme and per settlement listing what
//! was published there (memos, plans, the library's items, answered questions to the
//! experts), newest first, with an Atom feed of the same.

mod atom;
mod pages;

pub use pages::page_of;

use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::get;

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/programmes/{id}/info", get(pages::programme)),
        r(M::GET, "/programmes/{id}/info.atom", get(atom::programme)),
        r(M::GET, "/places/{id}/info", get(pages::place)),
        r(M::GET, "/places/{id}/info.atom", get(atom::place)),
    ]
}

/// Where an entry is read.
pub fn entry_path(e: &kozos_app::information::Entry) -> String {
    match e.kind.as_str() {
        "memo" => format!("/memos/{}", e.id),
        "plan" => format!(
            "/programmes/{}/plans/{}",
            e.programme_id.map(|p| p.0).unwrap_or_default(),
            e.id
        ),
        "question" => format!("/questions/{}", e.id),
        _ => format!("/knowledge/{}", e.id),
    }
}

/// The beginning of an entry's text, as plain words (for lists and feed summaries).
pub fn summary(text: &str, words: usize) -> String {
    let plain: String = text
        .chars()
        .map(|c| {
            if matches!(c, '#' | '*' | '_' | '>' | '`' | '[' | ']') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out: Vec<&str> = plain.split_whitespace().take(words + 1).collect();
    let cut = out.len() > words;
    out.truncate(words);
    let mut s = out.join(" ");
    if cut {
        s.push_str(" …");
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn summaries_are_plain_and_short() {
        assert_eq!(
            super::summary("## Döntés\n\n**Piac** szombaton is", 10),
            "Döntés Piac szombaton is"
        );
        assert_eq!(super::summary("egy kettő három négy", 2), "egy kettő …");
    }
}

//! The search's query string, checked: a value that does not parse is a 400, never a
//! guess (a link with `kind=bogus` is broken, not "everything").

use kozos_app::search::Request;
use kozos_domain::search::DocKind;
use kozos_domain::{PlaceId, ProgrammeId};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct SearchParams {
    /// The words to find (all of them); the last one also as a prefix. Hungarian
    /// inflections and unaccented spellings match.
    pub q: Option<String>,
    /// `programme`, `activity`, `memo`, `plan`, `initiative`, `practice`,
    /// `publication`, `video`, `study` or `question`.
    pub kind: Option<String>,
    /// A programme's id.
    pub programme: Option<String>,
    /// A settlement's id (its parts included).
    pub place: Option<String>,
    /// From 1; 20 results a page, at most 50 pages.
    pub page: Option<String>,
}

fn id(v: &Option<String>) -> Result<Option<i64>, ()> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => t.parse::<i64>().map(Some).map_err(|_| ()),
    }
}

impl SearchParams {
    pub fn request(&self) -> Result<Request, ()> {
        let kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(k) => Some(DocKind::parse(k).ok_or(())?),
        };
        let page = id(&self.page)?.unwrap_or(1);
        if !(1..=kozos_app::search::MAX_PAGE).contains(&page) {
            return Err(());
        }
        Ok(Request {
            q: self.q.clone().unwrap_or_default(),
            kind,
            programme: id(&self.programme)?.map(ProgrammeId),
            place: id(&self.place)?.map(PlaceId),
            page,
        })
    }
}

/// A link to the search with these values (the page's own links: filters, pages).
pub fn href(r: &Request, kind: Option<DocKind>, page: i64) -> String {
    use crate::routes::encode_query;
    let mut q = vec![format!("q={}", encode_query(&r.q))];
    if let Some(k) = kind {
        q.push(format!("kind={}", k.as_str()));
    }
    if let Some(p) = r.programme {
        q.push(format!("programme={p}"));
    }
    if let Some(p) = r.place {
        q.push(format!("place={p}"));
    }
    if page > 1 {
        q.push(format!("page={page}"));
    }
    format!("/search?{}", q.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(kind: &str, page: &str) -> SearchParams {
        SearchParams {
            q: Some("falunap".into()),
            kind: Some(kind.into()),
            page: Some(page.into()),
            ..Default::default()
        }
    }

    #[test]
    fn bad_values_are_refused_not_guessed() {
        assert!(p("memo", "2").request().is_ok());
        assert!(p("bogus", "1").request().is_err());
        assert!(p("", "0").request().is_err());
        assert!(p("", "51").request().is_err());
        assert!(p("", "x").request().is_err());
        let r = p("", "").request().unwrap();
        assert_eq!((r.kind, r.page), (None, 1));
    }

    #[test]
    fn links_keep_the_filters_and_encode_the_words() {
        let mut r = p("memo", "1").request().unwrap();
        r.q = "közösség & co".into();
        r.programme = Some(ProgrammeId(3));
        let h = href(&r, Some(DocKind::Memo), 2);
        assert_eq!(
            h,
            "/search?q=k%C3%B6z%C3%B6ss%C3%A9g%20%26%20co&kind=memo&programme=3&page=2"
        );
    }
}

//! The Information Point as an Atom feed (RFC 4287), in Hungarian like the site's
//! default: each entry links to its page at the configured public address, carries its
//! text as HTML (the same safe rendering as the page) and its first publication time.

use super::{entry_path, summary};
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::i18n::Lang;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use kozos_app::information::{self, Point};
use kozos_domain::time::Instant;
use kozos_domain::{PlaceId, ProgrammeId};

use super::pages::PageQuery;

/// Text for XML: markup characters escaped, characters XML 1.0 forbids dropped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(at: Instant) -> String {
    at.stored()
}

pub fn feed(base_url: &str, path: &str, p: &Point, now: Instant) -> String {
    let lang = Lang::Hu;
    let title = format!("{} – {}", lang.t("info-point-title"), p.title);
    let updated = p.entries.first().map(|e| e.published_at).unwrap_or(now);
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"hu\">\n");
    x.push_str(&format!("  <title>{}</title>\n", esc(&title)));
    x.push_str(&format!("  <id>{}{path}/info</id>\n", esc(base_url)));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}{path}/info.atom\"/>\n",
        esc(base_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}{path}/info\"/>\n",
        esc(base_url)
    ));
    x.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        esc(&p.title)
    ));
    for e in &p.entries {
        let href = format!("{base_url}{}", entry_path(e));
        let html = crate::ui::markdown::render(&e.text).into_string();
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", esc(&e.title)));
        x.push_str(&format!("    <id>{}</id>\n", esc(&href)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&href)
        ));
        x.push_str(&format!(
            "    <published>{}</published>\n",
            rfc3339(e.published_at)
        ));
        x.push_str(&format!(
            "    <updated>{}</updated>\n",
            rfc3339(e.published_at)
        ));
        x.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            esc(e.programme_title.as_deref().unwrap_or(&p.title))
        ));
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            e.kind,
            esc(&lang.t(&format!("search-kind-{}", e.kind)))
        ));
        x.push_str(&format!(
            "    <summary>{}</summary>\n",
            esc(&summary(&e.text, 60))
        ));
        x.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            esc(&html)
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

fn answer(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

pub async fn programme(
    State(s): State<AppState>,
    ctx: crate::ctx::Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = super::pages::page_of(&ctx, q.page.as_deref())?;
    let p = information::programme_point(&s.app, ProgrammeId(id), page)
        .await
        .map_err(ctx.err())?;
    let now = Instant::from(s.app.clock.now());
    Ok(answer(feed(
        &s.config.base_url(),
        &format!("/programmes/{id}"),
        &p,
        now,
    )))
}

pub async fn place(
    State(s): State<AppState>,
    ctx: crate::ctx::Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = super::pages::page_of(&ctx, q.page.as_deref())?;
    let p = information::place_point(&s.app, PlaceId(id), page)
        .await
        .map_err(ctx.err())?;
    let now = Instant::from(s.app.clock.now());
    Ok(answer(feed(
        &s.config.base_url(),
        &format!("/places/{id}"),
        &p,
        now,
    )))
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_text_is_escaped_and_cleaned() {
        assert_eq!(super::esc("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}

//! Markdown that people type (memos, descriptions) as safe HTML: raw HTML in the text is
//! shown as text, links go only to http(s) and mailto addresses (and open nothing
//! else), images become links to themselves (no third-party requests from a page), and
//! headings start at level 3 so they sit under the page's own.

use maud::{Markup, PreEscaped};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:")
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

pub fn render(text: &str) -> Markup {
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES);
    let mut dropped_links = 0usize;
    let events = parser.filter_map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(Tag::Heading { level, .. }) => Some(Event::Start(Tag::Heading {
            level: lower(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) if safe_url(&dest_url) => Some(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url,
            title,
            id: CowStr::Borrowed(""),
        })),
        Event::Start(Tag::Link { .. }) => {
            dropped_links += 1;
            None
        }
        Event::End(TagEnd::Link) if dropped_links > 0 => {
            dropped_links -= 1;
            None
        }
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) if safe_url(&dest_url) => Some(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url,
            title,
            id: CowStr::Borrowed(""),
        })),
        Event::Start(Tag::Image { .. }) => {
            dropped_links += 1;
            None
        }
        Event::End(TagEnd::Image) if dropped_links > 0 => {
            dropped_links -= 1;
            None
        }
        Event::End(TagEnd::Image) => Some(Event::End(TagEnd::Link)),
        other => Some(other),
    });
    let mut html = String::with_capacity(text.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events);
    PreEscaped(html)
}

#[cfg(test)]
mod tests {
    use super::render;

    fn html(s: &str) -> String {
        render(s).into_string()
    }

    #[test]
    fn markdown_is_formatted() {
        let h = html("# Döntések\n\n- piac **szombaton** is\n- [honlap](https://kisber.hu)");
        assert!(h.contains("<h3>Döntések</h3>"), "{h}");
        assert!(h.contains("<strong>szombaton</strong>"), "{h}");
        assert!(
            h.contains(r#"<a href="https://kisber.hu">honlap</a>"#),
            "{h}"
        );
    }

    #[test]
    fn raw_html_and_script_links_do_not_run() {
        let h = html("<script>alert(1)</script>\n\nszöveg <img src=x onerror=alert(2)> [katt](javascript:alert(3)) [x](JaVaScRiPt:alert(4))");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(!h.to_lowercase().contains("javascript:"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(h.contains("katt"), "the link's words stay: {h}");
    }

    #[test]
    fn images_are_links_not_requests() {
        let h = html("![térkép](https://example.org/a.png) ![x](data:image/png;base64,AAAA)");
        assert!(!h.contains("<img"), "{h}");
        assert!(
            h.contains(r#"<a href="https://example.org/a.png">térkép</a>"#),
            "{h}"
        );
        assert!(!h.contains("data:"), "{h}");
    }
}

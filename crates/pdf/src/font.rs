//! The two embedded faces and text measurement.
//!
//! Layout is done by hand, so every width comes from the font's own advance widths: a
//! guess per character would let long Hungarian names (wide accented capitals) spill
//! out of their cells.

use std::sync::OnceLock;

use ttf_parser::{Face, GlyphId};

/// DejaVu Sans: free licence (Bitstream Vera), and it covers ő and ű, which many
/// Latin-1-only fonts lack.
static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Which face a run of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Regular,
    Bold,
}

impl Style {
    pub(crate) const ALL: [Style; 2] = [Style::Regular, Style::Bold];

    pub(crate) fn index(self) -> usize {
        match self {
            Style::Regular => 0,
            Style::Bold => 1,
        }
    }

    pub(crate) fn data(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
        }
    }

    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            Style::Regular => "DejaVuSans",
            Style::Bold => "DejaVuSans-Bold",
        }
    }

    /// Parsed once per process: parsing is cheap, but 200 certificates in a row should
    /// not redo it 200 times.
    pub(crate) fn face(self) -> &'static Face<'static> {
        static FACES: [OnceLock<Face<'static>>; 2] = [OnceLock::new(), OnceLock::new()];
        FACES[self.index()]
            .get_or_init(|| Face::parse(self.data(), 0).expect("the embedded DejaVu font parses"))
    }

    /// The glyph for a character; .notdef (0) when the font lacks it.
    pub(crate) fn glyph(self, c: char) -> GlyphId {
        self.face().glyph_index(c).unwrap_or(GlyphId(0))
    }

    /// Advance width of a glyph in thousandths of the font size (PDF's /W unit).
    pub(crate) fn advance_1000(self, g: GlyphId) -> f32 {
        let face = self.face();
        let adv = face.glyph_hor_advance(g).unwrap_or(0) as f32;
        adv * 1000.0 / face.units_per_em() as f32
    }

    /// Width of `text` set at `size` points, in points.
    pub(crate) fn width(self, size: f32, text: &str) -> f32 {
        let units: f32 = text.chars().map(|c| self.advance_1000(self.glyph(c))).sum();
        units * size / 1000.0
    }
}

/// Where a line may break: any white space except the no-break space, which callers
/// use to keep "30 óra" or a date on one line (it is printed as a plain space).
fn breakable(c: char) -> bool {
    c.is_whitespace() && c != NBSP
}

pub(crate) const NBSP: char = '\u{a0}';

/// Greedy word wrap to `max_w` points. A word wider than a whole line is broken between
/// characters rather than left to overflow the margin (URLs, long compound words).
pub(crate) fn wrap(style: Style, size: f32, text: &str, max_w: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(breakable).filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if style.width(size, &candidate) <= max_w {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: split it if it still does not fit.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if style.width(size, &piece) > max_w && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

/// Wrap, but keep at most `max_lines`; the last kept line ends in an ellipsis when
/// text was dropped. Bounds how tall a block can grow, so a page always has room left.
pub(crate) fn wrap_limited(
    style: Style,
    size: f32,
    text: &str,
    max_w: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(style, size, text, max_w);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(style, size, &format!("{last}…"), max_w);
        }
    }
    lines
}

/// Cut `text` so that it plus "…" fits in `max_w`. Returned unchanged when it fits.
pub(crate) fn ellipsize(style: Style, size: f32, text: &str, max_w: f32) -> String {
    if style.width(size, text) <= max_w {
        return text.to_string();
    }
    let mut kept: String = text.trim_end_matches('…').to_string();
    while !kept.is_empty() {
        kept.pop();
        let trimmed = kept.trim_end();
        let candidate = format!("{trimmed}…");
        if style.width(size, &candidate) <= max_w {
            return candidate;
        }
    }
    "…".to_string()
}

/// One line in `max_w`: first shrink from `size` down to `min_size`, then cut with an
/// ellipsis. Shrinking keeps a long name whole when it can; cutting is the last resort.
pub(crate) fn fit_line(
    style: Style,
    size: f32,
    min_size: f32,
    text: &str,
    max_w: f32,
) -> (f32, String) {
    let w = style.width(size, text);
    if w <= max_w {
        return (size, text.to_string());
    }
    let shrunk = (size * max_w / w).max(min_size);
    if style.width(shrunk, text) <= max_w {
        return (shrunk, text.to_string());
    }
    (min_size, ellipsize(style, min_size, text, max_w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hungarian_letter_has_a_glyph_in_both_faces() {
        for style in Style::ALL {
            for c in "áéíóöőúüűÁÉÍÓÖŐÚÜŰ…–".chars() {
                assert_ne!(style.glyph(c).0, 0, "{style:?} lacks {c}");
            }
        }
    }

    #[test]
    fn width_follows_the_fonts_advances() {
        // DejaVu Sans: "i" is much narrower than "W"; bold is wider than regular.
        let i = Style::Regular.width(10.0, "iiii");
        let w = Style::Regular.width(10.0, "WWWW");
        assert!(w > 2.5 * i, "{w} vs {i}");
        assert!(Style::Bold.width(10.0, "Név") > Style::Regular.width(10.0, "Név"));
        assert_eq!(
            Style::Regular.width(20.0, "Ő"),
            2.0 * Style::Regular.width(10.0, "Ő")
        );
    }

    #[test]
    fn wrap_keeps_every_line_within_the_width() {
        let text = "sikeresen elvégezte a Közösségfejlesztő alapismeretek és \
                    településfejlesztési gyakorlatok képzést (30 óra), 2026. november 28.";
        let lines = wrap(Style::Regular, 12.0, text, 200.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(Style::Regular.width(12.0, l) <= 200.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_no_break_space_holds_words_together() {
        let text = "aaaa bbbb\u{a0}cccc";
        let w = Style::Regular.width(10.0, "aaaa bbbb");
        let lines = wrap(Style::Regular, 10.0, text, w);
        assert_eq!(lines, ["aaaa", "bbbb\u{a0}cccc"]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken() {
        let url = "https://example.hu/".to_string() + &"x".repeat(200);
        let lines = wrap(Style::Regular, 10.0, &url, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), url);
        for l in &lines {
            assert!(Style::Regular.width(10.0, l) <= 100.0);
        }
    }

    #[test]
    fn fit_line_shrinks_then_ellipsizes() {
        let name = "Kovácsné Szőke Tünde";
        let (size, text) = fit_line(Style::Regular, 11.0, 8.0, name, 1000.0);
        assert_eq!((size, text.as_str()), (11.0, name));

        let w = Style::Regular.width(11.0, name);
        let (size, text) = fit_line(Style::Regular, 11.0, 8.0, name, w * 0.8);
        assert!((8.0..11.0).contains(&size));
        assert_eq!(text, name);

        let long = "Dr. Nagyné Kiss-Szabó Erzsébet Gyöngyvér Ilona Magdolna Őrsike";
        let (size, text) = fit_line(Style::Regular, 11.0, 8.0, long, 150.0);
        assert_eq!(size, 8.0);
        assert!(text.ends_with('…'), "{text}");
        assert!(Style::Regular.width(size, &text) <= 150.0);
    }

    #[test]
    fn wrap_limited_marks_dropped_text() {
        let text = "szó ".repeat(100);
        let lines = wrap_limited(Style::Bold, 10.0, &text, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(Style::Bold.width(10.0, &lines[1]) <= 100.0);
    }
}

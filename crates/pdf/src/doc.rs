//! A minimal page model over `pdf-writer`: top-down millimetre coordinates, text in the
//! two DejaVu faces, and the font embedding done at the end once the used glyphs are
//! known.
//!
//! Text is written as two-byte glyph ids (Identity-H). The ids are the *subset's* ids,
//! handed out by [`GlyphRemapper`] as glyphs are first used, so the subset font can be
//! written afterwards without rewriting any content stream, with CIDToGIDMap /Identity.
//! Because the codes are glyph ids and not characters, every font gets a ToUnicode
//! CMap; without it copy-paste and `pdftotext` would return garbage for every letter.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

use crate::font::{Style, NBSP};

pub(crate) const PAGE_W: f32 = 210.0;
pub(crate) const PAGE_H: f32 = 297.0;

/// Millimetres to PDF points.
pub(crate) fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

/// Points to millimetres (font sizes are in points, layout in millimetres).
pub(crate) fn mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

#[derive(Clone, Copy)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// Glyphs of one face used so far in the document.
struct FontUse {
    remap: GlyphRemapper,
    /// Indexed by subset glyph id: the character it stands for (ToUnicode).
    chars: Vec<Option<char>>,
    /// Indexed by subset glyph id: advance in thousandths of an em (/W).
    widths: Vec<f32>,
    used: bool,
}

impl FontUse {
    fn new(style: Style) -> Self {
        Self {
            remap: GlyphRemapper::new(),
            chars: vec![None],
            widths: vec![style.advance_1000(ttf_parser::GlyphId(0))],
            used: false,
        }
    }
}

pub(crate) struct Doc {
    title: String,
    fonts: [FontUse; 2],
    pages: Vec<Content>,
}

impl Doc {
    pub(crate) fn new(title: &str) -> Self {
        Self {
            title: title.to_string(),
            fonts: [FontUse::new(Style::Regular), FontUse::new(Style::Bold)],
            pages: Vec::new(),
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Content::new());
    }

    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn current(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a page was started")
    }

    /// One line of text with its baseline at `y` (mm from the top of the page).
    pub(crate) fn text(
        &mut self,
        style: Style,
        size: f32,
        x: f32,
        y: f32,
        align: Align,
        text: &str,
    ) {
        let page = self.pages.len() - 1;
        self.text_on(page, style, size, x, y, align, text);
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text_on(
        &mut self,
        page: usize,
        style: Style,
        size: f32,
        x: f32,
        y: f32,
        align: Align,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let w = mm(style.width(size, text));
        let left = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        let font = &mut self.fonts[style.index()];
        font.used = true;
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            // A no-break space only steers wrapping; extracted text should read as a
            // plain space.
            let c = if c == NBSP { ' ' } else { c };
            let g = style.glyph(c);
            let id = font.remap.remap(g.0);
            let i = id as usize;
            if i >= font.chars.len() {
                font.chars.resize(i + 1, None);
                font.widths.resize(i + 1, 0.0);
                font.widths[i] = style.advance_1000(g);
            }
            if g.0 != 0 && font.chars[i].is_none() {
                font.chars[i] = Some(c);
            }
            codes.extend_from_slice(&id.to_be_bytes());
        }
        let name = font_name(style);
        let content = &mut self.pages[page];
        content.begin_text();
        content.set_font(Name(name), size);
        content.next_line(pt(left), pt(PAGE_H - y));
        content.show(Str(&codes));
        content.end_text();
    }

    pub(crate) fn fill_rgb(&mut self, r: f32, g: f32, b: f32) {
        self.current().set_fill_rgb(r, g, b);
    }

    pub(crate) fn stroke_rgb(&mut self, r: f32, g: f32, b: f32) {
        self.current().set_stroke_rgb(r, g, b);
    }

    pub(crate) fn line_width(&mut self, mm_width: f32) {
        self.current().set_line_width(pt(mm_width));
    }

    /// Filled rectangle; `x`, `y` is its top-left corner.
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.current()
            .rect(pt(x), pt(PAGE_H - y - h), pt(w), pt(h))
            .fill_nonzero();
    }

    pub(crate) fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.current()
            .rect(pt(x), pt(PAGE_H - y - h), pt(w), pt(h))
            .stroke();
    }

    pub(crate) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.current()
            .move_to(pt(x1), pt(PAGE_H - y1))
            .line_to(pt(x2), pt(PAGE_H - y2))
            .stroke();
    }

    /// Filled polygon through points given in mm from the top-left.
    pub(crate) fn fill_polygon(&mut self, points: &[(f32, f32)]) {
        let c = self.current();
        for (i, &(x, y)) in points.iter().enumerate() {
            if i == 0 {
                c.move_to(pt(x), pt(PAGE_H - y));
            } else {
                c.line_to(pt(x), pt(PAGE_H - y));
            }
        }
        c.close_path().fill_nonzero();
    }

    /// Writes the file: subsets each used face down to the glyphs drawn and embeds it.
    pub(crate) fn finish(self) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let mut next = 0;
        let mut alloc = || {
            next += 1;
            Ref::new(next)
        };
        let catalog_id = alloc();
        let tree_id = alloc();
        let info_id = alloc();

        let mut font_refs: Vec<(Style, Ref)> = Vec::new();
        for style in Style::ALL {
            let used = &self.fonts[style.index()];
            if !used.used {
                continue;
            }
            let type0 = alloc();
            let cid = alloc();
            let descriptor = alloc();
            let file = alloc();
            let cmap = alloc();
            write_font(&mut pdf, style, used, [type0, cid, descriptor, file, cmap]);
            font_refs.push((style, type0));
        }

        let page_ids: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();
        pdf.catalog(catalog_id)
            .pages(tree_id)
            .lang(TextStr("hu-HU"));
        pdf.document_info(info_id)
            .title(TextStr(&self.title))
            .producer(TextStr("kozos"));
        pdf.pages(tree_id)
            .kids(page_ids.iter().map(|&(p, _)| p))
            .count(page_ids.len() as i32);

        for (content, &(page_id, content_id)) in self.pages.into_iter().zip(&page_ids) {
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, pt(PAGE_W), pt(PAGE_H)));
            page.parent(tree_id);
            page.contents(content_id);
            {
                let mut resources = page.resources();
                let mut fonts = resources.fonts();
                for &(style, r) in &font_refs {
                    fonts.pair(Name(font_name(style)), r);
                }
            }
            page.finish();
            let data = deflate(&content.finish());
            pdf.stream(content_id, &data).filter(Filter::FlateDecode);
        }
        pdf.finish()
    }
}

fn font_name(style: Style) -> &'static [u8] {
    match style {
        Style::Regular => b"F1",
        Style::Bold => b"F2",
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Subset font names carry a six-letter tag so that two different subsets of the same
/// face in merged PDFs are not mistaken for one another. Derived from the glyph set, so
/// the same text gives the same file.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut h: u32 = 2_166_136_261;
    for g in glyphs {
        for b in g.to_be_bytes() {
            h = (h ^ b as u32).wrapping_mul(16_777_619);
        }
    }
    (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect()
}

fn write_font(
    pdf: &mut Pdf,
    style: Style,
    used: &FontUse,
    [type0, cid, descriptor, file, cmap]: [Ref; 5],
) {
    let face = style.face();
    let glyphs: Vec<u16> = used.remap.remapped_gids().collect();
    let base = format!("{}+{}", subset_tag(&glyphs), style.postscript_name());
    let base = Name(base.as_bytes());
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };

    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);

    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(system_info)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid_font
        .widths()
        .consecutive(0, used.widths.iter().copied());
    cid_font.finish();

    let per_em = 1000.0 / face.units_per_em() as f32;
    let bbox = face.global_bounding_box();
    let ascent = face.ascender() as f32 * per_em;
    let descent = face.descender() as f32 * per_em;
    let cap = face
        .capital_height()
        .map(|c| c as f32 * per_em)
        .unwrap_or(ascent);
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            bbox.x_min as f32 * per_em,
            bbox.y_min as f32 * per_em,
            bbox.x_max as f32 * per_em,
            bbox.y_max as f32 * per_em,
        ))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(descent)
        .cap_height(cap)
        .stem_v(match style {
            Style::Regular => 80.0,
            Style::Bold => 140.0,
        })
        .font_file2(file);

    let subset = subsetter::subset(style.data(), 0, &used.remap)
        .expect("subsetting the embedded DejaVu font");
    let packed = deflate(&subset);
    pdf.stream(file, &packed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);

    let mut unicode = pdf_writer::types::UnicodeCmap::new(Name(b"Kozos-UCS"), system_info);
    for (gid, c) in used.chars.iter().enumerate() {
        if let Some(c) = c {
            unicode.pair(gid as u16, *c);
        }
    }
    let cmap_data = deflate(&unicode.finish());
    pdf.stream(cmap, &cmap_data).filter(Filter::FlateDecode);
}

//! Page geometry and the blocks both documents share: the publicity header and the page
//! footer. All lengths in millimetres from the top-left corner of an A4 page.

use crate::doc::{mm, Align, Doc, PAGE_H, PAGE_W};
use crate::font::{ellipsize, wrap_limited, Style};
use crate::Publicity;

pub(crate) const MARGIN_X: f32 = 20.0;
pub(crate) const LEFT: f32 = MARGIN_X;
pub(crate) const RIGHT: f32 = PAGE_W - MARGIN_X;
pub(crate) const WIDTH: f32 = RIGHT - LEFT;
pub(crate) const TOP: f32 = 15.0;
/// Lowest point the body may reach; the footer sits below it.
pub(crate) const BOTTOM: f32 = PAGE_H - 20.0;
const FOOTER_BASELINE: f32 = PAGE_H - 11.0;

/// Baseline that centres a line of capitals of `size` points vertically in a band.
pub(crate) fn centred_baseline(top: f32, height: f32, size: f32) -> f32 {
    // DejaVu's capital height is 0.73 em.
    top + height / 2.0 + mm(size * 0.73) / 2.0
}

/// Draws the publicity block starting at `top` and returns where it ends.
pub(crate) fn publicity_header(doc: &mut Doc, p: &Publicity, top: f32) -> f32 {
    const FLAG_W: f32 = 15.0;
    const FLAG_H: f32 = 10.0;
    eu_flag(doc, LEFT, top, FLAG_W, FLAG_H);

    let line_w = Style::Bold.width(13.0, &p.line).min(crate::doc::pt(70.0));
    let line = ellipsize(Style::Bold, 13.0, &p.line, line_w);
    doc.fill_rgb(0.0, 0.2, 0.6);
    doc.text(Style::Bold, 13.0, RIGHT, top + 6.5, Align::Right, &line);
    doc.fill_rgb(0.0, 0.0, 0.0);

    let text_x = LEFT + FLAG_W + 3.0;
    let text_w = crate::doc::pt(RIGHT - mm(line_w) - 4.0 - text_x);
    doc.text(
        Style::Bold,
        9.0,
        text_x,
        top + 3.8,
        Align::Left,
        "Európai Unió",
    );
    let fund = ellipsize(Style::Regular, 8.5, &p.fund, text_w);
    doc.text(Style::Regular, 8.5, text_x, top + 8.2, Align::Left, &fund);

    let mut y = top + FLAG_H + 4.5;
    for l in wrap_limited(Style::Bold, 9.0, &p.title, crate::doc::pt(WIDTH), 2) {
        doc.text(Style::Bold, 9.0, LEFT, y, Align::Left, &l);
        y += 4.2;
    }
    let id_line = format!("Projektazonosító: {}", p.project_id);
    let who_line = format!("Kedvezményezett: {}", p.beneficiary);
    let both = format!("{id_line}   ·   {who_line}");
    if Style::Regular.width(8.5, &both) <= crate::doc::pt(WIDTH) {
        doc.text(Style::Regular, 8.5, LEFT, y, Align::Left, &both);
        y += 4.0;
    } else {
        for text in [id_line, who_line] {
            for l in wrap_limited(Style::Regular, 8.5, &text, crate::doc::pt(WIDTH), 2) {
                doc.text(Style::Regular, 8.5, LEFT, y, Align::Left, &l);
                y += 4.0;
            }
        }
    }
    y -= 1.5;
    doc.stroke_rgb(0.0, 0.2, 0.6);
    doc.line_width(0.4);
    doc.line(LEFT, y, RIGHT, y);
    doc.stroke_rgb(0.0, 0.0, 0.0);
    y
}

/// The EU emblem as vector shapes: a blue field and twelve gold stars in a circle,
/// proportions as in the official construction sheet (stars on a circle of radius 1/3
/// of the height, each star 1/18 of the height in radius).
fn eu_flag(doc: &mut Doc, x: f32, y: f32, w: f32, h: f32) {
    doc.fill_rgb(0.0, 0.2, 0.6);
    doc.fill_rect(x, y, w, h);
    doc.fill_rgb(1.0, 0.8, 0.0);
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let ring = h / 3.0;
    let outer = h / 18.0;
    let inner = outer * 0.382;
    for i in 0..12 {
        let a = i as f32 * std::f32::consts::TAU / 12.0;
        let (sx, sy) = (cx + ring * a.sin(), cy - ring * a.cos());
        let points: Vec<(f32, f32)> = (0..10)
            .map(|k| {
                let r = if k % 2 == 0 { outer } else { inner };
                let t = k as f32 * std::f32::consts::PI / 5.0;
                (sx + r * t.sin(), sy - r * t.cos())
            })
            .collect();
        doc.fill_polygon(&points);
    }
    doc.fill_rgb(0.0, 0.0, 0.0);
}

/// "n. oldal / m" on every page, added once the page count is known.
pub(crate) fn footers(doc: &mut Doc) {
    let total = doc.page_count();
    for page in 0..total {
        let text = format!("{}. oldal / {}", page + 1, total);
        doc.text_on(
            page,
            Style::Regular,
            8.0,
            PAGE_W / 2.0,
            FOOTER_BASELINE,
            Align::Center,
            &text,
        );
    }
}

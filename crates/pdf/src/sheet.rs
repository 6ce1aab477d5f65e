//! The attendance sheet (jelenléti ív): the paper the participants sign at an event, and
//! the evidence an EU-funded project files for each activity.

use crate::doc::{pt, Align, Doc};
use crate::font::{ellipsize, fit_line, wrap_limited, Style};
use crate::layout::{centred_baseline, footers, publicity_header, BOTTOM, LEFT, RIGHT, TOP, WIDTH};
use crate::{Publicity, SheetActivity};

/// Tall enough to sign in with a pen.
const ROW_H: f32 = 10.0;
const HEAD_H: f32 = 8.0;
const NUM_W: f32 = 20.0;
const NAME_W: f32 = 85.0;
const NAME_SIZE: f32 = 11.0;
const NAME_MIN_SIZE: f32 = 8.0;
const PAD: f32 = 2.5;

/// Renders the sheet: every registered name on a numbered row, then `blank_rows`
/// numbered empty rows for people who turn up unregistered.
///
/// The publicity block and the column headings repeat on every page, and numbering
/// runs on across pages, so loose pages still prove which project and which row.
pub fn attendance_sheet(
    publicity: Option<&Publicity>,
    activity: &SheetActivity,
    names: &[String],
    blank_rows: usize,
) -> Vec<u8> {
    let mut doc = Doc::new(&format!("Jelenléti ív – {}", activity.title));
    let total = names.len() + blank_rows;
    let mut row = 0;
    loop {
        doc.new_page();
        let first = doc.page_count() == 1;
        let mut y = TOP;
        if let Some(p) = publicity {
            y = publicity_header(&mut doc, p, y) + 4.0;
        }
        y += 7.0;
        doc.text(
            Style::Bold,
            16.0,
            (LEFT + RIGHT) / 2.0,
            y,
            Align::Center,
            "JELENLÉTI ÍV",
        );
        y += 5.0;
        if first {
            y = details(&mut doc, activity, y + 2.0) + 3.0;
        } else {
            let line = format!("{} – {} (folytatás)", activity.title, activity.when);
            let line = ellipsize(Style::Regular, 9.0, &line, pt(WIDTH));
            doc.text(
                Style::Regular,
                9.0,
                (LEFT + RIGHT) / 2.0,
                y + 1.5,
                Align::Center,
                &line,
            );
            y += 5.0;
        }

        let table_top = y;
        table_head(&mut doc, y);
        y += HEAD_H;
        let mut on_page = 0;
        // A continuation page always takes at least one row, so the loop ends whatever
        // the header height.
        while row < total && (y + ROW_H <= BOTTOM || (!first && on_page == 0)) {
            table_row(&mut doc, y, row + 1, names.get(row).map(String::as_str));
            y += ROW_H;
            row += 1;
            on_page += 1;
        }
        grid(&mut doc, table_top, y);
        if row >= total {
            break;
        }
    }
    footers(&mut doc);
    doc.finish()
}

/// The activity's labelled details; returns where they end.
fn details(doc: &mut Doc, a: &SheetActivity, top: f32) -> f32 {
    const LABEL_W: f32 = 24.0;
    const LINE: f32 = 5.0;
    let rows = [
        ("Program:", &a.programme, Style::Regular),
        ("Esemény:", &a.title, Style::Bold),
        ("Típus:", &a.kind, Style::Regular),
        ("Időpont:", &a.when, Style::Regular),
        ("Helyszín:", &a.place, Style::Regular),
        ("Szervező:", &a.organiser, Style::Regular),
    ];
    let mut y = top + 3.5;
    for (label, value, style) in rows {
        if value.trim().is_empty() {
            continue;
        }
        doc.text(Style::Bold, 10.0, LEFT, y, Align::Left, label);
        for line in wrap_limited(style, 10.0, value, pt(WIDTH - LABEL_W), 3) {
            doc.text(style, 10.0, LEFT + LABEL_W, y, Align::Left, &line);
            y += LINE;
        }
        y += 0.5;
    }
    y
}

fn table_head(doc: &mut Doc, top: f32) {
    doc.fill_rgb(0.88, 0.88, 0.88);
    doc.fill_rect(LEFT, top, WIDTH, HEAD_H);
    doc.fill_rgb(0.0, 0.0, 0.0);
    let base = centred_baseline(top, HEAD_H, 9.5);
    doc.text(
        Style::Bold,
        9.5,
        LEFT + NUM_W / 2.0,
        base,
        Align::Center,
        "Sorszám",
    );
    doc.text(
        Style::Bold,
        9.5,
        LEFT + NUM_W + PAD,
        base,
        Align::Left,
        "Név",
    );
    let sign_x = LEFT + NUM_W + NAME_W;
    doc.text(Style::Bold, 9.5, sign_x + PAD, base, Align::Left, "Aláírás");
}

fn table_row(doc: &mut Doc, top: f32, number: usize, name: Option<&str>) {
    let base = centred_baseline(top, ROW_H, 10.0);
    let number = format!("{number}.");
    doc.text(
        Style::Regular,
        10.0,
        LEFT + NUM_W - 5.0,
        base,
        Align::Right,
        &number,
    );
    if let Some(name) = name {
        let (size, text) = fit_line(
            Style::Regular,
            NAME_SIZE,
            NAME_MIN_SIZE,
            name.trim(),
            pt(NAME_W - 2.0 * PAD),
        );
        let base = centred_baseline(top, ROW_H, size);
        doc.text(
            Style::Regular,
            size,
            LEFT + NUM_W + PAD,
            base,
            Align::Left,
            &text,
        );
    }
}

/// Cell borders for the rows drawn on this page, from `top` (the heading) to `bottom`.
fn grid(doc: &mut Doc, top: f32, bottom: f32) {
    doc.stroke_rgb(0.0, 0.0, 0.0);
    doc.line_width(0.3);
    doc.stroke_rect(LEFT, top, WIDTH, bottom - top);
    doc.line_width(0.2);
    let mut y = top + HEAD_H;
    while y < bottom - 0.01 {
        doc.line(LEFT, y, RIGHT, y);
        y += ROW_H;
    }
    doc.line(LEFT + NUM_W, top, LEFT + NUM_W, bottom);
    doc.line(LEFT + NUM_W + NAME_W, top, LEFT + NUM_W + NAME_W, bottom);
}

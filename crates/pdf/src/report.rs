//! A report of titled tables (the progress report's professional part): a heading, a few
//! lines about the programme and period, then each part as a table whose cells wrap and
//! whose heading row repeats on every page it runs onto.

use crate::doc::{pt, Align, Doc};
use crate::font::{wrap, Style};
use crate::layout::{footers, publicity_header, BOTTOM, LEFT, TOP, WIDTH};
use crate::Publicity;

/// One column: its heading, its share of the page width, and whether it holds numbers
/// (right-aligned).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub heading: String,
    pub weight: f32,
    pub numeric: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Printed instead of an empty table.
    pub empty: String,
    /// Too many columns for the page: each row printed as its own two-column block of
    /// heading and value, headed by its first two cells.
    pub as_records: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableReport {
    pub title: String,
    /// Lines under the title (programme, project ID, period, date counted to).
    pub lines: Vec<String>,
    pub publicity: Option<Publicity>,
    pub tables: Vec<Table>,
}

const SIZE: f32 = 8.0;
const LINE: f32 = 3.6;
const PAD: f32 = 1.2;

struct Cursor {
    y: f32,
}

fn widths(t: &Table) -> Vec<f32> {
    let total: f32 = t.columns.iter().map(|c| c.weight).sum::<f32>().max(0.001);
    t.columns.iter().map(|c| WIDTH * c.weight / total).collect()
}

fn cell_lines(style: Style, text: &str, w: f32) -> Vec<String> {
    let lines = wrap(style, SIZE, text, pt(w - 2.0 * PAD));
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

fn draw_row(
    doc: &mut Doc,
    cur: &mut Cursor,
    t: &Table,
    ws: &[f32],
    cells: &[Vec<String>],
    head: bool,
) {
    let h = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * LINE + 2.0 * PAD;
    if head {
        doc.fill_rgb(0.88, 0.88, 0.88);
        doc.fill_rect(LEFT, cur.y, WIDTH, h);
        doc.fill_rgb(0.0, 0.0, 0.0);
    }
    let style = if head { Style::Bold } else { Style::Regular };
    let mut x = LEFT;
    for ((lines, w), col) in cells.iter().zip(ws).zip(&t.columns) {
        for (n, line) in lines.iter().enumerate() {
            let y = cur.y + PAD + LINE * (n as f32 + 1.0) - 0.9;
            if col.numeric && !head {
                doc.text(style, SIZE, x + w - PAD, y, Align::Right, line);
            } else {
                doc.text(style, SIZE, x + PAD, y, Align::Left, line);
            }
        }
        x += w;
    }
    doc.stroke_rgb(0.0, 0.0, 0.0);
    doc.line_width(0.2);
    doc.stroke_rect(LEFT, cur.y, WIDTH, h);
    let mut x = LEFT;
    for w in &ws[..ws.len().saturating_sub(1)] {
        x += w;
        doc.line(x, cur.y, x, cur.y + h);
    }
    cur.y += h;
}

fn row_height(cells: &[Vec<String>]) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * LINE + 2.0 * PAD
}

/// Each row as a block: its first two cells as a bold title, then heading | value lines.
fn records(doc: &mut Doc, cur: &mut Cursor, t: &Table) {
    let pair = Table {
        columns: vec![
            Column {
                heading: String::new(),
                weight: 1.0,
                numeric: false,
            },
            Column {
                heading: String::new(),
                weight: 2.0,
                numeric: false,
            },
        ],
        ..Table::default()
    };
    let ws = widths(&pair);
    for row in &t.rows {
        let title = row.iter().take(2).cloned().collect::<Vec<_>>().join(" – ");
        let title_lines = wrap(Style::Bold, 9.5, &title, pt(WIDTH));
        let cells: Vec<Vec<Vec<String>>> = t
            .columns
            .iter()
            .zip(row)
            .skip(2)
            .map(|(c, v)| {
                vec![
                    cell_lines(Style::Bold, &c.heading, ws[0]),
                    cell_lines(Style::Regular, v, ws[1]),
                ]
            })
            .collect();
        let first = cells.first().map_or(0.0, |c| row_height(c));
        if cur.y + 4.0 + title_lines.len() as f32 * 4.5 + first > BOTTOM {
            doc.new_page();
            cur.y = TOP;
        }
        cur.y += 3.0;
        for line in &title_lines {
            cur.y += 4.5;
            doc.text(Style::Bold, 9.5, LEFT, cur.y, Align::Left, line);
        }
        cur.y += 1.5;
        for c in &cells {
            if cur.y + row_height(c) > BOTTOM {
                doc.new_page();
                cur.y = TOP;
            }
            draw_row(doc, cur, &pair, &ws, c, false);
        }
    }
}

pub fn table_report(r: &TableReport) -> Vec<u8> {
    let mut doc = Doc::new(&r.title);
    doc.new_page();
    let mut cur = Cursor { y: TOP };
    if let Some(p) = &r.publicity {
        cur.y = publicity_header(&mut doc, p, cur.y) + 4.0;
    }
    cur.y += 6.0;
    for line in wrap(Style::Bold, 14.0, &r.title, pt(WIDTH)) {
        doc.text(Style::Bold, 14.0, LEFT, cur.y, Align::Left, &line);
        cur.y += 6.0;
    }
    for l in &r.lines {
        for line in wrap(Style::Regular, 9.5, l, pt(WIDTH)) {
            doc.text(Style::Regular, 9.5, LEFT, cur.y, Align::Left, &line);
            cur.y += 4.5;
        }
    }
    for t in &r.tables {
        let ws = widths(t);
        let head: Vec<Vec<String>> = t
            .columns
            .iter()
            .zip(&ws)
            .map(|(c, w)| cell_lines(Style::Bold, &c.heading, *w))
            .collect();
        // A part's title never ends a page alone: it goes with its heading row.
        if cur.y + 10.0 + row_height(&head) + LINE * 2.0 > BOTTOM {
            doc.new_page();
            cur.y = TOP;
        }
        cur.y += 6.0;
        doc.text(Style::Bold, 11.0, LEFT, cur.y, Align::Left, &t.title);
        cur.y += 3.0;
        if t.rows.is_empty() {
            cur.y += 4.5;
            doc.text(Style::Regular, 9.0, LEFT, cur.y, Align::Left, &t.empty);
            cur.y += 2.0;
            continue;
        }
        if t.as_records {
            records(&mut doc, &mut cur, t);
            continue;
        }
        draw_row(&mut doc, &mut cur, t, &ws, &head, true);
        for row in &t.rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&ws)
                .map(|(c, w)| cell_lines(Style::Regular, c, *w))
                .collect();
            if cur.y + row_height(&cells) > BOTTOM {
                doc.new_page();
                cur.y = TOP;
                draw_row(&mut doc, &mut cur, t, &ws, &head, true);
            }
            draw_row(&mut doc, &mut cur, t, &ws, &cells, false);
        }
    }
    footers(&mut doc);
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_runs_onto_more_pages() {
        let t = Table {
            title: "Tevékenységek".into(),
            columns: vec![
                Column {
                    heading: "Időpont".into(),
                    weight: 1.0,
                    numeric: false,
                },
                Column {
                    heading: "Résztvevők".into(),
                    weight: 1.0,
                    numeric: true,
                },
            ],
            rows: (0..200)
                .map(|i| vec![format!("{i}. nap"), i.to_string()])
                .collect(),
            empty: String::new(),
            as_records: false,
        };
        let pdf = table_report(&TableReport {
            title: "Szakmai beszámoló".into(),
            lines: vec!["Időszak: 2022".into()],
            publicity: None,
            tables: vec![t],
        });
        assert!(pdf.starts_with(b"%PDF"));
        let pages = pdf.windows(11).filter(|w| w == b"/Type /Page").count();
        assert!(pages >= 4, "{pages} pages");
    }
}

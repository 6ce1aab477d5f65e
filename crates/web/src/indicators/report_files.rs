//! The progress report's professional part as files for the funder, in Hungarian
//! whatever the reader's language: XLSX (a cover sheet, then one sheet per part, numbers
//! as numbers), CSV (one part per file, `;` and a BOM, decimal comma, as Hungarian Excel
//! reads it) and PDF. All three are drawn from the same [`Part`]s, so they agree.

use crate::i18n::Lang;
use kozos_app::indicators::report::Report;
use kozos_domain::indicator::{Source, Unit};
use kozos_domain::time::Date;

/// A cell as the funder's spreadsheet should hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A whole number (people, pieces, forints).
    Int(i64),
    /// A number with decimals (hours, percents), and how many to show.
    Num(f64, usize),
    Date(Date),
    Empty,
}

impl Cell {
    /// Stored amounts in the unit people read: hours from minutes, percents from hundredths.
    fn amount(unit: Unit, n: i64) -> Cell {
        match unit {
            Unit::Hours => Cell::Num(n as f64 / 60.0, 1),
            Unit::Percent => Cell::Num(n as f64 / 100.0, 2),
            _ => Cell::Int(n),
        }
    }

    /// As CSV and PDF write it: Hungarian decimal comma, dates `2022.03.15.`.
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(v, d) => format!("{v:.d$}", d = *d).replace('.', ","),
            Cell::Date(d) => d.naive().format("%Y.%m.%d.").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

pub struct Part {
    /// Sheet name and CSV file suffix.
    pub sheet: &'static str,
    pub slug: &'static str,
    pub title: &'static str,
    pub headings: Vec<&'static str>,
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<Cell>>,
    pub empty: &'static str,
}

fn period_label(r: &Report) -> String {
    r.period.label_hu()
}

fn unit_name(u: Unit) -> String {
    Lang::Hu.t(&format!("ind-unit-{}", u.as_str()))
}

/// The report's header lines (programme, project ID, period, counted to).
pub fn cover(r: &Report) -> Vec<(&'static str, Cell)> {
    let p = &r.programme;
    vec![
        ("Program", Cell::Text(p.title.clone())),
        (
            "Projektazonosító",
            p.code.clone().map_or(Cell::Empty, Cell::Text),
        ),
        (
            "Kedvezményezett",
            p.beneficiary_name.clone().map_or(Cell::Empty, Cell::Text),
        ),
        ("Beszámolási időszak", Cell::Text(period_label(r))),
        ("Időszak első napja", Cell::Date(r.period.first())),
        ("Időszak utolsó napja", Cell::Date(r.period.last())),
        ("Adatok állapota", Cell::Date(r.until)),
    ]
}

pub fn parts(r: &Report) -> Vec<Part> {
    let kind = |k: &str| Lang::Hu.t(&format!("activity-kind-{k}"));
    let activities = Part {
        sheet: "Tevékenységek",
        slug: "tevekenysegek",
        title: "1. Az időszakban megvalósult tevékenységek",
        headings: vec![
            "Kezdés",
            "Tevékenység",
            "Típus",
            "Helyszín",
            "Résztvevők (fő)",
            "Dokumentumok (db)",
        ],
        widths: vec![1.5, 3.0, 1.7, 1.5, 1.3, 1.5],
        rows: r
            .activities
            .iter()
            .map(|a| {
                vec![
                    Cell::Text(a.starts_at.budapest().format("%Y.%m.%d. %H:%M").to_string()),
                    Cell::Text(a.title.clone()),
                    Cell::Text(kind(&a.kind)),
                    a.place.clone().map_or(Cell::Empty, Cell::Text),
                    Cell::Int(a.attended),
                    Cell::Int(a.evidence),
                ]
            })
            .collect(),
        empty: "Az időszakban nem volt tevékenység.",
    };
    let indicators = Part {
        sheet: "Mutatók",
        slug: "mutatok",
        title: "2. Indikátorok teljesülése",
        headings: vec![
            "Kód",
            "Megnevezés",
            "Mértékegység",
            "Bázisérték",
            "Célérték",
            "Határidő",
            "Az időszakban",
            "Érték az időszak végén",
            "Elvárt érték az időszak végén",
            "Eltérés az elvárttól",
            "Teljesülés (%)",
            "Indoklás",
        ],
        widths: vec![0.9, 2.4, 0.9, 0.8, 0.8, 1.1, 0.9, 1.0, 1.0, 0.9, 0.9, 2.4],
        rows: r
            .lines
            .iter()
            .map(|l| {
                let i = &l.line.indicator;
                let u = i.unit();
                let reached = if i.target > 0 {
                    // Rounded as shown, so every format holds the same number.
                    Cell::Num(
                        (l.line.to_date as f64 * 1000.0 / i.target as f64).round() / 10.0,
                        1,
                    )
                } else {
                    Cell::Empty
                };
                vec![
                    Cell::Text(i.code.clone()),
                    Cell::Text(i.name_hu.clone()),
                    Cell::Text(unit_name(u)),
                    Cell::amount(u, i.baseline),
                    Cell::amount(u, i.target),
                    l.line.deadline.map_or(Cell::Empty, Cell::Date),
                    if matches!(i.source, Source::Ratio { .. }) {
                        Cell::Empty
                    } else {
                        Cell::amount(u, l.line.value)
                    },
                    Cell::amount(u, l.line.to_date),
                    l.line.expected.map_or(Cell::Empty, |e| Cell::amount(u, e)),
                    l.deviation.map_or(Cell::Empty, |d| Cell::amount(u, d)),
                    reached,
                    Cell::Text(l.explanation.clone()),
                ]
            })
            .collect(),
        empty: "A programnak nincs mutatója.",
    };
    let mut files: Vec<Vec<Cell>> = r
        .files
        .iter()
        .map(|f| {
            vec![
                Cell::Text(f.starts_at.budapest().format("%Y.%m.%d.").to_string()),
                Cell::Text(f.activity_title.clone()),
                Cell::Text(Lang::Hu.t(&format!("evidence-kind-{}", f.kind))),
                Cell::Text(f.file_name.clone()),
                Cell::Int(f.size),
                Cell::Text(f.sha256.clone()),
            ]
        })
        .collect();
    files.extend(r.manual.iter().map(|(code, v)| {
        vec![
            Cell::Date(v.on),
            Cell::Text(format!("{code} mutató értéke")),
            Cell::Text("Mutató alátámasztása".into()),
            Cell::Text(v.file_name.clone()),
            Cell::Int(v.size),
            Cell::Text(v.sha256.clone()),
        ]
    }));
    let evidence = Part {
        sheet: "Dokumentumok",
        slug: "dokumentumok",
        title: "3. Alátámasztó dokumentumok",
        headings: vec![
            "Dátum",
            "Tevékenység",
            "Fajta",
            "Fájlnév",
            "Méret (bájt)",
            "SHA-256",
        ],
        widths: vec![1.1, 2.4, 1.4, 2.2, 1.0, 2.4],
        rows: files,
        empty: "Az időszak tevékenységeihez nincs feltöltött dokumentum.",
    };
    vec![activities, indicators, evidence]
}

pub const REPORT_TITLE: &str = "Projekt előrehaladási jelentés – szakmai beszámoló";

/// `PEJ-TOP-5.3.1-16-KO1-2017-00005-2022-Q3` (project IDs are ASCII; anything else in
/// one becomes `_`).
pub fn file_stem(r: &Report) -> String {
    let who = r
        .programme
        .code
        .clone()
        .unwrap_or_else(|| format!("program-{}", r.programme.id));
    let who: String = who
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("PEJ-{}-{}", who, r.period.key())
}

pub fn xlsx(r: &Report) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#E0E0E0");
    let int = Format::new().set_num_format("# ##0");
    let dec1 = Format::new().set_num_format("0.0");
    let dec2 = Format::new().set_num_format("0.00");
    let date = Format::new().set_num_format("yyyy.mm.dd.");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let write = |ws: &mut rust_xlsxwriter::Worksheet,
                 row: u32,
                 col: u16,
                 c: &Cell|
     -> Result<(), rust_xlsxwriter::XlsxError> {
        match c {
            Cell::Text(t) => {
                ws.write_string_with_format(row, col, t, &wrap)?;
            }
            Cell::Int(n) => {
                ws.write_number_with_format(row, col, *n as f64, &int)?;
            }
            Cell::Num(v, d) => {
                ws.write_number_with_format(row, col, *v, if *d == 1 { &dec1 } else { &dec2 })?;
            }
            Cell::Date(d) => {
                let excel = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    d.year() as u16,
                    d.month() as u8,
                    d.day() as u8,
                )?;
                ws.write_datetime_with_format(row, col, &excel, &date)?;
            }
            Cell::Empty => {}
        }
        Ok(())
    };
    let ws = wb.add_worksheet().set_name("Adatlap")?;
    ws.write_string_with_format(0, 0, REPORT_TITLE, &bold)?;
    for (n, (label, value)) in cover(r).iter().enumerate() {
        let row = n as u32 + 2;
        ws.write_string_with_format(row, 0, *label, &bold)?;
        write(ws, row, 1, value)?;
    }
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 60)?;
    for part in parts(r) {
        let ws = wb.add_worksheet().set_name(part.sheet)?;
        for (c, h) in part.headings.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head)?;
            ws.set_column_width(c as u16, (part.widths[c] * 12.0) as f64)?;
        }
        for (n, row) in part.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                write(ws, n as u32 + 1, c as u16, cell)?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    wb.save_to_buffer()
}

/// A cell as CSV text. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
/// first: an activity titled `=HYPERLINK(…)`) is kept as text with a leading apostrophe;
/// numbers are numbers.
fn csv_text(c: &Cell) -> String {
    match c {
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
        _ => c.text(),
    }
}

/// One part as CSV: a BOM, `;` between cells, CRLF lines, quotes where needed.
pub fn csv(part: &Part) -> Vec<u8> {
    let headings: Vec<String> = part.headings.iter().map(|h| h.to_string()).collect();
    csv_rows(&headings, &part.rows)
}

/// Rows under headings as CSV (see [`csv`]); a heading that would run as a formula is
/// kept as text too.
pub fn csv_rows(headings: &[String], rows: &[Vec<Cell>]) -> Vec<u8> {
    fn field(s: &str) -> String {
        if s.contains([';', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(";");
    out.push_str(&line(
        headings
            .iter()
            .map(|h| csv_text(&Cell::Text(h.clone())))
            .collect(),
    ));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&line(row.iter().map(csv_text).collect()));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

pub fn pdf(r: &Report) -> Vec<u8> {
    let lines = cover(r)
        .into_iter()
        .filter(|(_, v)| *v != Cell::Empty)
        .map(|(l, v)| format!("{l}: {}", v.text()))
        .collect();
    let tables = parts(r)
        .into_iter()
        .map(|p| kozos_pdf::Table {
            title: p.title.to_string(),
            columns: p
                .headings
                .iter()
                .zip(&p.widths)
                .enumerate()
                .map(|(c, (h, w))| kozos_pdf::Column {
                    heading: h.to_string(),
                    weight: *w,
                    numeric: p
                        .rows
                        .iter()
                        .any(|r| matches!(r.get(c), Some(Cell::Int(_) | Cell::Num(..)))),
                })
                .collect(),
            rows: p
                .rows
                .iter()
                .map(|r| r.iter().map(Cell::text).collect())
                .collect(),
            empty: p.empty.to_string(),
            as_records: p.headings.len() > 8,
        })
        .collect();
    kozos_pdf::table_report(&kozos_pdf::TableReport {
        title: REPORT_TITLE.to_string(),
        lines,
        publicity: kozos_app::documents::publicity(&r.programme),
        tables,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_hungarian_excel_expects() {
        assert_eq!(Cell::amount(Unit::Hours, 90).text(), "1,5");
        assert_eq!(Cell::amount(Unit::Percent, 8550).text(), "85,50");
        assert_eq!(Cell::amount(Unit::Huf, 150_000).text(), "150000");
        assert_eq!(
            Cell::Date(Date::from_ymd(2022, 3, 5).unwrap()).text(),
            "2022.03.05."
        );
    }

    #[test]
    fn csv_quotes_what_would_break_a_row() {
        let part = Part {
            sheet: "x",
            slug: "x",
            title: "x",
            headings: vec!["A", "B"],
            widths: vec![1.0, 1.0],
            rows: vec![vec![Cell::Text("a;b \"c\"".into()), Cell::Num(7.5, 1)]],
            empty: "",
        };
        let text = String::from_utf8(csv(&part)).unwrap();
        assert_eq!(text, "\u{feff}A;B\r\n\"a;b \"\"c\"\"\";7,5\r\n");
        let formula = Part {
            rows: vec![vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Int(-3)]],
            ..part
        };
        let text = String::from_utf8(csv(&formula)).unwrap();
        assert!(
            text.ends_with("\"'=HYPERLINK(\"\"x\"\")\";-3\r\n"),
            "{text}"
        );
    }
}

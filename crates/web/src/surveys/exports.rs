//! A questionnaire's answers as files, in Hungarian: one row per answer sheet, one column
//! per question (several chosen options joined with "; "), numbers and scale values as
//! numbers, dates as dates. XLSX and CSV (`;`, BOM, formula-looking text kept as text:
//! the progress report's writer, `indicators::report_files`).

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::evidence::pages::attachment;
use crate::extract::Path;
use crate::indicators::report_files::{csv_rows, Cell};
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use kozos_app::surveys;
use kozos_app::surveys::Sheet;
use kozos_app::AppError;
use kozos_domain::survey::*;
use kozos_domain::time::{Date, Instant};
use kozos_domain::{ProgrammeId, QuestionnaireId};

fn headings(q: &Questionnaire) -> Vec<String> {
    let mut h = vec![
        "Sorszám".to_string(),
        "Beérkezett".to_string(),
        "Kérdező".to_string(),
        "Interjú napja".to_string(),
    ];
    h.extend(q.questions.iter().map(|x| x.label.clone()));
    h
}

fn cell(question: &Question, values: &[String]) -> Cell {
    match (question.kind, values) {
        (_, []) => Cell::Empty,
        (QuestionKind::Number | QuestionKind::Scale, [v]) => match v.parse::<f64>() {
            Ok(n) if n.fract() == 0.0 => Cell::Int(n as i64),
            Ok(n) => Cell::Num(n, 2),
            Err(_) => Cell::Text(v.clone()),
        },
        (QuestionKind::Date, [v]) => {
            Date::parse_stored(v).map_or(Cell::Text(v.clone()), Cell::Date)
        }
        _ => Cell::Text(values.join("; ")),
    }
}

fn rows(q: &Questionnaire, sheets: &[Sheet]) -> Vec<Vec<Cell>> {
    sheets
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let mut row = vec![
                Cell::Int(n as i64 + 1),
                Cell::Text(
                    Instant::parse_stored(&s.submitted_at)
                        .map(|t| t.budapest().format("%Y.%m.%d. %H:%M").to_string())
                        .unwrap_or_default(),
                ),
                s.interviewer.clone().map_or(Cell::Empty, Cell::Text),
                s.interviewed_on.map_or(Cell::Empty, Cell::Date),
            ];
            for question in &q.questions {
                let values = s
                    .answers
                    .iter()
                    .find(|a| a.question == question.id)
                    .map(|a| a.values.as_slice())
                    .unwrap_or(&[]);
                row.push(cell(question, values));
            }
            row
        })
        .collect()
}

fn stem(q: &Questionnaire) -> String {
    format!("kerdoiv-{}-valaszok", q.id)
}

fn xlsx_bytes(q: &Questionnaire, sheets: &[Sheet]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};
    let mut wb = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#E0E0E0");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new().set_num_format("yyyy.mm.dd.");
    let dec = Format::new().set_num_format("0.00");
    let ws = wb.add_worksheet().set_name("Válaszok")?;
    for (c, h) in headings(q).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
        ws.set_column_width(c as u16, if c < 4 { 14 } else { 30 })?;
    }
    for (r, row) in rows(q, sheets).iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    ws.write_string_with_format(r, c, t, &wrap)?;
                }
                Cell::Int(n) => {
                    ws.write_number(r, c, *n as f64)?;
                }
                Cell::Num(v, _) => {
                    ws.write_number_with_format(r, c, *v, &dec)?;
                }
                Cell::Date(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, &x, &date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}

async fn load(
    s: &AppState,
    ctx: &Ctx,
    (id, survey): (i64, i64),
) -> Result<(Questionnaire, Vec<Sheet>), WebError> {
    let user = ctx.require_user()?;
    Ok(surveys::all_responses(&s.app, user, ProgrammeId(id), QuestionnaireId(survey)).await?)
}

pub async fn xlsx(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(ids): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (q, sheets) = load(&s, &ctx, ids).await?;
    let bytes =
        xlsx_bytes(&q, &sheets).map_err(|e| ctx.err()(AppError::Internal(format!("xlsx: {e}"))))?;
    Ok(attachment(
        &format!("{}.xlsx", stem(&q)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes,
    ))
}

pub async fn csv(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(ids): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (q, sheets) = load(&s, &ctx, ids).await?;
    Ok(attachment(
        &format!("{}.csv", stem(&q)),
        "text/csv; charset=utf-8",
        csv_rows(&headings(&q), &rows(&q, &sheets)),
    ))
}

//! Reading a settlement gazetteer (e.g. the KSH Helységnévtár) from CSV or a spreadsheet
//! (XLSX, XLS, ODS) with a column mapping. Hungarian spreadsheets export CSV with `;`,
//! others with `,`: both are read. KSH codes stay text so leading zeros survive; a code a
//! spreadsheet stored as a number is padded back to five digits.

use kozos_app::gazetteer::GazetteerRow;
use std::path::Path;

pub struct Mapping {
    pub name: String,
    pub ksh_code: String,
    pub district: String,
    pub county: String,
}

/// Read by file extension: `.xlsx`, `.xlsm`, `.xls`, `.ods` as spreadsheets, anything else as CSV.
pub fn read_file(path: &Path, m: &Mapping) -> Result<Vec<GazetteerRow>, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        read_spreadsheet(path, m)
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        read_csv(&text, m)
    }
}

pub fn read_csv(text: &str, m: &Mapping) -> Result<Vec<GazetteerRow>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(str::to_string)
        .collect();
    let mut records = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("line {}: {e}", i + 2))?;
        records.push(rec.iter().map(str::to_string).collect());
    }
    to_rows(&headers, records, m, false)
}

fn read_spreadsheet(path: &Path, m: &Mapping) -> Result<Vec<GazetteerRow>, String> {
    use calamine::{open_workbook_auto, Data, Reader};
    let mut wb = open_workbook_auto(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sheet = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or("the workbook has no sheet")?;
    let range = wb
        .worksheet_range(&sheet)
        .map_err(|e| format!("sheet {sheet}: {e}"))?;
    let text = |c: &Data| match c {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string(),
    };
    let mut rows = range.rows();
    let headers: Vec<String> = rows
        .next()
        .ok_or("the sheet is empty")?
        .iter()
        .map(text)
        .collect();
    let records: Vec<Vec<String>> = rows.map(|r| r.iter().map(text).collect()).collect();
    to_rows(&headers, records, m, true)
}

/// Map columns by header name; `numeric_codes` pads KSH codes a spreadsheet kept as numbers.
fn to_rows(
    headers: &[String],
    records: Vec<Vec<String>>,
    m: &Mapping,
    numeric_codes: bool,
) -> Result<Vec<GazetteerRow>, String> {
    let col = |name: &str| -> Result<Option<usize>, String> {
        if name.is_empty() {
            return Ok(None);
        }
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .map(Some)
            .ok_or_else(|| {
                format!(
                    "column `{name}` not found; the file has: {}",
                    headers.join(", ")
                )
            })
    };
    let (name, ksh, district, county) = (
        col(&m.name)?,
        col(&m.ksh_code)?,
        col(&m.district)?,
        col(&m.county)?,
    );
    let name = name.ok_or("the settlement name column is required")?;
    let county = county.ok_or("the county column is required")?;
    Ok(records
        .into_iter()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| {
            let get = |c: Option<usize>| {
                c.and_then(|c| r.get(c))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            let mut ksh_code = get(ksh);
            if numeric_codes
                && !ksh_code.is_empty()
                && ksh_code.len() < 5
                && ksh_code.chars().all(|c| c.is_ascii_digit())
            {
                ksh_code = format!("{ksh_code:0>5}");
            }
            GazetteerRow {
                line: i + 2,
                name: get(Some(name)),
                ksh_code,
                district: get(district),
                county: get(Some(county)),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> Mapping {
        Mapping {
            name: "Helység".into(),
            ksh_code: "KSH kód".into(),
            district: "Járás".into(),
            county: "Vármegye".into(),
        }
    }

    #[test]
    fn reads_semicolon_csv_with_bom_and_keeps_leading_zeros() {
        let text = "\u{feff}Helység;KSH kód;Járás;Vármegye\nAbaújszántó;03595;Gönci járás;Borsod-Abaúj-Zemplén\n";
        let rows = read_csv(text, &mapping()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].ksh_code, "03595");
        assert_eq!(rows[0].line, 2);
        let bad = Mapping {
            name: "Település".into(),
            ..mapping()
        };
        assert!(read_csv(text, &bad).unwrap_err().contains("Helység"));
    }

    #[test]
    fn reads_xlsx_and_pads_numeric_ksh_codes() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/helysegek.xlsx");
        let rows = read_file(&path, &mapping()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].name.as_str(), rows[0].ksh_code.as_str()),
            ("Ászár", "02884")
        );
        assert_eq!(rows[1].ksh_code, "");
        assert_eq!(rows[1].county, "Komárom-Esztergom");
    }
}

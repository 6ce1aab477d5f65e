//! Reading a settlement gazetteer (e.g. the KSH Helységnévtár exported as CSV) with a
//! column mapping. Hungarian spreadsheets export with `;`, others with `,`: both are read.

use kozos_app::gazetteer::GazetteerRow;

pub struct Mapping {
    pub name: String,
    pub ksh_code: String,
    pub district: String,
    pub county: String,
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
    let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
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
                    headers.iter().collect::<Vec<_>>().join(", ")
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
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("line {}: {e}", i + 2))?;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim().to_string();
        rows.push(GazetteerRow {
            line: i + 2,
            name: get(Some(name)),
            ksh_code: get(ksh),
            district: get(district),
            county: get(Some(county)),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolon_csv_with_bom_and_keeps_leading_zeros() {
        let text = "\u{feff}Helység;KSH kód;Járás;Vármegye\nAbaújszántó;03595;Gönci járás;Borsod-Abaúj-Zemplén\n";
        let m = Mapping {
            name: "Helység".into(),
            ksh_code: "KSH kód".into(),
            district: "Járás".into(),
            county: "Vármegye".into(),
        };
        let rows = read_csv(text, &m).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].ksh_code, "03595");
        assert_eq!(rows[0].line, 2);
        let bad = Mapping {
            name: "Település".into(),
            ..m
        };
        assert!(read_csv(text, &bad).unwrap_err().contains("Helység"));
    }
}

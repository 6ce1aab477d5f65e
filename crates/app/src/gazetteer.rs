//! The places tree: the built-in counties, districts and demo settlements, and the import
//! of a full settlement gazetteer (e.g. the KSH Helységnévtár, CC BY 4.0) from rows the
//! CLI read out of a CSV file. An import applies whole or reports every bad row.

use crate::{App, AppError, Result};
use kozos_db::{cache_versions, places, settings, DbError};
use kozos_domain::place::{valid_ksh_code, Place, PlaceKind};

pub const ATTRIBUTION_KEY: &str = "gazetteer_attribution";
const BUILTIN_KEY: &str = "builtin_places_version";
const BUILTIN_VERSION: &str = "1";
pub const COUNTRY: &str = "Magyarország";

const DISTRICTS: &str = include_str!("../../db/seed/districts.csv");
const SETTLEMENTS: &str = include_str!("../../db/seed/settlements.csv");

/// One settlement of a gazetteer, as read from a file.
#[derive(Debug, Clone, Default)]
pub struct GazetteerRow {
    /// 1-based line in the source file, for error reports.
    pub line: usize,
    pub name: String,
    pub ksh_code: String,
    pub district: String,
    pub county: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub message: String,
}

fn csv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(str::trim).collect())
}

/// Load the country, the 19 counties + Budapest, their districts and the settlements the
/// demo needs. Runs on every start but does its work once per built-in version.
pub async fn ensure_builtin(app: &App) -> Result<()> {
    if settings::get(&app.db, BUILTIN_KEY).await?.as_deref() == Some(BUILTIN_VERSION) {
        return Ok(());
    }
    let mut tx = app.db.begin().await?;
    let country =
        places::ensure(&mut tx, None, PlaceKind::Country, COUNTRY, None, "builtin").await?;
    let mut counties: Vec<Place> = Vec::new();
    for row in csv_rows(DISTRICTS) {
        let [county, district, _seat] = row[..] else {
            continue;
        };
        let c = match counties.iter().find(|c| c.name == county) {
            Some(c) => c.clone(),
            None => {
                let c = places::ensure(
                    &mut tx,
                    Some(&country),
                    PlaceKind::County,
                    county,
                    None,
                    "builtin",
                )
                .await?;
                counties.push(c.clone());
                c
            }
        };
        places::ensure(
            &mut tx,
            Some(&c),
            PlaceKind::District,
            district,
            None,
            "builtin",
        )
        .await?;
    }
    let rows: Vec<GazetteerRow> = csv_rows(SETTLEMENTS)
        .enumerate()
        .filter_map(|(i, r)| match r[..] {
            [ksh, name, district, county] => Some(GazetteerRow {
                line: i + 2,
                name: name.into(),
                ksh_code: ksh.into(),
                district: district.into(),
                county: county.into(),
            }),
            _ => None,
        })
        .collect();
    apply_rows(&mut tx, &country, &rows, "builtin")
        .await
        .map_err(|e| AppError::Internal(format!("built-in settlements: {e:?}")))?;
    settings::set(&mut tx, BUILTIN_KEY, BUILTIN_VERSION).await?;
    // Not an audited edit, but pages show place names: cached ones must be rebuilt.
    cache_versions::bump(&mut tx, cache_versions::PLACES).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Check every row, then write them all in one transaction; on any bad row nothing is
/// written and every problem is returned.
pub async fn import(
    app: &App,
    rows: &[GazetteerRow],
    attribution: Option<&str>,
) -> std::result::Result<usize, Vec<RowError>> {
    let internal = |e: &dyn std::fmt::Display| {
        vec![RowError {
            line: 0,
            message: e.to_string(),
        }]
    };
    let mut errors = Vec::new();
    for r in rows {
        if r.name.trim().is_empty() {
            errors.push(RowError {
                line: r.line,
                message: "empty settlement name".into(),
            });
        }
        if !r.ksh_code.trim().is_empty() && !valid_ksh_code(r.ksh_code.trim()) {
            errors.push(RowError {
                line: r.line,
                message: format!("KSH code `{}` is not five digits", r.ksh_code),
            });
        }
        if r.county.trim().is_empty() {
            errors.push(RowError {
                line: r.line,
                message: "empty county".into(),
            });
        }
    }
    let mut tx = app.db.begin().await.map_err(|e| internal(&e))?;
    let country = places::ensure(&mut tx, None, PlaceKind::Country, COUNTRY, None, "builtin")
        .await
        .map_err(|e| internal(&e))?;
    match apply_rows(&mut tx, &country, rows, "import").await {
        Ok(n) if errors.is_empty() => {
            cache_versions::bump(&mut tx, cache_versions::PLACES)
                .await
                .map_err(|e| internal(&e))?;
            if let Some(a) = attribution {
                settings::set(&mut tx, ATTRIBUTION_KEY, a)
                    .await
                    .map_err(|e| internal(&e))?;
            }
            tx.commit().await.map_err(|e| internal(&e))?;
            Ok(n)
        }
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            errors.sort_by_key(|e| e.line);
            Err(errors)
        }
    }
}

async fn apply_rows(
    tx: &mut kozos_db::Tx,
    country: &Place,
    rows: &[GazetteerRow],
    source: &str,
) -> std::result::Result<usize, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut n = 0;
    for r in rows {
        let fail = |m: String| RowError {
            line: r.line,
            message: m,
        };
        let county = match places::find_child(
            tx,
            Some(country.id),
            PlaceKind::County,
            r.county.trim(),
        )
        .await
        {
            Ok(Some(c)) => c,
            Ok(None) => {
                errors.push(fail(format!("unknown county `{}`", r.county)));
                continue;
            }
            Err(e) => return Err(vec![fail(e.to_string())]),
        };
        // Budapest's settlement hangs directly under its county; everything else under a district.
        let parent = if r.district.trim().is_empty() {
            county
        } else {
            match places::find_child(tx, Some(county.id), PlaceKind::District, r.district.trim())
                .await
            {
                Ok(Some(d)) => d,
                Ok(None) => {
                    errors.push(fail(format!(
                        "unknown district `{}` in {}",
                        r.district, r.county
                    )));
                    continue;
                }
                Err(e) => return Err(vec![fail(e.to_string())]),
            }
        };
        let ksh = Some(r.ksh_code.trim()).filter(|k| !k.is_empty());
        match places::ensure(
            tx,
            Some(&parent),
            PlaceKind::Settlement,
            r.name.trim(),
            ksh,
            source,
        )
        .await
        {
            Ok(_) => n += 1,
            Err(e) => errors.push(fail(e.to_string())),
        }
    }
    if errors.is_empty() {
        Ok(n)
    } else {
        Err(errors)
    }
}

/// Add a settlement part (e.g. Hánta, part of Kisbér) under a settlement.
pub async fn ensure_settlement_part(
    tx: &mut kozos_db::Tx,
    settlement: &Place,
    name: &str,
) -> Result<Place> {
    Ok(places::ensure(
        tx,
        Some(settlement),
        PlaceKind::SettlementPart,
        name,
        None,
        "demo",
    )
    .await?)
}

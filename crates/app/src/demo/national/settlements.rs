//! Every Hungarian settlement (`settlements.csv`, see its ATTRIBUTION.md) placed in the
//! places tree under its county and district: districts and settlements the tree lacks
//! are added, those it has (by KSH code, or by name within the county) are used as they
//! are.
//!
//! **Population where the file has none** (2,281 of 3,177 rows: GeoNames lists places of
//! about 500 inhabitants or more, and not all of them), by size class:
//! - a Budapest district: 80,000 (the known districts' typical size);
//! - a district seat (`seat` in `db/seed/districts.csv`): 10,000, a small town;
//! - any other settlement: a village below GeoNames' cut-off, 150–499, fixed per name
//!   (a hash of it), so villages differ and every load agrees.

use crate::{AppError, Result};
use kozos_db::{places, Tx};
use kozos_domain::place::{Place, PlaceKind};
use kozos_domain::text::fold;
use kozos_domain::PlaceId;
use std::collections::{HashMap, HashSet};

const FILE: &str = include_str!("settlements.csv");
const DISTRICTS: &str = include_str!("../../../../db/seed/districts.csv");

const BUDAPEST_DISTRICT: u32 = 80_000;
const DISTRICT_SEAT: u32 = 10_000;

/// A settlement of the tree with what the generator needs of it.
#[derive(Debug, Clone)]
pub(super) struct Settlement {
    pub id: PlaceId,
    pub name: String,
    pub district: PlaceId,
    pub county: PlaceId,
    pub county_name: String,
    pub population: u32,
}

struct Row<'a> {
    ksh: &'a str,
    name: &'a str,
    district: &'a str,
    county: &'a str,
    population: Option<u32>,
}

fn rows() -> impl Iterator<Item = Row<'static>> {
    FILE.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Row {
                ksh: f[0].trim(),
                name: f[1].trim(),
                district: f[2].trim(),
                county: f[3].trim(),
                population: f[4].trim().parse().ok(),
            }
        })
}

/// 150–499 from the name: the same village gets the same figure every time.
fn village(name: &str) -> u32 {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    150 + h % 350
}

/// The population the generator works with (see the module's rule).
pub(super) fn population(
    name: &str,
    county: &str,
    given: Option<u32>,
    seats: &HashSet<&str>,
) -> u32 {
    match given {
        Some(p) => p,
        None if county == "Budapest" => BUDAPEST_DISTRICT,
        None if seats.contains(name) => DISTRICT_SEAT,
        None => village(name),
    }
}

fn seats() -> HashSet<&'static str> {
    DISTRICTS
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2).map(str::trim))
        .collect()
}

/// Place every settlement of the file in the tree (adding what is missing, in bulk) and
/// return them in the file's order.
pub(super) async fn ensure(tx: &mut Tx) -> Result<(Vec<Settlement>, u64)> {
    let all = places::all_in(tx).await?;
    let by_id: HashMap<PlaceId, &Place> = all.iter().map(|p| (p.id, p)).collect();
    let country = all
        .iter()
        .find(|p| p.kind == PlaceKind::Country)
        .ok_or_else(|| AppError::Internal("the country is missing from the places tree".into()))?
        .clone();
    let counties: HashMap<&str, Place> = all
        .iter()
        .filter(|p| p.kind == PlaceKind::County)
        .map(|p| (p.name.as_str(), p.clone()))
        .collect();
    let mut districts: HashMap<(PlaceId, String), Place> = all
        .iter()
        .filter(|p| p.kind == PlaceKind::District)
        .filter_map(|p| Some(((p.parent_id?, p.name.clone()), p.clone())))
        .collect();
    // Existing settlements: by KSH code, and by folded name within their county.
    let by_ksh: HashMap<&str, &Place> = all
        .iter()
        .filter(|p| p.kind == PlaceKind::Settlement)
        .filter_map(|p| Some((p.ksh_code.as_deref()?, p)))
        .collect();
    let by_name: HashMap<(PlaceId, String), &Place> = all
        .iter()
        .filter(|p| p.kind == PlaceKind::Settlement && p.lineage.len() >= 2)
        .map(|p| ((p.lineage[1], fold(&p.name)), p))
        .collect();
    let mut found: Vec<Option<PlaceId>> = Vec::new();
    let mut missing: Vec<(PlaceId, String, Option<String>)> = Vec::new();
    let mut parents: Vec<(PlaceId, PlaceId)> = Vec::new(); // (district, county) per row
    for r in rows() {
        let county = counties
            .get(r.county)
            .ok_or_else(|| AppError::Internal(format!("county {} missing", r.county)))?;
        let key = (county.id, r.district.to_string());
        let district = match districts.get(&key) {
            Some(d) => d.clone(),
            None => {
                let d = places::ensure(
                    tx,
                    Some(county),
                    PlaceKind::District,
                    r.district,
                    None,
                    "demo",
                )
                .await?;
                districts.insert(key, d.clone());
                d
            }
        };
        parents.push((district.id, county.id));
        let existing = by_ksh
            .get(r.ksh)
            .filter(|_| !r.ksh.is_empty())
            .or_else(|| by_name.get(&(county.id, fold(r.name))))
            .map(|p| p.id);
        if existing.is_none() {
            let ksh = Some(r.ksh.to_string())
                .filter(|k| !k.is_empty() && !by_ksh.contains_key(k.as_str()));
            missing.push((district.id, r.name.to_string(), ksh));
        }
        found.push(existing);
    }
    let added = places::insert_settlements(tx, &missing, "demo").await?;
    // Read the tree again for the new ids.
    let all = places::all_in(tx).await?;
    let new: HashMap<(PlaceId, &str), PlaceId> = all
        .iter()
        .filter(|p| p.kind == PlaceKind::Settlement)
        .filter_map(|p| Some(((p.parent_id?, p.name.as_str()), p.id)))
        .collect();
    let seats = seats();
    let mut out = Vec::new();
    for ((r, existing), (district, county)) in rows().zip(found).zip(parents) {
        let id = match existing {
            Some(id) => id,
            None => *new.get(&(district, r.name)).ok_or_else(|| {
                AppError::Internal(format!("settlement {} was not added", r.name))
            })?,
        };
        // A settlement found elsewhere in the county keeps its own district.
        let district = by_id
            .get(&id)
            .and_then(|p| p.lineage.get(2).copied())
            .unwrap_or(district);
        out.push(Settlement {
            id,
            name: r.name.to_string(),
            district,
            county,
            county_name: r.county.to_string(),
            population: population(r.name, r.county, r.population, &seats),
        });
    }
    let _ = country;
    Ok((out, added))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_population_by_the_rule() {
        let seats = seats();
        let mut known = 0;
        for r in rows() {
            let p = population(r.name, r.county, r.population, &seats);
            assert!(p >= 150, "{}: {p}", r.name);
            known += r.population.is_some() as usize;
        }
        assert_eq!(rows().count(), 3177);
        assert_eq!(known, 896);
        // A district seat without a figure is a small town; a village stays below 500.
        assert_eq!(
            population("Szentes", "Csongrád-Csanád", None, &seats),
            DISTRICT_SEAT
        );
        assert!(population("Tekenye", "Zala", None, &seats) < 500);
        assert_eq!(
            population("Budapest V. kerület", "Budapest", None, &seats),
            BUDAPEST_DISTRICT
        );
    }
}

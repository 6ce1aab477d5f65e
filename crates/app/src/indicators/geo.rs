//! Where a settlement sits on the county map: its coordinates from the settlement list
//! shipped with kozos (see `demo/national/ATTRIBUTION.md`), projected as the county
//! shapes were (`web/src/indicators/map/counties.json`: equirectangular around the
//! country's centre, 1000 × 621 units).

use std::collections::HashMap;
use std::sync::OnceLock;

const SETTLEMENTS: &str = include_str!("../demo/national/settlements.csv");

/// The projection of `counties.json`.
fn project(lat: f64, lon: f64) -> (f32, f32) {
    let x = 500.0 + 211.0 * 0.679441 * (lon - 19.486);
    let y = 310.5 + 211.0 * (47.155 - lat);
    (x as f32, y as f32)
}

/// (county, settlement) → map position. Built once from data compiled into the binary:
/// it never changes while kozos runs.
fn positions() -> &'static HashMap<(String, String), (f32, f32)> {
    static MAP: OnceLock<HashMap<(String, String), (f32, f32)>> = OnceLock::new();
    MAP.get_or_init(|| {
        SETTLEMENTS
            .lines()
            .skip(1)
            .filter_map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                let (name, county) = (c.get(1)?, c.get(3)?);
                let lat: f64 = c.get(5)?.parse().ok()?;
                let lon: f64 = c.get(6)?.parse().ok()?;
                Some(((county.to_string(), name.to_string()), project(lat, lon)))
            })
            .collect()
    })
}

/// A settlement's place on the map, by its county's and its own name.
pub fn position(county: &str, name: &str) -> Option<(f32, f32)> {
    positions()
        .get(&(county.to_string(), name.to_string()))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settlements_fall_inside_the_map() {
        let (x, y) = position("Komárom-Esztergom", "Kisbér").expect("Kisbér is listed");
        assert!((0.0..1000.0).contains(&x) && (0.0..621.0).contains(&y));
        // Kecskemét lies south-east of Kisbér.
        let (kx, ky) = position("Bács-Kiskun", "Kecskemét").expect("Kecskemét is listed");
        assert!(kx > x && ky > y);
        assert!(positions().len() > 3_000);
    }
}

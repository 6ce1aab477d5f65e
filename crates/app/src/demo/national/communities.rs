//! The 360 communities mentored (the figure of the EFOP-1.3.1-15 priority project), one
//! in each of 360 settlements, chosen with a weight of √population: towns more often,
//! villages too. There is no community table yet (a later change adds one), so a
//! community is an organisation of kind `other` in the civil sector, tied to its
//! settlement; activities it organises count for the networks' "organisations
//! reached" indicator.

use super::dice::Dice;
use super::settlements::Settlement;
use crate::Result;
use kozos_db::{organisations, Tx};
use kozos_domain::organisation::{OrgKind, OrganisationInput, Sector};
use kozos_domain::time::Instant;
use kozos_domain::OrganisationId;
use std::collections::HashMap;

/// Make the communities; returns them by settlement position.
pub(super) async fn ensure(
    tx: &mut Tx,
    n: usize,
    settlements: &[Settlement],
    d: &mut Dice,
    now: Instant,
) -> Result<HashMap<usize, OrganisationId>> {
    // Weighted sampling without replacement: the n largest u^(1/w).
    let mut keys: Vec<(f64, usize)> = settlements
        .iter()
        .enumerate()
        .map(|(i, s)| (d.unit().powf(1.0 / f64::from(s.population).sqrt()), i))
        .collect();
    keys.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let mut chosen: Vec<usize> = keys.into_iter().take(n).map(|(_, i)| i).collect();
    chosen.sort_unstable();
    let mut out = HashMap::new();
    let now = now.stored();
    for i in chosen {
        let input = OrganisationInput {
            name: format!("{} – helyi közösség", settlements[i].name),
            sector: Sector::Civil,
            kind: OrgKind::Other,
            settlement_id: Some(settlements[i].id),
            parent_id: None,
            website: None,
        };
        out.insert(i, organisations::ensure(tx, &input, &now).await?);
    }
    Ok(out)
}

//! A million people, living in the settlements in proportion to their population (so
//! the big towns, a Zipf-like list themselves, have the most), each with a name, a birth
//! year and their settlement, entered under the first programme that reaches them.

use super::dice::{apportion, Dice};
use super::settlements::Settlement;
use crate::Result;
use kozos_db::bulk::{ids_after, max_id, PeopleWriter, Table};
use kozos_db::Db;
use kozos_domain::time::Instant;
use kozos_domain::*;

/// Who lives where: the people of settlement `s` are positions `first[s]..first[s+1]`.
pub(super) struct Residents {
    pub first: Vec<u32>,
    pub total: u32,
}

impl Residents {
    pub(super) fn new(total: u64, settlements: &[Settlement]) -> Residents {
        let weights: Vec<f64> = settlements
            .iter()
            .map(|s| f64::from(s.population))
            .collect();
        let counts = apportion(total, &weights);
        let mut first = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        for c in counts {
            first.push(at);
            at += c as u32;
        }
        first.push(at);
        Residents { first, total: at }
    }
    pub(super) fn of(&self, s: usize) -> std::ops::Range<u32> {
        self.first[s]..self.first[s + 1]
    }
    pub(super) fn settlement_of(&self, person: u32) -> usize {
        self.first.partition_point(|&f| f <= person) - 1
    }
}

/// Save everyone, a batch per transaction; returns their ids by position.
pub(super) async fn insert(
    db: &Db,
    residents: &Residents,
    settlements: &[Settlement],
    entered_under: &[Option<ProgrammeId>],
    seed: u64,
    now: Instant,
    tick: &mut dyn FnMut(u64),
) -> Result<Vec<i64>> {
    let mut d = Dice::new(seed, 40);
    let mut tx = db.begin().await?;
    let before = max_id(&mut tx, Table::People).await?;
    let mut w = PeopleWriter::new(now);
    let mut person = 0u32;
    for (s, settlement) in settlements.iter().enumerate() {
        for _ in residents.of(s) {
            let name = format!(
                "{} {}",
                d.pick(super::super::participants::SURNAMES),
                d.pick(super::super::participants::GIVEN)
            );
            let born = d.range(1940, 2012) as i32;
            w.add(
                &mut tx,
                entered_under[person as usize],
                &name,
                Some(born),
                Some(settlement.id),
            )
            .await?;
            person += 1;
            if person.is_multiple_of(200_000) {
                w.finish(&mut tx).await?;
                tx.commit().await.map_err(kozos_db::DbError::from)?;
                tx = db.begin().await?;
            }
            if person.is_multiple_of(1000) {
                tick(1000);
            }
        }
    }
    w.finish(&mut tx).await?;
    let ids = ids_after(&mut tx, Table::People, before).await?;
    tx.commit().await.map_err(kozos_db::DbError::from)?;
    if ids.len() != person as usize {
        return Err(crate::AppError::Internal(format!(
            "{person} people written, {} read back",
            ids.len()
        )));
    }
    Ok(ids)
}

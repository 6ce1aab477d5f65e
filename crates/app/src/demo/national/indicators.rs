//! The national programmes' indicators, computed in bulk once the records are in
//! (`kozos_db::indicators::bulk`): members programme by programme, then each roll-up key's
//! reach a run of items at a time and its daily sums, committing as it goes so no
//! transaction grows without bound. The result is what `touch` would have kept.

use super::progress::Phases;
use crate::Result;
use kozos_db::indicators::bulk;
use kozos_db::{Db, DbError};
use kozos_domain::ProgrammeId;

/// Members rows written before a commit.
const MEMBERS_PER_COMMIT: u64 = 500_000;
/// Members read per run of a key's reach (its reach is about five times as many rows).
const MEMBERS_PER_RUN: u64 = 50_000;

pub(super) async fn build(db: &Db, programmes: &[ProgrammeId], ph: &mut Phases<'_>) -> Result<()> {
    ph.start("indicator members", programmes.len() as u64);
    let mut tx = db.begin().await?;
    let mut w = bulk::MemberWriter::new();
    let mut since = 0;
    let mut members = 0;
    for p in programmes {
        since += bulk::members(&mut tx, *p, &mut w).await?;
        ph.advance(1);
        if since >= MEMBERS_PER_COMMIT {
            members = w.flush(&mut tx).await?;
            tx.commit().await.map_err(DbError::from)?;
            tx = db.begin().await?;
            since = 0;
        }
    }
    members = members.max(w.flush(&mut tx).await?);
    tx.commit().await.map_err(DbError::from)?;
    ph.end(members);

    let mut tx = db.begin().await?;
    let keys = bulk::keys_of(&mut tx, programmes).await?;
    let lineages = bulk::lineages(&mut tx).await?;
    let mut plans = Vec::new();
    for k in &keys {
        plans.push(bulk::plan_key(&mut tx, *k, MEMBERS_PER_RUN).await?);
    }
    tx.commit().await.map_err(DbError::from)?;
    ph.start("indicator reach", plans.iter().map(|p| p.members).sum());
    let mut reach = 0;
    for plan in &plans {
        let mut tx = db.begin().await?;
        bulk::clear_key(&mut tx, plan.key_id).await?;
        for run in &plan.runs {
            reach += bulk::reach_run(&mut tx, plan, *run, &lineages).await?;
            tx.commit().await.map_err(DbError::from)?;
            tx = db.begin().await?;
            ph.advance(plan.members / plan.runs.len() as u64);
        }
        tx.commit().await.map_err(DbError::from)?;
    }
    ph.end(reach);

    ph.start("indicator daily sums", plans.len() as u64);
    let mut days = 0;
    let mut tx = db.begin().await?;
    for plan in &plans {
        days += bulk::daily(&mut tx, plan.key_id).await?;
        ph.advance(1);
    }
    tx.commit().await.map_err(DbError::from)?;
    ph.end(days);
    Ok(())
}

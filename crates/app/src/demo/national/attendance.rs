//! Ten million attendance records. Each programme draws its participants from a pool of
//! the people living where it works (its settlement first, then its district), about
//! one for every six attendances it will record; within a pool a few regulars come far
//! more often than the rest (positions drawn with a 1/√rank density). Turnouts follow
//! the kind of activity (a conference draws more than a club meeting) and are scaled so
//! that they add up to the number asked for; only activities that have ended by the
//! load's clock have attendance.

use super::dice::Dice;
use super::people::Residents;
use super::programmes::Plan;
use super::PlannedActivity;
use crate::Result;
use kozos_db::bulk::AttendanceWriter;
use kozos_db::Db;
use kozos_domain::activity::ActivityKind;
use kozos_domain::time::Instant;
use kozos_domain::*;

/// The usual turnout of a kind, relative to the others.
fn weight(kind: ActivityKind) -> f64 {
    use ActivityKind as K;
    match kind {
        K::CommunityInterview => 1.0,
        K::Consultation => 4.0,
        K::Training => 14.0,
        K::ClubMeeting | K::FilmScreening => 15.0,
        K::Workshop | K::CommunityConversation => 17.0,
        K::ParticipatoryForum | K::StudyTrip | K::ExperienceExchange => 23.0,
        K::SmallConference => 45.0,
        K::CommunityAction | K::CulturalEvent => 75.0,
        K::Conference => 85.0,
    }
}

/// Set every activity's turnout so that they add up to `target` (or as close as the
/// pools allow); returns each programme's pool size.
pub(super) fn turnouts(
    acts: &mut [PlannedActivity],
    plans: &[Plan],
    residents: &Residents,
    target: u64,
    now: Instant,
    d: &mut Dice,
) -> Vec<u32> {
    let w: Vec<f64> = acts
        .iter()
        .map(|a| {
            if a.ends_at > now {
                0.0
            } else {
                weight(a.kind) * (0.6 + 0.8 * d.unit())
            }
        })
        .collect();
    let sum: f64 = w.iter().sum();
    let f0 = if sum > 0.0 { target as f64 / sum } else { 0.0 };
    let mut expected = vec![0.0f64; plans.len()];
    for (a, w) in acts.iter().zip(&w) {
        expected[a.programme as usize] += w * f0;
    }
    let sizes: Vec<u32> = plans
        .iter()
        .zip(&expected)
        .map(|(p, e)| {
            let catchment: u32 = p
                .catchment
                .iter()
                .map(|&s| residents.of(s).len() as u32)
                .sum();
            ((e / 6.0).round() as u32).clamp(catchment.min(15), catchment)
        })
        .collect();
    let cap = |a: &PlannedActivity| -> u64 {
        if a.kind == ActivityKind::CommunityInterview {
            1
        } else {
            u64::from(sizes[a.programme as usize])
        }
    };
    let at = |f: f64, i: usize, a: &PlannedActivity| -> u64 {
        if w[i] == 0.0 {
            0
        } else {
            ((w[i] * f).round() as u64).max(1).min(cap(a))
        }
    };
    let total = |f: f64, acts: &[PlannedActivity]| -> u64 {
        acts.iter().enumerate().map(|(i, a)| at(f, i, a)).sum()
    };
    // The scale that comes closest, then one by one to the exact number.
    let (mut lo, mut hi) = (0.0, f0.max(1.0) * 1024.0);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if total(mid, acts) > target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let mut n: Vec<u64> = acts.iter().enumerate().map(|(i, a)| at(lo, i, a)).collect();
    let mut sum: u64 = n.iter().sum();
    let mut i = 0;
    let mut idle = 0;
    while sum < target && idle < acts.len() {
        if w[i] > 0.0 && n[i] < cap(&acts[i]) {
            n[i] += 1;
            sum += 1;
            idle = 0;
        } else {
            idle += 1;
        }
        i = (i + 1) % acts.len();
    }
    for (a, n) in acts.iter_mut().zip(n) {
        a.turnout = n as u32;
    }
    sizes
}

/// Each programme's pool: people of its catchment, its own settlement's first, in an
/// order where the first come most often.
pub(super) fn pools(
    plans: &[Plan],
    sizes: &[u32],
    residents: &Residents,
    d: &mut Dice,
) -> Vec<Vec<u32>> {
    plans
        .iter()
        .zip(sizes)
        .map(|(p, &size)| {
            let mut pool: Vec<u32> = Vec::with_capacity(size as usize);
            let mut want = size as usize;
            for (n, &s) in p.catchment.iter().enumerate() {
                if want == 0 {
                    break;
                }
                let people = residents.of(s);
                let len = people.len();
                // Home first: as many of them as it has; the district after, evenly.
                let rest: usize = p.catchment[n..]
                    .iter()
                    .map(|&s| residents.of(s).len())
                    .sum();
                let take = if n == 0 && p.home.is_some() {
                    len.min(want)
                } else if rest == 0 {
                    0
                } else {
                    ((want as u64 * len as u64).div_ceil(rest as u64) as usize)
                        .min(len)
                        .min(want)
                };
                for k in d.distinct_skewed(len, take) {
                    pool.push(people.start + k as u32);
                }
                want -= take;
            }
            d.shuffle(&mut pool);
            pool
        })
        .collect()
}

/// Write the attendance, a batch of about half a million per transaction. Returns how
/// many rows.
pub(super) async fn insert(
    db: &Db,
    acts: &[PlannedActivity],
    pools: &[Vec<u32>],
    ids: &[i64],
    seed: u64,
    tick: &mut dyn FnMut(u64),
) -> Result<u64> {
    let mut d = Dice::new(seed, 60);
    let mut tx = db.begin().await?;
    let mut w = AttendanceWriter::new();
    let mut since_commit = 0u64;
    let mut written = 0;
    for a in acts.iter().filter(|a| a.turnout > 0) {
        let pool = &pools[a.programme as usize];
        for k in d.distinct_skewed(pool.len(), a.turnout as usize) {
            let person = PersonId(ids[pool[k] as usize]);
            let at = a.starts_at.plus_minutes(d.range(-15, 10));
            w.add(&mut tx, a.id, person, at).await?;
        }
        since_commit += u64::from(a.turnout);
        tick(u64::from(a.turnout));
        if since_commit >= 500_000 {
            written = w.flush(&mut tx).await?;
            tx.commit().await.map_err(kozos_db::DbError::from)?;
            tx = db.begin().await?;
            since_commit = 0;
        }
    }
    written = written.max(w.flush(&mut tx).await?);
    tx.commit().await.map_err(kozos_db::DbError::from)?;
    Ok(written)
}

//! `kozos demo --scale national`: a national data set on top of the five-programme demo,
//! big enough to measure the indicators by (every settlement of the country, ~80 mentors,
//! 360 communities, ~1,000 programmes, 1,000,000 people, 100,000 activities and
//! 10,000,000 attendance records, ~10,000 memos, 3,000 initiatives and 1,000 library
//! items, all in the search index), and shrinkable for tests. The same options give the
//! same data: every choice comes from a seeded sequence (`dice`).
//!
//! Records go in with multi-row INSERTs in big transactions (`kozos_db::bulk`), streamed:
//! at no point are the attendance rows in memory. The indicators are then computed in
//! bulk per programme and per roll-up key (`indicators`), not by `touch` row by row.
//!
//! A database takes the national data set once: a second load is refused, and so is a
//! load into a database where one was interrupted (start from a fresh database).

mod activities;
mod attendance;
mod communities;
mod community;
mod dice;
mod indicators;
mod mentors;
mod people;
mod programmes;
mod progress;
mod settlements;

pub(crate) use activities::PlannedActivity;
pub use progress::{Phase, Progress, Quiet, Report};

use crate::{App, AppError, Result};
use dice::Dice;
use kozos_db::{places, settings, DbError};
use kozos_domain::ProgrammeId;
use progress::Phases;
use std::collections::HashMap;

/// How big a data set to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub people: u64,
    pub activities: u64,
    pub attendance: u64,
    pub programmes: u64,
    pub mentors: u64,
    pub communities: u64,
    pub seed: u64,
}

impl Default for Options {
    /// The national scale.
    fn default() -> Self {
        Options {
            people: 1_000_000,
            activities: 100_000,
            attendance: 10_000_000,
            programmes: 1_000,
            mentors: 80,
            communities: 360,
            seed: 2017,
        }
    }
}

/// Where the database says a national data set is (being) loaded.
const MARK: &str = "national_demo";

/// Why a load was refused: the database has (part of) a national data set already.
pub fn refusal(mark: &str) -> String {
    if mark.starts_with("loaded") {
        format!(
            "Ebben az adatbázisban már van országos mintaadat ({mark}); kétszer nem töltöm be. / \
             This database already holds the national data set ({mark}); it is not loaded twice."
        )
    } else {
        "Ebben az adatbázisban egy országos betöltés félbeszakadt; kezdje újra üres adatbázissal. / \
         A national load into this database was interrupted; start again with a fresh database."
            .to_string()
    }
}

/// What the database holds: `None`, or the mark of a national load (see [`refusal`]).
pub async fn loaded(app: &App) -> Result<Option<String>> {
    Ok(settings::get(&app.db, MARK).await?)
}

/// Load the demo (if it is not yet there) and the national data set on top of it.
/// Returns the time and rows of each phase.
pub async fn load(app: &App, o: &Options, progress: &mut dyn Progress) -> Result<Report> {
    if let Some(mark) = loaded(app).await? {
        return Err(AppError::Internal(refusal(&mark)));
    }
    let mut ph = Phases::new(progress);
    ph.start("demo", 0);
    super::load(app).await?;
    ph.end(0);
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    if let Some(mark) = settings::get(&app.db, MARK).await? {
        return Err(AppError::Internal(refusal(&mark)));
    }
    settings::set(&mut tx, MARK, "loading").await?;
    tx.commit().await.map_err(DbError::from)?;

    ph.start("places", 0);
    let mut tx = app.db.begin().await?;
    let (settlements, added) = settlements::ensure(&mut tx).await?;
    kozos_db::cache_versions::bump(&mut tx, kozos_db::cache_versions::PLACES).await?;
    let district_names: HashMap<_, _> = places::all_in(&mut tx)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    tx.commit().await.map_err(DbError::from)?;
    ph.end(added);

    ph.start("mentors", o.mentors);
    let made = mentors::ensure(app, o.mentors, &settlements, &mut Dice::new(o.seed, 10)).await?;
    ph.end(made);

    ph.start("communities", o.communities);
    let mut tx = app.db.begin().await?;
    let communities = communities::ensure(
        &mut tx,
        o.communities as usize,
        &settlements,
        &mut Dice::new(o.seed, 20),
        now,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    ph.end(communities.len() as u64);

    // The plan, in memory: programmes, activities, turnouts and pools (no attendance).
    ph.start("plan", 0);
    let mut districts: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, s) in settlements.iter().enumerate() {
        districts.entry(s.district).or_default().push(i);
    }
    let mut d = Dice::new(o.seed, 30);
    let mut plans = programmes::plan(
        o.programmes as usize,
        &settlements,
        &districts,
        &district_names,
        &mut d,
    );
    let mut acts = activities::plan(o.activities, &plans, &communities, &mut d);
    let residents = people::Residents::new(o.people, &settlements);
    let sizes = attendance::turnouts(&mut acts, &plans, &residents, o.attendance, now, &mut d);
    let pools = attendance::pools(&plans, &sizes, &residents, &mut d);
    let expected = programmes::expected(&plans, &acts, &pools, |k| residents.settlement_of(k));
    ph.end(acts.len() as u64);

    ph.start("programmes", plans.len() as u64);
    let mut tx = app.db.begin().await?;
    let mut templates = HashMap::new();
    for call in ["TOP-5.3.1-16", "TOP-6.9.1-16", "EFOP-1.3.1-15"] {
        for t in kozos_db::indicators::templates_of_call(&mut tx, call).await? {
            templates.insert(t.code.clone(), t);
        }
    }
    let adopted = programmes::insert(
        &mut tx,
        &mut plans,
        &expected,
        &settlements,
        &templates,
        now,
        &mut d,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    tracing::info!(
        programmes = plans.len(),
        indicators = adopted,
        "national programmes"
    );
    ph.end(plans.len() as u64);

    // Entered under the first programme whose pool they are in.
    let mut entered_under: Vec<Option<ProgrammeId>> = vec![None; residents.total as usize];
    for (p, pool) in plans.iter().zip(&pools) {
        for &k in pool {
            entered_under[k as usize].get_or_insert(p.id);
        }
    }
    ph.start("people", u64::from(residents.total));
    let ids = {
        let mut tick = |n| ph.advance(n);
        people::insert(
            &app.db,
            &residents,
            &settlements,
            &entered_under,
            o.seed,
            now,
            &mut tick,
        )
        .await?
    };
    drop(entered_under);
    ph.end(ids.len() as u64);

    ph.start("activities", acts.len() as u64);
    let mut tx = app.db.begin().await?;
    let written = {
        let mut tick = |n| ph.advance(n);
        activities::insert(
            &mut tx,
            &mut acts,
            &plans,
            &settlements,
            o.seed,
            now,
            &mut tick,
        )
        .await?
    };
    tx.commit().await.map_err(DbError::from)?;
    ph.end(written);

    let planned: u64 = acts.iter().map(|a| u64::from(a.turnout)).sum();
    ph.start("attendance", planned);
    let written = {
        let mut tick = |n| ph.advance(n);
        attendance::insert(&app.db, &acts, &pools, &ids, o.seed, &mut tick).await?
    };
    ph.end(written);

    // Memos, initiatives and library items, then the search index over everything the
    // bulk writers put in (they skip the per-record refresh).
    ph.start("community", 0);
    let mut tx = app.db.begin().await?;
    let made = community::insert(&mut tx, &acts, &plans, &settlements, o.seed, now).await?;
    tx.commit().await.map_err(DbError::from)?;
    ph.end(made);
    drop((ids, pools, acts));
    ph.start("search index", 0);
    let mut tx = app.db.begin().await?;
    let indexed = kozos_db::search::reindex_all(&mut tx).await?;
    tx.commit().await.map_err(DbError::from)?;
    ph.end(indexed);

    let programme_ids: Vec<ProgrammeId> = plans.iter().map(|p| p.id).collect();
    indicators::build(&app.db, &programme_ids, &mut ph).await?;

    // Fresh statistics for the planner: without them the first reads after a load plan
    // on guesses (PostgreSQL's autoanalyze catches up only minutes later).
    ph.start("analyse", 0);
    kozos_db::bulk::analyse(&app.db).await?;
    ph.end(0);

    let mut tx = app.db.begin().await?;
    let mark = format!(
        "loaded: {} people, {} activities, {} attendance, {} programmes, seed {}",
        o.people, o.activities, planned, o.programmes, o.seed
    );
    settings::set(&mut tx, MARK, &mark).await?;
    kozos_db::audit::record(&mut tx, &now.stored(), None, "load", "demo", None, &mark).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(ph.report)
}

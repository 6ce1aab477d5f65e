//! Merging two records of one person: the candidates and the side-by-side preview, and
//! the merge itself, in one transaction, audited on both ids.

use super::people::*;
use crate::{App, AppError, Result};
use kozos_db::participation::merge as merge_db;
pub use kozos_db::participation::merge::Merged;
use kozos_db::participation::people as db;
use kozos_db::participation::volunteers;
use kozos_db::programmes::activities as activities_db;
use kozos_db::{audit, cache_versions, Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::text::hu_cmp;
use kozos_domain::user::User;
use kozos_domain::*;

/// One side of the merge page.
#[derive(Debug, Clone)]
pub struct MergeSide {
    pub person: Person,
    pub records: Vec<Taken>,
    pub consents: usize,
    pub shifts: usize,
}

async fn side(c: &mut Conn, person: Person) -> Result<MergeSide> {
    let id = person.id;
    Ok(MergeSide {
        records: db::records(c, id).await?,
        consents: db::consents(c, id).await?.len(),
        shifts: volunteers::of_person(c, id).await?.len(),
        person,
    })
}

/// What the merge page offers: the person, their possible duplicates, and people found
/// by a search (both only among those the reader may see).
pub async fn merge_candidates(
    app: &App,
    user: &User,
    id: PersonId,
    q: Option<&str>,
) -> Result<(Person, Vec<Person>, Vec<Person>)> {
    let (p, _) = person_for(app, user, Action::ManagePeople, id).await?;
    let r = reach(app, user, Action::ManagePeople).await?;
    let mut c = app.db.pool.acquire().await.map_err(DbError::from)?;
    let dupes = duplicates_in_reach(&mut c, &r, described(&p), p.place_id, Some(id)).await?;
    let found = match q.map(str::trim).filter(|q| q.chars().count() >= 2) {
        Some(q) => {
            let mut names = db::names(&mut c, r.among(), Some(q)).await?;
            names.retain(|(other, _)| *other != id);
            names.sort_by(|a, b| hu_cmp(&a.1, &b.1));
            names.truncate(20);
            let ids: Vec<PersonId> = names.iter().map(|(i, _)| *i).collect();
            let mut people = db::get_many(&mut c, &ids).await?;
            people.sort_by_key(|p| ids.iter().position(|i| *i == p.id));
            people
        }
        None => Vec::new(),
    };
    Ok((p, dupes, found))
}

/// Both people side by side, before merging `other` into `kept`.
pub async fn merge_preview(
    app: &App,
    user: &User,
    kept: PersonId,
    other: PersonId,
) -> Result<(MergeSide, MergeSide)> {
    if kept == other {
        return Err(AppError::invalid("other", "err-merge-same"));
    }
    let (k, _) = person_for(app, user, Action::ManagePeople, kept).await?;
    let (o, _) = person_for(app, user, Action::ManagePeople, other).await?;
    let mut c = app.db.pool.acquire().await.map_err(DbError::from)?;
    Ok((side(&mut c, k).await?, side(&mut c, o).await?))
}

/// Merge `dropped` into `kept` in one transaction (see `people::merge` for what moves and
/// which of two clashing rows stays). Every programme either person is in must be the
/// user's to manage: the merge shows each programme's staff the other's records.
pub async fn merge(app: &App, user: &User, kept: PersonId, dropped: PersonId) -> Result<Merged> {
    if kept == dropped {
        return Err(AppError::invalid("other", "err-merge-same"));
    }
    let r = reach(app, user, Action::ManagePeople).await?;
    let (k, _) = person_for(app, user, Action::ManagePeople, kept).await?;
    let (d, _) = person_for(app, user, Action::ManagePeople, dropped).await?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    if !merge_db::lock_live_pair(&mut tx, kept, dropped).await? {
        return Err(AppError::NotFound); // one was merged meanwhile
    }
    let mut programmes = db::programmes_of(&mut tx, kept).await?;
    programmes.extend(db::programmes_of(&mut tx, dropped).await?);
    programmes.sort();
    programmes.dedup();
    if !r.covers_all(&programmes) {
        return Err(AppError::invalid("other", "err-merge-out-of-scope"));
    }
    let moved = merge_db::merge(&mut tx, kept, dropped, now).await?;
    // A registration let go may have been a place: the waiting list moves up.
    for a in &moved.shared_activities {
        if let Some(activity) = activities_db::activity(&mut tx, *a).await? {
            kozos_db::participation::registrations::lock_activity(&mut tx, *a).await?;
            super::registrations::fill_places(&mut tx, &activity, now).await?;
        }
    }
    for p in &programmes {
        cache_versions::bump(&mut tx, &cache_versions::programme(p.0)).await?;
    }
    let detail = format!(
        "#{} {} → #{} {}: {} registrations, {} attendance, {} certificates, {} consents, {} volunteer shifts, {} distance parts, sensitive data {}, {} kept once",
        d.id,
        d.name,
        k.id,
        k.name,
        moved.registrations,
        moved.attendance,
        moved.certificates,
        moved.consents,
        moved.shifts,
        moved.distance,
        if moved.sensitive { "moved" } else { "not moved" },
        moved.clashes,
    );
    for id in [kept, dropped] {
        audit::record(
            &mut tx,
            &now.stored(),
            Some(user.id),
            "merge_person",
            "person",
            Some(id.0),
            &detail,
        )
        .await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    app.jobs().poke();
    Ok(moved)
}

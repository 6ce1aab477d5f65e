//! A hundred thousand activities shared out by how busy each programme is (at least
//! three each), on days spread over the programme's run within 2017–2026, at its places,
//! in Budapest daytime hours. Community interviews have one interviewee; the rest have
//! the turnout `attendance` gives them. Organisers: a community of the place now and
//! then (usually, in the EFOP networks that mentor them).

use super::dice::{apportion, Dice, Weighted};
use super::programmes::{Call, Plan};
use super::settlements::Settlement;
use crate::Result;
use chrono::NaiveTime;
use kozos_db::bulk::{ActivityWriter, NewActivity};
use kozos_db::Tx;
use kozos_domain::activity::ActivityKind;
use kozos_domain::time::Instant;
use kozos_domain::*;
use std::collections::HashMap;

/// An activity as planned; `id` once saved.
#[derive(Debug, Clone)]
pub(crate) struct PlannedActivity {
    pub programme: u32,
    pub kind: ActivityKind,
    pub settlement: u32,
    pub starts_at: Instant,
    pub ends_at: Instant,
    pub organiser: Option<OrganisationId>,
    pub turnout: u32,
    pub id: ActivityId,
}

pub(super) fn label(kind: ActivityKind) -> &'static str {
    use ActivityKind as K;
    match kind {
        K::Workshop => "Műhelymunka",
        K::Training => "Képzés",
        K::SmallConference => "Kiskonferencia",
        K::Conference => "Konferencia",
        K::CommunityConversation => "Közösségi beszélgetés",
        K::CommunityInterview => "Közösségi interjú",
        K::ParticipatoryForum => "Részvételi fórum",
        K::Consultation => "Konzultáció",
        K::StudyTrip => "Tanulmányút",
        K::ExperienceExchange => "Tapasztalatcsere",
        K::CommunityAction => "Közösségi akció",
        K::ClubMeeting => "Klubfoglalkozás",
        K::CulturalEvent => "Kulturális program",
        K::FilmScreening => "Filmklub",
    }
}

/// How long an activity of this kind lasts, in minutes.
fn length(kind: ActivityKind, d: &mut Dice) -> i64 {
    use ActivityKind as K;
    match kind {
        K::CommunityInterview | K::Consultation => d.range(1, 2) * 45,
        K::ClubMeeting | K::FilmScreening | K::CommunityConversation => d.range(2, 3) * 60,
        K::Training | K::Workshop | K::SmallConference => d.range(3, 6) * 60,
        K::Conference | K::StudyTrip => d.range(6, 8) * 60,
        _ => d.range(2, 5) * 60,
    }
}

pub(super) fn plan(
    total: u64,
    plans: &[Plan],
    communities: &HashMap<usize, OrganisationId>,
    d: &mut Dice,
) -> Vec<PlannedActivity> {
    let floor = 3u64.min(total / plans.len().max(1) as u64);
    let spare = total.saturating_sub(floor * plans.len() as u64);
    let weights: Vec<f64> = plans.iter().map(|p| p.busyness).collect();
    let shares = apportion(spare, &weights);
    let mut out = Vec::with_capacity(total as usize);
    for (k, (p, extra)) in plans.iter().zip(shares).enumerate() {
        let kinds = p.call.kinds();
        let pick_kind = Weighted::new(kinds.iter().map(|(_, w)| *w)).expect("kinds");
        let pick_place = Weighted::new(p.area.iter().map(|(_, w)| *w)).expect("a place");
        let days = p.end.days_since(p.start).max(1);
        let mut mine = Vec::new();
        for _ in 0..floor + extra {
            let kind = kinds[pick_kind.pick(d)].0;
            let place = p.area[pick_place.pick(d)].0;
            let day = p.start.add_days(d.range(0, days));
            let at = NaiveTime::from_hms_opt(d.range(9, 18) as u32, [0, 30][d.below(2)], 0)
                .expect("valid");
            let starts_at = day.at(at);
            let organiser = communities
                .get(&place)
                .copied()
                .filter(|_| d.chance(if p.call == Call::Network { 0.8 } else { 0.3 }));
            mine.push(PlannedActivity {
                programme: k as u32,
                kind,
                settlement: place as u32,
                starts_at,
                ends_at: starts_at.plus_minutes(length(kind, d)),
                organiser,
                turnout: 0,
                id: ActivityId(0),
            });
        }
        mine.sort_by_key(|a| a.starts_at);
        out.extend(mine);
    }
    out
}

/// Save the activities (in plan order) and note their ids. Returns how many.
pub(super) async fn insert(
    tx: &mut Tx,
    acts: &mut [PlannedActivity],
    plans: &[Plan],
    settlements: &[Settlement],
    seed: u64,
    now: Instant,
    tick: &mut dyn FnMut(u64),
) -> Result<u64> {
    use kozos_db::bulk::{ids_after, max_id, Table};
    let before = max_id(tx, Table::Activities).await?;
    let mut w = ActivityWriter::new(now);
    for (n, a) in acts.iter().enumerate() {
        let title = format!(
            "{} – {}",
            label(a.kind),
            settlements[a.settlement as usize].name
        );
        let uid = format!("national-{seed}-{n}@kozos");
        w.add(
            tx,
            NewActivity {
                programme: plans[a.programme as usize].id,
                kind: a.kind,
                title: &title,
                starts_at: a.starts_at,
                ends_at: a.ends_at,
                place: Some(settlements[a.settlement as usize].id),
                organiser: a.organiser,
                uid: &uid,
            },
        )
        .await?;
        if n % 1000 == 999 {
            tick(1000);
        }
    }
    let written = w.finish(tx).await?;
    let ids = ids_after(tx, Table::Activities, before).await?;
    if ids.len() != acts.len() {
        return Err(crate::AppError::Internal(format!(
            "{} activities written, {} read back",
            acts.len(),
            ids.len()
        )));
    }
    for (a, id) in acts.iter_mut().zip(ids) {
        a.id = ActivityId(id);
    }
    Ok(written)
}

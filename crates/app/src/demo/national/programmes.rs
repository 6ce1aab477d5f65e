//! About a thousand programmes across the counties, in the three calls of the demo:
//! TOP-5.3.1-16 (local identity, in settlements of every size), TOP-6.9.1-16 (social
//! inclusion, in towns of 5,000 or more, with an action area) and EFOP-1.3.1-15
//! (community development networks, a whole district each). Every twelfth programme is
//! an EFOP one and four in twelve TOP-6.9.1, the rest TOP-5.3.1. How busy a programme is
//! follows a Zipf-like law (rank^-0.7, scaled by the size of its place), so a few are
//! much busier than most.
//!
//! Each adopts 3–5 of its call's templates that the data counts (not the manual ones,
//! certificates or volunteer hours, which the generator does not make), with targets
//! near what its plan will reach, so dashboards show some ahead and some behind.

use super::dice::{Dice, Weighted};
use super::settlements::Settlement;
use super::PlannedActivity;
use crate::Result;
use kozos_db::indicators as ind_db;
use kozos_db::{organisations, programmes, Tx};
use kozos_domain::activity::ActivityKind;
use kozos_domain::indicator::{IndicatorInput, Source, Template};
use kozos_domain::organisation::{OrgKind, OrganisationInput, Sector};
use kozos_domain::programme::{Fund, ProgrammeInput};
use kozos_domain::project_code::ProjectCode;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Call {
    /// TOP-5.3.1-16
    Local,
    /// TOP-6.9.1-16
    Inclusion,
    /// EFOP-1.3.1-15
    Network,
}

impl Call {
    pub(super) fn code(self) -> &'static str {
        match self {
            Call::Local => "TOP-5.3.1-16",
            Call::Inclusion => "TOP-6.9.1-16",
            Call::Network => "EFOP-1.3.1-15",
        }
    }
    /// What its programmes do, with relative frequencies.
    pub(super) fn kinds(self) -> &'static [(ActivityKind, f64)] {
        use ActivityKind as K;
        match self {
            Call::Local => &[
                (K::CommunityConversation, 15.0),
                (K::ParticipatoryForum, 5.0),
                (K::CommunityInterview, 8.0),
                (K::CommunityAction, 20.0),
                (K::CulturalEvent, 15.0),
                (K::ClubMeeting, 15.0),
                (K::FilmScreening, 5.0),
                (K::Training, 5.0),
                (K::Workshop, 12.0),
            ],
            Call::Inclusion => &[
                (K::CommunityAction, 20.0),
                (K::CulturalEvent, 15.0),
                (K::ClubMeeting, 25.0),
                (K::Workshop, 20.0),
                (K::Training, 15.0),
                (K::Consultation, 5.0),
            ],
            Call::Network => &[
                (K::Training, 25.0),
                (K::Workshop, 25.0),
                (K::CommunityConversation, 15.0),
                (K::ExperienceExchange, 10.0),
                (K::SmallConference, 5.0),
                (K::ParticipatoryForum, 10.0),
                (K::StudyTrip, 5.0),
                (K::Consultation, 5.0),
            ],
        }
    }
    /// The templates it always adopts, and those it picks from.
    fn templates(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Call::Local => (&["T531-1"], &["T531-2", "T531-3", "T531-4", "T531-5"]),
            Call::Inclusion => (&["T691-1", "T691-2", "T691-4"], &[]),
            Call::Network => (&[], &["E131-2", "E131-4", "E131-5", "E131-6"]),
        }
    }
}

/// The territorial code of TOP project IDs, by county.
fn territory(county: &str) -> &'static str {
    match county {
        "Baranya" => "BA1",
        "Bács-Kiskun" => "BK1",
        "Békés" => "BE1",
        "Borsod-Abaúj-Zemplén" => "BO1",
        "Budapest" => "BP1",
        "Csongrád-Csanád" => "CS1",
        "Fejér" => "FE1",
        "Győr-Moson-Sopron" => "GM1",
        "Hajdú-Bihar" => "HB1",
        "Heves" => "HE1",
        "Jász-Nagykun-Szolnok" => "JN1",
        "Komárom-Esztergom" => "KO1",
        "Nógrád" => "NO1",
        "Pest" => "PE1",
        "Somogy" => "SO1",
        "Szabolcs-Szatmár-Bereg" => "SZ1",
        "Tolna" => "TO1",
        "Vas" => "VA1",
        "Veszprém" => "VE1",
        _ => "ZA1",
    }
}

/// A programme as planned, before and after it is saved.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    pub call: Call,
    /// Its settlement (TOP calls); an EFOP programme works in a whole district.
    pub home: Option<usize>,
    pub district: PlaceId,
    /// Where its activities are held (settlement positions) and how often.
    pub area: Vec<(usize, f64)>,
    /// Where its participants live: its settlement first, then the rest of the district.
    pub catchment: Vec<usize>,
    pub busyness: f64,
    pub start: Date,
    pub end: Date,
    pub code: String,
    pub title: String,
    pub id: ProgrammeId,
}

pub(super) fn plan(
    n: usize,
    settlements: &[Settlement],
    districts: &HashMap<PlaceId, Vec<usize>>,
    district_names: &HashMap<PlaceId, String>,
    d: &mut Dice,
) -> Vec<Plan> {
    let pop = |i: usize| f64::from(settlements[i].population);
    let local =
        Weighted::new((0..settlements.len()).map(|i| pop(i).powf(0.7))).expect("settlements");
    let towns =
        Weighted::new((0..settlements.len()).map(|i| if pop(i) >= 5000.0 { pop(i) } else { 0.0 }))
            .expect("towns");
    let mut district_ids: Vec<PlaceId> = districts.keys().copied().collect();
    district_ids.sort();
    let district_pop = |id: &PlaceId| districts[id].iter().map(|&i| pop(i)).sum::<f64>();
    let by_district =
        Weighted::new(district_ids.iter().map(|id| district_pop(id).sqrt())).expect("districts");
    let mut ranks: Vec<usize> = (0..n).collect();
    d.shuffle(&mut ranks);
    let first_day = Date::from_ymd(2017, 1, 1).expect("valid");
    let last_day = Date::from_ymd(2026, 12, 31).expect("valid");
    let mut out = Vec::with_capacity(n);
    for (k, rank) in ranks.into_iter().enumerate() {
        let call = match k % 12 {
            0 => Call::Network,
            1..=4 => Call::Inclusion,
            _ => Call::Local,
        };
        let (home, district) = match call {
            Call::Network => (None, district_ids[by_district.pick(d)]),
            Call::Inclusion => {
                let s = towns.pick(d);
                (Some(s), settlements[s].district)
            }
            Call::Local => {
                let s = local.pick(d);
                (Some(s), settlements[s].district)
            }
        };
        let members = &districts[&district];
        let mut catchment = Vec::with_capacity(members.len());
        catchment.extend(home);
        catchment.extend(members.iter().copied().filter(|&i| Some(i) != home));
        // Mostly at home, now and then elsewhere in the district.
        let area: Vec<(usize, f64)> = match home {
            Some(h) => {
                let mut a = vec![(h, 17.0)];
                let others: Vec<usize> = members.iter().copied().filter(|&i| i != h).collect();
                for _ in 0..others.len().min(3) {
                    let o = *d.pick(&others);
                    if !a.iter().any(|(i, _)| *i == o) {
                        a.push((o, 1.0));
                    }
                }
                a
            }
            None => members.iter().map(|&i| (i, pop(i).sqrt())).collect(),
        };
        let size: f64 = match home {
            Some(h) => pop(h),
            None => district_pop(&district),
        };
        let busyness = (rank as f64 + 1.0).powf(-0.7) * size.powf(0.3);
        let start = first_day.add_days(d.range(0, 4 * 365));
        let end = start.add_days(d.range(3 * 365, 7 * 365)).min(last_day);
        let county = &settlements[members[0]].county_name;
        let serial = 100 + k;
        let year = start.year().clamp(2016, 2019);
        let code = match call {
            Call::Network => format!("{}-{year}-{serial:05}", call.code()),
            _ => format!("{}-{}-{year}-{serial:05}", call.code(), territory(county)),
        };
        let title = match (call, home) {
            (Call::Local, Some(h)) => format!(
                "Helyi identitás és kohézió erősítése – {}",
                settlements[h].name
            ),
            (Call::Inclusion, Some(h)) => format!(
                "Társadalmi együttműködés erősítése – {}",
                settlements[h].name
            ),
            _ => format!(
                "Cselekvő közösségek – {}",
                district_names.get(&district).map_or("", String::as_str)
            ),
        };
        out.push(Plan {
            call,
            home,
            district,
            area,
            catchment,
            busyness,
            start,
            end,
            code,
            title,
            id: ProgrammeId(0),
        });
    }
    out
}

/// What a programme's plan will reach, for its targets.
#[derive(Default)]
pub(super) struct Expected {
    pub participants: u64,
    pub residents: u64,
    pub kinds: HashMap<ActivityKind, u64>,
    pub trained: u64,
    pub settlements: HashSet<usize>,
    pub organisers: HashSet<i64>,
}

fn target(source: &Source, e: &Expected, d: &mut Dice) -> i64 {
    let kinds = |f: &kozos_domain::indicator::ActivityFilter| -> u64 {
        e.kinds
            .iter()
            .filter(|(k, _)| f.kinds.is_empty() || f.kinds.contains(k))
            .map(|(_, n)| *n)
            .sum()
    };
    let base = match source {
        Source::Participants(f, p) if p.action_area_resident => {
            e.residents.min(kinds(f).max(1) * 1000)
        }
        Source::Participants(f, _) if !f.kinds.is_empty() => {
            e.participants * kinds(f) / e.kinds.values().sum::<u64>().max(1)
        }
        Source::Participants(..) => e.participants,
        Source::Activities(f) => kinds(f),
        Source::TrainingCompleters(_) => e.trained * 7 / 10,
        Source::Settlements(..) => e.settlements.len() as u64,
        Source::Organisations(_) => e.organisers.len() as u64 + 1,
        _ => 10,
    };
    // Some promised more than they will do, some less.
    ((base as f64 * (0.8 + 0.45 * d.unit())).round() as i64).max(1)
}

/// Save the programmes (with their municipality as beneficiary, an action area for the
/// inclusion call) and their indicators.
#[allow(clippy::too_many_arguments)]
pub(super) async fn insert(
    tx: &mut Tx,
    plans: &mut [Plan],
    expected: &[Expected],
    settlements: &[Settlement],
    templates: &HashMap<String, Template>,
    now: Instant,
    d: &mut Dice,
) -> Result<u64> {
    let now_text = now.stored();
    let mut indicators = 0;
    for (p, e) in plans.iter_mut().zip(expected) {
        let beneficiary = match p.home {
            Some(h) => Some(
                organisations::ensure(
                    tx,
                    &OrganisationInput {
                        name: format!("{} Önkormányzata", settlements[h].name),
                        sector: Sector::Public,
                        kind: OrgKind::Municipality,
                        settlement_id: Some(settlements[h].id),
                        parent_id: None,
                        website: None,
                    },
                    &now_text,
                )
                .await?,
            ),
            None => None,
        };
        let input = ProgrammeInput {
            title: p.title.clone(),
            code: Some(ProjectCode::parse(&p.code).map_err(|e| crate::AppError::Internal(format!("{}: {e}", p.code)))?),
            beneficiary_id: beneficiary,
            place_id: Some(p.home.map_or(p.district, |h| settlements[h].id)),
            grant_huf: Some(d.range(20, 400) * 1_000_000),
            aid_intensity_bp: Some(10_000),
            fund: Some(Fund::Esza),
            start_date: Some(p.start),
            end_date: Some(p.end),
            intermediate_body: None,
            description: "Országos mintaadat: a kozos demo --scale national paranccsal generált program, a teljesítmény méréséhez. / National sample data generated for measuring performance.".into(),
        };
        p.id = programmes::insert(tx, &input, &now_text).await?;
        if let (Call::Inclusion, Some(h)) = (p.call, p.home) {
            programmes::upsert_action_area(
                tx,
                p.id,
                None,
                &format!("Akcióterület – {}", settlements[h].name),
                "",
                &[settlements[h].id],
                None,
            )
            .await?;
        }
        let (always, choice) = p.call.templates();
        let mut codes: Vec<&str> = always.to_vec();
        let mut rest = choice.to_vec();
        d.shuffle(&mut rest);
        let want = d.range(3, 5) as usize;
        codes.extend(rest.into_iter().take(want.saturating_sub(codes.len())));
        for code in codes {
            let t = &templates[code];
            let input = IndicatorInput {
                code: t.code.clone(),
                name_hu: t.name_hu.clone(),
                name_en: t.name_en.clone(),
                description: String::new(),
                source: t.source.clone(),
                baseline: 0,
                target: target(&t.source, e, d),
                deadline: None,
                milestones: Vec::new(),
            };
            ind_db::insert(tx, p.id, &input, Some(t), now).await?;
            indicators += 1;
        }
    }
    Ok(indicators)
}

/// Fill in what a programme's plan will reach from its planned activities.
pub(super) fn expected(
    plans: &[Plan],
    acts: &[PlannedActivity],
    pools: &[Vec<u32>],
    settlement_of: impl Fn(u32) -> usize,
) -> Vec<Expected> {
    let mut out: Vec<Expected> = plans.iter().map(|_| Expected::default()).collect();
    for a in acts {
        let e = &mut out[a.programme as usize];
        *e.kinds.entry(a.kind).or_default() += 1;
        e.settlements.insert(a.settlement as usize);
        if let Some(o) = a.organiser {
            e.organisers.insert(o.0);
        }
        if a.kind == ActivityKind::Training {
            e.trained += u64::from(a.turnout);
        }
    }
    for (p, (e, pool)) in plans.iter().zip(out.iter_mut().zip(pools)) {
        e.participants = pool.len() as u64;
        e.residents = match p.home {
            Some(h) => pool.iter().filter(|&&k| settlement_of(k) == h).count() as u64,
            None => 0,
        };
    }
    out
}

//! The demo's participants: a registry of plausible residents per programme, who attended
//! the programmes' past activities, registrations for the upcoming ones, and Kecskemét's
//! three trainings with sessions, attendance and certificates for exactly the completers
//! the seed names (50, 200 and 40). Every count a page shows is counted from these rows.
//!
//! Names and choices come from a fixed pseudo-random sequence per programme, so two loads
//! of the demo tell the same story. A programme that already has people is left as it is
//! (loading twice adds nothing).

use super::activities::Ids;
use crate::{AppError, Result};
use kozos_db::participation::attendance::{self, NewAttendance};
use kozos_db::participation::certificates::{self, NewCertificate};
use kozos_db::participation::registrations::{self, NewRegistration};
use kozos_db::participation::{people, trainings};
use kozos_db::programmes::activities::{self as activities_db, Filter};
use kozos_db::Tx;
use kozos_domain::activity::{Activity, ActivityKind as K};
use kozos_domain::participation::*;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;

pub(super) const SURNAMES: &[&str] = &[
    "Nagy",
    "Kovács",
    "Tóth",
    "Szabó",
    "Horváth",
    "Varga",
    "Kiss",
    "Molnár",
    "Németh",
    "Farkas",
    "Balogh",
    "Papp",
    "Takács",
    "Juhász",
    "Lakatos",
    "Mészáros",
    "Oláh",
    "Simon",
    "Rácz",
    "Fekete",
    "Szilágyi",
    "Török",
    "Fehér",
    "Balázs",
    "Gál",
    "Kis",
    "Szűcs",
    "Kocsis",
    "Orsós",
    "Pintér",
    "Fodor",
    "Szalai",
    "Sipos",
    "Magyar",
    "Lukács",
    "Gulyás",
    "Bíró",
    "Király",
    "Katona",
    "Lengyel",
    "Jakab",
    "Bogdán",
    "Sándor",
    "Boros",
    "Fazekas",
    "Kelemen",
    "Antal",
    "Orosz",
    "Somogyi",
    "Vörös",
    "Győri",
    "Őri",
    "Ürmös",
    "Csörgő",
    "Pőcze",
];
pub(super) const GIVEN: &[&str] = &[
    "Anna",
    "Éva",
    "Katalin",
    "Erzsébet",
    "Mária",
    "Zsuzsanna",
    "Ilona",
    "Judit",
    "Ágnes",
    "Andrea",
    "Erika",
    "Krisztina",
    "Mónika",
    "Gabriella",
    "Edit",
    "Tünde",
    "Anikó",
    "Rita",
    "Eszter",
    "Zsófia",
    "Réka",
    "Dóra",
    "Boglárka",
    "Lili",
    "Hanna",
    "Jázmin",
    "Ildikó",
    "Piroska",
    "Margit",
    "Győngyi",
    "László",
    "István",
    "József",
    "János",
    "Zoltán",
    "Sándor",
    "Gábor",
    "Ferenc",
    "Attila",
    "Péter",
    "Tamás",
    "Zsolt",
    "Tibor",
    "András",
    "Csaba",
    "Imre",
    "Lajos",
    "György",
    "Balázs",
    "Róbert",
    "Dávid",
    "Bence",
    "Máté",
    "Levente",
    "Ádám",
    "Dániel",
    "Kristóf",
    "Ödön",
    "Győző",
    "Örs",
];

/// A small, fixed pseudo-random sequence (splitmix64): the demo's choices, repeatable.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[(self.next() % list.len() as u64) as usize]
    }
    /// `n` distinct positions of `0..len`, in order.
    fn sample(&mut self, len: usize, n: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..len).collect();
        for i in 0..n.min(len) {
            let j = i + (self.next() % (len - i) as u64) as usize;
            all.swap(i, j);
        }
        let mut out = all[..n.min(len)].to_vec();
        out.sort_unstable();
        out
    }
}

/// How many came to a past activity of this kind (the seeds give no head counts).
fn turnout(kind: K, d: &mut Dice) -> i64 {
    match kind {
        K::CommunityInterview => 1,
        K::Consultation => d.range(2, 6),
        K::ClubMeeting | K::FilmScreening => d.range(8, 22),
        K::Workshop | K::CommunityConversation => d.range(10, 24),
        K::ParticipatoryForum | K::StudyTrip | K::ExperienceExchange => d.range(14, 32),
        K::Training => d.range(10, 18),
        K::SmallConference => d.range(30, 60),
        K::Conference => d.range(60, 110),
        K::CommunityAction | K::CulturalEvent => d.range(35, 120),
    }
}

/// The UIDs of the trainings that handed out certificates (Kecskemét's three).
const CERTIFICATE_TRAININGS: &str = "demo-kecskemet-training-";

struct Programme {
    id: ProgrammeId,
    seed: u64,
    /// How many residents its registry holds.
    pool: usize,
}

/// Add the participants, in the demo's transaction. Returns how many people were added.
pub(crate) async fn load(tx: &mut Tx, ids: &Ids, now: Instant) -> Result<usize> {
    let mut added = 0;
    for p in [
        Programme {
            id: ids.kisber,
            seed: 1,
            pool: 170,
        },
        Programme {
            id: ids.abauj,
            seed: 2,
            pool: 230,
        },
        Programme {
            id: ids.kecskemet,
            seed: 3,
            pool: 140,
        },
        Programme {
            id: ids.cselekvo,
            seed: 4,
            pool: 260,
        },
        Programme {
            id: ids.network,
            seed: 5,
            pool: 120,
        },
    ] {
        added += programme(tx, &p, now).await?;
    }
    Ok(added)
}

async fn programme(tx: &mut Tx, p: &Programme, now: Instant) -> Result<usize> {
    if people::count_in_programme(tx, p.id).await? > 0 {
        return Ok(0);
    }
    let mut d = Dice(p.seed * 7919);
    let activities = activities_db::list(
        tx,
        &Filter {
            programme: Some(p.id),
            ..Default::default()
        },
    )
    .await?;
    // Residents live where the programme's activities are held.
    let places: Vec<PlaceId> = activities.iter().filter_map(|a| a.place_id).collect();
    let mut pool = Vec::with_capacity(p.pool);
    for _ in 0..p.pool {
        pool.push(person(tx, p.id, &mut d, &places, now).await?.0);
    }
    let mut made = pool.len();
    for a in &activities {
        if a.uid.starts_with(CERTIFICATE_TRAININGS) {
            // Kecskemét's certificate trainings: enrolled people of their own.
            made += certificate_training(tx, a, &mut d, &places, now).await?;
        } else if a.ends_at <= now {
            attend(tx, a, &pool, &mut d).await?;
        } else {
            register(tx, a, &pool, &mut d, now).await?;
        }
    }
    Ok(made)
}

async fn person(
    tx: &mut Tx,
    programme: ProgrammeId,
    d: &mut Dice,
    places: &[PlaceId],
    now: Instant,
) -> Result<(PersonId, String)> {
    let name = format!("{} {}", d.pick(SURNAMES), d.pick(GIVEN));
    let input = PersonInput {
        name,
        email: None,
        phone: None,
        birth_year: Some(d.range(1942, 2008) as i32),
        age_band: None,
        settlement: None,
        organisation_id: None,
    };
    let place = (!places.is_empty()).then(|| *d.pick(places));
    let id = people::insert(
        tx,
        Some(programme),
        people::NewPerson {
            input: &input,
            place,
            user: None,
        },
        now,
    )
    .await?;
    Ok((id, input.name))
}

/// Some of the registry came, ticked on the roster as they arrived.
async fn attend(tx: &mut Tx, a: &Activity, pool: &[PersonId], d: &mut Dice) -> Result<()> {
    let n = turnout(a.kind, d).min(a.capacity.unwrap_or(i64::MAX)) as usize;
    for i in d.sample(pool.len(), n) {
        let at = a.starts_at.plus_minutes(d.range(-15, 10));
        attendance::record(
            tx,
            NewAttendance {
                activity: a.id,
                session: None,
                person: pool[i],
                registration: None,
                route: AttendanceRoute::Roster,
                scanned_at: at,
                by: None,
                client_id: None,
            },
            at,
        )
        .await?;
    }
    Ok(())
}

/// Upcoming activities already have some registrations (within their capacity).
async fn register(
    tx: &mut Tx,
    a: &Activity,
    pool: &[PersonId],
    d: &mut Dice,
    now: Instant,
) -> Result<()> {
    let n = d.range(3, 12).min(a.capacity.unwrap_or(i64::MAX)) as usize;
    for i in d.sample(pool.len(), n) {
        registrations::insert(
            tx,
            NewRegistration {
                activity: a.id,
                person: pool[i],
                status: RegistrationStatus::Confirmed,
                token: ticket(d).as_str(),
                source: RegistrationSource::Staff,
                by: None,
                lang: "hu",
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// A ticket from the demo's sequence (the demo's tickets need not be secret; real ones
/// come from the operating system's random source).
fn ticket(d: &mut Dice) -> Ticket {
    let mut bytes = [0u8; TICKET_RANDOM_BYTES];
    for b in bytes.iter_mut() {
        *b = d.next() as u8;
    }
    Ticket::from_random(bytes)
}

/// A certificate training: its sessions (two a week, 5 contact hours each), everyone
/// enrolled, attendance that makes exactly the seed's number complete (capacity minus a
/// tenth: those missed too many sessions), and their certificates.
async fn certificate_training(
    tx: &mut Tx,
    a: &Activity,
    d: &mut Dice,
    places: &[PlaceId],
    now: Instant,
) -> Result<usize> {
    let enrolled = a.capacity.unwrap_or(0) as usize;
    let completers = enrolled - enrolled / 11;
    // Mondays and Thursdays between the start and the end, at the training's hours.
    let (from, to) = (a.starts_at.budapest(), a.ends_at.budapest());
    let (start, end) = (from.time(), to.time());
    let mut sessions = Vec::new();
    let mut day = a.starts_at.date();
    // A long day has an hour's lunch and at most five contact hours.
    let contact = day.at(end).minutes_since(day.at(start)).min(300);
    while day <= a.ends_at.date() {
        if matches!(day.weekday(), 1 | 4) {
            let input = SessionInput {
                starts_at: day.at(start),
                ends_at: day.at(end),
                contact_minutes: contact,
                title: String::new(),
            };
            let id = trainings::add_session(tx, a.id, &input).await?;
            sessions.push((id, input.starts_at.plus_minutes(-d.range(0, 20))));
        }
        day = day.add_days(1);
    }
    if sessions.is_empty() {
        return Err(AppError::Internal(format!("no sessions for {}", a.title)));
    }
    let last = sessions.len();
    let mut issued_on: Option<Date> = None;
    for k in 0..enrolled {
        let (person, name) = person(tx, a.programme_id, d, places, now).await?;
        registrations::insert(
            tx,
            NewRegistration {
                activity: a.id,
                person,
                status: RegistrationStatus::Confirmed,
                token: ticket(d).as_str(),
                source: RegistrationSource::Staff,
                by: None,
                lang: "hu",
            },
            a.starts_at,
        )
        .await?;
        // A completer misses at most one session in ten; the others stopped halfway.
        let attended = if k < completers {
            last - (d.range(0, 9) == 0) as usize
        } else {
            last / 2
        };
        for sid in d.sample(last, attended).into_iter().map(|i| sessions[i]) {
            let at = sid.1;
            attendance::record(
                tx,
                NewAttendance {
                    activity: a.id,
                    session: Some(sid.0),
                    person,
                    registration: None,
                    route: AttendanceRoute::Qr,
                    scanned_at: at,
                    by: None,
                    client_id: None,
                },
                at,
            )
            .await?;
        }
        if k < completers {
            let completed_on = a.ends_at.date();
            issued_on = Some(completed_on.add_days(7));
            let mut bytes = [0u8; CERTIFICATE_RANDOM_BYTES];
            for b in bytes.iter_mut() {
                *b = d.next() as u8;
            }
            let number = CertificateNumber::from_random(completed_on.year(), bytes);
            certificates::insert(
                tx,
                NewCertificate {
                    activity: a.id,
                    person,
                    number: number.as_str(),
                    name: &name,
                    training: &a.title,
                    contact_minutes: contact * attended as i64,
                    completed_on,
                    by: None,
                    pdf: None,
                },
                a.ends_at.plus_minutes(7 * 24 * 60),
            )
            .await?;
        }
    }
    tracing::debug!(training = %a.title, enrolled, completers, sessions = last, ?issued_on, "demo training");
    Ok(enrolled)
}

//! The seed programmes' indicators: the calls' templates (TOP-5.3.1-16, TOP-6.9.1-16,
//! EFOP-1.3.1-15) adopted by their programmes, and the programmes' own commitments. Every
//! value is computed from the demo's records; only what kozos does not record yet
//! (communities mentored, mentors, initiatives supported, NGOs founded) is a manual value
//! with its evidence file.

use super::activities::Ids;
use crate::Result;
use kozos_db::indicators::{self as db, NewManualValue, Touch};
use kozos_db::Tx;
use kozos_domain::activity::ActivityKind as K;
use kozos_domain::indicator::*;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;

fn acts(kinds: &[K]) -> ActivityFilter {
    ActivityFilter {
        kinds: kinds.to_vec(),
        ..ActivityFilter::default()
    }
}

fn all() -> ActivityFilter {
    ActivityFilter::default()
}

fn people() -> PeopleFilter {
    PeopleFilter::default()
}

struct T {
    code: &'static str,
    hu: &'static str,
    en: &'static str,
    source: Source,
}

fn templates() -> Vec<(&'static str, Vec<T>)> {
    let t = |code, hu, en, source| T {
        code,
        hu,
        en,
        source,
    };
    vec![
        (
            "TOP-5.3.1-16",
            vec![
                t(
                    "T531-1",
                    "Közösségi programokon részt vevők",
                    "Participants of community programmes",
                    Source::Participants(all(), people()),
                ),
                t(
                    "T531-2",
                    "Közösségi beszélgetések és részvételi fórumok",
                    "Community conversations and participatory forums",
                    Source::Activities(acts(&[K::CommunityConversation, K::ParticipatoryForum])),
                ),
                t(
                    "T531-3",
                    "Közösségi interjúk",
                    "Community interviews",
                    Source::Activities(acts(&[K::CommunityInterview])),
                ),
                t(
                    "T531-4",
                    "Közösségi akciók és programok",
                    "Community actions and events",
                    Source::Activities(acts(&[
                        K::CommunityAction,
                        K::CulturalEvent,
                        K::ClubMeeting,
                        K::FilmScreening,
                    ])),
                ),
                t(
                    "T531-5",
                    "Képzést elvégző munkatársak",
                    "Staff who completed a training",
                    Source::TrainingCompleters(all()),
                ),
                t(
                    "T531-6",
                    "Önkéntes munkaórák",
                    "Volunteer hours",
                    Source::VolunteerHours(all()),
                ),
            ],
        ),
        (
            "TOP-6.9.1-16",
            vec![
                t(
                    "T691-1",
                    "Programokba bevont akcióterületi lakosok",
                    "Action-area residents involved",
                    Source::Participants(
                        all(),
                        PeopleFilter {
                            action_area_resident: true,
                            ..people()
                        },
                    ),
                ),
                t(
                    "T691-2",
                    "Képzést sikeresen elvégzők",
                    "People who completed a training",
                    Source::TrainingCompleters(all()),
                ),
                t(
                    "T691-3",
                    "Kiadott tanúsítványok",
                    "Certificates issued",
                    Source::Certificates(all()),
                ),
                t(
                    "T691-4",
                    "Közösségi és szabadidős programok",
                    "Community and leisure activities",
                    Source::Activities(acts(&[
                        K::CommunityAction,
                        K::CulturalEvent,
                        K::ClubMeeting,
                        K::Workshop,
                    ])),
                ),
            ],
        ),
        (
            "EFOP-1.3.1-15",
            vec![
                t(
                    "E131-1",
                    "Mentorált közösségek",
                    "Communities mentored",
                    Source::Manual(Unit::Count),
                ),
                t(
                    "E131-2",
                    "Elért települések",
                    "Settlements reached",
                    Source::Settlements(all(), SettlementsBy::Held),
                ),
                t(
                    "E131-3",
                    "Mentorok",
                    "Mentors",
                    Source::Manual(Unit::People),
                ),
                t(
                    "E131-4",
                    "Képzett mentorok",
                    "Mentors trained",
                    Source::TrainingCompleters(all()),
                ),
                t(
                    "E131-5",
                    "Közösségi részvétellel dolgozó intézmények",
                    "Institutions working with community participation",
                    Source::Organisations(all()),
                ),
                t(
                    "E131-6",
                    "Képzésben részt vett szakemberek",
                    "Professionals trained",
                    Source::Participants(acts(&[K::Training, K::Workshop]), people()),
                ),
            ],
        ),
    ]
}

/// A small PDF standing for a scanned statement (the evidence of a manual value).
const STATEMENT_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("demo dates are valid")
}

fn input(
    code: &str,
    hu: &str,
    en: &str,
    source: Source,
    target: i64,
    deadline: Option<Date>,
) -> IndicatorInput {
    IndicatorInput {
        code: code.into(),
        name_hu: hu.into(),
        name_en: en.into(),
        description: String::new(),
        source,
        baseline: 0,
        target,
        deadline,
        milestones: Vec::new(),
    }
}

async fn activity_titled(tx: &mut Tx, programme: ProgrammeId, title: &str) -> Result<ActivityId> {
    kozos_db::programmes::activities::id_by_title(tx, programme, title)
        .await?
        .ok_or_else(|| crate::AppError::Internal(format!("demo training {title} missing")))
}

pub async fn load(tx: &mut Tx, ids: &Ids, now: Instant) -> Result<usize> {
    // Loaded once: a second demo load finds the calls' templates and changes nothing.
    if !db::templates_of_call(tx, "TOP-5.3.1-16").await?.is_empty() {
        return Ok(0);
    }
    let mut by_code = std::collections::HashMap::new();
    for (call, list) in templates() {
        for (n, t) in list.into_iter().enumerate() {
            let id =
                db::insert_template(tx, call, t.code, t.hu, t.en, "", &t.source, n as i64).await?;
            by_code.insert(t.code, db::template(tx, id).await?.expect("just saved"));
        }
    }
    let mut made = Vec::new();
    let adopt = async |tx: &mut Tx,
                       p: ProgrammeId,
                       code: &str,
                       target: i64,
                       deadline: Option<Date>|
           -> Result<IndicatorId> {
        let t = &by_code[code];
        let i = input(
            &t.code,
            &t.name_hu,
            &t.name_en,
            t.source.clone(),
            target,
            deadline,
        );
        Ok(db::insert(tx, p, &i, Some(t), now).await?)
    };
    // Kisbér: 32 interviews, conversations and forums, 39 months of community actions.
    let kisber_end = Some(day(2023, 1, 31));
    for (code, target) in [
        ("T531-1", 600),
        ("T531-2", 12),
        ("T531-3", 32),
        ("T531-4", 60),
        ("T531-5", 10),
        ("T531-6", 300 * 60),
    ] {
        made.push((
            ids.kisber,
            adopt(tx, ids.kisber, code, target, kisber_end).await?,
        ));
    }
    // Kecskemét: 50 + 200 + 40 trained, by training.
    for (code, target) in [
        ("T691-1", 300),
        ("T691-2", 290),
        ("T691-3", 290),
        ("T691-4", 40),
    ] {
        made.push((
            ids.kecskemet,
            adopt(tx, ids.kecskemet, code, target, None).await?,
        ));
    }
    for (code, hu, en, title, target) in [
        (
            "K-1",
            "Targoncavezető-képzést elvégzők",
            "Forklift training completed",
            "Targoncavezető-képzés",
            50,
        ),
        (
            "K-2",
            "Személyes kompetenciafejlesztő képzést elvégzők",
            "Personal competences training completed",
            "Személyes kompetenciák fejlesztése – képzés",
            200,
        ),
        (
            "K-3",
            "Parkgondozó és kisgépkezelő képzést elvégzők",
            "Park maintenance training completed",
            "Parkgondozó és zöldterületi kisgépkezelő képzés",
            40,
        ),
    ] {
        let a = activity_titled(tx, ids.kecskemet, title).await?;
        let f = ActivityFilter {
            activities: vec![a],
            ..all()
        };
        let i = input(code, hu, en, Source::TrainingCompleters(f), target, None);
        made.push((
            ids.kecskemet,
            db::insert(tx, ids.kecskemet, &i, None, now).await?,
        ));
    }
    let enrolled = input(
        "K-4",
        "Képzéseken részt vevők",
        "Training participants",
        Source::Participants(acts(&[K::Training]), people()),
        320,
        None,
    );
    made.push((
        ids.kecskemet,
        db::insert(tx, ids.kecskemet, &enrolled, None, now).await?,
    ));
    let rate = input(
        "K-5",
        "A képzéseket sikeresen elvégzők aránya",
        "Share of training participants who completed",
        Source::Ratio {
            numerator: "T691-2".into(),
            denominator: "K-4".into(),
        },
        8000,
        None,
    );
    made.push((
        ids.kecskemet,
        db::insert(tx, ids.kecskemet, &rate, None, now).await?,
    ));
    // Cselekvő közösségek: 360 / 360 / 72 / 84 / 54 / 420.
    let cs_end = Some(day(2019, 9, 15));
    let mut manual = Vec::new();
    for (code, target) in [
        ("E131-1", 360),
        ("E131-2", 360),
        ("E131-3", 72),
        ("E131-4", 84),
        ("E131-5", 54),
        ("E131-6", 420),
    ] {
        let id = adopt(tx, ids.cselekvo, code, target, cs_end).await?;
        if code == "E131-1" {
            manual.push((
                id,
                day(2019, 9, 15),
                360,
                "Záró szakmai beszámoló, 3. melléklet: a mentorált közösségek listája",
            ));
        }
        if code == "E131-3" {
            manual.push((
                id,
                day(2017, 3, 31),
                72,
                "Mentori megbízási szerződések összesítője",
            ));
        }
        made.push((ids.cselekvo, id));
    }
    // Abaúj: 18 workshops, 20 trainings, 20 settlements, 20 organisations, 3 + 1
    // conferences, 10 initiatives supported, 4 NGOs founded (the last two computed from
    // its initiatives, see `demo::initiatives`).
    let abauj_end = Some(day(2012, 12, 31));
    let abauj: Vec<(&str, &str, &str, Source, i64)> = vec![
        (
            "A-1",
            "Megtartott műhelyek",
            "Workshops held",
            Source::Activities(acts(&[K::Workshop])),
            18,
        ),
        (
            "A-2",
            "Megtartott képzések",
            "Trainings held",
            Source::Activities(acts(&[K::Training])),
            20,
        ),
        (
            "A-3",
            "Elért települések",
            "Settlements reached",
            Source::Settlements(all(), SettlementsBy::Residence),
            20,
        ),
        (
            "A-4",
            "Elért helyi szervezetek",
            "Local organisations reached",
            Source::Organisations(all()),
            20,
        ),
        (
            "A-5",
            "Konferenciák",
            "Conferences",
            Source::Activities(acts(&[K::SmallConference, K::Conference])),
            4,
        ),
        (
            "A-6",
            "Támogatott helyi kezdeményezések",
            "Local initiatives supported",
            Source::InitiativesSupported,
            10,
        ),
        (
            "A-7",
            "Megalakult civil szervezetek",
            "NGOs founded",
            Source::OrganisationsFounded { ngo_only: true },
            4,
        ),
    ];
    for (code, hu, en, source, target) in abauj {
        let id = db::insert(
            tx,
            ids.abauj,
            &input(code, hu, en, source, target, abauj_end),
            None,
            now,
        )
        .await?;
        made.push((ids.abauj, id));
    }
    // The 2005 support network: about 200 settlements in its first year.
    let net = input(
        "H-1",
        "Elért települések és lakótelepek",
        "Settlements and estates reached",
        Source::Settlements(all(), SettlementsBy::Held),
        200,
        Some(day(2005, 12, 31)),
    );
    made.push((
        ids.network,
        db::insert(tx, ids.network, &net, None, now).await?,
    ));
    let sha = crate::participation::evidence::sha256_hex(STATEMENT_PDF);
    for (id, on, amount, note) in manual {
        db::insert_manual(
            tx,
            id,
            &NewManualValue {
                on,
                amount,
                note,
                file_name: "igazolas.pdf",
                media_type: "application/pdf",
                sha256: &sha,
                data: STATEMENT_PDF,
            },
            None,
            now,
        )
        .await?;
    }
    for (p, id) in &made {
        db::touch(tx, *p, Touch::Indicator(*id)).await?;
    }
    Ok(made.len())
}

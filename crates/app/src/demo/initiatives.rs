//! The demo's initiatives. Abaúj's (2010–2012): proposals by residents of the
//! micro-region, taken through the exploring (workshops 5–8), analysing and selecting
//! (9–12) and elaborating (13–16) workshops; ten given support (mentoring, in kind,
//! money), four ending in a founded NGO, three set aside with their reasons; residents'
//! supports and comments, the demo resident among them. Its indicators "initiatives
//! supported" (A-6) and "NGOs founded" (A-7) are computed from these. Kisbér has two
//! proposals from its community conversations, for residents to support.
//!
//! Written once: a programme that has initiatives is left as it is.

use crate::{App, Result};
use kozos_db::initiatives::{self as db, residents, social};
use kozos_db::programmes::activities::id_by_uid;
use kozos_db::{Conn, DbError};
use kozos_domain::initiative::*;
use kozos_domain::organisation::{OrgKind, OrganisationInput, Sector};
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;

/// (display name, address) of the demo's residents; the first is the demo account's.
const RESIDENTS: &[(&str, &str)] = &[
    ("Lakos Lili", "lakos@demo.kozos.hu"),
    ("Tóth Gábor", "toth.gabor@example.hu"),
    ("Kovács Erzsébet", "kovacs.erzsebet@example.hu"),
    ("Szabó Ildikó", "szabo.ildiko@example.hu"),
    ("Balogh Zoltán", "balogh.zoltan@example.hu"),
    ("Horváth Márta", "horvath.marta@example.hu"),
    ("Lakatos Béla", "lakatos.bela@example.hu"),
    ("Farkas Judit", "farkas.judit@example.hu"),
];

/// A step of an initiative's path: to a stage, at a workshop (its number among Abaúj's
/// 18) or on a day, with a reason where the rule asks for one.
struct Step(Stage, At, Option<&'static str>);

enum At {
    Workshop(u32),
    Day(i32, u32, u32),
}

/// A year, month and day.
type Ymd = (i32, u32, u32);

/// Support given: (kind, date, forints, given by).
type Given = (AssistanceKind, Ymd, Option<i64>, &'static str);

struct Plan {
    title: &'static str,
    summary: &'static str,
    proposer: usize,
    proposed: (i32, u32, u32),
    path: Vec<Step>,
    assistance: Vec<Given>,
    /// (outcome, name, date, the settlement a founded NGO is registered in)
    outcome: Option<(Outcome, &'static str, Ymd, &'static str)>,
    supporters: usize,
    comments: Vec<(usize, &'static str)>,
}

use AssistanceKind::{InKind, Mentoring, Money};
use At::{Day, Workshop as W};
use Stage::*;

fn abauj_plans() -> Vec<Plan> {
    vec![
        Plan {
            title: "Gönci barack: a kistermelők összefogása",
            summary: "A gönci barackot termelő családok közösen értékesítenének, közös címkével és piaci standdal.\n\nA cél, hogy a termés ne a felvásárlóknál, hanem a térség piacain és fesztiváljain találjon gazdára.",
            proposer: 1,
            proposed: (2011, 1, 20),
            path: vec![Step(Explored, W(5), None), Step(Analysed, W(9), None), Step(Selected, W(10), None), Step(Elaborated, W(13), None), Step(Implemented, Day(2012, 3, 15), None)],
            assistance: vec![(Mentoring, (2011, 6, 20), None, "A projekt közösségfejlesztője"), (Money, (2011, 10, 30), Some(300_000), "Abaúji partnerségi projekt")],
            outcome: Some((Outcome::NgoFounded, "Gönci Barackvirág Egyesület", (2012, 2, 20), "Gönc")),
            supporters: 7,
            comments: vec![(0, "Tavaly a piacon alig lehetett helyi barackot kapni, ez nagyon kellene!"), (3, "A címkéhez szívesen adok ötletet, grafikus vagyok.")],
        },
        Plan {
            title: "Abaújszántói borút és pincefesztivál",
            summary: "A Sátor-hegy pincéit összekötő borút kitáblázása és egy őszi pincefesztivál, amelyet a helyi borosgazdák és civilek közösen szerveznek.",
            proposer: 4,
            proposed: (2011, 1, 28),
            path: vec![Step(Explored, W(5), None), Step(Analysed, W(9), None), Step(Selected, W(11), None), Step(Elaborated, W(14), None), Step(Implemented, Day(2012, 5, 12), None)],
            assistance: vec![(Mentoring, (2011, 7, 5), None, "A projekt közösségfejlesztője"), (InKind, (2012, 4, 20), None, "Abaújszántó Város Önkormányzata: rendezvénysátor és színpad")],
            outcome: Some((Outcome::NgoFounded, "Abaújszántói Borút Egyesület", (2012, 1, 30), "Abaújszántó")),
            supporters: 6,
            comments: vec![(2, "A pincefesztivál a fiataloknak is munkát adhatna.")],
        },
        Plan {
            title: "Tanoda roma fiatalok számára Encsen",
            summary: "Délutáni tanulást segítő hely az encsi általános iskolásoknak, önkéntes pedagógusokkal és egyetemista mentorokkal.",
            proposer: 6,
            proposed: (2011, 2, 2),
            path: vec![Step(Explored, W(6), None), Step(Analysed, W(9), None), Step(Selected, W(12), None), Step(Elaborated, W(15), None), Step(Implemented, Day(2012, 2, 1), None)],
            assistance: vec![(Mentoring, (2011, 9, 20), None, "A projekt közösségfejlesztője"), (Money, (2012, 1, 15), Some(450_000), "Abaúji partnerségi projekt")],
            outcome: Some((Outcome::NgoFounded, "Encsi Esély Tanoda Egyesület", (2011, 12, 20), "Encs")),
            supporters: 8,
            comments: vec![(6, "A szülők is szívesen segítenek a délutáni uzsonnában."), (0, "Mentornak jelentkeznék, hol lehet?")],
        },
        Plan {
            title: "Szomszédsegítő szolgálat idősekért Szikszón",
            summary: "Önkéntesek hálózata, akik bevásárolnak, gyógyszert váltanak ki és rendszeresen meglátogatják az egyedül élő időseket.",
            proposer: 5,
            proposed: (2011, 2, 10),
            path: vec![Step(Explored, W(7), None), Step(Analysed, W(10), None), Step(Selected, W(11), None), Step(Elaborated, W(16), None), Step(Implemented, Day(2012, 4, 2), None)],
            assistance: vec![(Mentoring, (2011, 10, 4), None, "A projekt közösségfejlesztője"), (InKind, (2012, 3, 1), None, "Szikszói Református Egyházközség: irodahelyiség")],
            outcome: Some((Outcome::NgoFounded, "Szikszói Szomszédsegítő Egyesület", (2012, 3, 12), "Szikszó")),
            supporters: 5,
            comments: vec![(5, "Édesanyám is egyedül él, nagy segítség lenne.")],
        },
        Plan {
            title: "Közösségi kemence és termelői piac Gönc főterén",
            summary: "Egy közösen épített kemence a főtéren, mellette havonta termelői piac, ahol a helyiek süthetnek és árulhatnak.",
            proposer: 2,
            proposed: (2011, 2, 14),
            path: vec![Step(Explored, W(5), None), Step(Analysed, W(11), None), Step(Selected, W(12), None), Step(Elaborated, W(14), None), Step(Implemented, Day(2012, 6, 9), None)],
            assistance: vec![(InKind, (2012, 3, 10), None, "Gönc Város Önkormányzata: tégla és építési terület")],
            outcome: Some((Outcome::ClubFounded, "Gönci Kemencés Kör", (2012, 6, 9), "Gönc")),
            supporters: 6,
            comments: vec![(1, "A kemenceépítő tanfolyamot is meg lehetne hirdetni.")],
        },
        Plan {
            title: "A szántói tájház felújítása önkéntesekkel",
            summary: "A régi parasztház tetőjavítása és berendezése önkéntes munkanapokon, hogy a falu története látogatható legyen.",
            proposer: 3,
            proposed: (2011, 2, 22),
            path: vec![Step(Explored, W(6), None), Step(Analysed, W(9), None), Step(Selected, W(12), None), Step(Elaborated, W(15), None)],
            assistance: vec![(Mentoring, (2011, 10, 12), None, "A projekt közösségfejlesztője")],
            outcome: None,
            supporters: 4,
            comments: vec![],
        },
        Plan {
            title: "Helyi termékek boltja Encsen",
            summary: "Egy kis üzlet a városközpontban, ahol a térség termelőinek mézét, lekvárját, sajtját és kézműves termékeit árulják.",
            proposer: 7,
            proposed: (2011, 3, 2),
            path: vec![Step(Explored, W(7), None), Step(Analysed, W(11), None), Step(Selected, W(12), None), Step(Elaborated, W(16), None)],
            assistance: vec![(Money, (2011, 11, 15), Some(200_000), "Abaúji partnerségi projekt")],
            outcome: None,
            supporters: 5,
            comments: vec![(7, "Bérleti díj nélkül kellene egy helyiség, az önkormányzatnak van üresen.")],
        },
        Plan {
            title: "Ifjúsági közösségi tér Encsen",
            summary: "Egy hely, ahol a fiatalok délutánonként találkozhatnak, zenélhetnek és saját programokat szervezhetnek.",
            proposer: 0,
            proposed: (2011, 3, 8),
            path: vec![Step(Explored, W(8), None), Step(Analysed, W(10), None), Step(Selected, W(12), None)],
            assistance: vec![(Mentoring, (2011, 6, 30), None, "A projekt közösségfejlesztője")],
            outcome: None,
            supporters: 6,
            comments: vec![(4, "A művelődési ház pincéje erre alkalmas lenne.")],
        },
        Plan {
            title: "Idősek nappali klubja Göncruszkán",
            summary: "Heti két délután klub a falu időseinek: beszélgetés, vérnyomásmérés, közös főzés.",
            proposer: 5,
            proposed: (2011, 2, 16),
            path: vec![
                Step(Explored, W(6), None),
                Step(Selected, W(10), Some("A helyi igényfelmérés már elkészült, ezért a műhely az elemzést és a kiválasztást egy alkalommal végezte el.")),
                Step(Elaborated, W(13), None),
            ],
            assistance: vec![(InKind, (2011, 11, 8), None, "Göncruszka Község Önkormányzata: a faluház használata")],
            outcome: None,
            supporters: 4,
            comments: vec![],
        },
        Plan {
            title: "Hernád-parti közösségi kert Hernádszurdokon",
            summary: "Közösen művelt kert a Hernád partján, ahol családok és iskolások együtt termesztenek zöldséget.",
            proposer: 2,
            proposed: (2011, 3, 10),
            path: vec![Step(Explored, W(8), None), Step(Analysed, W(11), None), Step(Selected, W(12), None), Step(Elaborated, W(16), None)],
            assistance: vec![(Mentoring, (2011, 11, 2), None, "A projekt közösségfejlesztője")],
            outcome: None,
            supporters: 3,
            comments: vec![],
        },
        Plan {
            title: "Kerékpáros turistaút a Hernád-völgyben",
            summary: "Kitáblázott kerékpárút Encstől Hidasnémetiig, pihenőhelyekkel és a falvak látnivalóinak térképével.",
            proposer: 4,
            proposed: (2011, 1, 25),
            path: vec![
                Step(Explored, W(5), None),
                Step(Analysed, W(9), None),
                Step(SetAside, W(12), Some("A nyomvonal magánterületeken és több település határán halad át; a projekt keretei között nem valósítható meg, ezért a kistérségi társulás fejlesztési tervébe javasoltuk.")),
            ],
            assistance: vec![],
            outcome: None,
            supporters: 3,
            comments: vec![(0, "Kár érte, de remélem, a társulás megvalósítja.")],
        },
        Plan {
            title: "Közös gépbeszerzés a kistermelőknek",
            summary: "Egy közösen használt permetező és rotációs kapa a kisebb gyümölcstermelőknek.",
            proposer: 1,
            proposed: (2011, 2, 24),
            path: vec![
                Step(Explored, W(7), None),
                Step(SetAside, W(10), Some("A gépbeszerzéshez szükséges pályázati forrás 2011-ben nem nyílt meg; a termelők előbb a barackos összefogás keretében működnek együtt.")),
            ],
            assistance: vec![],
            outcome: None,
            supporters: 2,
            comments: vec![],
        },
        Plan {
            title: "Falukönyvtár újranyitása Abaújváron",
            summary: "A bezárt falukönyvtár újranyitása önkéntes könyvtárosokkal, heti két nyitvatartással.",
            proposer: 3,
            proposed: (2011, 3, 3),
            path: vec![
                Step(Explored, W(8), None),
                Step(Analysed, W(11), None),
                Step(SetAside, W(12), Some("A könyvtári ellátást a megyei könyvtár mozgókönyvtári szolgáltatása vette át.")),
            ],
            assistance: vec![],
            outcome: None,
            supporters: 2,
            comments: vec![],
        },
        Plan {
            title: "Népdalkör újraalakítása Hidasnémetiben",
            summary: "Az egykori népdalkör tagjai újra összejárnának, és a fiatalokat is bevonnák a térség dalainak megőrzésébe.",
            proposer: 6,
            proposed: (2011, 3, 15),
            path: vec![Step(Explored, W(8), None)],
            assistance: vec![],
            outcome: None,
            supporters: 3,
            comments: vec![],
        },
        Plan {
            title: "Térségi önkéntesbörze",
            summary: "Egy hirdetőfal és egy havi találkozó, ahol a térség egyesületei és az önkéntesek egymásra találnak.",
            proposer: 7,
            proposed: (2011, 11, 29),
            path: vec![],
            assistance: vec![],
            outcome: None,
            supporters: 1,
            comments: vec![],
        },
    ]
}

fn kisber_plans() -> Vec<Plan> {
    vec![
        Plan {
            title: "Kisbéri Filmklub folytatása",
            summary: "A közösségi beszélgetéseken sokan kérték, hogy a filmklub a projekt után is folytatódjon, havonta egy vetítéssel és beszélgetéssel a könyvtárban.",
            proposer: 2,
            proposed: (2019, 10, 8),
            path: vec![Step(Explored, Day(2019, 10, 22), None)],
            assistance: vec![],
            outcome: None,
            supporters: 3,
            comments: vec![(3, "A vetítések után maradhatna idő beszélgetni is.")],
        },
        Plan {
            title: "A hántai játszótér felújítása",
            summary: "A hántai játszótér padjainak és homokozójának felújítása a szülők és a polgárőrök közös munkanapján.",
            proposer: 5,
            proposed: (2019, 11, 5),
            path: vec![],
            assistance: vec![],
            outcome: None,
            supporters: 2,
            comments: vec![],
        },
    ]
}

fn day((y, m, d): (i32, u32, u32)) -> Date {
    Date::from_ymd(y, m, d).expect("a valid demo date")
}

/// A time of day on a Budapest date, as an instant.
fn at(d: Date, h: u32) -> Instant {
    d.at(chrono::NaiveTime::from_hms_opt(h, 0, 0).expect("valid time"))
}

async fn workshop_day(conn: &mut Conn, n: u32) -> Result<(ActivityId, Date)> {
    let uid = format!("demo-abauj-workshop-{n:02}@kozos");
    let id = id_by_uid(conn, &uid)
        .await?
        .ok_or_else(|| crate::AppError::Internal(format!("demo workshop {uid} missing")))?;
    let a = kozos_db::programmes::activities::activity(conn, id)
        .await?
        .ok_or_else(|| crate::AppError::Internal(format!("demo workshop {uid} missing")))?;
    Ok((id, a.starts_at.date()))
}

/// Load the demo's initiatives into Abaúj and Kisbér (after the demo accounts exist).
pub(crate) async fn load(app: &App, abauj: ProgrammeId, kisber: ProgrammeId) -> Result<usize> {
    let mut tx = app.db.begin().await?;
    if !db::of_programme(&mut tx, abauj, None).await?.is_empty() {
        return Ok(0);
    }
    let now = app.clock.instant();
    let admin = kozos_db::users::id_by_email(&mut tx, "admin@demo.kozos.hu").await?;
    let mut people = Vec::new();
    for (name, email) in RESIDENTS {
        let user = kozos_db::users::id_by_email(&mut tx, email).await?;
        people.push(residents::ensure(&mut tx, email, name, user, now).await?);
    }
    let mut made = 0;
    for (programme, plans) in [(abauj, abauj_plans()), (kisber, kisber_plans())] {
        for plan in plans {
            add(&mut tx, programme, &plan, &people, admin).await?;
            made += 1;
        }
    }
    kozos_db::audit::record(
        &mut tx,
        &now.stored(),
        None,
        "load",
        "demo",
        None,
        "initiatives",
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(made)
}

async fn add(
    tx: &mut Conn,
    programme: ProgrammeId,
    plan: &Plan,
    people: &[Resident],
    admin: Option<UserId>,
) -> Result<()> {
    let proposed = day(plan.proposed);
    let input = InitiativeInput {
        title: plan.title.to_string(),
        summary: plan.summary.to_string(),
    };
    let id = db::insert(
        tx,
        programme,
        &input,
        Some(people[plan.proposer].id),
        at(proposed, 18),
    )
    .await?;
    let by = admin.unwrap_or(UserId(0));
    let mut stage = Stage::Proposed;
    for Step(to, when, reason) in &plan.path {
        let (activity, d) = match when {
            W(n) => {
                let (a, d) = workshop_day(tx, *n).await?;
                (Some(a), d)
            }
            Day(y, m, dd) => (None, day((*y, *m, *dd))),
        };
        check_move(stage, *to, *reason).map_err(|(_, k)| {
            crate::AppError::Internal(format!("demo move of {}: {k}", plan.title))
        })?;
        let mv = MoveInput {
            to: *to,
            reason: reason.map(str::to_string),
            activity,
        };
        db::move_stage(tx, programme, id, stage, &mv, by, None, at(d, 17)).await?;
        stage = *to;
    }
    for (kind, d, amount, given_by) in &plan.assistance {
        let a = AssistanceInput {
            kind: *kind,
            given_on: day(*d),
            amount_huf: *amount,
            organisation: None,
            given_by: Some(given_by.to_string()),
            note: String::new(),
        };
        db::insert_assistance(tx, programme, id, &a, by, at(day(*d), 12)).await?;
    }
    if let Some((outcome, name, d, town)) = plan.outcome {
        let organisation = if outcome == Outcome::NgoFounded {
            let org = OrganisationInput {
                name: name.to_string(),
                sector: Sector::Civil,
                kind: OrgKind::Ngo,
                settlement_id: kozos_db::places::settlement_by_folded_name(
                    tx,
                    &kozos_domain::text::fold(town),
                )
                .await?
                .map(|p| p.id),
                parent_id: None,
                website: None,
            };
            Some(kozos_db::organisations::ensure(tx, &org, &at(day(d), 12).stored()).await?)
        } else {
            None
        };
        let o = OutcomeInput {
            outcome,
            name: Some(name.to_string()),
        };
        db::set_outcome(
            tx,
            programme,
            id,
            &o,
            organisation,
            day(d),
            None,
            at(day(d), 12),
        )
        .await?;
    }
    // Supporters in turn from the proposer on, each on a later day.
    for k in 0..plan.supporters.min(people.len()) {
        let r = &people[(plan.proposer + 1 + k) % people.len()];
        social::support(
            tx,
            programme,
            id,
            r.id,
            at(proposed.add_days(3 + k as i64), 19),
        )
        .await?;
    }
    for (k, (who, text)) in plan.comments.iter().enumerate() {
        social::insert_comment(
            tx,
            id,
            people[*who].id,
            text,
            at(proposed.add_days(2 + k as i64), 20),
        )
        .await?;
    }
    Ok(())
}

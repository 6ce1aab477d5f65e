//! The demo's questions to the experts: residents' questions to the national "Cselekvő
//! közösségek" project's mentors and to Kisbér's programme, answered by the demo mentor
//! (Mentor Mária); one published but not yet answered, one still waiting for its
//! moderator. Loaded after the demo accounts; a question that exists (by its title) is
//! left as it is, so loading twice adds nothing.

use crate::{App, AppError, Result};
use kozos_db::initiatives::residents;
use kozos_db::questions as db;
use kozos_db::DbError;
use kozos_domain::community::questions::QuestionInput;
use kozos_domain::time::{Date, Instant};
use kozos_domain::user::Role;
use kozos_domain::*;

pub(crate) struct Programmes {
    pub cselekvo: ProgrammeId,
    pub kisber: ProgrammeId,
    pub kisber_place: PlaceId,
    pub hanta_place: PlaceId,
}

/// A year, month and day.
type Ymd = (i32, u32, u32);

struct Asked {
    title: &'static str,
    body: &'static str,
    kisber: bool,
    place: Option<PlaceId>,
    tags: &'static [&'static str],
    /// The asker: (display name, address).
    asker: (&'static str, &'static str),
    asked: Ymd,
    /// `None`: still waiting for its moderator.
    published: Option<Ymd>,
    /// The mentor's answer and its day.
    answer: Option<(Ymd, &'static str)>,
}

fn questions(p: &Programmes) -> Vec<Asked> {
    vec![
        Asked {
            title: "Hogyan kezdjünk el közösségi beszélgetéseket egy kis faluban?",
            body: "Egy 600 lelkes faluban élünk, a művelődési házat alig használja valaki. Szeretnénk összehívni a szomszédokat, de félünk, hogy senki sem jön el. Hogyan érdemes kezdeni?",
            kisber: false,
            place: None,
            tags: &["közösségi beszélgetés", "kezdés"],
            asker: ("Tóth Gábor", "toth.gabor@example.hu"),
            asked: (2018, 3, 6),
            published: Some((2018, 3, 7)),
            answer: Some(((2018, 3, 12), "Ne nagy rendezvénnyel kezdjétek. A közösségfejlesztésben a **személyes megkeresés** a legerősebb meghívó:\n\n1. Keressetek meg 8–10 embert, akiket a falu többsége ismer (a boltost, a védőnőt, a nyugdíjasklub vezetőjét), és kérdezzétek meg őket, mit tartanak fontosnak a faluban.\n2. Az első beszélgetést hívjátok össze abban a témában, amelyet a legtöbben említettek, ott, ahová amúgy is szívesen mennek az emberek.\n3. A beszélgetésről készüljön rövid emlékeztető, és tegyétek közzé: aki nem jött el, lássa, hogy érdemes lett volna.\n\nHa szeretnétek, a megyei mentor szívesen segít az első beszélgetés levezetésében.")),
        },
        Asked {
            title: "Hogyan vonjuk be a fiatalokat a közösségi programokba?",
            body: "A programjainkra főleg nyugdíjasok járnak. A 15–20 évesek nem jönnek el, pedig nekik is szólnának. Mit csinálunk rosszul?",
            kisber: false,
            place: None,
            tags: &["fiatalok", "bevonás"],
            asker: ("Szabó Ildikó", "szabo.ildiko@example.hu"),
            asked: (2018, 9, 18),
            published: Some((2018, 9, 19)),
            answer: Some(((2018, 9, 25), "Valószínűleg semmit sem csináltok rosszul: a fiatalok ritkán jönnek el olyan programra, amelyet nem ők találtak ki.\n\n- Kérdezzétek meg őket ott, ahol vannak: az iskolában, a sportpályán, az interneten.\n- Adjatok nekik valódi feladatot és döntési jogot (például ők szervezzék a falunap egyik színpadát).\n- Egy fiatal, akit a többiek elfogadnak, többet ér bármilyen plakátnál.\n\nA kiskorúak szüleitől kérjetek írásos hozzájárulást, ha fényképek vagy adatok is készülnek.")),
        },
        Asked {
            title: "Mitől jó egy helyi cselekvési terv?",
            body: "A közösségi beszélgetések után helyi cselekvési tervet kell írnunk. Mi legyen benne, és hogyan ne maradjon a fiókban?",
            kisber: false,
            place: None,
            tags: &["helyi cselekvési terv", "tervezés"],
            asker: ("Horváth Márta", "horvath.marta@example.hu"),
            asked: (2019, 1, 14),
            published: Some((2019, 1, 15)),
            answer: Some(((2019, 1, 21), "A jó helyi cselekvési terv a közösség saját szavaival írja le, **mit akarnak elérni és ki mit vállal**:\n\n- a feltárt szükségletek (a közösségi interjúkból és beszélgetésekből);\n- kevés, világos cél;\n- cselekvések felelőssel és határidővel;\n- a rendezvénynaptár, amely a cselekvéseket eseményekké teszi.\n\nAttól nem marad a fiókban, hogy évente együtt értékelitek: mi valósult meg, mi nem, és miért. A kozosban a terv cselekvéseihez kapcsolt események maguktól mutatják az előrehaladást.")),
        },
        Asked {
            title: "Hogyan dolgozhat együtt a könyvtár, a múzeum és a művelődési ház?",
            body: "Kisbéren mindhárom intézmény szervez programokat, de gyakran ugyanarra a hétvégére. Hogyan lehetne összehangolni őket?",
            kisber: true,
            place: Some(p.kisber_place),
            tags: &["intézményi együttműködés"],
            asker: ("Lakos Lili", "lakos@demo.kozos.hu"),
            asked: (2019, 4, 2),
            published: Some((2019, 4, 3)),
            answer: Some(((2019, 4, 9), "Jó kiindulópont egy **közös havi programajánló**: a három intézmény munkatársai havonta egyszer leülnek, egyeztetik a naptárat, és egy közös szórólapot adnak ki. Egy együttműködési megállapodás rögzítheti, ki mit vállal (helyszín, technika, hirdetés). A közösségi beszélgetéseken megkérdezhetitek a lakókat is, melyik napokon érnek rá.")),
        },
        Asked {
            title: "Kaphatunk segítséget egy hántai szomszédsági ünnep megszervezéséhez?",
            body: "Hántán szeretnénk nyár végén szomszédsági ünnepet tartani. Tud-e ebben segíteni a program, például eszközökkel vagy egy szervezői találkozóval?",
            kisber: true,
            place: Some(p.hanta_place),
            tags: &["szomszédság", "rendezvény"],
            asker: ("Balogh Zoltán", "balogh.zoltan@example.hu"),
            asked: (2019, 6, 10),
            published: Some((2019, 6, 11)),
            answer: None,
        },
        Asked {
            title: "Részt vehetek önkéntesként a közösségi interjúk feldolgozásában?",
            body: "Olvastam, hogy helyi önkéntesek foglalják össze az interjúkat. Nyugdíjas pedagógus vagyok, szívesen segítenék. Kihez forduljak?",
            kisber: true,
            place: None,
            tags: &["önkéntesség", "közösségi interjú"],
            asker: ("Kovács Erzsébet", "kovacs.erzsebet@example.hu"),
            asked: (2019, 6, 20),
            published: None,
            answer: None,
        },
    ]
}

fn at((y, m, d): Ymd, hour: u32) -> Instant {
    Date::from_ymd(y, m, d)
        .expect("a valid demo date")
        .at(chrono::NaiveTime::from_hms_opt(hour, 0, 0).expect("valid time"))
}

async fn user(tx: &mut kozos_db::Tx, email: &str) -> Result<UserId> {
    kozos_db::users::id_by_email(tx, email)
        .await?
        .ok_or_else(|| AppError::Internal(format!("demo account {email} missing")))
}

/// Load the demo's questions (after the demo accounts exist). Returns how many it added.
pub(crate) async fn load(app: &App, p: &Programmes) -> Result<usize> {
    let mut tx = app.db.begin().await?;
    let mentor = user(&mut tx, "mentor@demo.kozos.hu").await?;
    let coordinator = user(&mut tx, "koordinator@demo.kozos.hu").await?;
    let national = user(&mut tx, "orszagos@demo.kozos.hu").await?;
    let mut made = 0;
    for q in questions(p) {
        if db::id_titled(&mut tx, q.title).await?.is_some() {
            continue;
        }
        let (name, email) = q.asker;
        let account = kozos_db::users::id_by_email(&mut tx, email).await?;
        let asker = residents::ensure(&mut tx, email, name, account, at(q.asked, 9)).await?;
        let input = QuestionInput {
            title: q.title.into(),
            body: q.body.into(),
            programme_id: Some(if q.kisber { p.kisber } else { p.cselekvo }),
            settlement: None,
            tags: q.tags.iter().map(|t| t.to_string()).collect(),
        };
        let id = db::insert(&mut tx, &input, q.place, (asker.id, "hu"), at(q.asked, 9)).await?;
        if let Some(day) = q.published {
            let by = if q.kisber { coordinator } else { national };
            db::set_status(&mut tx, id, None, by, at(day, 10)).await?;
        }
        if let Some((day, text)) = q.answer {
            db::insert_answer(&mut tx, id, text, (mentor, Role::Mentor), at(day, 14)).await?;
        }
        made += 1;
    }
    if made > 0 {
        kozos_db::audit::record(
            &mut tx,
            &app.now_text(),
            None,
            "load",
            "demo",
            None,
            "questions",
        )
        .await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(made)
}

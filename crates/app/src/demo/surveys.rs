//! Kisbér's needs assessment and plans in the demo: the interview questionnaire with the
//! 32 interviews of October 2018 typed in by the volunteers, a public resident survey
//! with some answers, the local action plan adopted in 2019 (needs → goals → actions
//! linked to the demo's Kisbér activities), and the equal-opportunity programme in two
//! versions (the renewed one in force). The answers are illustrative, drawn from the
//! themes of the programme's summary.

use crate::Result;
use kozos_db::programmes::{self as db, NewResponse};
use kozos_db::Tx;
use kozos_domain::plan::*;
use kozos_domain::survey::*;
use kozos_domain::time::Date;
use kozos_domain::{ProgrammeId, QuestionId, QuestionnaireId};

fn question(kind: QuestionKind, label: &str, required: bool, options: &[&str]) -> QuestionInput {
    QuestionInput {
        kind,
        label: label.into(),
        help: String::new(),
        required,
        options: options.iter().map(|s| s.to_string()).collect(),
        scale_min: (kind == QuestionKind::Scale).then_some(1),
        scale_max: (kind == QuestionKind::Scale).then_some(5),
        condition: None,
    }
}

async fn questionnaire(
    tx: &mut Tx,
    p: ProgrammeId,
    (title, intro, mode): (&str, &str, SurveyMode),
    questions: Vec<QuestionInput>,
) -> Result<(QuestionnaireId, Vec<QuestionId>)> {
    let input = QuestionnaireInput {
        title: title.into(),
        intro: intro.into(),
        mode,
        status: SurveyStatus::Open,
    };
    let id = db::insert_questionnaire(tx, p, &input).await?;
    let mut ids: Vec<QuestionId> = Vec::new();
    for mut q in questions {
        // a condition names an earlier question by its place in the list
        if let Some(c) = q.condition.as_mut() {
            c.question = ids[c.question.0 as usize];
        }
        ids.push(db::insert_question(tx, id, &q).await?);
    }
    Ok((id, ids))
}

const VOLUNTEERS: [&str; 4] = [
    "Horváth Ildikó",
    "Kovács Bence",
    "Szabó Erzsébet",
    "Tóth Gergely",
];
const SINCE: [&str; 4] = [
    "Kevesebb mint 5 éve",
    "5–20 éve",
    "Több mint 20 éve",
    "Itt születtem",
];
const PROGRAMMES: [&str; 6] = [
    "Városi ünnepségek",
    "Könyvtári programok",
    "Múzeumi programok",
    "Sportesemények",
    "Egyházi közösség",
    "Egyiken sem",
];
const MISSING: [&str; 8] = [
    "A fiataloknak nincs hová menniük esténként, kellene egy rendszeres ifjúsági program.",
    "Kevés a közös program, az újonnan ideköltözők alig ismernek valakit.",
    "Az idősek félnek az idegenektől, több tájékoztatás kellene a csalók ellen.",
    "Régen volt mozi, jó lenne újra filmeket nézni együtt.",
    "A város múltját kevesen ismerik, a ménesbirtok történetét is meg kellene mutatni.",
    "Nincs olyan hely, ahol a civil egyesületek rendszeresen találkozhatnak.",
    "A programokról későn értesülünk, kellene egy hirdetőhely vagy honlap.",
    "Hánta és a külső részek kimaradnak a városi programokból.",
];
const HELP: [&str; 4] = [
    "Szívesen segítek a rendezvények előkészítésében, pakolásban.",
    "Fényképezni tudok, a honlapra is írnék.",
    "Sütni tudok a közösségi alkalmakra.",
    "A fiatalokkal foglalkoznék, sportot szerveznék.",
];

/// A demo sheet checked like a typed one (a wrong option or index fails the load).
async fn checked(tx: &mut Tx, id: QuestionnaireId, answers: Vec<Answer>) -> Result<Vec<Answer>> {
    let questions = db::questions(&mut **tx, id).await?;
    validate(&questions, &RawAnswers::from_answers(&answers))
        .map_err(|e| crate::AppError::Internal(format!("demo answers refused: {e:?}")))
}

pub async fn load(tx: &mut Tx, p: ProgrammeId, now: &str) -> Result<usize> {
    // Loaded once: a second demo load finds the questionnaires and changes nothing.
    if !db::questionnaires(&mut **tx, p).await?.is_empty() {
        return Ok(0);
    }
    use QuestionKind as K;
    let mut help = question(K::LongText, "Miben tudna segíteni?", false, &[]);
    help.condition = Some(Condition {
        question: QuestionId(3),
        value: "Igen".into(),
    });
    let (interviews, q) = questionnaire(
        tx,
        p,
        (
            "Közösségi interjú – Kisbér, 2018",
            "A helyi önkéntesek 2018 októberében 32 kisbéri lakossal készítettek interjút a város közösségi életéről, a hiányokról és arról, ki miben segítene.",
            SurveyMode::Interview,
        ),
        vec![
            question(K::Single, "Mióta él Kisbéren?", true, &SINCE),
            question(K::Scale, "Mennyire érzi magát kisbérinek?", true, &[]),
            question(K::Multiple, "Milyen közösségi programokon vesz részt?", false, &PROGRAMMES),
            question(K::Single, "Részt venne önkéntesként közösségi programok szervezésében?", true, &["Igen", "Talán", "Nem"]),
            help,
            question(K::LongText, "Mi hiányzik leginkább Kisbéren?", true, &[]),
            question(K::Number, "Hány fős a háztartása?", false, &[]),
        ],
    )
    .await?;
    let mut made = 0;
    for n in 0..32usize {
        let volunteer = ["Igen", "Talán", "Nem"][n % 3];
        let mut answers = vec![
            Answer {
                question: q[0],
                values: vec![SINCE[(n * 3 + 1) % 4].into()],
            },
            Answer {
                question: q[1],
                values: vec![(2 + (n * 7) % 4).to_string()],
            },
            Answer {
                question: q[2],
                values: vec![PROGRAMMES[n % 5].into(), PROGRAMMES[(n + 2) % 5].into()]
                    .into_iter()
                    .collect::<std::collections::BTreeSet<String>>()
                    .into_iter()
                    .collect(),
            },
            Answer {
                question: q[3],
                values: vec![volunteer.into()],
            },
        ];
        if volunteer == "Igen" {
            answers.push(Answer {
                question: q[4],
                values: vec![HELP[n % 4].into()],
            });
        }
        answers.push(Answer {
            question: q[5],
            values: vec![MISSING[(n * 5) % 8].into()],
        });
        answers.push(Answer {
            question: q[6],
            values: vec![(1 + n % 5).to_string()],
        });
        let day = Date::from_ymd(2018, 10, 2 + (n % 28) as u32);
        let answers = checked(tx, interviews, answers).await?;
        db::insert_response(
            tx,
            &NewResponse {
                questionnaire: interviews,
                user: None,
                form_key: None,
                interviewer: Some(VOLUNTEERS[n % 4]),
                interviewed_on: day,
                entered_by: None,
                submitted_at: now,
            },
            &answers,
        )
        .await?;
        made += 1;
    }

    let mut weekend = question(
        K::Single,
        "Melyik hétvégi nap a jobb?",
        false,
        &["Szombat", "Vasárnap"],
    );
    weekend.condition = Some(Condition {
        question: QuestionId(1),
        value: "Hétvégén".into(),
    });
    let (public, pq) = questionnaire(
        tx,
        p,
        (
            "Lakossági kérdőív a kisbéri programokról",
            "Segítse a kisbéri közösségi programok tervezését! A kitöltés névtelen, néhány percet vesz igénybe.",
            SurveyMode::Public,
        ),
        vec![
            question(K::Multiple, "Mely programokra jönne el szívesen?", true, &["Filmklub", "Helytörténeti séta", "Közösségek Hete", "Sportnap", "Kézműves foglalkozás"]),
            question(K::Single, "Mikor érne rá leginkább?", true, &["Hétköznap délután", "Hétköznap este", "Hétvégén"]),
            weekend,
            question(K::LongText, "Van más ötlete?", false, &[]),
        ],
    )
    .await?;
    let ideas = [
        "Legyen a filmklubban gyerekvetítés is.",
        "",
        "Szívesen látnék helytörténeti kiállítást a könyvtárban.",
        "",
    ];
    for n in 0..12usize {
        let mut answers = vec![
            Answer {
                question: pq[0],
                values: vec![[
                    "Filmklub",
                    "Helytörténeti séta",
                    "Közösségek Hete",
                    "Sportnap",
                ][n % 4]
                    .into()],
            },
            Answer {
                question: pq[1],
                values: vec![["Hétköznap délután", "Hétköznap este", "Hétvégén"][n % 3].into()],
            },
        ];
        if n % 3 == 2 {
            answers.push(Answer {
                question: pq[2],
                values: vec![["Szombat", "Vasárnap"][n % 2].into()],
            });
        }
        if !ideas[n % 4].is_empty() {
            answers.push(Answer {
                question: pq[3],
                values: vec![ideas[n % 4].into()],
            });
        }
        let answers = checked(tx, public, answers).await?;
        db::insert_response(
            tx,
            &NewResponse {
                questionnaire: public,
                user: None,
                form_key: None,
                interviewer: None,
                interviewed_on: None,
                entered_by: None,
                submitted_at: now,
            },
            &answers,
        )
        .await?;
        made += 1;
    }
    db::insert_picture(
        tx,
        p,
        &PictureInput {
            title: "Kisbér helyzetképe a közösségi interjúk után".into(),
            as_of: Date::from_ymd(2018, 11, 30).expect("a valid day"),
            settlement: String::new(),
            needs: "Kevés a közös program, az újonnan ideköltözők és a fiatalok alig kapcsolódnak a város életéhez. Az idősek biztonságérzete gyenge (csalások, idegenek). A programokról későn értesülnek, a külső városrészek (Hánta) kimaradnak.".into(),
            resources: "Wass Albert Művelődési Központ és Városi Könyvtár (az Információs Pont helye), a Kisbéri Polgárőr Egyesület, a rendőrkapitányság, a Szabadtéri Néprajzi Múzeum mint partner; önkéntesek, akik az interjúkat is készítették; a ménesbirtok és a helytörténeti értékek.".into(),
            relationships: "Az intézmények és a civil szervezetek együttműködnek, de a lakosok és az intézmények között kevés a rendszeres kapcsolat; a közösségi beszélgetések ezt erősítik.".into(),
            sources: vec![interviews, public],
            baseline: true,
        },
    )
    .await?;
    plans(tx, p, (q[5], q[2])).await?;
    Ok(made)
}

struct Act<'a> {
    title: &'a str,
    owner: &'a str,
    partners: &'a [&'a str],
    due: (i32, u32, u32),
    status: ActionStatus,
    budget: &'a str,
    /// Demo activities whose title contains this (case-blind).
    activities: &'a str,
}

async fn plan(
    tx: &mut Tx,
    p: ProgrammeId,
    input: &PlanInput,
    previous: Option<kozos_domain::PlanId>,
    needs: &[(&str, Option<QuestionId>, &str, &[Act<'_>])],
) -> Result<kozos_domain::PlanId> {
    let id = db::insert_plan(tx, p, input, previous).await?;
    let partners = db::partners(&mut **tx, p).await?;
    let filter = db::activities::Filter {
        programme: Some(p),
        ..Default::default()
    };
    let activities = db::activities::list(tx, &filter).await?;
    for (title, finding, goal, acts) in needs {
        let need = db::insert_need(
            tx,
            id,
            &NeedInput {
                title: title.to_string(),
                description: String::new(),
                finding: *finding,
            },
        )
        .await?;
        let goal = db::insert_goal(
            tx,
            need,
            &GoalInput {
                title: goal.to_string(),
            },
        )
        .await?;
        for a in acts.iter() {
            let word = a.activities.to_lowercase();
            let input = ActionInput {
                title: a.title.into(),
                owner: a.owner.into(),
                partners: partners
                    .iter()
                    .filter(|x| a.partners.iter().any(|n| x.organisation_name.contains(n)))
                    .map(|x| x.id)
                    .collect(),
                due_on: Date::from_ymd(a.due.0, a.due.1, a.due.2),
                status: a.status,
                budget_line: a.budget.into(),
                activities: activities
                    .iter()
                    .filter(|x| !word.is_empty() && x.title.to_lowercase().contains(&word))
                    .map(|x| x.id)
                    .collect(),
            };
            db::insert_action(tx, goal, &input).await?;
        }
    }
    Ok(id)
}

async fn plans(
    tx: &mut Tx,
    p: ProgrammeId,
    (missing, programmes): (QuestionId, QuestionId),
) -> Result<()> {
    use ActionStatus::*;
    let kisber_plan = PlanInput {
        title: "Kisbér helyi cselekvési terve".into(),
        kind: PlanKind::LocalActionPlan,
        status: PlanStatus::Adopted,
        adopted_on: Date::from_ymd(2019, 2, 28),
        published: true,
    };
    plan(
        tx,
        p,
        &kisber_plan,
        None,
        &[
            (
                "Kevés a közös program, a lakosok alig ismerik egymást",
                Some(missing),
                "Új, rendszeres közösségi programsorozatok",
                &[
                    Act {
                        title: "Közösségek Hete programsorozat",
                        owner: "Wass Albert Művelődési Központ",
                        partners: &["Wass Albert"],
                        due: (2022, 12, 31),
                        status: InProgress,
                        budget: "Szakmai megvalósítás – rendezvények",
                        activities: "Közösségek Hete",
                    },
                    Act {
                        title: "Művelődő Közösségek – Filmklub",
                        owner: "Wass Albert Művelődési Központ és Városi Könyvtár",
                        partners: &["Wass Albert"],
                        due: (2022, 12, 31),
                        status: InProgress,
                        budget: "Szakmai megvalósítás – rendezvények",
                        activities: "Filmklub",
                    },
                ],
            ),
            (
                "A lakosság, főleg az idősek biztonságérzete gyenge",
                Some(missing),
                "Az áldozattá válás megelőzése",
                &[
                    Act {
                        title: "Kerekasztalok a polgárőrséggel és a rendőrséggel",
                        owner: "Szakmai koordinátor",
                        partners: &["Polgárőr", "Rendőr"],
                        due: (2019, 12, 31),
                        status: Done,
                        budget: "",
                        activities: "biztonságban",
                    },
                    Act {
                        title: "Szórólapok a csalások ellen",
                        owner: "Kisbéri Polgárőr Egyesület",
                        partners: &["Polgárőr"],
                        due: (2020, 6, 30),
                        status: Done,
                        budget: "Tájékoztatás, nyilvánosság",
                        activities: "",
                    },
                ],
            ),
            (
                "A helyi identitás és a város értékeinek ismerete gyenge",
                Some(programmes),
                "A város múltjának és értékeinek bemutatása",
                &[
                    Act {
                        title: "Kisbéri Kalandok Kulturális Program",
                        owner: "Wass Albert Művelődési Központ",
                        partners: &["Wass Albert", "Szabadtéri Néprajzi"],
                        due: (2022, 12, 31),
                        status: InProgress,
                        budget: "Szakmai megvalósítás – rendezvények",
                        activities: "Kalandok",
                    },
                    Act {
                        title: "Három helytörténeti tanulmány",
                        owner: "Városi Könyvtár",
                        partners: &[],
                        due: (2022, 10, 31),
                        status: Planned,
                        budget: "Kiadványok",
                        activities: "helytörténet",
                    },
                ],
            ),
        ],
    )
    .await?;

    let first = PlanInput {
        title: "Kisbér Város Helyi Esélyegyenlőségi Programja".into(),
        kind: PlanKind::EqualOpportunity,
        status: PlanStatus::Renewed,
        adopted_on: Date::from_ymd(2018, 6, 28),
        published: true,
    };
    let needs: &[(&str, Option<QuestionId>, &str, &[Act<'_>])] = &[
        (
            "Az idősek elszigetelődése",
            None,
            "Az idősek bevonása a közösségi életbe",
            &[Act {
                title: "Párbeszédkörök az idősekkel",
                owner: "Szakmai koordinátor",
                partners: &["Wass Albert"],
                due: (2020, 12, 31),
                status: InProgress,
                budget: "",
                activities: "párbeszédkör",
            }],
        ),
        (
            "A fiatalok kevés lehetősége a városban",
            Some(missing),
            "Ifjúsági programok",
            &[Act {
                title: "Fórum a fiatalokról",
                owner: "Szakmai koordinátor",
                partners: &[],
                due: (2021, 12, 31),
                status: Planned,
                budget: "",
                activities: "fiatalok",
            }],
        ),
    ];
    let v1 = plan(tx, p, &first, None, needs).await?;
    let renewed = PlanInput {
        title: "Kisbér Város Helyi Esélyegyenlőségi Programja (megújított)".into(),
        status: PlanStatus::Adopted,
        adopted_on: Date::from_ymd(2019, 6, 27),
        ..first
    };
    plan(tx, p, &renewed, Some(v1), needs).await?;
    Ok(())
}

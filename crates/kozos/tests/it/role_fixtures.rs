//! The records the role × route table's rows act on. Each group is made on first use by
//! a row that names one of its keys, so a cell pays only for what its row needs: most
//! groups write to the Kisbér programme, and every activity written there recomputes its
//! indicators over all its activities. After a write that went through, the table drops
//! them all (the write may have changed or deleted them) and the next row makes only its
//! own again.

use crate::harness::*;
use kozos_domain::programme::*;
use kozos_domain::user::User;
use kozos_domain::{ProgrammeId, UserId};
use std::collections::HashMap;

/// Keys a row's cell makes afresh (never kept for the next cell).
pub const PER_CELL: &[&str] = &[
    "job",
    "mail",
    "survey",
    "question",
    "public_survey",
    "plan",
    "need",
    "goal",
    "action",
    "picture",
    "file",
    "q_programme",
];

/// The fixtures of one programme, made as they are asked for.
pub struct Fx<'a> {
    t: &'a TestApp,
    admin: &'a User,
    subject: UserId,
    pub programme: i64,
    pub n: usize,
    pub map: HashMap<&'static str, String>,
}

impl<'a> Fx<'a> {
    pub fn new(
        t: &'a TestApp,
        admin: &'a User,
        subject: UserId,
        programme: i64,
        n: usize,
        kept: HashMap<&'static str, String>,
    ) -> Self {
        Fx {
            t,
            admin,
            subject,
            programme,
            n,
            map: kept,
        }
    }

    /// A fixture's value, making its group first if no row has asked for it yet.
    pub async fn get(&mut self, key: &str) -> String {
        if !self.map.contains_key(key) {
            let made = self.make(key).await;
            self.map.extend(made);
        }
        self.map
            .get(key)
            .unwrap_or_else(|| panic!("no fixture makes {{{key}}}"))
            .clone()
    }

    /// Every `{key}` in `text` replaced by its fixture (made if need be).
    pub async fn fill(&mut self, text: &str) -> String {
        let mut out = text.to_string();
        while let Some(open) = out.find('{') {
            let Some(len) = out[open..].find('}') else {
                break;
            };
            let key = out[open + 1..open + len].to_string();
            let value = self.get(&key).await;
            out.replace_range(open..open + len + 1, &value);
        }
        out
    }

    async fn make(&self, key: &str) -> Vec<(&'static str, String)> {
        let (t, admin, programme, n) = (self.t, self.admin, self.programme, self.n);
        let pid = ProgrammeId(programme);
        match key {
            "org"
            | "code"
            | "kecskemet_settlement"
            | "kecskemet_programme"
            | "kecskemet_org"
            | "place"
            | "id" => base(t, programme).await,
            "partner" | "agreement" => partner(t, admin, pid, n).await,
            "staff" | "area" | "group" => programme_records(t, admin, pid, n).await,
            "activity" | "internal" | "live" | "token" | "person" | "other" | "consent"
            | "other_consent" | "shift" | "foreign_shift" => activities(t, admin, pid, n).await,
            "training" | "session" | "trainee" | "cert" | "number" | "batch" => {
                let tr = training_fixture(t, admin, pid, n).await;
                vec![
                    ("training", tr.training.to_string()),
                    ("session", tr.free_session.to_string()),
                    ("trainee", tr.trainee.to_string()),
                    ("cert", tr.cert.to_string()),
                    ("number", tr.number.clone()),
                    ("batch", tr.batch.to_string()),
                ]
            }
            "series" => series(t, admin, pid, n).await,
            "user" | "grant" => grant(t, admin, self.subject, programme).await,
            "local_org" | "child_org" => local_orgs(t, admin, n).await,
            _ => vec![],
        }
    }
}

/// Reads only: the programme, its municipality and settlement, Kecskemét's for moves.
async fn base(t: &TestApp, programme: i64) -> Vec<(&'static str, String)> {
    let orgs = kozos_app::catalogue::organisations(&t.app, Some("Önkormányzata"))
        .await
        .unwrap();
    let org = |name: &str| orgs.iter().find(|o| o.name == name).unwrap().id.to_string();
    let settlements = kozos_app::catalogue::settlements(&t.app).await.unwrap();
    let settlement = |name: &str| {
        settlements
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
            .to_string()
    };
    let kecskemet = programme == t.kecskemet();
    vec![
        (
            "org",
            org(if kecskemet {
                "Kecskemét Megyei Jogú Város Önkormányzata"
            } else {
                "Kisbér Város Önkormányzata"
            }),
        ),
        ("code", "en".to_string()),
        ("kecskemet_settlement", settlement("Kecskemét")),
        ("kecskemet_programme", t.kecskemet().to_string()),
        (
            "kecskemet_org",
            org("Kecskemét Megyei Jogú Város Önkormányzata"),
        ),
        (
            "place",
            settlement(if kecskemet { "Kecskemét" } else { "Kisbér" }),
        ),
        ("id", programme.to_string()),
    ]
}

/// A partner (a fresh organisation) with a second agreement.
async fn partner(
    t: &TestApp,
    admin: &User,
    pid: ProgrammeId,
    n: usize,
) -> Vec<(&'static str, String)> {
    use kozos_app::records::{create, NewPartnerForm, PartnerAgreement};
    let fresh_org = t
        .new_organisation()
        .by_user(admin)
        .name(format!("Próba Egyesület {n}"))
        .create()
        .await;
    let partner = create::<Partner>(
        &t.app,
        admin,
        pid,
        pid,
        &NewPartnerForm {
            organisation_id: fresh_org.to_string(),
            role: "supporter".into(),
            signed_on: "2019-01-01".into(),
            scope: "Próba".into(),
        },
        None,
    )
    .await
    .unwrap();
    let agreement = create::<PartnerAgreement>(
        &t.app,
        admin,
        pid,
        partner,
        &AgreementForm {
            signed_on: "".into(),
            scope: format!("Második {n}"),
        },
        None,
    )
    .await
    .unwrap();
    vec![
        ("partner", partner.to_string()),
        ("agreement", agreement.to_string()),
    ]
}

/// A staff member, an action area and a target group.
async fn programme_records(
    t: &TestApp,
    admin: &User,
    pid: ProgrammeId,
    n: usize,
) -> Vec<(&'static str, String)> {
    use kozos_app::records::create;
    let app = &t.app;
    let staff = create::<StaffAssignment>(
        app,
        admin,
        pid,
        pid,
        &StaffForm {
            name: format!("Próba Péter {n}"),
            position: "other".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    let area = create::<ActionArea>(
        app,
        admin,
        pid,
        pid,
        &ActionAreaForm {
            name: format!("Próbaterület {n}"),
            boundary: "".into(),
            settlements: "Kisbér".into(),
        },
        None,
    )
    .await
    .unwrap();
    let group = create::<TargetGroup>(
        app,
        admin,
        pid,
        pid,
        &TargetGroupForm {
            name: format!("Próbacsoport {n}"),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    vec![
        ("staff", staff.to_string()),
        ("area", area.to_string()),
        ("group", group.to_string()),
    ]
}

fn activity_form(title: String, public: &str) -> kozos_domain::activity::ActivityForm {
    kozos_domain::activity::ActivityForm {
        title,
        kind: "community_conversation".into(),
        starts_at: "2027-03-04T18:00".into(),
        ends_at: "2027-03-04T20:00".into(),
        settlement: "Kisbér".into(),
        public: public.into(),
        ..Default::default()
    }
}

/// A public and an internal activity, and one running now (the test clock stands at
/// 11:00 in Budapest) with one registration: its ticket is scanned, its person ticked,
/// with a consent and a volunteer shift; a second person with a consent and a shift on
/// the other activity (for the rows that name another's).
async fn activities(
    t: &TestApp,
    admin: &User,
    pid: ProgrammeId,
    n: usize,
) -> Vec<(&'static str, String)> {
    use kozos_app::participation::{people, registrations, volunteers};
    use kozos_app::records::create;
    use kozos_domain::activity::Activity;
    use kozos_domain::participation::{ConsentForm, PersonForm, ShiftForm};
    let app = &t.app;
    let activity = create::<Activity>(
        app,
        admin,
        pid,
        pid,
        &activity_form(format!("Beszélgetés {n}"), "1"),
        None,
    )
    .await
    .unwrap();
    let internal = create::<Activity>(
        app,
        admin,
        pid,
        pid,
        &activity_form(format!("Stábértekezlet {n}"), ""),
        None,
    )
    .await
    .unwrap();
    let live = create::<Activity>(
        app,
        admin,
        pid,
        pid,
        &kozos_domain::activity::ActivityForm {
            starts_at: "2026-11-21T10:00".into(),
            ends_at: "2026-11-21T13:00".into(),
            ..activity_form(format!("Mai klub {n}"), "1")
        },
        None,
    )
    .await
    .unwrap();
    let registered = registrations::register(
        app,
        Some(admin),
        live,
        registrations::Registrant::New(&PersonForm {
            name: format!("Próba Piroska {n}"),
            ..Default::default()
        }),
        kozos_domain::participation::RegistrationSource::Staff,
        "hu",
    )
    .await
    .unwrap()
    .registration;
    let other = match people::create(
        app,
        admin,
        &pid.to_string(),
        &PersonForm {
            name: format!("Másik Mária {n}"),
            ..Default::default()
        },
        true,
        None,
    )
    .await
    .unwrap()
    {
        people::Created::Saved(id) => id,
        other => panic!("{other:?}"),
    };
    let consent_of = |person: kozos_domain::PersonId| async move {
        people::add_consent(
            app,
            admin,
            person,
            &ConsentForm {
                purpose: "photos".into(),
                given_on: "2026-11-01".into(),
                given_by: "Saját maga".into(),
            },
        )
        .await
        .unwrap()
    };
    let consent = consent_of(registered.person_id).await;
    let other_consent = consent_of(other).await;
    let shift_on = |activity: kozos_domain::ActivityId, person: kozos_domain::PersonId| async move {
        volunteers::log(
            app,
            admin,
            activity,
            &ShiftForm {
                person_id: person.to_string(),
                role: "büfé".into(),
                hours: "2".into(),
            },
            None,
        )
        .await
        .unwrap()
    };
    let shift = shift_on(live, registered.person_id).await;
    let foreign_shift = shift_on(activity, other).await;
    vec![
        ("activity", activity.to_string()),
        ("internal", internal.to_string()),
        ("live", live.to_string()),
        ("token", registered.token.clone()),
        ("person", registered.person_id.to_string()),
        ("other", other.to_string()),
        ("consent", consent.to_string()),
        ("other_consent", other_consent.to_string()),
        ("shift", shift.to_string()),
        ("foreign_shift", foreign_shift.to_string()),
    ]
}

/// A weekly club series of two meetings.
async fn series(
    t: &TestApp,
    admin: &User,
    pid: ProgrammeId,
    n: usize,
) -> Vec<(&'static str, String)> {
    use kozos_domain::activity::{Series, SeriesForm};
    let series = kozos_app::records::create::<Series>(
        &t.app,
        admin,
        pid,
        pid,
        &SeriesForm {
            name: format!("Próbasorozat {n}"),
            kind: "club_meeting".into(),
            public: "1".into(),
            frequency: "weekly".into(),
            weekdays: vec!["3".into()],
            first_date: "2027-01-01".into(),
            until_date: "2027-01-14".into(),
            start_time: "17:00".into(),
            end_time: "18:00".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    vec![("series", series.to_string())]
}

/// Grants are added to and removed from an account that is none of the actors.
async fn grant(
    t: &TestApp,
    admin: &User,
    subject: UserId,
    programme: i64,
) -> Vec<(&'static str, String)> {
    kozos_app::accounts::add_grant(
        &t.app,
        admin,
        subject,
        &kozos_app::accounts::AccountForm {
            role: "auditor".into(),
            scope: format!("programme:{programme}"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let grant = kozos_db::users::grants_with_ids(&t.app.db, subject)
        .await
        .unwrap()
        .last()
        .unwrap()
        .0;
    vec![("user", subject.to_string()), ("grant", grant.to_string())]
}

/// An organisation of Kisbér (in the county coordinator's county) to move about, and one
/// below it, for the rows that try moves and parent cycles.
async fn local_orgs(t: &TestApp, admin: &User, n: usize) -> Vec<(&'static str, String)> {
    let kisber = kozos_app::catalogue::settlements(&t.app)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Kisbér")
        .unwrap()
        .id;
    let local_org = t
        .new_organisation()
        .by_user(admin)
        .name(format!("Helyi Kör {n}"))
        .settlement(kisber)
        .create()
        .await;
    let child_org = t
        .new_organisation()
        .by_user(admin)
        .name(format!("Helyi Kör {n} Ifjúsági Tagozata"))
        .settlement(kisber)
        .parent(local_org)
        .create()
        .await;
    vec![
        ("local_org", local_org.to_string()),
        ("child_org", child_org.to_string()),
    ]
}

/// A published library item of the programme, a draft one, and one of no programme.
pub async fn knowledge_fixture(
    t: &TestApp,
    admin: &kozos_domain::user::User,
    programme: i64,
    n: usize,
) -> Vec<kozos_domain::KnowledgeId> {
    use kozos_domain::community::knowledge::KnowledgeForm;
    let mut made = Vec::new();
    for (title, prog, published) in [
        ("Közzétett", programme.to_string(), "1"),
        ("Piszkozat", programme.to_string(), ""),
        ("Országos", String::new(), "1"),
    ] {
        let id = kozos_app::knowledge::create(
            &t.app,
            admin,
            &KnowledgeForm {
                kind: "practice".into(),
                title: format!("{title} jó gyakorlat {n}"),
                summary: "Leírás.".into(),
                author: "Próba Péter".into(),
                programme_id: prog,
                published: published.into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        made.push(id);
    }
    made
}

/// A published memo and a draft one, each on a conversation of their own.
pub async fn memo_fixture(
    t: &TestApp,
    admin: &kozos_domain::user::User,
    pid: kozos_domain::ProgrammeId,
    n: usize,
) -> (kozos_domain::MemoId, kozos_domain::MemoId) {
    use kozos_app::records::create;
    use kozos_domain::activity::{Activity, ActivityForm};
    use kozos_domain::community::memo::{Memo, MemoForm};
    let mut made = Vec::new();
    for (title, published) in [("Közzétett", "1"), ("Piszkozat", "")] {
        let activity = create::<Activity>(
            &t.app,
            admin,
            pid,
            pid,
            &ActivityForm {
                title: format!("{title} beszélgetés {n}"),
                kind: "community_conversation".into(),
                starts_at: "2026-10-01T18:00".into(),
                ends_at: "2026-10-01T20:00".into(),
                settlement: "Kisbér".into(),
                public: "1".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        let memo = create::<Memo>(
            &t.app,
            admin,
            pid,
            activity,
            &MemoForm {
                title: format!("{title} emlékeztető {n}"),
                moderator: "Kovács Anna".into(),
                body: "Szó esett a piactérről.".into(),
                follow_ups: "Próbateendő; Kovács Anna".into(),
                published: published.into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        made.push(memo);
    }
    (made[0], made[1])
}

pub struct TrainingFixture {
    pub training: kozos_domain::ActivityId,
    pub free_session: i64,
    pub trainee: i64,
    pub cert: i64,
    pub number: String,
    pub batch: i64,
}

pub struct IndicatorFixture {
    pub counting: kozos_domain::IndicatorId,
    pub manual: kozos_domain::IndicatorId,
    pub value: kozos_domain::ManualValueId,
}

/// An indicator counting the programme's activities, and a manual one with a value.
pub async fn indicator_fixture(
    t: &TestApp,
    admin: &kozos_domain::user::User,
    pid: kozos_domain::ProgrammeId,
    n: usize,
) -> IndicatorFixture {
    use kozos_app::indicators;
    use kozos_domain::indicator::{IndicatorForm, ManualValueForm};
    let form = |code: String, source: &str| IndicatorForm {
        code,
        name_hu: "Próbamutató".into(),
        source: source.into(),
        unit: "count".into(),
        target: "10".into(),
        ..Default::default()
    };
    // The previous fixtures' indicators go first: every write to the programme recomputes
    // its indicators, and hundreds of leftovers would make each later row slower.
    let mut conn = t.app.db.pool.acquire().await.unwrap();
    let old = kozos_db::indicators::of_programme(&mut conn, pid)
        .await
        .unwrap();
    drop(conn);
    for i in old {
        let fixture = i.code.len() > 1
            && i.code[..1].chars().all(|c| "RMNE".contains(c))
            && i.code[1..].chars().all(|c| c.is_ascii_digit());
        if fixture {
            indicators::delete(&t.app, admin, pid, i.id).await.unwrap();
        }
    }
    let counting = indicators::create(
        &t.app,
        admin,
        pid,
        &form(format!("R{n}"), "activities"),
        None,
        None,
    )
    .await
    .unwrap();
    let manual = indicators::create(
        &t.app,
        admin,
        pid,
        &form(format!("M{n}"), "manual"),
        None,
        None,
    )
    .await
    .unwrap();
    let value = indicators::manual::add(
        &t.app,
        admin,
        pid,
        manual,
        &ManualValueForm {
            on: "2022-05-01".into(),
            amount: "2".into(),
            note: String::new(),
        },
        Some(("alapito-okirat.pdf", crate::evidence::SMALL_PDF)),
    )
    .await
    .unwrap();
    IndicatorFixture {
        counting,
        manual,
        value,
    }
}

/// A training that ended yesterday: one session attended by two people (one already has
/// a certificate, one completed without), and a session nobody attended (1 minute of
/// contact time, so both still completed), with a finished batch.
pub async fn training_fixture(
    t: &TestApp,
    admin: &kozos_domain::user::User,
    pid: kozos_domain::ProgrammeId,
    n: usize,
) -> TrainingFixture {
    use kozos_app::participation::{roster, trainings};
    use kozos_domain::participation::{PersonForm, SessionForm};
    let app = &t.app;
    let training = kozos_app::records::create::<kozos_domain::activity::Activity>(
        app,
        admin,
        pid,
        pid,
        &kozos_domain::activity::ActivityForm {
            title: format!("Próbaképzés {n}"),
            kind: "training".into(),
            starts_at: "2026-11-16T09:00".into(),
            ends_at: "2026-11-20T17:00".into(),
            settlement: "Kisbér".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    let session = |date: &str, starts: &str, ends: &str| SessionForm {
        date: date.into(),
        starts: starts.into(),
        ends: ends.into(),
        ..Default::default()
    };
    let attended = trainings::add_session(
        app,
        admin,
        training,
        &session("2026-11-16", "09:00", "13:00"),
    )
    .await
    .unwrap();
    let free = trainings::add_session(
        app,
        admin,
        training,
        &session("2026-11-20", "16:59", "17:00"),
    )
    .await
    .unwrap();
    let mut people = Vec::new();
    for name in [format!("Képző Kata {n}"), format!("Képző Kornél {n}")] {
        let form = PersonForm {
            name,
            ..Default::default()
        };
        let (p, _) = roster::walk_in(app, admin, training, &form, Some(attended))
            .await
            .unwrap();
        people.push(p.id);
    }
    // Each fixture's number differs: the clock's nanoseconds are its random part.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
        .to_le_bytes();
    let number = kozos_domain::participation::CertificateNumber::from_random(
        2026,
        nanos[..7].try_into().unwrap(),
    )
    .as_str()
    .to_string();
    let mut conn = app.db.pool.acquire().await.unwrap();
    let now = kozos_domain::time::Instant::from(fixed_now());
    let cert = kozos_db::participation::certificates::insert(
        &mut conn,
        kozos_db::participation::certificates::NewCertificate {
            activity: training,
            person: people[0],
            number: &number,
            name: "Képző Kata",
            training: "Próbaképzés",
            contact_minutes: 240,
            completed_on: now.date(),
            by: Some(admin.id),
            pdf: Some(b"%PDF-1.4\n% fixture\n"),
        },
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let batch =
        kozos_db::participation::certificates::new_batch(&mut conn, training, 1, admin.id, now)
            .await
            .unwrap();
    kozos_db::participation::certificates::progress(&mut conn, batch, 1, "done", Some(now))
        .await
        .unwrap();
    TrainingFixture {
        training,
        free_session: free.0,
        trainee: people[1].0,
        cert: cert.0,
        number,
        batch,
    }
}

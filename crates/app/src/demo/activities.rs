//! The demo's activities: what the five seed programmes did, dated, so that calendars,
//! feeds and counts have records to show. The seeds give the kinds, counts and months
//! (32 interviews in October 2018, 18 workshops in five phases, a four-day study trip …);
//! the days and hours here are illustrative. A handful of Kisbér activities always fall
//! in the 60 days after today, so the public calendar is never empty.
//!
//! Loading twice adds nothing: every activity has a fixed UID (upcoming ones carry their
//! date in it, so a later start adds the new dates only), and a series is made only when
//! its programme has none of that name.

use crate::records::{sync_series, SeriesWrite};
use crate::{App, AppError, Result};
use chrono::NaiveTime;
use kozos_db::programmes::activities::{self as db, Placed};
use kozos_db::programmes::series as series_db;
use kozos_db::{places, programmes, Conn, Tx};
use kozos_domain::activity::recurrence::{self, Frequency, Rule};
use kozos_domain::activity::{
    ActivityInput, ActivityKind as K, ForumFormat, SeriesInput, WorkshopPhase,
};
use kozos_domain::programme::TargetGroup;
use kozos_domain::time::{Date, Instant};
use kozos_domain::{OrganisationId, PlaceId, ProgrammeId, TargetGroupId};

/// The programmes and organisations `demo::load` has found or made.
pub(crate) struct Ids {
    pub kisber: ProgrammeId,
    pub cselekvo: ProgrammeId,
    pub network: ProgrammeId,
    pub abauj: ProgrammeId,
    pub kecskemet: ProgrammeId,
    pub kisber_onk: OrganisationId,
    pub wass: OrganisationId,
    pub skanzen: OrganisationId,
    pub polgaror: OrganisationId,
    pub rendorseg: OrganisationId,
    pub nmi: OrganisationId,
    pub oszk: OrganisationId,
    /// The „Cselekvő közösségek” mentor network.
    pub mentors: OrganisationId,
    pub kfe: OrganisationId,
    pub kecskemet_onk: OrganisationId,
}

/// Add the activities that are missing, in the demo's transaction. Returns how many were
/// added (series dates included).
pub(crate) async fn load(app: &App, tx: &mut Tx, ids: &Ids) -> Result<usize> {
    let mut l = Loader {
        tx,
        now: app.clock.instant(),
        added: 0,
    };
    kisber(&mut l, ids, app.clock.today()).await?;
    cselekvo(&mut l, ids).await?;
    network(&mut l, ids).await?;
    abauj(&mut l, ids).await?;
    kecskemet(&mut l, ids).await?;
    Ok(l.added)
}

// ----- helpers -----

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("demo dates are valid")
}

fn clock(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("demo times are valid")
}

/// From `from` to `to` (hour, minute; Budapest wall-clock time) on one day.
fn on(d: Date, from: (u32, u32), to: (u32, u32)) -> (Instant, Instant) {
    over(d, d, from, to)
}

/// From `from` on the first day to `to` on the last.
fn over(first: Date, last: Date, from: (u32, u32), to: (u32, u32)) -> (Instant, Instant) {
    (first.at(clock(from.0, from.1)), last.at(clock(to.0, to.1)))
}

/// The `nth` (1–4, or -1 for the last) `weekday` (ISO: 1 Monday … 7 Sunday) of a month.
fn nth_weekday(y: i32, m: u32, nth: i32, weekday: u32) -> Date {
    recurrence::nth_weekday(day(y, m, 1), nth, weekday).expect("demo months have the day")
}

/// A fixed-date public holiday, or the days from Christmas Eve to New Year's Day, when
/// the demo's upcoming programmes take a break.
fn holiday(d: Date) -> bool {
    matches!(
        (d.month(), d.day()),
        (1, 1) | (3, 15) | (5, 1) | (8, 20) | (10, 23) | (11, 1) | (12, 24..=31)
    )
}

/// Every `weekday` from `from` to `to`, both included.
fn weekdays_between(from: Date, to: Date, weekday: u32) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        if d.weekday() == weekday {
            out.push(d);
        }
        d = d.next();
    }
    out
}

fn dates(list: &[(i32, u32, u32)]) -> Vec<Date> {
    list.iter().map(|&(y, m, d)| day(y, m, d)).collect()
}

/// A public activity with nothing but its kind, title, description and times; the
/// callers fill in the rest with struct update syntax.
fn activity(
    kind: K,
    title: impl Into<String>,
    description: impl Into<String>,
    (starts_at, ends_at): (Instant, Instant),
) -> ActivityInput {
    ActivityInput {
        title: title.into(),
        kind,
        phase: None,
        forum_format: None,
        description: description.into(),
        starts_at,
        ends_at,
        settlement: None,
        address: String::new(),
        organiser_id: None,
        partner_ids: Vec::new(),
        target_group_ids: Vec::new(),
        public: true,
        capacity: None,
        registration_opens: None,
        registration_closes: None,
    }
}

/// A series' rule: monthly on the `nth` `weekday`, or weekly on `weekday` (`nth` 0).
struct When {
    nth: i32,
    weekday: u32,
    first: Date,
    until: Date,
    exceptions: Vec<Date>,
    from: (u32, u32),
    to: (u32, u32),
}

impl When {
    fn rule(self) -> Rule {
        let weekly = self.nth == 0;
        Rule {
            frequency: if weekly {
                Frequency::Weekly
            } else {
                Frequency::MonthlyNth
            },
            interval: 1,
            weekdays: if weekly {
                vec![self.weekday]
            } else {
                Vec::new()
            },
            month_day: 1,
            nth: if weekly { 1 } else { self.nth },
            nth_weekday: if weekly { 1 } else { self.weekday },
            first: self.first,
            until: self.until,
            exceptions: self.exceptions,
            start_time: clock(self.from.0, self.from.1),
            end_time: clock(self.to.0, self.to.1),
        }
    }
}

/// A programme's target groups, found by name.
struct Groups(Vec<TargetGroup>);

impl Groups {
    fn ids(&self, names: &[&str]) -> Result<Vec<TargetGroupId>> {
        names
            .iter()
            .map(|name| {
                self.0
                    .iter()
                    .find(|g| g.name == *name)
                    .map(|g| g.id)
                    .ok_or_else(|| AppError::Internal(format!("demo target group {name} missing")))
            })
            .collect()
    }
}

struct Loader<'a> {
    tx: &'a mut Tx,
    now: Instant,
    added: usize,
}

impl Loader<'_> {
    fn conn(&mut self) -> &mut Conn {
        self.tx
    }

    async fn place(&mut self, name: &str) -> Result<Option<PlaceId>> {
        let folded = kozos_domain::text::fold(name);
        let found = places::settlement_by_folded_name(self.conn(), &folded).await?;
        match found {
            Some(p) => Ok(Some(p.id)),
            None => Err(AppError::Internal(format!(
                "demo settlement {name} missing from the built-in places"
            ))),
        }
    }

    async fn groups(&mut self, programme: ProgrammeId) -> Result<Groups> {
        Ok(Groups(
            programmes::target_groups(self.conn(), programme).await?,
        ))
    }

    /// Add an activity under the UID `demo-{slug}@kozos`, unless it is there already.
    async fn add(
        &mut self,
        programme: ProgrammeId,
        slug: &str,
        place: Option<PlaceId>,
        mut input: ActivityInput,
    ) -> Result<()> {
        let uid = format!("demo-{slug}@kozos");
        if db::uid_exists(self.conn(), &uid).await? {
            return Ok(());
        }
        input.partner_ids.sort();
        input.partner_ids.dedup();
        input.target_group_ids.sort();
        input.target_group_ids.dedup();
        let placed = Placed {
            input: &input,
            place,
        };
        let now = self.now;
        db::insert_activity(self.conn(), programme, placed, None, &uid, now).await?;
        self.added += 1;
        Ok(())
    }

    /// Make a series and its dated activities, unless the programme has one of that name.
    async fn series(
        &mut self,
        programme: ProgrammeId,
        place: Option<PlaceId>,
        input: SeriesInput,
    ) -> Result<()> {
        let existing = series_db::series_in(self.conn(), programme).await?;
        if existing.iter().any(|s| s.name == input.name) {
            return Ok(());
        }
        let id = series_db::insert_series(self.conn(), programme, &input, place).await?;
        let write = SeriesWrite {
            input,
            place,
            now: self.now,
        };
        self.added += sync_series(self.conn(), programme, id, &write, None).await?;
        Ok(())
    }
}

// ----- 1. Kisbér -----

const WASS: &str = "Wass Albert Művelődési Központ és Városi Könyvtár";
const INFO_POINT: &str =
    "Közösségi Információs Pont, Wass Albert Művelődési Központ és Városi Könyvtár";
const AT_HOME: &str = "Az interjúalany otthonában";

async fn kisber(l: &mut Loader<'_>, ids: &Ids, today: Date) -> Result<()> {
    let p = ids.kisber;
    let kisber = l.place("Kisbér").await?;
    let hanta = l.place("Hánta").await?;
    let tatabanya = l.place("Tatabánya").await?;
    let groups = l.groups(p).await?;
    let residents = groups.ids(&["Kisbér lakosai"])?;
    let volunteers = groups.ids(&["Helyi önkéntesek"])?;
    let institutions = groups.ids(&["Helyi intézmények és civil szervezetek"])?;

    // Before the interviews: the volunteers learn how to make one.
    l.add(p, "kisber-volunteer-training", kisber, ActivityInput {
        address: WASS.into(),
        organiser_id: Some(ids.kisber_onk),
        partner_ids: vec![ids.wass],
        target_group_ids: volunteers.clone(),
        public: false,
        ..activity(
            K::Training,
            "Önkéntes-felkészítő: hogyan készítsünk közösségi interjút?",
            "A közösségi interjúkat készítő és összegző helyi önkéntesek felkészítése a szakmai koordinátor – közösségfejlesztő vezetésével: az interjú kérdései, a beszélgetés vezetése, a jegyzetelés és az összegzés.",
            on(day(2018, 9, 27), (17, 0), (19, 30)),
        )
    })
    .await?;

    // 32 community interviews in October 2018, on its working days (not the 22nd, a
    // bridge day, nor the 23rd, a national holiday): one or two a day.
    let days: Vec<Date> = (1..=31)
        .map(|d| day(2018, 10, d))
        .filter(|d| d.weekday() <= 5 && !matches!(d.day(), 22 | 23))
        .collect();
    for n in 0..32 {
        let i = n * days.len() / 32;
        let second_that_day = n > 0 && (n - 1) * days.len() / 32 == i;
        let hour = if second_that_day { 16 } else { 10 };
        let (place, address) = match n % 4 {
            3 => (hanta, AT_HOME),
            1 => (kisber, AT_HOME),
            _ => (kisber, INFO_POINT),
        };
        l.add(p, &format!("kisber-interview-{:02}", n + 1), place, ActivityInput {
            address: address.into(),
            organiser_id: Some(ids.kisber_onk),
            target_group_ids: residents.clone(),
            public: false,
            ..activity(
                K::CommunityInterview,
                format!("Közösségi interjú – {}.", n + 1),
                "A 32 közösségi interjú egyike: egy kisbéri vagy hántai lakos arról beszél, mit szeret a településen, mit hiányol, és mit tenne a közösségért. Az interjúkat a közösségfejlesztő segítségével helyi önkéntesek összegezték.",
                on(days[i], (hour, 0), (hour + 1, 0)),
            )
        })
        .await?;
    }

    l.add(p, "kisber-interview-summary", kisber, ActivityInput {
        address: INFO_POINT.into(),
        organiser_id: Some(ids.kisber_onk),
        partner_ids: vec![ids.wass],
        target_group_ids: volunteers.clone(),
        public: false,
        ..activity(
            K::Workshop,
            "Az interjúk összegzése helyi önkéntesekkel",
            "A 32 közösségi interjú tapasztalatainak összegzése: visszatérő témák, javaslatok, a közösségi beszélgetések témáinak kiválasztása.",
            on(day(2018, 11, 6), (16, 0), (19, 0)),
        )
    })
    .await?;

    l.series(p, kisber, SeriesInput {
        name: "Közösségi beszélgetések".into(),
        kind: K::CommunityConversation,
        description: "A közösségi interjúk nyomán havonta, a hónap második csütörtökén tartott nyilvános beszélgetések a szakmai koordinátor – közösségfejlesztő moderálásával. Az emlékeztetők az Információs Pontban olvashatók.".into(),
        settlement: None,
        address: WASS.into(),
        public: true,
        rule: When {
            nth: 2,
            weekday: 4,
            first: day(2018, 11, 1),
            until: day(2019, 10, 31),
            exceptions: Vec::new(),
            from: (17, 0),
            to: (19, 0),
        }
        .rule(),
    })
    .await?;

    // Participatory forums: dialogue circles (support groups) and round tables, open to
    // all, on the third Wednesday of the month.
    use ForumFormat::{DialogueCircle, RoundTable};
    let safety = vec![ids.polgaror, ids.rendorseg];
    #[rustfmt::skip] // one row per line: a table people read
    let forums = [
        (2019, 3, DialogueCircle, "a helyi cselekvési terv első változata", false, vec![ids.wass]),
        (2019, 6, RoundTable, "biztonságban Kisbéren – az áldozattá válás megelőzése", false, safety.clone()),
        (2019, 9, RoundTable, "a helyi esélyegyenlőségi program megújítása", false, vec![ids.wass]),
        (2019, 11, DialogueCircle, "a 2020. évi rendezvénynaptár", false, vec![ids.wass]),
        (2020, 2, RoundTable, "Hánta és a városközpont kapcsolata", true, Vec::new()),
        (2020, 9, DialogueCircle, "közösségi élet a járvány idején", false, vec![ids.wass]),
        (2021, 6, RoundTable, "intézmények és civilek együttműködése", false, vec![ids.wass, ids.skanzen]),
        (2021, 11, DialogueCircle, "fiatalok Kisbéren", false, vec![ids.wass]),
        (2022, 5, RoundTable, "a projekt eredményei és a folytatás", false, vec![ids.wass, ids.polgaror]),
    ];
    for (y, m, format, topic, in_hanta, partners) in forums {
        let (label, what) = match format {
            DialogueCircle => ("Párbeszédkör", "Párbeszédkör (támogatói csoport)"),
            RoundTable => ("Kerekasztal", "Kerekasztal-beszélgetés"),
        };
        let (place, address) = if in_hanta {
            (hanta, "")
        } else {
            (kisber, WASS)
        };
        l.add(p, &format!("kisber-forum-{y}-{m:02}"), place, ActivityInput {
            forum_format: Some(format),
            address: address.into(),
            organiser_id: Some(ids.kisber_onk),
            partner_ids: partners,
            target_group_ids: residents.clone(),
            ..activity(
                K::ParticipatoryForum,
                format!("{label}: {topic}"),
                format!("{what} a lakosság részvételével; a részvételi fórum mindenki előtt nyitott. Téma: {topic}."),
                on(nth_weekday(y, m, 3, 3), (17, 30), (19, 30)),
            )
        })
        .await?;
    }

    l.add(p, "kisber-action-plan-workshop", kisber, ActivityInput {
        address: WASS.into(),
        organiser_id: Some(ids.kisber_onk),
        partner_ids: vec![ids.wass, ids.skanzen],
        target_group_ids: [residents.clone(), institutions.clone()].concat(),
        ..activity(
            K::Workshop,
            "Tervezőműhely: a helyi cselekvési terv és a rendezvénynaptár",
            "A közösségi beszélgetések javaslataiból a helyi cselekvési terv és a rendezvénynaptár összeállítása, a „Cselekvő közösségek” mentorának részvételével.",
            on(day(2019, 10, 24), (17, 0), (20, 0)),
        )
    })
    .await?;

    // Staff training and the study trip (internal).
    l.add(p, "kisber-staff-training-blended", tatabanya, ActivityInput {
        partner_ids: vec![ids.skanzen],
        public: false,
        ..activity(
            K::Training,
            "Kulturális közösségfejlesztés gyakorlata – továbbképzés",
            "Blended képzés (30 kontaktóra + 30 óra távoktatás) a „Cselekvő közösségek” kiemelt projekt szervezésében, tanúsítvánnyal; a megvalósításban részt vevő két munkatárs végezte el. Itt a kontaktnapok szerepelnek.",
            over(day(2019, 2, 25), day(2019, 2, 28), (9, 0), (16, 30)),
        )
    })
    .await?;
    l.add(p, "kisber-staff-training-administration", tatabanya, ActivityInput {
        partner_ids: vec![ids.skanzen],
        public: false,
        ..activity(
            K::Training,
            "A közösségfejlesztés és a helyi közigazgatás kapcsolata, egymásra gyakorolt hatása",
            "Hatórás, a közszolgálati tisztviselők továbbképzési rendszerében nyilvántartott képzés (PM-2437-1804-BS); a szakmai koordinátor teljesítette.",
            on(day(2019, 4, 10), (9, 0), (15, 0)),
        )
    })
    .await?;
    l.add(p, "kisber-study-trip-denmark", None, ActivityInput {
        address: "Dánia".into(),
        public: false,
        ..activity(
            K::StudyTrip,
            "Négynapos dániai tanulmányút",
            "A szakmai koordinátor – közösségfejlesztő tanulmányútja, ahol több dániai intézmény közösségi, társadalmiasítási jó gyakorlatát ismerhette meg.",
            over(day(2019, 5, 13), day(2019, 5, 16), (7, 0), (20, 0)),
        )
    })
    .await?;

    // Közösségek hete: a week of programmes, in 2019 and in 2021.
    #[rustfmt::skip] // one row per line: a table people read
    let week = [
        ("Nyitónap: a kisbéri civil szervezetek bemutatkozása", (17, 0), (19, 0), false, vec![ids.wass]),
        ("Mesélő múlt – helytörténeti délután a könyvtárban", (16, 0), (18, 0), false, vec![ids.wass]),
        ("Nemzedékek találkozása – társasjáték-délután", (15, 0), (18, 0), false, vec![ids.wass]),
        ("Egészségnap és biztonsági tanácsadás", (10, 0), (14, 0), false, safety.clone()),
        ("Hántai est – közösségi est Hántán", (18, 0), (21, 0), true, Vec::new()),
        ("Közösségi főzés és családi nap a városközpontban", (10, 0), (18, 0), false, vec![ids.wass, ids.polgaror]),
        ("Zárónap: a helyi kisközösségek gálaműsora", (15, 0), (18, 0), false, vec![ids.wass]),
    ];
    for monday in [day(2019, 9, 16), day(2021, 10, 4)] {
        let y = monday.year();
        for (n, (title, from, to, in_hanta, partners)) in week.iter().enumerate() {
            let (place, address) = if *in_hanta {
                (hanta, "")
            } else {
                (kisber, WASS)
            };
            l.add(p, &format!("kisber-kozossegek-hete-{y}-{}", n + 1), place, ActivityInput {
                address: address.into(),
                organiser_id: Some(ids.wass),
                partner_ids: partners.clone(),
                target_group_ids: residents.clone(),
                ..activity(
                    K::CulturalEvent,
                    format!("Közösségek hete {y} – {title}"),
                    "A Közösségek hete programsorozat a helyi cselekvési terv alapján indult: egy héten át minden nap más kisközösség, intézmény vagy egyesület mutatja be, mit tesz Kisbérért.",
                    on(monday.add_days(n as i64), *from, *to),
                )
            })
            .await?;
        }
    }

    l.series(p, kisber, SeriesInput {
        name: "Kisbéri Kalandok".into(),
        kind: K::CommunityAction,
        description: "Kisbéri Kalandok Kulturális Program: havi közösségi akció a hónap utolsó szombatján a múzeum, a könyvtár és a művelődési központ közreműködésével – felfedezés, játék és közös munka a városban és Hántán.".into(),
        settlement: None,
        address: WASS.into(),
        public: true,
        rule: When {
            nth: -1,
            weekday: 6,
            first: day(2019, 1, 1),
            until: day(2022, 12, 31),
            // Winter holidays and the months of the pandemic closures.
            exceptions: dates(&[
                (2019, 12, 28), (2020, 3, 28), (2020, 4, 25), (2020, 5, 30), (2020, 11, 28),
                (2020, 12, 26), (2021, 1, 30), (2021, 2, 27), (2021, 3, 27), (2021, 4, 24),
                (2021, 12, 25), (2022, 12, 31),
            ]),
            from: (10, 0),
            to: (13, 0),
        }
        .rule(),
    })
    .await?;

    l.series(p, kisber, SeriesInput {
        name: "Művelődő Közösségek – Filmklub".into(),
        kind: K::FilmScreening,
        description: "Filmvetítés és beszélgetés minden hónap első péntekén a Wass Albert Művelődési Központban.".into(),
        settlement: None,
        address: WASS.into(),
        public: true,
        rule: When {
            nth: 1,
            weekday: 5,
            first: day(2019, 1, 1),
            until: day(2022, 12, 31),
            // Public holidays (1 November, 1 May, New Year's Day, Good Friday) and the
            // pandemic closures.
            exceptions: dates(&[
                (2019, 11, 1), (2020, 4, 3), (2020, 5, 1), (2020, 12, 4), (2021, 1, 1),
                (2021, 2, 5), (2021, 3, 5), (2021, 4, 2),
            ]),
            from: (18, 0),
            to: (20, 30),
        }
        .rule(),
    })
    .await?;

    // Events the project's short films were made of, and the local-history studies.
    l.add(p, "kisber-oszi-hacacare-2021", kisber, ActivityInput {
        organiser_id: Some(ids.kisber_onk),
        partner_ids: vec![ids.wass, ids.polgaror],
        target_group_ids: residents.clone(),
        ..activity(
            K::CulturalEvent,
            "Őszi Hacacáré",
            "Őszi szabadtéri közösségi nap a városközpontban, családi programokkal és a helyi egyesületek bemutatkozásával. A projekt egyik rövid filmje erről a napról készült.",
            on(day(2021, 9, 19), (14, 0), (20, 0)),
        )
    })
    .await?;
    l.add(p, "kisber-varoskozpont-avato-2022", kisber, ActivityInput {
        organiser_id: Some(ids.kisber_onk),
        partner_ids: vec![ids.wass],
        target_group_ids: residents.clone(),
        ..activity(
            K::CulturalEvent,
            "A megújult városközpont avató ünnepsége",
            "A megújult kisbéri városközpont átadása ünnepi műsorral; a projekt egyik rövid filmje erről az ünnepségről készült.",
            on(day(2022, 7, 22), (17, 0), (19, 0)),
        )
    })
    .await?;
    for (n, d) in dates(&[(2020, 10, 15), (2021, 11, 25), (2022, 10, 20)])
        .into_iter()
        .enumerate()
    {
        l.add(p, &format!("kisber-local-history-{}", n + 1), kisber, ActivityInput {
            address: WASS.into(),
            organiser_id: Some(ids.wass),
            partner_ids: vec![ids.kisber_onk],
            target_group_ids: residents.clone(),
            ..activity(
                K::CulturalEvent,
                format!("Helytörténeti est: a {}. helytörténeti tanulmány bemutatása", n + 1),
                "A projekt közösségi akcióként készült három helytörténeti tanulmányának egyike; bemutató és beszélgetés a szerzőkkel a városi könyvtárban.",
                on(d, (17, 0), (19, 0)),
            )
        })
        .await?;
    }

    kisber_upcoming(l, ids, today, kisber, &residents).await
}

/// One programme of each monthly kind in the 60 days after today (at most ten), carried
/// on by the municipality and the cultural centre after the project.
async fn kisber_upcoming(
    l: &mut Loader<'_>,
    ids: &Ids,
    today: Date,
    kisber: Option<PlaceId>,
    residents: &[TargetGroupId],
) -> Result<()> {
    const FILMS: [&str; 12] = [
        "Valahol Európában (1947)",
        "Hyppolit, a lakáj (1931)",
        "A tanú (1969)",
        "Egri csillagok (1968)",
        "A Pál utcai fiúk (1969)",
        "Indul a bakterház (1979)",
        "Macskafogó (1986)",
        "Csinibaba (1997)",
        "Szindbád (1971)",
        "Kincsem (2017)",
        "A kőszívű ember fiai (1965)",
        "Üvegtigris (2001)",
    ];
    const CONVERSATIONS: [&str; 12] = [
        "mit szeretnénk együtt megvalósítani idén?",
        "a farsang és a helyi hagyományok",
        "tavaszi rendrakás a közterületeken",
        "Hánta és Kisbér: egy város, két közösség",
        "a fiatalok helye a városban",
        "nyári programok gyerekeknek és családoknak",
        "a Kisbéri Napok előkészítése",
        "a lovas hagyományok ápolása",
        "idősek és önkéntesek",
        "a könyvtár mint közösségi tér",
        "biztonságban Kisbéren",
        "ünnepek és szomszédság",
    ];
    const FORUMS: [&str; 12] = [
        "a rendezvénynaptár véleményezése",
        "közlekedés és parkolás a városközpontban",
        "zöld Kisbér – fásítás és közterületek",
        "a helyi civil szervezetek együttműködése",
        "a kastélypark közösségi használata",
        "nyári szünidő a gyerekekkel",
        "a városi honlap és a helyi nyilvánosság",
        "Hánta fejlesztési ötletei",
        "közösen az idősek magánya ellen",
        "a helyi esélyegyenlőségi program felülvizsgálata",
        "közösségi akciók a következő évre",
        "a téli időszak programjai",
    ];
    const ADVENTURES: [&str; 12] = [
        "téli séta a kastélyparkban",
        "farsangi kézműves délelőtt",
        "tavaszváró szemétszedés",
        "húsvéti játszóház",
        "kerékpártúra Hántára",
        "a lovas múlt nyomában",
        "szabadtéri családi játéknap",
        "nyárbúcsúztató piknik",
        "szüreti mulatság",
        "őszi faültetés",
        "őszi kincskeresés a városban",
        "adventi kézműves délelőtt",
    ];
    const WORKSHOPS: [&str; 12] = [
        "a tavaszi közösségi akciók tervezése",
        "a Közösségek hete előkészítése",
        "önkéntesek a helyi rendezvényeken",
        "a Kisbéri Napok közösségi programjai",
        "nyári gyerekprogramok szervezése",
        "közösségi kert a városban",
        "helytörténeti séták tervezése",
        "az őszi programok előkészítése",
        "a Filmklub új évada",
        "a helyi esélyegyenlőségi program a gyakorlatban",
        "a következő év rendezvénynaptára",
        "visszatekintés az év közösségi programjaira",
    ];
    // (uid part, nth, ISO weekday)
    let rules = [
        ("film", 1, 5),
        ("conversation", 2, 4),
        ("forum", 3, 3),
        ("workshop", 4, 2),
        ("adventure", -1, 6),
    ];
    let last = today.add_days(60);
    let mut upcoming = Vec::new();
    for month in 0..3 {
        let (y, m) = {
            let n = i64::from(today.month()) - 1 + month;
            (today.year() + (n / 12) as i32, (n % 12) as u32 + 1)
        };
        for (what, nth, weekday) in rules {
            let d = nth_weekday(y, m, nth, weekday);
            if d > today && d <= last && !holiday(d) {
                upcoming.push((d, what));
            }
        }
    }
    upcoming.sort();
    upcoming.truncate(10);

    const SUSTAINED: &str = "A projekt lezárulta után is folytatódó program.";
    let base = |kind, title: String, description: String, times| ActivityInput {
        address: WASS.into(),
        organiser_id: Some(ids.kisber_onk),
        partner_ids: vec![ids.wass],
        target_group_ids: residents.to_vec(),
        ..activity(kind, title, format!("{description} {SUSTAINED}"), times)
    };
    for (d, what) in upcoming {
        let i = d.month() as usize - 1;
        let input = match what {
            "film" => ActivityInput {
                organiser_id: Some(ids.wass),
                partner_ids: vec![ids.kisber_onk],
                capacity: Some(60),
                ..base(
                    K::FilmScreening,
                    format!("Művelődő Közösségek – Filmklub: {}", FILMS[i]),
                    "Filmvetítés és beszélgetés, minden hónap első péntekén.".into(),
                    on(d, (18, 0), (20, 30)),
                )
            },
            "conversation" => base(
                K::CommunityConversation,
                format!("Közösségi beszélgetés: {}", CONVERSATIONS[i]),
                "Nyilvános beszélgetés a közösségfejlesztő moderálásával; az emlékeztető az Információs Pontban olvasható.".into(),
                on(d, (17, 0), (19, 0)),
            ),
            "forum" => {
                let (format, label) = if d.month() % 2 == 1 {
                    (ForumFormat::DialogueCircle, "Párbeszédkör")
                } else {
                    (ForumFormat::RoundTable, "Kerekasztal")
                };
                ActivityInput {
                    forum_format: Some(format),
                    capacity: Some(40),
                    ..base(
                        K::ParticipatoryForum,
                        format!("{label}: {}", FORUMS[i]),
                        "Részvételi fórum, mindenki előtt nyitott.".into(),
                        on(d, (17, 30), (19, 30)),
                    )
                }
            }
            "workshop" => ActivityInput {
                capacity: Some(30),
                registration_opens: Some(d.add_days(-21).at(clock(9, 0))),
                registration_closes: Some(d.add_days(-2).at(clock(20, 0))),
                ..base(
                    K::Workshop,
                    format!("Közösségi tervezőműhely: {}", WORKSHOPS[i]),
                    "Közös tervezés a lakókkal, az intézményekkel és a civil szervezetekkel. A férőhelyek száma korlátozott, részvétel előzetes jelentkezéssel.".into(),
                    on(d, (16, 0), (19, 0)),
                )
            },
            _ => ActivityInput {
                organiser_id: Some(ids.wass),
                partner_ids: vec![ids.kisber_onk],
                ..base(
                    K::CommunityAction,
                    format!("Kisbéri Kalandok: {}", ADVENTURES[i]),
                    "Havi közösségi akció a hónap utolsó szombatján; találkozó a művelődési központ előtt.".into(),
                    on(d, (10, 0), (13, 0)),
                )
            },
        };
        let slug = format!("kisber-upcoming-{what}-{}", d.stored());
        l.add(ids.kisber, &slug, kisber, input).await?;
    }
    Ok(())
}

// ----- 2. Cselekvő közösségek -----

async fn cselekvo(l: &mut Loader<'_>, ids: &Ids) -> Result<()> {
    let p = ids.cselekvo;
    let szentendre = l.place("Szentendre").await?;
    let budapest = l.place("Budapest").await?;
    let tatabanya = l.place("Tatabánya").await?;
    let groups = l.groups(p).await?;
    let professionals = groups.ids(&[
        "Kulturális intézmények és munkatársaik",
        "Közösségfejlesztést kezdeményező szervezetek",
    ])?;
    let mentors = groups.ids(&["Közösségfejlesztő mentorok"])?;
    const SKANZEN: &str = "Szabadtéri Néprajzi Múzeum";

    let conferences = [
        ("conference-opening-2016", "Nyitókonferencia: Cselekvő közösségek – aktív közösségi szerepvállalás", "A kiemelt projekt nyitókonferenciája: célok, a mentorhálózat és a megyei irodák felállítása, a kulturális intézmények társadalmiasított működésének programja.", szentendre, SKANZEN, over(day(2016, 11, 17), day(2016, 11, 17), (10, 0), (16, 0))),
        ("conference-national-2017", "Országos szakmai konferencia: közösségfejlesztés a kulturális intézményekben", "Múzeumok, könyvtárak és közművelődési intézmények közösségi részvételen alapuló működésének hazai jó gyakorlatai; a mintaprojektek bemutatása.", budapest, "", over(day(2017, 10, 12), day(2017, 10, 12), (10, 0), (16, 0))),
        ("conference-international-2018", "Nemzetközi konferencia: kulturális intézmények a közösségfejlesztésben", "Kétnapos nemzetközi szakmai konferencia külföldi előadókkal: a kulturális közösségfejlesztés európai gyakorlatai és a hazai tapasztalatok.", budapest, "", over(day(2018, 10, 11), day(2018, 10, 12), (9, 30), (16, 0))),
        ("conference-closing-2019", "Zárókonferencia: a Cselekvő közösségek eredményei", "A kiemelt projekt zárókonferenciája: a mentorált közösségek, a társadalmiasítottan működő intézmények és a hatásmérés eredményei.", szentendre, SKANZEN, over(day(2019, 9, 5), day(2019, 9, 5), (10, 0), (16, 0))),
    ];
    for (slug, title, description, place, address, times) in conferences {
        l.add(
            p,
            &format!("cselekvo-{slug}"),
            place,
            ActivityInput {
                address: address.into(),
                organiser_id: Some(ids.skanzen),
                partner_ids: vec![ids.nmi, ids.oszk],
                target_group_ids: professionals.clone(),
                ..activity(K::Conference, title, description, times)
            },
        )
        .await?;
    }

    // Two groups of mentors, three three-day modules each.
    for (group, mondays) in [
        (1, [(2017, 3, 27), (2017, 4, 24), (2017, 5, 22)]),
        (2, [(2018, 1, 22), (2018, 2, 19), (2018, 3, 19)]),
    ] {
        for (module, monday) in dates(&mondays).into_iter().enumerate() {
            l.add(p, &format!("cselekvo-mentor-training-{group}-{}", module + 1), szentendre, ActivityInput {
                address: SKANZEN.into(),
                organiser_id: Some(ids.skanzen),
                partner_ids: vec![ids.nmi, ids.mentors],
                target_group_ids: mentors.clone(),
                public: false,
                ..activity(
                    K::Training,
                    format!("Mentorképzés – {group}. csoport, {}. modul", module + 1),
                    "A kulturális közösségfejlesztő mentorok felkészítése: a közösségfejlesztési folyamat szakaszai, a helyzetkép és az éves értékelés, az intézményi önkéntesség, a mentori munka módszerei.",
                    over(monday, monday.add_days(2), (9, 0), (16, 0)),
                )
            })
            .await?;
        }
    }

    for (n, d) in dates(&[(2018, 11, 29), (2019, 5, 30)])
        .into_iter()
        .enumerate()
    {
        l.add(p, &format!("cselekvo-exchange-ke-{}", n + 1), tatabanya, ActivityInput {
            organiser_id: Some(ids.mentors),
            partner_ids: vec![ids.kisber_onk, ids.skanzen],
            target_group_ids: professionals.clone(),
            ..activity(
                K::ExperienceExchange,
                "Szakmai tapasztalatcsere a TOP-5.3.1 projektek megvalósítóinak – Komárom-Esztergom megye",
                "Tudásmegosztó találkozó a megye helyi identitás- és kohézióerősítő projektjeinek munkatársai számára, a megyei mentorok vezetésével.",
                on(d, (10, 0), (15, 0)),
            )
        })
        .await?;
    }
    Ok(())
}

// ----- 3. Support network, 2005 -----

async fn network(l: &mut Loader<'_>, ids: &Ids) -> Result<()> {
    let p = ids.network;
    let budapest = l.place("Budapest").await?;
    let miskolc = l.place("Miskolc").await?;
    let kaposvar = l.place("Kaposvár").await?;
    let edeleny = l.place("Edelény").await?;
    let workers = l
        .groups(p)
        .await?
        .ids(&["Közösségi munkások és közösségfejlesztők"])?;
    let base = |kind, title: String, description: &str, times| ActivityInput {
        organiser_id: Some(ids.kfe),
        target_group_ids: workers.clone(),
        ..activity(kind, title, description, times)
    };

    for (n, (first, last)) in [
        (day(2005, 3, 10), day(2005, 3, 11)),
        (day(2005, 11, 24), day(2005, 11, 25)),
    ]
    .into_iter()
    .enumerate()
    {
        l.add(p, &format!("network-2005-national-workshop-{}", n + 1), budapest, base(
            K::Workshop,
            format!("Országos Fejlesztési Műhely – {}. ülés", n + 1),
            "A hálózati működés megtervezése, a helyi fejlesztési tapasztalatok feldolgozása és megvitatása, a hálózat és a program értékelése.",
            over(first, last, (10, 0), (15, 0)),
        ))
        .await?;
    }

    // County professional workshops; (date, place in the gazetteer, town, county).
    #[rustfmt::skip] // one row per line: a table people read
    let county = [
        (day(2005, 4, 14), miskolc, "", "Borsod-Abaúj-Zemplén"),
        (day(2005, 5, 12), kaposvar, "", "Somogy"),
        (day(2005, 6, 9), None, "Pécs", "Baranya"),
        (day(2005, 9, 22), None, "Zalaegerszeg", "Zala"),
        (day(2005, 10, 13), None, "Nyíregyháza", "Szabolcs-Szatmár-Bereg"),
    ];
    for (n, (d, place, town, county)) in county.into_iter().enumerate() {
        l.add(p, &format!("network-2005-county-workshop-{}", n + 1), place, ActivityInput {
            address: town.into(),
            ..base(
                K::Workshop,
                format!("Megyei szakmai műhely – {county} megye"),
                "Szakmai műhely a megye közösségi munkásainak: a helyi kezdeményezések tapasztalatai, a támogatás módjai, a jó gyakorlatok gyűjtése.",
                on(d, (10, 0), (15, 0)),
            )
        })
        .await?;
    }

    #[rustfmt::skip] // one row per line: a table people read
    let visits = [
        (day(2005, 6, 23), "Ózd", "az ózdi kistérségi modellprogramban"),
        (day(2005, 9, 8), "Felső-Kiskunság", "a felső-kiskunsági modellprogramban"),
        (day(2005, 10, 27), "Szentes", "a szentesi kistérségi modellprogramban"),
    ];
    for (n, (d, address, where_)) in visits.into_iter().enumerate() {
        l.add(p, &format!("network-2005-visit-{}", n + 1), None, ActivityInput {
            address: address.into(),
            ..base(
                K::ExperienceExchange,
                format!("Tapasztalatcsere-látogatás {where_}"),
                "A kistérség közösségeinek együttműködése és a szektorok közötti párbeszéd kereteinek megismerése a helyi közösségi munkásokkal.",
                over(d, d, (9, 0), (17, 0)),
            )
        })
        .await?;
    }

    for (n, (monday, place, county)) in [
        (day(2005, 11, 7), edeleny, "Borsod-Abaúj-Zemplén"),
        (day(2005, 11, 14), kaposvar, "Somogy"),
    ]
    .into_iter()
    .enumerate()
    {
        l.add(p, &format!("network-2005-training-{}", n + 1), place, base(
            K::Training,
            format!("Közösségfejlesztők képzése – {county} megye"),
            "Háromnapos képzés a hátrányos helyzetű, aprófalvas megyék közösségi munkásainak: a közösségfejlesztés folyamata, a helyi cselekvési programok tervezése.",
            over(monday, monday.add_days(2), (9, 0), (16, 0)),
        ))
        .await?;
    }
    Ok(())
}

// ----- 4. Abaúj -----

async fn abauj(l: &mut Loader<'_>, ids: &Ids) -> Result<()> {
    let p = ids.abauj;
    let towns = [
        (l.place("Encs").await?, "Encs"),
        (l.place("Gönc").await?, "Gönc"),
        (l.place("Abaújszántó").await?, "Abaújszántó"),
        (l.place("Szikszó").await?, "Szikszó"),
    ];
    let groups = l.groups(p).await?;
    let partnership = groups.ids(&[
        "Civil szereplők",
        "Önkormányzatok",
        "Vállalkozók",
        "Hátrányos helyzetű csoportok",
    ])?;

    // 18 workshops in five phases, November 2010 – December 2011, on Tuesdays, taking
    // turns among the four centres.
    use WorkshopPhase::*;
    let phases = [
        (Opening, "Nyitó workshop: partnerségépítés", "A három szektor (civil, vállalkozói, közszféra) és a hátrányos helyzetű csoportok képviselőinek megismerkedése, a partnerség kereteinek kialakítása.", dates(&[(2010, 11, 16), (2010, 11, 23), (2010, 11, 30), (2010, 12, 7)])),
        (Exploring, "Workshop: a helyi kezdeményezések feltárása", "A térség meglévő és születőben lévő helyi kezdeményezéseinek összegyűjtése a résztvevők tapasztalatai alapján.", dates(&[(2011, 2, 15), (2011, 3, 1), (2011, 3, 22), (2011, 3, 29)])),
        (Analysing, "Workshop: a helyi kezdeményezések elemzése és kiválasztása", "A feltárt kezdeményezések közös elemzése, és azok kiválasztása, amelyeket a projekt tovább támogat.", dates(&[(2011, 4, 12), (2011, 4, 26), (2011, 5, 24), (2011, 6, 7)])),
        (Elaborating, "Workshop: a kiválasztott kezdeményezések kidolgozása", "A kiválasztott helyi kezdeményezések kidolgozása: célok, partnerek, források, a projekttervezés technikai segítése.", dates(&[(2011, 9, 13), (2011, 9, 27), (2011, 10, 11), (2011, 10, 25)])),
        (Closing, "Záró workshop: disszemináció", "A kidolgozott kezdeményezések és a partnerség tapasztalatainak bemutatása, a folytatás és a fenntarthatóság tervezése.", dates(&[(2011, 11, 29), (2011, 12, 13)])),
    ];
    let mut n = 0;
    for (phase, title, description, days) in phases {
        for d in days {
            let (place, town) = towns[n % 4];
            n += 1;
            l.add(
                p,
                &format!("abauj-workshop-{n:02}"),
                place,
                ActivityInput {
                    phase: Some(phase),
                    target_group_ids: partnership.clone(),
                    ..activity(
                        K::Workshop,
                        format!("{title} – {town}"),
                        description,
                        on(d, (14, 0), (18, 0)),
                    )
                },
            )
            .await?;
        }
    }

    // 4 two-day community development trainings, with the partnership the workshops
    // mapped.
    for (n, d) in dates(&[(2010, 12, 9), (2011, 2, 24), (2011, 6, 16), (2011, 11, 17)])
        .into_iter()
        .enumerate()
    {
        let (place, town) = towns[n % 4];
        l.add(p, &format!("abauj-community-training-{}", n + 1), place, ActivityInput {
            target_group_ids: partnership.clone(),
            ..activity(
                K::Training,
                format!("Közösségfejlesztő tréning – {town}"),
                "Kétnapos közösségfejlesztő tréning a workshopokon feltérképezett partnerség részvételével: közös helyzetelemzés, együttműködés, helyi cselekvés.",
                over(d, d.next(), (9, 0), (16, 0)),
            )
        })
        .await?;
    }

    // 16 one-day individual competence trainings, December 2010 – January 2012.
    let competences = [
        ((2010, 12, 16), "Hatékony kommunikáció"),
        ((2011, 1, 13), "Konfliktuskezelés és együttműködés"),
        ((2011, 1, 27), "A projekttervezés alapjai"),
        ((2011, 2, 10), "Pályázatírás a gyakorlatban"),
        ((2011, 3, 10), "Tárgyalástechnika"),
        ((2011, 3, 24), "Önkéntesek toborzása és megtartása"),
        ((2011, 4, 7), "Forrásteremtés helyi szervezeteknek"),
        ((2011, 5, 5), "Nyilvánosság és sajtókapcsolatok"),
        ((2011, 6, 23), "Csoportvezetés és moderálás"),
        ((2011, 7, 7), "Prezentációs készségek"),
        ((2011, 9, 8), "Civil szervezet alapítása és működtetése"),
        ((2011, 9, 22), "Pénzügyi alapismeretek civil szervezeteknek"),
        ((2011, 10, 20), "Szektorközi együttműködés"),
        (
            (2011, 11, 10),
            "Internet és közösségi média a helyi szervezetekben",
        ),
        ((2011, 12, 8), "Időgazdálkodás és önmenedzsment"),
        ((2012, 1, 12), "Vezetői készségek helyi kezdeményezőknek"),
    ];
    for (n, ((y, m, d), topic)) in competences.into_iter().enumerate() {
        let (place, _) = towns[n % 4];
        l.add(p, &format!("abauj-competence-training-{:02}", n + 1), place, ActivityInput {
            target_group_ids: partnership.clone(),
            ..activity(
                K::Training,
                format!("Kompetenciafejlesztő tréning: {topic}"),
                "Egyéni kompetenciafejlesztő tréning, hogy a résztvevők hatékonyabban vehessenek részt közösségeik munkájában.",
                on(day(y, m, d), (9, 0), (15, 0)),
            )
        })
        .await?;
    }

    // 3 small conferences (opening, midway, closing) and the international one.
    let (encs, gonc, szikszo) = (towns[0].0, towns[1].0, towns[3].0);
    let conferences = [
        ("small-conference-1", K::SmallConference, "Nyitó kiskonferencia", "A projekt céljainak, szakmai tartalmának és partnereinek bemutatása.", encs, over(day(2010, 11, 25), day(2010, 11, 25), (10, 0), (15, 0))),
        ("international-conference", K::Conference, "Nemzetközi konferencia: Abaúj és a helyi tapasztalatok", "A térség és a helyi tapasztalatok bemutatása külföldi, fejlesztésekben érintett szereplőknek; a külföldi tapasztalatok helyi adaptálásának előkészítése.", encs, over(day(2011, 5, 19), day(2011, 5, 20), (9, 30), (16, 0))),
        ("small-conference-2", K::SmallConference, "Közbenső kiskonferencia", "A projekt helyzete: a feltárt és kiválasztott helyi kezdeményezések, a tréningek tapasztalatai.", gonc, over(day(2011, 6, 30), day(2011, 6, 30), (10, 0), (15, 0))),
        ("small-conference-3", K::SmallConference, "Záró kiskonferencia", "A projekt eredményei: a támogatott helyi kezdeményezések, az új civil szervezetek és a partnerség folytatása.", szikszo, over(day(2012, 1, 26), day(2012, 1, 26), (10, 0), (15, 0))),
    ];
    for (slug, kind, title, description, place, times) in conferences {
        l.add(
            p,
            &format!("abauj-{slug}"),
            place,
            ActivityInput {
                target_group_ids: partnership.clone(),
                ..activity(kind, title, description, times)
            },
        )
        .await?;
    }

    // Continuous personal consultations (one-to-one, so internal).
    let consultations = dates(&[
        (2011, 1, 19),
        (2011, 4, 20),
        (2011, 7, 20),
        (2011, 10, 19),
        (2011, 12, 14),
        (2012, 1, 18),
    ]);
    for (n, d) in consultations.into_iter().enumerate() {
        let (place, _) = towns[n % 4];
        l.add(p, &format!("abauj-consultation-{}", n + 1), place, ActivityInput {
            public: false,
            ..activity(
                K::Consultation,
                "Személyes konzultáció helyi kezdeményezőkkel",
                "Egyéni szakmai tanácsadás a helyi kezdeményezések gazdáinak: projektgenerálás, projekttervezés, partnerkeresés.",
                on(d, (10, 0), (16, 0)),
            )
        })
        .await?;
    }
    Ok(())
}

// ----- 5. Kecskemét -----

async fn kecskemet(l: &mut Loader<'_>, ids: &Ids) -> Result<()> {
    let p = ids.kecskemet;
    let kecskemet = l.place("Kecskemét").await?;
    let groups = l.groups(p).await?;
    let residents = groups.ids(&["Az akcióterületen élő hátrányos helyzetű lakosok"])?;
    let youth = groups.ids(&["15–18 éves fiatalok"])?;
    const AREA: &str = "Közösségi tér a szegregációs akcióterületen";

    let summer = |weekday| weekdays_between(day(2019, 7, 1), day(2019, 8, 31), weekday);
    l.series(p, kecskemet, SeriesInput {
        name: "Önismereti csoport kamaszoknak".into(),
        kind: K::ClubMeeting,
        description: "Heti önismereti csoportfoglalkozás az akcióterületen élő 15–18 éveseknek, csoportvezető segítségével.".into(),
        settlement: None,
        address: AREA.into(),
        public: true,
        rule: When {
            nth: 0,
            weekday: 2,
            first: day(2019, 4, 2),
            until: day(2019, 12, 17),
            exceptions: summer(2),
            from: (16, 0),
            to: (17, 30),
        }
        .rule(),
    })
    .await?;
    l.series(p, kecskemet, SeriesInput {
        name: "Önsegítő női klub".into(),
        kind: K::ClubMeeting,
        description: "Heti klubfoglalkozás az akcióterületen élő nőknek: beszélgetés, tapasztalatcsere, egymás segítése.".into(),
        settlement: None,
        address: AREA.into(),
        public: true,
        rule: When {
            nth: 0,
            weekday: 4,
            first: day(2019, 5, 9),
            until: day(2020, 3, 12),
            exceptions: [summer(4), dates(&[(2019, 12, 26), (2020, 1, 2)])].concat(),
            from: (17, 0),
            to: (18, 30),
        }
        .rule(),
    })
    .await?;

    let base = |title: &str, description: &str, times| ActivityInput {
        address: AREA.into(),
        organiser_id: Some(ids.kecskemet_onk),
        target_group_ids: residents.clone(),
        ..activity(K::CulturalEvent, title, description, times)
    };
    l.add(p, "kecskemet-family-day-2019", kecskemet, base(
        "Családi nap az akcióterületen",
        "Családi nap játékokkal, főzéssel és a projekt szolgáltatásainak bemutatásával az akcióterületen élő családoknak.",
        on(day(2019, 6, 15), (10, 0), (17, 0)),
    ))
    .await?;
    for (n, d) in dates(&[(2019, 10, 19), (2019, 11, 16)])
        .into_iter()
        .enumerate()
    {
        l.add(
            p,
            &format!("kecskemet-youth-first-aid-{}", n + 1),
            kecskemet,
            ActivityInput {
                kind: K::Training,
                target_group_ids: youth.clone(),
                ..base(
                    &format!(
                        "Ifjúsági elsősegélynyújtó és közösségi program – {}. alkalom",
                        n + 1
                    ),
                    "Elsősegély-nyújtási alapismeretek és közösségi játékok 15–18 éveseknek.",
                    on(d, (9, 0), (15, 0)),
                )
            },
        )
        .await?;
    }

    // The three trainings with certificates.
    let trainings = [
        ("forklift-2021", "Targoncavezető-képzés", "Szakmai képzés bizonyítvánnyal az akcióterületen élő álláskeresőknek; 50 fő szerzett bizonyítványt.", "Targoncavezető-képzés résztvevői", 50, over(day(2021, 10, 4), day(2021, 10, 29), (8, 0), (16, 0))),
        ("competences-2022", "Személyes kompetenciák fejlesztése – képzés", "Képzés 200 fő részvételével a személyes kompetenciák fejlesztésére; 2022. június 3-án zárult.", "Személyes kompetenciafejlesztő képzés résztvevői", 200, over(day(2022, 5, 9), day(2022, 6, 3), (9, 0), (13, 0))),
        ("park-2023", "Parkgondozó és zöldterületi kisgépkezelő képzés", "Minősített parkgondozó részszakma és zöldterületi kisgépkezelői szakmai képzés; 40 fő kapott tanúsítványt.", "Parkgondozó és kisgépkezelő képzés résztvevői", 40, over(day(2023, 3, 6), day(2023, 3, 31), (8, 0), (16, 0))),
    ];
    for (slug, title, description, group, size, times) in trainings {
        l.add(
            p,
            &format!("kecskemet-training-{slug}"),
            kecskemet,
            ActivityInput {
                kind: K::Training,
                address: String::new(),
                target_group_ids: groups.ids(&[group])?,
                // A tenth more enrolled than completed (see demo/participants.rs).
                capacity: Some(size + size / 10),
                ..base(title, description, times)
            },
        )
        .await?;
    }
    Ok(())
}

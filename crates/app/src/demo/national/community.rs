//! The community process at national scale, for searching through: memos of a share of
//! the conversations, forums and workshops, a few initiatives per programme and a
//! library item per programme, with Hungarian text from phrase banks. Word frequencies
//! are what a search meets in real use: the common words of the trade ("közösség",
//! "program", "lakók") in nearly every text, a topic chosen with a long tail, and a local
//! rarity (a craft, a custom, a place's own word) in few.

use super::activities::{label, PlannedActivity};
use super::dice::Dice;
use super::programmes::Plan;
use super::settlements::Settlement;
use crate::Result;
use kozos_db::bulk::{CommunityWriter, NewInitiative, NewKnowledge, NewMemo};
use kozos_db::Tx;
use kozos_domain::activity::ActivityKind;
use kozos_domain::community::knowledge::KnowledgeKind;
use kozos_domain::initiative::Stage;
use kozos_domain::time::Instant;

/// What the conversations are about: a few often, most now and then.
const TOPICS: &[(&str, &str)] = &[
    ("közösségi kert", "a közösségi kert gondozása"),
    ("ifjúsági klub", "a fiatalok saját klubja"),
    ("helytörténeti gyűjtemény", "a falu múltjának összegyűjtése"),
    ("falunap", "a falunap közös szervezése"),
    ("idősek napközije", "az egyedül élő idősek bevonása"),
    ("játszótér", "a játszótér felújítása"),
    ("buszmenetrend", "a buszjáratok és a bejárás gondjai"),
    ("piactér", "a helyi termelők piaca"),
    ("önkéntes tűzoltók", "az önkéntes tűzoltó egyesület"),
    ("könyvtár", "a könyvtár nyitvatartása és programjai"),
    ("sportpálya", "a sportpálya közös használata"),
    ("népdalkör", "a népdalkör utánpótlása"),
    ("tájház", "a tájház megnyitása a látogatóknak"),
    ("kerékpárút", "a szomszéd faluba vezető kerékpárút"),
    ("szelektív hulladék", "a szelektív gyűjtés bevezetése"),
    ("baba-mama klub", "a kisgyermekes családok találkozói"),
    ("civil ház", "egy közös civil ház kialakítása"),
    ("templomkert", "a templomkert rendbetétele"),
    ("horgásztó", "a horgásztó partjának tisztítása"),
    ("falugondnok", "a falugondnoki szolgálat bővítése"),
    ("digitális tanfolyam", "az idősek digitális tanfolyama"),
    ("kulturális fesztivál", "egy nyári kulturális fesztivál"),
    (
        "szomszédsági segítség",
        "a szomszédok egymást segítő hálózata",
    ),
    ("roma közösségi ház", "a roma közösségi ház programjai"),
];

/// A place's own words: what only a few texts mention.
const RARITIES: &[&str] = &[
    "kosárfonás",
    "csuhébaba",
    "kemencés lángos",
    "rétesnyújtás",
    "szűrhímzés",
    "fazekasság",
    "kovácsmesterség",
    "mézeskalács",
    "betlehemezés",
    "pünkösdölés",
    "szüreti bál",
    "busójárás",
    "gyöngyfűzés",
    "nemezelés",
    "fafaragás",
    "kékfestés",
    "csipkeverés",
    "bodnármesterség",
    "gyümölcsaszalás",
    "lekvárfőzés",
    "disznótor",
    "citerazenekar",
    "tökmagolajütés",
    "szalmafonás",
    "vesszőfonás",
    "bőrművesség",
    "kenderfeldolgozás",
    "szappanfőzés",
    "tojásfestés",
    "gulyásverseny",
    "halászlé",
    "pálinkafőzés",
    "méhészet",
    "juhászat",
    "gesztenyeszüret",
    "levendulaszedés",
    "tökfaragás",
    "aratóünnep",
    "kukoricafosztás",
    "szilvalekvár",
    "kisvasút",
    "vízimalom",
    "szélmalom",
    "kőfaragás",
    "harangöntés",
];

const SENTENCES: &[&str] = &[
    "A lakók elmondták, hogy {t} régóta foglalkoztatja a közösséget.",
    "Többen jelezték, hogy szívesen vállalnának önkéntes munkát a programban.",
    "A fiatalok azt kérték, hogy az alkalmak hétvégén legyenek.",
    "Az önkormányzat képviselője ígéretet tett a helyiség átadására.",
    "Szóba került, hogy {s} más településekkel is összefoghatna.",
    "A résztvevők egyetértettek abban, hogy a közösség maga szervezze a következő lépést.",
    "Kiderült, hogy sokan nem tudtak a korábbi programokról; a plakát kevés.",
    "A helyi civil szervezetek vezetői támogatásukról biztosították a kezdeményezést.",
    "Az idősebbek a régi szokásokról meséltek, a fiatalok ezt fel is vették.",
    "A beszélgetés végén kis csoportok alakultak a feladatok szerint.",
    "Felmerült, hogy pályázati forrást is keresni kell a folytatáshoz.",
    "A moderátor összefoglalta a javaslatokat, és mindenki szavazhatott.",
];

const DECISIONS: &[&str] = &[
    "- A következő találkozó egy hónap múlva lesz.\n- A munkacsoport összeállítja a javaslatot.",
    "- Meghívjuk a szomszéd település közösségét.\n- A programot a helyi lapban is meghirdetjük.",
    "- Aláírásgyűjtést indítunk.\n- Levelet írunk az önkormányzatnak.",
];

const MODERATORS: &[&str] = &[
    "Kovács Anna közösségfejlesztő",
    "Nagy Péter mentor",
    "Szabó Éva koordinátor",
    "Tóth Gábor közösségszervező",
    "Horváth Judit művelődésszervező",
];

fn is_talk(kind: ActivityKind) -> bool {
    kozos_domain::community::memo::has_memo(kind)
}

fn topic(d: &mut Dice) -> (&'static str, &'static str) {
    TOPICS[d.skewed(TOPICS.len())]
}

fn text(d: &mut Dice, settlement: &str, about: &str, sentences: usize) -> String {
    let mut out = Vec::with_capacity(sentences + 1);
    for _ in 0..sentences {
        out.push(
            d.pick(SENTENCES)
                .replace("{t}", about)
                .replace("{s}", settlement),
        );
    }
    if d.chance(0.3) {
        out.push(format!(
            "Szóba került a {} is, amelyről {settlement} híres volt.",
            d.pick(RARITIES)
        ));
    }
    out.join(" ")
}

/// Write the memos, initiatives and library items; returns how many records.
pub(super) async fn insert(
    tx: &mut Tx,
    acts: &[PlannedActivity],
    plans: &[Plan],
    settlements: &[Settlement],
    seed: u64,
    now: Instant,
) -> Result<u64> {
    let mut d = Dice::new(seed, 70);
    let mut w = CommunityWriter::new(now);
    // A memo for about one activity in ten, from the talks.
    let talks: Vec<&PlannedActivity> = acts.iter().filter(|a| is_talk(a.kind)).collect();
    let share = (acts.len() as f64 / 10.0) / talks.len().max(1) as f64;
    for a in talks {
        if !d.chance(share) {
            continue;
        }
        let place = &settlements[a.settlement as usize].name;
        let (t, about) = topic(&mut d);
        let title = format!("Emlékeztető – {} {place}: {t}", label(a.kind));
        let sentences = 3 + d.below(4);
        let body = format!(
            "## Elhangzott\n\n{}\n\nA {place} közösség programjában ez a {}. alkalom volt.",
            text(&mut d, place, about, sentences),
            1 + d.below(12),
        );
        let published = d.chance(0.85).then_some(a.ends_at);
        w.memo(
            tx,
            NewMemo {
                programme: plans[a.programme as usize].id,
                activity: a.id,
                title: &title,
                moderator: d.pick::<&str>(MODERATORS),
                body: &body,
                decisions: d.pick::<&str>(DECISIONS),
                published,
            },
        )
        .await?;
    }
    for p in plans {
        let at = p.home.or_else(|| p.area.first().map(|x| x.0)).unwrap_or(0);
        let place = &settlements[at].name;
        for _ in 0..3 {
            let (t, about) = topic(&mut d);
            let title = format!("{} – {place}", capitalised(t));
            let summary = text(&mut d, place, about, 2);
            let stage = *d.pick(&Stage::ORDERED);
            w.initiative(
                tx,
                NewInitiative {
                    programme: p.id,
                    title: &title,
                    summary: &summary,
                    stage,
                },
            )
            .await?;
        }
        let (t, about) = topic(&mut d);
        let kind = *d.pick(&[
            KnowledgeKind::Practice,
            KnowledgeKind::Publication,
            KnowledgeKind::Video,
            KnowledgeKind::Study,
        ]);
        let title = format!("{}: {place} tapasztalatai", capitalised(t));
        let summary = text(&mut d, place, about, 3);
        let url = (kind == KnowledgeKind::Video).then_some("https://example.org/video");
        w.knowledge(
            tx,
            NewKnowledge {
                kind,
                title: &title,
                summary: &summary,
                author: d.pick::<&str>(MODERATORS),
                // Every fifth belongs to the network as a whole.
                programme: (!d.chance(0.2)).then_some(p.id),
                place: Some(settlements[at].id),
                tags: t,
                url,
            },
        )
        .await?;
    }
    let (m, i, k) = w.finish(tx).await?;
    Ok(m + i + k)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

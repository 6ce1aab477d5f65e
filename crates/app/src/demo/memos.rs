//! Kisbér's memos: every community conversation (November 2018 – October 2019) and
//! participatory forum has one, moderated by the professional coordinator and published
//! at the Information Point (seed 000: "A beszélgetéseken készült emlékeztető az
//! Információs Pontban elérhető a lakosság számára"). The newest forums' memos are
//! still drafts, as a working office's are.

use crate::Result;
use kozos_db::programmes::activities::{self as db, Filter};
use kozos_db::programmes::memos;
use kozos_db::Tx;
use kozos_domain::activity::ActivityKind;
use kozos_domain::community::memo::{FollowUp, MemoInput};
use kozos_domain::time::{Date, Instant};
use kozos_domain::ProgrammeId;

const MODERATOR: &str = "Szakmai koordinátor – közösségfejlesztő";

/// The conversations' topics, in order, as the interviews raised them.
#[rustfmt::skip]
const TOPICS: [(&str, &str, &str); 12] = [
    ("Mit mondtak az interjúk?", "A 32 közösségi interjú összegzését a helyi önkéntesek mutatták be. Visszatérő téma a fiatalok elvándorlása, a városrészek (Hánta, Kisbér-Újtelep) elszigeteltsége és a közös ünnepek hiánya.", "a beszélgetések havi rendjét megtartjuk; a következő téma a közös ünnepek"),
    ("Közös ünnepeink", "A résztvevők felidézték a régi búcsúkat és a szüreti felvonulást. Többen vállalták, hogy régi fényképeket hoznak a könyvtárba.", "fotógyűjtés a könyvtárban; a Közösségek hete ötletének kidolgozása"),
    ("Fiatalok Kisbéren", "A középiskolások szerint nincs hová menniük este; a művelődési központ termeit szívesen használnák klubként, ha ők szervezhetik.", "ifjúsági klub próbaidőszakkal a művelődési központban"),
    ("Biztonság és szomszédság", "A polgárőrség bemutatta a szomszédfigyelő programot; az idősek a csalók elleni tájékoztatást kérték.", "közös tájékoztató a rendőrséggel az idősek klubjában"),
    ("Hánta és a városközpont", "A hántaiak a buszjáratok ritkaságát és a közösségi tér hiányát emelték ki; javasolták, hogy minden programsorozatnak legyen hántai alkalma.", "a Közösségek hetének egy estje Hántán legyen"),
    ("Múzeum, könyvtár, művelődési ház együtt", "Az intézmények vezetői bemutatták, miben tudnak együtt dolgozni; a lakók a nyitvatartás összehangolását kérték.", "közös havi programajánló a három intézménytől"),
    ("A helytörténet kincsei", "A Kisbéri Ménesbirtok és a régi kastély története sokakat érdekel; három helytörténeti tanulmány témáit gyűjtöttük össze.", "a tanulmányok szerzőinek felkérése; archív fotók digitalizálása"),
    ("Nyári programok", "Filmklub a szabadban, kerékpáros túra a falurészek között és gyerekprogramok a könyvtárban kerültek a listára.", "a Kisbéri Kalandozások programsorozat elindítása"),
    ("Civilek és önkormányzat", "A civil szervezetek a pályázatokban kértek segítséget; az önkormányzat havi civil fogadóórát ajánlott.", "civil fogadóóra bevezetése; a civil kerekasztal újraindítása"),
    ("Idősek és fiatalok találkozása", "Nagyszülők és unokák közös délutánját javasolták meséléssel, régi játékokkal.", "generációs délután szervezése a Közösségek hetén"),
    ("A Közösségek hete előkészítése", "Minden kisközösség egy estét vállalt; a program a helyi cselekvési terv első közös akciója lesz.", "a hét programjának véglegesítése; plakátok és szórólapok"),
    ("Egy év után: mit értünk el?", "Visszatekintés az év beszélgetéseire: a javaslatok többsége bekerült a helyi cselekvési tervbe.", "a beszélgetések folytatása fórumok formájában"),
];

pub(crate) async fn load(tx: &mut Tx, kisber: ProgrammeId, now: Instant) -> Result<usize> {
    let mut n = 0;
    let conversations = db::list(
        tx,
        &Filter {
            programme: Some(kisber),
            kind: Some(ActivityKind::CommunityConversation),
            to: Some(Date::from_ymd(2019, 11, 1).expect("date").start()),
            ..Default::default()
        },
    )
    .await?;
    for (a, (topic, said, next)) in conversations.iter().zip(TOPICS) {
        // Loaded again: what is there stays.
        if memos::exists_for(tx, a.id).await? {
            continue;
        }
        let held = a.starts_at.date();
        let memo = MemoInput {
            title: format!("Emlékeztető – közösségi beszélgetés: {topic}"),
            moderator: MODERATOR.into(),
            body: format!(
                "## Miről beszéltünk?\n\n{said}\n\nA beszélgetésen a lakók mellett az intézmények és a civil szervezetek képviselői is részt vettek."
            ),
            decisions: format!("- {next}"),
            follow_ups: vec![FollowUp {
                task: next.to_string(),
                owner: Some("Wass Albert Művelődési Központ és Városi Könyvtár".into()),
                due: Some(held.add_days(28)),
            }],
            published: true,
        };
        memos::insert(tx, kisber, a.id, &memo, a.ends_at).await?;
        n += 1;
    }
    let forums = db::list(
        tx,
        &Filter {
            programme: Some(kisber),
            kind: Some(ActivityKind::ParticipatoryForum),
            to: Some(now),
            ..Default::default()
        },
    )
    .await?;
    let last = forums.len().saturating_sub(1);
    for (i, a) in forums.iter().enumerate() {
        if memos::exists_for(tx, a.id).await? {
            continue;
        }
        let topic = a.title.split_once(": ").map(|(_, t)| t).unwrap_or(&a.title);
        let mut chars = topic.chars();
        let sentence: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        let memo = MemoInput {
            title: format!("Emlékeztető – {}", a.title),
            moderator: MODERATOR.into(),
            body: format!(
                "## A fórum témája\n\n{sentence}.\n\nA részvételi fórum mindenki előtt nyitott volt; a hozzászólásokat a moderátor összegezte, a javaslatok a helyi cselekvési terv felülvizsgálatához kerülnek."
            ),
            decisions: "- a javaslatok a következő tervezőműhely elé kerülnek".into(),
            follow_ups: vec![FollowUp {
                task: format!("A javaslatok összesítése: {topic}"),
                owner: Some(MODERATOR.into()),
                due: Some(a.starts_at.date().add_days(14)),
            }],
            // The last forum's memo is still being written.
            published: i != last,
        };
        memos::insert(tx, kisber, a.id, &memo, a.ends_at).await?;
        n += 1;
    }
    Ok(n)
}

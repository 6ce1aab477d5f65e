//! The library's demo items: Kisbér's three local-history studies and short films (seed
//! 000), the national project's publications in Hungarian and English (seed 001) and
//! good practices of the support network (seed 002). Their web addresses are example
//! addresses (the real files are not ours to link).

use crate::Result;
use kozos_db::{knowledge, Tx};
use kozos_domain::community::knowledge::{ItemLanguage, KnowledgeInput, KnowledgeKind};
use kozos_domain::time::{Date, Instant};
use kozos_domain::{PlaceId, ProgrammeId};

pub(crate) struct Programmes {
    pub kisber: ProgrammeId,
    pub kisber_place: PlaceId,
    pub cselekvo: ProgrammeId,
    pub network: ProgrammeId,
}

/// Kind, title, summary, author, programme, published, tags, language, address, month.
type Item<'a> = (
    KnowledgeKind,
    &'a str,
    &'a str,
    &'a str,
    Option<ProgrammeId>,
    bool,
    &'a str,
    ItemLanguage,
    Option<&'a str>,
    (i32, u32),
);

pub(crate) async fn load(tx: &mut Tx, p: &Programmes) -> Result<usize> {
    use ItemLanguage::{En, Hu};
    use KnowledgeKind::*;
    #[rustfmt::skip] // one item per line: a table people read
    let items: Vec<Item> = vec![
        (Study, "A Batthyány-kastély és a Kisbéri Ménesbirtok története", "Helytörténeti tanulmány a kastély építéséről, a ménesbirtok alapításáról és a település életében betöltött szerepéről, archív fényképekkel.", "Kisbéri helytörténeti munkacsoport", Some(p.kisber), true, "helytörténet, ménesbirtok, kastély", Hu, None, (2020, 5)),
        (Study, "Hánta – egy falu a városban", "Tanulmány Hánta településrész múltjáról, a hántaiak visszaemlékezéseiből és a plébánia irataiból.", "Kisbéri helytörténeti munkacsoport", Some(p.kisber), true, "helytörténet, Hánta, visszaemlékezés", Hu, None, (2021, 3)),
        (Study, "Egyesületek és közösségek Kisbéren a 20. században", "A polgári olvasókörtől a polgárőrségig: a kisbéri civil élet száz éve.", "Kisbéri helytörténeti munkacsoport", Some(p.kisber), true, "helytörténet, civil szervezetek", Hu, None, (2022, 9)),
        (Video, "Kisbéri pillanatok – a Közösségek hete", "Rövidfilm a Közösségek hete programsorozatról: esték a városrészekben, közös főzés a főtéren.", "Kisbér Város Önkormányzata", Some(p.kisber), true, "Közösségek hete, film", Hu, Some("https://video.example.org/kisber/kozossegek-hete"), (2019, 10)),
        (Video, "Kisbéri Kalandozások – kerékpárral a falurészek között", "Rövidfilm a nyári programsorozat túrájáról.", "Kisbér Város Önkormányzata", Some(p.kisber), true, "Kisbéri Kalandozások, film", Hu, Some("https://video.example.org/kisber/kalandozasok"), (2020, 8)),
        (Publication, "A kulturális közösségfejlesztés módszertana", "Módszertani kézikönyv a közösségi folyamatok szakaszairól: közösségi felmérés és tervezés, a múlt feltárása, cselekvési terv, közösségi akciók, stratégiai dokumentum.", "Cselekvő közösségek szakmai műhely", Some(p.cselekvo), true, "módszertan, közösségfejlesztés", Hu, Some("https://kiadvanyok.example.org/modszertan"), (2018, 6)),
        (Publication, "Cultural Community Development in Hungary", "An English summary of the methods and results of the Active Communities project: mentoring, institutional volunteering and measuring the effectiveness of community processes.", "Active Communities project team", Some(p.cselekvo), true, "methodology, community development", En, Some("https://kiadvanyok.example.org/en/active-communities"), (2019, 8)),
        (Practice, "Megyei szakmai műhelyek a közösségi munkásoknak", "A támogató hálózat megyei fejlesztői havonta szakmai műhelyt tartanak: esetmegbeszélés, tapasztalatcsere, közös tervezés.", "Közösségfejlesztők Egyesülete", Some(p.network), true, "jó gyakorlat, szakmai műhely, hálózat", Hu, None, (2005, 11)),
        (Practice, "Tapasztalatcsere-látogatás a kistérségi modellprogramokban", "Két település közösségi munkásai kölcsönösen meglátogatják egymás programjait; a látogatás után közös feljegyzés készül.", "Közösségfejlesztők Egyesülete", Some(p.network), true, "jó gyakorlat, tapasztalatcsere", Hu, None, (2005, 9)),
        (Practice, "Múzeum, könyvtár és művelődési ház közös programajánlója", "A három intézmény havonta egy közös programajánlót ad ki, és összehangolja a nyitvatartását.", "Wass Albert Művelődési Központ és Városi Könyvtár", Some(p.kisber), false, "jó gyakorlat, intézményi együttműködés", Hu, None, (2022, 2)),
    ];
    let mut n = 0;
    for (kind, title, summary, author, programme, published, tags, language, url, (y, m)) in items {
        if knowledge::exists_titled(tx, title).await? {
            continue;
        }
        let input = KnowledgeInput {
            kind,
            title: title.into(),
            summary: summary.into(),
            author: author.into(),
            programme_id: programme,
            settlement: None,
            tags: tags.split(", ").map(|t| t.to_lowercase()).collect(),
            language,
            url: url.map(str::to_string),
            published,
        };
        let place = (programme == Some(p.kisber)).then_some(p.kisber_place);
        let at: Instant = Date::from_ymd(y, m, 15).expect("date").start();
        knowledge::insert(tx, &input, place, at).await?;
        n += 1;
    }
    Ok(n)
}

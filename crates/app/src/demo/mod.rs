//! The built-in demo: the five seed programmes with their published figures, partners,
//! agreements, action areas and target groups, plus one account per role. Loading it
//! twice changes nothing (every step finds before it creates).
//!
//! Where a source text does not give a fact (a start date, an intermediate body, a
//! staff member's name), the field is left empty rather than invented.

mod activities;
pub mod bench;
mod indicators;
mod initiatives;
mod knowledge;
mod memos;
pub mod national;
mod participants;
mod questions;
mod surveys;

use crate::{App, AppError, Result};
use kozos_db::{organisations, places, programmes, DbError, Tx};
use kozos_domain::organisation::{OrgKind, OrganisationInput, Sector};
use kozos_domain::place::{Place, PlaceKind};
use kozos_domain::programme::*;
use kozos_domain::project_code::ProjectCode;
use kozos_domain::time::Date;
use kozos_domain::user::{Grant, Role, Scope};
use kozos_domain::*;

/// The password of every demo account. For a local trial only: `serve` refuses to listen
/// on a non-loopback address while demo accounts exist, unless explicitly told to.
pub const DEMO_PASSWORD: &str = "kozos-demo-2026";

/// (e-mail, name, role, scope) of the demo accounts; scopes name demo objects.
pub const DEMO_ACCOUNTS: &[(&str, &str, Role, &str)] = &[
    (
        "admin@demo.kozos.hu",
        "Adminisztrátor Anna",
        Role::Administrator,
        "country",
    ),
    (
        "orszagos@demo.kozos.hu",
        "Országos Oszkár",
        Role::NationalCoordinator,
        "country",
    ),
    (
        "megyei@demo.kozos.hu",
        "Megyei Márta",
        Role::CountyCoordinator,
        "county:Komárom-Esztergom",
    ),
    (
        "projektmenedzser@demo.kozos.hu",
        "Projekt Péter",
        Role::ProjectManager,
        "programme:kisber",
    ),
    (
        "koordinator@demo.kozos.hu",
        "Koordinátor Kata",
        Role::Coordinator,
        "programme:kisber",
    ),
    (
        "fejleszto@demo.kozos.hu",
        "Fejlesztő Ferenc",
        Role::CommunityDeveloper,
        "programme:kisber",
    ),
    (
        "mentor@demo.kozos.hu",
        "Mentor Mária",
        Role::Mentor,
        "county:Komárom-Esztergom",
    ),
    (
        "auditor@demo.kozos.hu",
        "Auditor Ágnes",
        Role::Auditor,
        "programme:kecskemet",
    ),
    (
        "onkentes@demo.kozos.hu",
        "Önkéntes Ödön",
        Role::Volunteer,
        "programme:kisber",
    ),
    (
        "lakos@demo.kozos.hu",
        "Lakos Lili",
        Role::Resident,
        "country",
    ),
];

pub const KISBER_CODE: &str = "TOP-5.3.1-16-KO1-2017-00005";
pub const KECSKEMET_CODE: &str = "TOP-6.9.1-16-KE1-2017-00001";
pub const CSELEKVO_CODE: &str = "EFOP-1.3.1-15-2016-00001";
pub const NETWORK_2005_TITLE: &str = "Közösségi kezdeményezéseket támogató szakmai hálózat (2005)";
pub const ABAUJ_TITLE: &str = "Partnerség és közösségfejlesztés az Abaúji kistérségben (2010–2012)";

fn d(y: i32, m: u32, day: u32) -> Option<Date> {
    Date::from_ymd(y, m, day)
}

struct Ctx<'a> {
    tx: Tx,
    now: &'a str,
}

impl Ctx<'_> {
    async fn settlement(&mut self, name: &str) -> Result<Place> {
        let folded = kozos_domain::text::fold(name);
        let found = places::settlement_by_folded_name(&mut self.tx, &folded).await?;
        found.ok_or_else(|| {
            AppError::Internal(format!(
                "demo settlement {name} missing from the built-in places"
            ))
        })
    }

    async fn county(&mut self, name: &str) -> Result<Place> {
        let country = places::find_child(
            &mut self.tx,
            None,
            PlaceKind::Country,
            crate::gazetteer::COUNTRY,
        )
        .await?
        .ok_or_else(|| AppError::Internal("country missing".into()))?;
        places::find_child(&mut self.tx, Some(country.id), PlaceKind::County, name)
            .await?
            .ok_or_else(|| AppError::Internal(format!("county {name} missing")))
    }

    async fn org(
        &mut self,
        name: &str,
        sector: Sector,
        kind: OrgKind,
        settlement: Option<&str>,
        parent: Option<OrganisationId>,
    ) -> Result<OrganisationId> {
        let settlement_id = match settlement {
            Some(s) => Some(self.settlement(s).await?.id),
            None => None,
        };
        let input = OrganisationInput {
            name: name.into(),
            sector,
            kind,
            settlement_id,
            parent_id: parent,
            website: None,
        };
        Ok(organisations::ensure(&mut self.tx, &input, self.now).await?)
    }

    async fn programme(&mut self, input: ProgrammeInput) -> Result<ProgrammeId> {
        let existing = match &input.code {
            Some(c) => programmes::id_by_code(&mut self.tx, c.as_str()).await?,
            None => programmes::id_by_title(&mut self.tx, &input.title).await?,
        };
        match existing {
            Some(id) => Ok(id),
            None => Ok(programmes::insert(&mut self.tx, &input, self.now).await?),
        }
    }

    async fn partner(
        &mut self,
        programme: ProgrammeId,
        org: OrganisationId,
        role: PartnerRole,
        agreement: Option<(Option<Date>, &str)>,
    ) -> Result<()> {
        let pid = match programmes::partner_id_for(&mut self.tx, programme, org).await? {
            Some(p) => p,
            None => {
                programmes::insert_partner(
                    &mut self.tx,
                    programme,
                    &PartnerInput {
                        organisation_id: org,
                        role,
                    },
                )
                .await?
            }
        };
        if let Some((signed_on, scope)) = agreement {
            let a = AgreementInput {
                signed_on,
                scope: scope.into(),
            };
            if !programmes::agreement_exists(&mut self.tx, pid, &a).await? {
                programmes::insert_agreement(&mut self.tx, pid, &a).await?;
            }
        }
        Ok(())
    }

    async fn area(
        &mut self,
        programme: ProgrammeId,
        name: &str,
        boundary: &str,
        settlements: &[Place],
    ) -> Result<()> {
        if programmes::action_area_id_by_name(&mut self.tx, programme, name)
            .await?
            .is_none()
        {
            let ids: Vec<PlaceId> = settlements.iter().map(|p| p.id).collect();
            programmes::upsert_action_area(
                &mut self.tx,
                programme,
                None,
                name,
                boundary,
                &ids,
                None,
            )
            .await?;
        }
        Ok(())
    }

    async fn groups(
        &mut self,
        programme: ProgrammeId,
        groups: &[(&str, Option<&str>, Option<i64>)],
    ) -> Result<()> {
        for (name, description, size) in groups {
            if !programmes::target_group_exists(&mut self.tx, programme, name).await? {
                let t = TargetGroupInput {
                    name: (*name).into(),
                    description: description.map(str::to_string),
                    planned_size: *size,
                };
                programmes::insert_target_group(&mut self.tx, programme, &t).await?;
            }
        }
        Ok(())
    }

    async fn staff(&mut self, programme: ProgrammeId, st: StaffInput) -> Result<()> {
        if !programmes::staff_exists(&mut self.tx, programme, &st).await? {
            programmes::insert_staff(&mut self.tx, programme, &st).await?;
        }
        Ok(())
    }
}

fn code(c: &str) -> Option<ProjectCode> {
    Some(ProjectCode::parse(c).expect("demo project codes are valid"))
}

/// Load (or complete) the demo. Returns the ids of the five programmes in seed order.
pub async fn load(app: &App) -> Result<Vec<ProgrammeId>> {
    let now = app.now_text();
    let tx = app.db.begin().await?;
    let mut c = Ctx { tx, now: &now };

    // Settlement parts the demo refers to.
    let kisber = c.settlement("Kisbér").await?;
    crate::gazetteer::ensure_settlement_part(&mut c.tx, &kisber, "Hánta").await?;
    let hanta = c.settlement("Hánta").await?;
    let kecskemet = c.settlement("Kecskemét").await?;
    let ke_county = c.county("Komárom-Esztergom").await?;
    let borsod = c.county("Borsod-Abaúj-Zemplén").await?;

    use OrgKind::*;
    use Sector::*;
    let kisber_onk = c
        .org(
            "Kisbér Város Önkormányzata",
            Public,
            Municipality,
            Some("Kisbér"),
            None,
        )
        .await?;
    let skanzen = c
        .org(
            "Szabadtéri Néprajzi Múzeum",
            Public,
            Museum,
            Some("Szentendre"),
            None,
        )
        .await?;
    let polgaror = c
        .org(
            "Kisbéri Polgárőr Egyesület",
            Civil,
            CivilGuard,
            Some("Kisbér"),
            None,
        )
        .await?;
    let rendorseg = c
        .org(
            "Kisbéri Rendőrkapitányság",
            Public,
            Police,
            Some("Kisbér"),
            None,
        )
        .await?;
    let wass = c
        .org(
            "Wass Albert Művelődési Központ és Városi Könyvtár",
            Public,
            CommunityCentre,
            Some("Kisbér"),
            None,
        )
        .await?;
    let nmi = c
        .org(
            "Nemzeti Művelődési Intézet",
            Public,
            NationalBody,
            Some("Budapest"),
            None,
        )
        .await?;
    let oszk = c
        .org(
            "Országos Széchényi Könyvtár",
            Public,
            Library,
            Some("Budapest"),
            None,
        )
        .await?;
    let network = c
        .org(
            "„Cselekvő közösségek” kulturális közösségfejlesztő mentorhálózat",
            Public,
            NationalBody,
            None,
            Some(skanzen),
        )
        .await?;
    let country = places::find_child(
        &mut c.tx,
        None,
        PlaceKind::Country,
        crate::gazetteer::COUNTRY,
    )
    .await?
    .expect("built in");
    for county in places_children(&mut c.tx, &country).await? {
        let name = format!(
            "„Cselekvő közösségek” mentorhálózat – {} megyei iroda",
            county.name
        );
        if county.name != "Budapest" {
            c.org(&name, Public, CountyOffice, None, Some(network))
                .await?;
        }
    }
    let kfe = c
        .org(
            "Közösségfejlesztők Egyesülete",
            Civil,
            Ngo,
            Some("Budapest"),
            None,
        )
        .await?;
    let kecskemet_onk = c
        .org(
            "Kecskemét Megyei Jogú Város Önkormányzata",
            Public,
            Municipality,
            Some("Kecskemét"),
            None,
        )
        .await?;

    // 1. Kisbér
    let p_kisber = c.programme(ProgrammeInput {
        title: "Helyi kisközösségek Kisbérhez tartozásának erősítése".into(),
        code: code(KISBER_CODE),
        beneficiary_id: Some(kisber_onk),
        place_id: Some(kisber.id),
        grant_huf: Some(22_407_407),
        aid_intensity_bp: Some(10_000),
        fund: Some(Fund::Esza),
        start_date: None,
        end_date: d(2023, 1, 31),
        intermediate_body: None,
        description: "A projekt általános célja a helyi identitás és a társadalmi kohézió erősítése Kisbéren: közösségfejlesztési folyamatok kezdeményezése és a folyamatokat támogató szervezeti, módszertani és humánerőforrás-fejlesztés.\n\n2018 októberében 32 közösségi interjú készült, amelyeket helyi önkéntesek összegeztek; 2018 novembere és 2019 októbere között a szakmai koordinátor moderálásával közösségi beszélgetések zajlottak, emlékeztetőik az Információs Pontban olvashatók. Elkészült a helyi cselekvési terv és a rendezvénynaptár, megújult a helyi esélyegyenlőségi program. 39 hónapon át folytak közösségi akciók a múzeum, a könyvtár és a művelődési központ közreműködésével; új programsorozatok indultak (Közösségek hete, Kisbéri Kalandok, Filmklub), három helytörténeti tanulmány és tíz rövid film készült.".into(),
    }).await?;
    c.partner(p_kisber, skanzen, PartnerRole::CooperationPartner, Some((d(2018, 7, 19), "Együttműködés a „Cselekvő közösségek” kiemelt projekt megvalósítójával, mentoraival és tudásmegosztó fórumaival a közösségfejlesztési folyamat során."))).await?;
    c.partner(
        p_kisber,
        polgaror,
        PartnerRole::CooperationPartner,
        Some((
            None,
            "Együttműködés a közösségi akciókban és az áldozattá válás megelőzésében.",
        )),
    )
    .await?;
    c.partner(
        p_kisber,
        rendorseg,
        PartnerRole::CooperationPartner,
        Some((
            None,
            "Együttműködés az áldozattá válás csökkentését célzó lakossági tájékoztatásban.",
        )),
    )
    .await?;
    c.partner(p_kisber, wass, PartnerRole::CooperationPartner, Some((None, "A közösségi Információs Pont működtetése 2018 októberétől; közös közművelődési és könyvtári programok."))).await?;
    c.area(
        p_kisber,
        "Kisbér és Hánta",
        "Kisbér város közigazgatási területe, Hánta városrésszel együtt.",
        &[kisber.clone(), hanta.clone()],
    )
    .await?;
    c.groups(
        p_kisber,
        &[
            (
                "Kisbér lakosai",
                Some("A célterület lakossága, különösen a helyi kisközösségek tagjai."),
                None,
            ),
            (
                "Helyi önkéntesek",
                Some("A közösségi interjúkat összegző és a programokat segítő önkéntesek."),
                None,
            ),
            (
                "Helyi intézmények és civil szervezetek",
                Some("Közművelődési, muzeális és könyvtári intézmények, egyesületek."),
                None,
            ),
        ],
    )
    .await?;
    c.staff(
        p_kisber,
        StaffInput {
            name: "Szakmai koordinátor – közösségfejlesztő".into(),
            position: StaffPosition::Coordinator,
            start_date: None,
            end_date: d(2023, 1, 31),
            note: Some("39 hónapig alkalmazva; a forrás nem közli a nevét.".into()),
        },
    )
    .await?;

    // 2. Cselekvő közösségek
    let p_cselekvo = c.programme(ProgrammeInput {
        title: "Cselekvő közösségek – aktív közösségi szerepvállalás".into(),
        code: code(CSELEKVO_CODE),
        beneficiary_id: Some(skanzen),
        place_id: None,
        grant_huf: Some(3_000_000_000),
        aid_intensity_bp: Some(10_000),
        fund: Some(Fund::Esza),
        start_date: d(2016, 9, 16),
        end_date: d(2019, 9, 15),
        intermediate_body: None,
        description: "Országos kulturális közösségfejlesztési kiemelt projekt (a támogatás összege mintegy 3 milliárd forint). Célja, hogy a múzeumok, könyvtárak és közművelődési intézmények közösségi részvételen alapuló, társadalmiasított működését segítse, és képessé tegye a civil szervezeteket, önkormányzatokat és intézményeket a közösségi kezdeményezések befogadására.\n\nTevékenységei: módszertani fejlesztések (intézményi önkéntesség, a közösségfejlesztési folyamatok hatékonyságának mérése), 18 intézményi együttműködési mintaprojekt, országos 72 fős mentorhálózat megyei irodákkal, képzések, hazai és nemzetközi konferenciák, magyar és angol nyelvű kiadványok, játékosítás elvére épülő online alkalmazás, valamint a módszertan alkalmazásának monitorozása. Indikátorok: 360 mentorált helyi közösség, 360 elért település vagy településrész, 72 mentor, 84 képzett mentor, 54 társadalmiasítottan működő intézmény, 420 képzett szakember.".into(),
    }).await?;
    c.partner(p_cselekvo, nmi, PartnerRole::ConsortiumMember, None)
        .await?;
    c.partner(p_cselekvo, oszk, PartnerRole::ConsortiumMember, None)
        .await?;
    c.partner(p_cselekvo, network, PartnerRole::CooperationPartner, None)
        .await?;
    c.partner(p_cselekvo, kisber_onk, PartnerRole::CooperationPartner, Some((d(2018, 7, 19), "A TOP-5.3.1-16-KO1-2017-00005 projekt együttműködése a kiemelt projekttel, mentoraival és tudásmegosztó fórumaival."))).await?;
    c.groups(p_cselekvo, &[
        ("Közösségfejlesztést kezdeményező szervezetek", Some("Civil, egyházi és egyéb szervezetek, önkormányzatok, intézmények és munkatársaik."), None),
        ("Kulturális intézmények és munkatársaik", Some("Múzeumok, könyvtárak, közművelődési intézmények szakemberei."), Some(420)),
        ("Közösségfejlesztő mentorok", None, Some(84)),
        ("Települések, településrészek lakói és közösségeik", Some("Közvetett célcsoport."), None),
    ]).await?;

    // 3. Support network, 2005
    let p_network = c.programme(ProgrammeInput {
        title: NETWORK_2005_TITLE.into(),
        code: None,
        beneficiary_id: Some(kfe),
        place_id: None,
        grant_huf: None,
        aid_intensity_bp: None,
        fund: None,
        start_date: d(2005, 1, 1),
        end_date: d(2005, 12, 31),
        intermediate_body: None,
        description: "Megyei támogató hálózat a települési és lakótelepi közösségi kezdeményezések segítésére. Megyénként 10–15 helyi kezdeményezés szakmai támogatása; a megyei fejlesztők szakmai műhelyeket, egyéni konzultációkat, tapasztalatcsere-látogatásokat és képzéseket szerveznek. Az első évben közel 200 településen és lakótelepen indultak helyi cselekvési programok.\n\n2005-ben a hálózat bővül a hátrányos helyzetű, aprófalvas megyékben (Szabolcs-Szatmár-Bereg, Borsod-Abaúj-Zemplén, Somogy, Baranya, Zala); három kistérségben modellprogram, Országos Fejlesztési Műhely, a közösségi munkások tevékenységének monitorozása, a jó gyakorlatok gyűjtése és a referenciaprogramok akkreditációs feltételeinek kidolgozása. Az országos koordinációt a Közösségfejlesztők Egyesülete látja el.".into(),
    }).await?;
    c.groups(
        p_network,
        &[
            ("Közösségi munkások és közösségfejlesztők", None, None),
            (
                "Települési és lakótelepi közösségi kezdeményezések",
                Some("Megyénként 10–15 kezdeményezés."),
                None,
            ),
            ("Kistelepülések és lakótelepek lakói", None, None),
        ],
    )
    .await?;

    // 4. Abaúj
    let encs = c.settlement("Encs").await?;
    let gonc = c.settlement("Gönc").await?;
    let szanto = c.settlement("Abaújszántó").await?;
    let sziksz = c.settlement("Szikszó").await?;
    let p_abauj = c.programme(ProgrammeInput {
        title: ABAUJ_TITLE.into(),
        code: None,
        beneficiary_id: None,
        place_id: Some(borsod.id),
        grant_huf: None,
        aid_intensity_bp: None,
        fund: None,
        start_date: d(2010, 11, 1),
        end_date: d(2012, 1, 31),
        intermediate_body: None,
        description: "A három szektor (civil, vállalkozói, közszféra) és a hátrányos helyzetű csoportok partnerségét építő kistérségi projekt. 18 workshop öt szakaszban (4 nyitó – partnerségépítés, 4 a helyi kezdeményezések feltárására, 4 elemzésre és kiválasztásra, 4 a kiválasztott kezdeményezések kidolgozására, 2 záró – disszemináció), 4 közösségfejlesztő és 16 egyéni kompetenciafejlesztő tréning, 3 kiskonferencia és egy nemzetközi konferencia, folyamatos személyes konzultációk.\n\nIndikátorok: 20 helyi szervezet elérése, 10 helyi kezdeményezés támogatása, 20 tréning, 4 új civil szervezet, 1 honlap, 3 + 1 konferencia, 18 workshop, 20 település elérése. A forrás nem nevezi meg a kedvezményezettet.".into(),
    }).await?;
    c.area(p_abauj, "Abaúji kistérség", "Az Abaúj térség települései; a forrás 20 elért települést említ, név szerint nem sorolja fel őket. Itt a térség központjai szerepelnek.", &[encs, gonc, szanto, sziksz]).await?;
    c.groups(
        p_abauj,
        &[
            ("Civil szereplők", None, None),
            ("Önkormányzatok", None, None),
            ("Vállalkozók", None, None),
            ("Hátrányos helyzetű csoportok", None, None),
        ],
    )
    .await?;

    // 5. Kecskemét
    let p_kecskemet = c.programme(ProgrammeInput {
        title: "Társadalmi együttműködés erősítése Kecskeméten".into(),
        code: code(KECSKEMET_CODE),
        beneficiary_id: Some(kecskemet_onk),
        place_id: Some(kecskemet.id),
        grant_huf: Some(165_000_000),
        aid_intensity_bp: Some(10_000),
        fund: Some(Fund::Esza),
        start_date: None,
        end_date: d(2023, 11, 30),
        intermediate_body: Some("Magyar Államkincstár Bács-Kiskun Vármegyei Igazgatóság".into()),
        description: "A leszakadó és leszakadással veszélyeztetett, szegregált városi területeken élők közösségi és egyéni szintű társadalmi integrációjának elősegítése (TOP-6.9.1-16 „A társadalmi együttműködés erősítését szolgáló helyi szintű komplex programok”). A KSH 2011. évi népszámlálása alapján öt városrészt magába foglaló szegregációs akcióterület került kijelölésre; lakói számára egyéni és közösségi fejlesztési tervek készülnek.\n\n2019 áprilisától szociális, foglalkoztatási, közösségfejlesztési és antidiszkriminációs programok: 15–18 éveseknek önismereti csoport, ifjúsági elsősegélynyújtó és közösségi program, önsegítő női klub, családi nap. Képzések: targoncavezető (50 fő, 2021), személyes kompetenciák fejlesztése (200 fő, 2022. június 3-án zárult), parkgondozó és kisgépkezelő (40 fő, 2023). A projektet a TOP-6.7.1-16-KE1-2017-00001 azonosítójú, 548 millió forintos városrehabilitációs projekt egészíti ki.".into(),
    }).await?;
    c.area(p_kecskemet, "Szegregációs akcióterület (öt városrész)", "142-es számú vasútvonal (Kórház utcától délre található vasútvonal Lajosmizse–Kecskemét) – Műkerti sétány – Erzsébet körút – Kossuth körút – Árpád körút – Küküllő utca – Kiskőrösi út – Könyves Kálmán körút – Csap utca – Csengő utca (KSH szegregátum-lehatárolásán Alma utca) – Présház utca – Róna utca – Kiskőrösi út – 9413 hrsz-ú telek közterületi határa – Könyves Kálmán körút – Halasi út – 142-es számú vasútvonal.", std::slice::from_ref(&kecskemet)).await?;
    c.groups(p_kecskemet, &[
        ("Az akcióterületen élő hátrányos helyzetű lakosok", Some("Egyéni és közösségi fejlesztési tervekkel."), None),
        ("15–18 éves fiatalok", Some("Önismereti csoport kamaszoknak, ifjúsági elsősegélynyújtó és közösségi program."), None),
        ("Önsegítő női klub tagjai", None, None),
        ("Targoncavezető-képzés résztvevői", Some("Bizonyítványt szerzett 2021-ben."), Some(50)),
        ("Személyes kompetenciafejlesztő képzés résztvevői", Some("A képzés 2022. június 3-án zárult."), Some(200)),
        ("Parkgondozó és kisgépkezelő képzés résztvevői", Some("Tanúsítvány 2023-ban."), Some(40)),
    ]).await?;

    let activity_ids = activities::Ids {
        kisber: p_kisber,
        cselekvo: p_cselekvo,
        network: p_network,
        abauj: p_abauj,
        kecskemet: p_kecskemet,
        kisber_onk,
        wass,
        skanzen,
        polgaror,
        rendorseg,
        nmi,
        oszk,
        mentors: network,
        kfe,
        kecskemet_onk,
    };
    let added = activities::load(app, &mut c.tx, &activity_ids).await?;
    tracing::debug!(added, "demo activities");
    let memos = memos::load(&mut c.tx, p_kisber, app.clock.instant()).await?;
    let items = knowledge::load(
        &mut c.tx,
        &knowledge::Programmes {
            kisber: p_kisber,
            kisber_place: kisber.id,
            cselekvo: p_cselekvo,
            network: p_network,
        },
    )
    .await?;
    tracing::debug!(items, "demo library");
    tracing::debug!(memos, "demo memos");
    let people = participants::load(&mut c.tx, &activity_ids, app.clock.instant()).await?;
    tracing::debug!(people, "demo participants");
    let committed = indicators::load(&mut c.tx, &activity_ids, app.clock.instant()).await?;
    tracing::debug!(committed, "demo indicators");
    let sheets = surveys::load(&mut c.tx, p_kisber, &now).await?;
    tracing::debug!(sheets, "demo answer sheets");

    kozos_db::audit::record(&mut c.tx, &now, None, "load", "demo", None, "").await?;
    c.tx.commit().await.map_err(DbError::from)?;
    let ids = vec![p_kisber, p_cselekvo, p_network, p_abauj, p_kecskemet];

    // One Argon2 hash for the one demo password: ten would cost start-up time and memory.
    let hash = crate::auth::hash_password(DEMO_PASSWORD.to_string()).await?;
    for (email, name, role, scope) in DEMO_ACCOUNTS {
        let scope = match *scope {
            "country" => Scope::Country,
            "programme:kisber" => Scope::Programme(p_kisber),
            "programme:kecskemet" => Scope::Programme(p_kecskemet),
            s if s.starts_with("county:") => Scope::Place(ke_county.id),
            other => return Err(AppError::Internal(format!("unknown demo scope {other}"))),
        };
        crate::auth::upsert_user_with_hash(
            app,
            email,
            name,
            &hash,
            &[Grant { role: *role, scope }],
            true,
        )
        .await?;
    }
    // Residents act as the demo accounts, so initiatives come after them.
    let made = initiatives::load(app, p_abauj, p_kisber).await?;
    tracing::debug!(made, "demo initiatives");
    let asked = questions::load(
        app,
        &questions::Programmes {
            cselekvo: p_cselekvo,
            kisber: p_kisber,
            kisber_place: kisber.id,
            hanta_place: hanta.id,
        },
    )
    .await?;
    tracing::debug!(asked, "demo questions");
    Ok(ids)
}

async fn places_children(tx: &mut Tx, parent: &Place) -> Result<Vec<Place>> {
    Ok(places::children_in(tx, parent.id).await?)
}

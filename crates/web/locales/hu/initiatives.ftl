## Kezdeményezések

initiative-stage-proposed = Javasolt
initiative-stage-explored = Feltárt
initiative-stage-analysed = Elemzett
initiative-stage-selected = Kiválasztott
initiative-stage-elaborated = Kidolgozott
initiative-stage-implemented = Megvalósult
initiative-stage-set-aside = Félretett

initiative-assistance-mentoring = Mentorálás
initiative-assistance-in-kind = Természetbeni támogatás
initiative-assistance-money = Pénzbeli támogatás

initiative-outcome-none = Nincs (még)
initiative-outcome-ngo = Civil szervezet alakult
initiative-outcome-club = Új klub alakult

err-text-markup = HTML-jelölést vagy szkriptet (például <script> vagy <img>) tartalmaz. Egyszerű szöveget írj; a „<” jel után ne álljon betű.
err-initiative-same-stage = A kezdeményezés már ebben a szakaszban van.
err-initiative-skip-reason = Szakasz átugrásához indoklás kell: írd le, miért lép tovább egynél több szakaszt.
err-initiative-back-reason = Visszalépéshez indoklás kell.
err-initiative-set-aside-reason = Félretételhez indoklás kell.
err-initiative-reopen-reason = Félretett kezdeményezés újbóli felvételéhez indoklás kell.
err-initiative-amount-money-only = Összeg csak pénzbeli támogatásnál adható meg.
err-initiative-given-by = Add meg, ki adta a támogatást: válassz szervezetet, vagy írd be a nevét.
err-initiative-already-supported = Ezt a kezdeményezést már támogatod; egy ember egyszer támogathat egy kezdeményezést.
err-comment-already-reported = Ezt a hozzászólást már jelezted a moderátornak.
err-resident-blocked = A moderátor letiltotta, hogy itt javaslatot tegyél, hozzászólj vagy kérdezz.
err-confirm-expired = A megerősítő link lejárt (48 óráig érvényes). Küldd el újra az űrlapot, és új levelet kapsz.

audit-propose_initiative = Kezdeményezés javaslata
audit-update_initiative = Kezdeményezés módosítása
audit-delete_initiative = Kezdeményezés törlése
audit-support_initiative = Kezdeményezés támogatása
audit-withdraw_support = Támogatás visszavonása
audit-comment_initiative = Hozzászólás kezdeményezéshez
audit-update_comment = Hozzászólás módosítása
audit-delete_comment = Hozzászólás törlése
audit-report_comment = Hozzászólás jelzése
audit-move_initiative = Kezdeményezés szakaszváltása
audit-add_assistance = Nyújtott támogatás rögzítése
audit-delete_assistance = Nyújtott támogatás törlése
audit-set_initiative_outcome = Kezdeményezés eredménye
audit-found_organisation = Alakult szervezet felvétele
audit-hide_comment = Hozzászólás elrejtése
audit-restore_comment = Hozzászólás visszaállítása
audit-block_resident = Lakos letiltása
audit-unblock_resident = Lakos tiltásának feloldása

confirm-mail-subject = Erősítsd meg a kérésedet
confirm-mail-initiative-propose = Kezdeményezést javasoltál. A javaslatod akkor jelenik meg, amikor megerősíted.
confirm-mail-initiative-support = Egy kezdeményezés támogatását kérted. A támogatásod akkor számít, amikor megerősíted.
confirm-mail-initiative-comment = Hozzászólást írtál egy kezdeményezéshez. Akkor jelenik meg, amikor megerősíted.
confirm-mail-initiative-report = Egy hozzászólást jeleztél a moderátornak. A jelzés akkor jut el hozzá, amikor megerősíted.
confirm-mail-link = Megerősítem
confirm-mail-expiry = A link { $h } óráig érvényes, és egyszer használható.
confirm-mail-ignore = Ha nem te kérted, hagyd figyelmen kívül ezt a levelet: semmi sem történik.
confirm-mail-footer = Ezt a levelet azért kaptad, mert valaki ezzel az e-mail-címmel küldött el egy űrlapot a kozos oldalán.

flash-confirm-sent = Elküldtük a megerősítő levelet. Nyisd meg a benne lévő linket 48 órán belül, és a kérésed teljesül.
flash-confirmed = Köszönjük, megerősítetted: a kérésed teljesült.
flash-confirmed-again = Ezt a linket már megnyitottad; a kérésed korábban teljesült.
flash-supported = Köszönjük a támogatásodat!
flash-reported = Köszönjük, a jelzésed eljutott a moderátorhoz.

initiatives-title = Kezdeményezések
initiatives-lead = Lakosok, közösségek és szervezetek javaslatai. A műhelyeken feltárjuk, elemezzük és kiválasztjuk őket, majd a kiválasztottakat közösen kidolgozzuk és megvalósítjuk.
initiatives-propose = Javaslat beküldése
initiatives-propose-lead = Írd le, mit szeretnél megvalósítani a közösségeddel, és miért. A javaslatod a programban közzé lesz téve a neveddel; az e-mail-címedet nem tesszük közzé.
initiatives-stage = Szakasz
initiatives-all-stages = Minden szakasz
initiatives-filter = Szűrés
initiatives-none = Még nincs kezdeményezés.
initiatives-supports = { $n ->
    [0] Még senki sem támogatja.
   *[other] { $n } támogató
}
initiatives-proposed-by = Javasolta:
initiatives-field-title = Cím
initiatives-field-summary = Leírás
initiatives-field-name = Név (ez jelenik meg)
initiatives-field-comment = Hozzászólás
initiatives-plain-text = Egyszerű szöveg; üres sorral új bekezdést kezdhetsz.
initiatives-visitor = Ki vagy?
initiatives-visitor-hint = Ha nincs fiókod, add meg a neved és az e-mail-címed: küldünk egy megerősítő linket, és a kérésed akkor teljesül, amikor megnyitod.
initiatives-or-sign-in = Vagy jelentkezz be.
initiatives-email-private = Nem tesszük közzé; csak a megerősítő levelet küldjük erre a címre.
initiatives-submit = Javaslat beküldése
initiatives-manage = Kezelés a háttérirodában
initiatives-support-title = Támogatás
initiatives-support = Támogatom
initiatives-you-support = Támogatod ezt a kezdeményezést.
initiatives-withdraw = Támogatás visszavonása
initiatives-history = A kezdeményezés útja
initiatives-at-workshop = a műhelyen:
initiatives-reason = Indoklás
initiatives-assistance = Nyújtott támogatás
initiatives-comments = { $n ->
    [0] Hozzászólások
   *[other] Hozzászólások ({ $n })
}
initiatives-hidden-by-moderator = A moderátor elrejtette
initiatives-report = Jelzés a moderátornak
initiatives-report-submit = Jelzés küldése
initiatives-add-comment = Hozzászólás írása
initiatives-comment-submit = Hozzászólás elküldése
initiatives-edit = Javaslat szerkesztése
initiatives-edit-comment = Hozzászólás szerkesztése
initiatives-delete-title = Biztosan törlöd?
initiatives-delete-text = Ez véglegesen törlődik:
initiatives-confirm-title = Megerősítés
initiatives-admin-title = Kezdeményezések kezelése
initiatives-back-to-programme = Vissza a programhoz
initiatives-moderation = Moderálás: jelzett hozzászólások
initiatives-moderation-empty = Nincs jelzett hozzászólás.
initiatives-public-page = Nyilvános oldal
initiatives-outcome = Eredmény
initiatives-outcome-name = A megalakult szervezet vagy klub neve
initiatives-outcome-name-hint = Civil szervezetnél a szervezet a szervezetek közé is bekerül.
initiatives-move = Szakaszváltás
initiatives-move-hint = Egy szakasz előrelépéshez nem kell indoklás; átugráshoz, visszalépéshez és félretételhez igen.
initiatives-move-to = Új szakasz
initiatives-move-workshop = Műhely, ahol döntöttek
initiatives-reason-hint = Kötelező, ha szakaszt ugrasz át, visszalépsz vagy félreteszed.
initiatives-move-submit = Áthelyezés
initiatives-moved-meanwhile = Valaki időközben módosította a kezdeményezést. Nézd meg a jelenlegi állapotát, és küldd el újra, ha még mindig így döntesz.
initiatives-no-assistance = Még nincs rögzített támogatás.
initiatives-add-assistance = Támogatás rögzítése
initiatives-assistance-kind = A támogatás fajtája
initiatives-given-on = Dátum
initiatives-amount = Összeg (Ft)
initiatives-amount-hint = Csak pénzbeli támogatásnál, egész forintban, például 150 000.
initiatives-given-by-org = Támogató szervezet
initiatives-given-by = Támogató (ha nem szervezet a listából)
initiatives-note = Megjegyzés
initiatives-reports = { $n ->
   *[other] { $n } jelzés
}
initiatives-hide-reason = Az elrejtés oka (a nyilvános oldalon megjelenik)
initiatives-hide = Elrejtés
initiatives-keep = Megjelenítés (a jelzés lezárása)
initiatives-block-reason = A letiltás oka
initiatives-block = A szerző letiltása
initiatives-author-blocked = A szerző le van tiltva.

ind-source-initiatives_at_stage = Egy szakaszt elért kezdeményezések száma
ind-source-initiatives_supported = Támogatott kezdeményezések száma
ind-source-organisations_founded = Kezdeményezésből alakult szervezetek száma
ind-initiative-stage = Kezdeményezések szakasza (legalább)
ind-ngo-only = Csak civil szervezetek (klubok nélkül)
err-confirm-too-many = Erre a címre már több megerősítő levelet küldtünk, amelyet még nem nyitottak meg. Előbb nyisd meg azokat, vagy próbáld újra két nap múlva.

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
err-resident-blocked = A moderátor letiltotta, hogy itt javaslatot tegyél vagy hozzászólj.
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

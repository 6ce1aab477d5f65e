# Levelek: a jelentkezésekről szóló levelek és a kimenő levelek oldala (/admin/outbox).
# Ugyanezek a kulcsok vannak az en/mail.ftl-ben.

nav-outbox = Kimenő levelek

## A jelentkezésekről szóló levelek (tegező hangnemben, mint a felület)

mail-subject-confirmation = Helyed van: { $title }
mail-subject-waiting = Várólistára kerültél: { $title }
mail-subject-promotion = Felszabadult egy hely, jöhetsz: { $title }
mail-subject-reminder = Holnap találkozunk: { $title }
mail-subject-cancellation = Töröltük a jelentkezésedet: { $title }
mail-greeting = Kedves { $name }!
mail-lead-confirmation = Köszönjük, hogy jelentkeztél! Helyed van ezen az eseményen:
mail-lead-waiting = Köszönjük, hogy jelentkeztél! Az eseményen most nincs szabad hely, ezért várólistára kerültél:
mail-lead-promotion = Jó hír: felszabadult egy hely, és a várólistáról bekerültél. Helyed van ezen az eseményen:
mail-lead-reminder = Emlékeztetünk, hogy holnap találkozunk:
mail-lead-cancellation = Töröltük a jelentkezésedet erre az eseményre:
mail-waiting-note = Várólistán vagy. Ha felszabadul egy hely, automatikusan bekerülsz, és e-mailben értesítünk.
mail-ticket-hint = Az eseményen mutasd fel a jegyed QR-kódját (a jegyed oldalán találod), vagy mondd be a jegykódot.
mail-when = Időpont
mail-where = Helyszín
mail-programme = Program
mail-ticket-code = Jegykód
mail-ticket-link = A jegyed
mail-cancel-hint = Ha mégsem tudsz jönni, itt lemondhatod a jelentkezésedet, hogy más kaphassa meg a helyet:
mail-cancel-link = Jelentkezés lemondása
mail-cancelled-note = Ha mégis jönnél, jelentkezz újra az esemény oldalán.
mail-cancelled-note-internal = Ha mégis jönnél, szólj a szervezőknek.
mail-signature = Üdvözlettel:
mail-footer = Ezt a levelet a jelentkezésed miatt kaptad. A jelentkezésed adatait a jegyed oldalán látod.

## Kimenő levelek (/admin/outbox)

outbox-title = Kimenő levelek
outbox-intro = Minden levél, amelyet a kozos küld, először ide kerül, és háttérfeladat kézbesíti. Ha nincs beállítva levelezőszerver (SMTP), a levelek itt várakoznak, és a beállítás után, a következő indításkor mennek ki.
outbox-no-smtp = Nincs beállítva levelezőszerver: a levelek nem mennek ki, itt olvashatók.
outbox-filter = Szűrés állapot szerint
outbox-all = Mind
outbox-filter-queued = Várakozók
outbox-filter-sent = Elküldöttek
outbox-filter-failed = Sikertelenek
outbox-none = Nincs ilyen levél.
outbox-from = Feladó
outbox-no-sender = nincs beállítva
outbox-to = Címzett
outbox-subject = Tárgy
outbox-kind = Fajta
outbox-state = Állapot
outbox-created = Létrehozva
outbox-sent = Elküldve
outbox-last-error = Utolsó hiba
outbox-text = A levél szövege
outbox-html = A levél HTML-változata
outbox-html-source = A HTML-változat forrása
outbox-state-queued = várakozik
outbox-state-sent = elküldve
outbox-state-failed = sikertelen

# Jelentkezés, jegyek, jelenlét

field-person-name = Név
field-phone = Telefonszám
field-birth-year = Születési év

register-title = Jelentkezés
register-full = Minden hely elkelt.
register-waiting-count = { $n } fő vár helyre.
register-places-left = { $n ->
    [0] Nincs szabad hely.
   *[other] Még { $n } szabad hely van.
}
register-you-have-place = Van helyed erre az eseményre.
register-you-wait = Várólistán vagy: ha felszabadul egy hely, e-mailben szólunk.
register-open-ticket = A jegyed megnyitása
register-as = Jelentkezés ezzel a fiókkal:
register-email-hint = Ide küldjük a visszaigazolást a belépőkóddal és a lemondás linkjével.
register-privacy = Csak a nevedet és az e-mail-címedet tároljuk, az esemény szervezéséhez és a jelenlét igazolásához.
register-submit = Jelentkezem
register-join-waiting = Feliratkozom a várólistára
flash-registered = Jelentkezésedet rögzítettük. Itt a jegyed.
flash-cancelled = Jelentkezésedet lemondtuk.

err-registration-not-open = A jelentkezés még nem indult el.
err-registration-closed = A jelentkezés lezárult.
err-registration-not-public = Erre az eseményre nem lehet nyilvánosan jelentkezni.
err-cancel-after-end = Az esemény már véget ért, a jelentkezés a nyilvántartás része, nem mondható le.
err-person-or-name = Vagy a személy azonosítóját add meg, vagy a nevet és az e-mail-címet, a kettőt együtt nem.
err-capacity-below-registrations = Már több embernek van helye, mint ez a létszám. Előbb mondd le néhány jelentkezést, vagy adj meg nagyobb létszámot.
err-activity-has-participants = Erre a tevékenységre már jelentkeztek vagy részt vettek rajta, ezért nem törölhető. Tedd belsővé, vagy előbb mondd le a jelentkezéseket.
err-phone = Nem érvényes telefonszám. Például: +36 30 123 4567
err-birth-year = Nem érvényes születési év (négy számjegy, például 1984).
err-age-band-mismatch = A korcsoport nem illik a születési évhez. Elég az egyiket megadni.
err-legal-basis = Érzékeny adatot csak rögzített jogalappal lehet tárolni: válaszd ki a jogalapot.
err-basis-note = Írd le, melyik jogszabályon vagy szerződésen alapul az adatkezelés.
err-batch-too-large = Egyszerre legfeljebb 1000 beolvasás küldhető.
err-client-id = Az ügyfélazonosító (client_id) 1–100 látható karakter lehet.
err-datetime-rfc3339 = Az időpontot RFC 3339 formában kell megadni, például 2026-11-28T17:05:00Z.

ticket-title = Belépőjegy
ticket-status = Állapot
registration-status-confirmed = Van helyed
registration-status-waiting = Várólistán
registration-status-cancelled = Lemondva
ticket-qr-label = A belépőjegy QR-kódja
ticket-code = Belépőkód:
ticket-show-at-door = Az érkezéskor mutasd fel ezt a kódot a telefonodon vagy kinyomtatva, vagy mondd be a belépőkódot.
ticket-waiting = Várólistán vagy. Ha felszabadul egy hely, e-mailben küldjük a belépőkódot.
ticket-cancelled = Ez a jelentkezés le van mondva.
ticket-cancel-link = Mégsem tudok jönni: lemondom a jelentkezést
cancel-title = Jelentkezés lemondása
cancel-question = Biztosan lemondod a jelentkezésedet erre az eseményre:
cancel-submit = Igen, lemondom
cancel-keep = Mégsem, megtartom

roster-title = Jelenléti lista
roster-tick = Itt van
roster-untick = jelenlét visszavonása
roster-present = ✓ Jelen van
roster-count-present = Jelen: { $n } fő
roster-count-registered = Jelentkezett: { $n } fő
roster-none-registered = Még senki sem jelentkezett. Az érkezőket lent tudod felvenni.
roster-walk-ins = Jelentkezés nélkül érkeztek
roster-search-title = Keresés a nyilvántartásban
roster-search-label = Név vagy e-mail-cím
roster-search = Keresés
roster-search-none = Nincs találat. Vedd fel lent új résztvevőként.
roster-new-person = Új résztvevő felvétele
roster-add-walk-in = Felvétel és jelenlét rögzítése

checkin-title = QR-kódos beléptetés
checkin-open = QR-kódos beléptetés megnyitása
checkin-needs-script = A kódolvasáshoz JavaScript kell. Enélkül a jelenléti listán pipálhatod ki az érkezőket.
checkin-camera = Kamera bekapcsolása
checkin-code-label = Belépőkód
checkin-code-hint = Olvasd be a QR-kódot, vagy írd be a 17 jelből álló kódot (a kötőjel és a kis- vagy nagybetű mindegy).
checkin-submit = Beléptetés
checkin-recent = Legutóbbi beolvasások
checkin-ok = Beléptetve: { $name }
checkin-already = Már bent van: { $name }
checkin-queued = Rögzítve ezen az eszközön, kapcsolat nélkül: { $name }. Ha visszajön a hálózat, elküldjük.
checkin-offline = Nincs hálózat. A beolvasások ezen az eszközön várnak, és visszakapcsoláskor elküldjük őket.
checkin-online = Van hálózat.
checkin-pending = Elküldésre vár: { $n } beolvasás.
checkin-synced = Minden beolvasás elküldve.
checkin-sync-failed = Az elküldés nem sikerült, később újra próbáljuk.
checkin-no-camera = A kamera nem érhető el. Írd be a kódot.
checkin-malformed = Ez nem belépőkód.
checkin-forged = Hibás kód: elírás vagy hamis jegy. Kérd meg, hogy mutassa újra.
checkin-unknown = Ismeretlen jegy: ilyen jelentkezés nincs.
checkin-other-activity = Ez a jegy egy másik eseményre szól.
checkin-cancelled = Ezt a jelentkezést lemondták.
checkin-waiting = Ő várólistán van, nincs helye.
checkin-too-early = Még túl korán van: a beléptetés a kezdés előtt két órával nyílik.
checkin-expired = A jegy lejárt: az esemény több mint két órája véget ért.
checkin-future-scan = A beolvasás ideje a jövőben van: ellenőrizd az eszköz óráját.

audit-register = Jelentkezés
audit-cancel_registration = Jelentkezés lemondása
audit-untick = Jelenlét visszavonása
audit-walk_in = Jelentkezés nélküli résztvevő felvétele

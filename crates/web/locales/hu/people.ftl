# Nyilvántartás: emberek, érzékeny adatok, hozzájárulások, összevonás, önkéntesek

nav-people = Emberek
flash-merged = A két nyilvántartási lapot összevontuk.

people-title = Emberek
people-new = Új személy felvétele
people-edit = Személy adatainak módosítása
people-search-label = Név vagy e-mail-cím
people-count = { $n ->
    [0] Nincs találat.
   *[other] { $n } személy
}
people-pages = Oldalak
people-page = Oldal
people-prev = Előző oldal
people-next = Következő oldal
people-birth-year-hint = Ha a születési évet nem adja meg, elég a korcsoport.
people-settlement-hint = A település vagy településrész neve, például Kisbér vagy Ászár.
people-duplicates-title = Lehet, hogy már szerepel a nyilvántartásban
people-duplicates-text = Ugyanilyen nevű, születési évű és településű, vagy ugyanilyen e-mail-című személy már van. Nézd meg, nem ugyanő-e. Ha nem, mentsd el így is; ha igen, később összevonhatod a kettőt.
people-save-anyway = Mentés mégis, ez másik személy

field-person-programme = Melyik programban veszed fel
field-person-organisation = Melyik szervezettől jön
field-age-band = Korcsoport
field-birth-year-or-band = Születési év vagy korcsoport
age-band-0_13 = 0–13 év
age-band-14_17 = 14–17 év
age-band-18_29 = 18–29 év
age-band-30_49 = 30–49 év
age-band-50_64 = 50–64 év
age-band-65_plus = 65 év fölött

person-action-area = Akcióterületen él
person-action-area-none = Nem (vagy nem ismert a települése)
person-records = Részvétel
person-no-records = Még nem jelentkezett és nem vett részt tevékenységen.
person-activity = Tevékenység
person-when = Időpont
person-record = Bejegyzés
person-took-registered = Jelentkezés
person-took-attended = Jelen volt
person-took-certified = Tanúsítvány
person-certificate-revoked = visszavonva

consent-title = Hozzájárulások
consent-none = Még nincs rögzített hozzájárulás.
consent-withdrawn = Visszavonva
consent-withdraw = Visszavonás
consent-add = Hozzájárulás rögzítése
consent-add-submit = Hozzájárulás rögzítése
consent-given-by-hint = Aki a hozzájárulást adta: maga a személy, vagy kiskorúnál a szülő, gondviselő neve.
field-consent-purpose = Cél
field-given-on = Kelte
field-given-by = Ki adta
consent-purpose-participation = Részvétel a programban
consent-purpose-sensitive_data = Érzékeny adatok kezelése
consent-purpose-photos = Fénykép- és videófelvétel
consent-purpose-newsletter = Hírlevél

sensitive-title = Érzékeny adatok
sensitive-none = Nincs rögzített érzékeny adat.
sensitive-edit = Érzékeny adatok rögzítése vagy módosítása
sensitive-explain = Ezeket az adatokat a személy többi adatától elkülönítve, csak jogalappal tároljuk, és csak az arra jogosultak láthatják. A többiek csak összesített létszámot látnak. Ha egyiket sem jelölöd be, a tárolt érzékeny adatokat töröljük.
sensitive-basis-hint = Hozzájárulás esetén előbb rögzítsd a személy hozzájárulását az érzékeny adatok kezeléséhez.
sensitive-note-hint = Jogi kötelezettségnél vagy közfeladatnál kötelező: a jogszabály vagy a támogatási szerződés megnevezése.
field-disadvantaged = Hátrányos helyzetű
field-roma = Roma származású
field-disability = Fogyatékossággal élő
field-legal-basis = Jogalap
field-basis-note = A jogalap leírása
legal-basis-consent = Hozzájárulás
legal-basis-legal_obligation = Jogi kötelezettség
legal-basis-public_task = Közfeladat ellátása
err-sensitive-consent = Hozzájárulás mint jogalap csak akkor választható, ha a személy érvényes (vissza nem vont) hozzájárulását az érzékeny adatok kezeléséhez már rögzítetted.

merge-link = Összevonás egy másik lappal
merge-with = Összevonás
merge-title = Két nyilvántartási lap összevonása
merge-pick-explain = Válaszd ki azt a lapot, amelyik ugyanerről a személyről szól. Összevonás előtt a kettőt egymás mellett láthatod.
merge-search-title = Keresés a nyilvántartásban
merge-search-none = Nincs találat.
merge-explain = „{ $name }” minden jelentkezése, jelenléte, hozzájárulása, tanúsítványa és önkéntes munkája átkerül ide: „{ $title }”. A hiányzó adatokat is innen pótoljuk. Az átvett lap ezután nem jelenik meg a listákban. Ha mindketten jelentkeztek vagy részt vettek ugyanazon a tevékenységen, egy bejegyzés marad meg.
merge-kept = Megmarad
merge-dropped = Beolvad
merge-submit = Összevonás
merge-swap = Inkább a másik lap maradjon meg
merge-records-count = { $n } bejegyzés
merge-consents-count = { $n } hozzájárulás
merge-shifts-count = { $n } önkéntes műszak
err-merge-same = Egy lapot önmagával nem lehet összevonni.
err-merge-out-of-scope = Az összevonáshoz mindkét személy minden programjában jogosultnak kell lenned.

roster-of-whom = Közülük:
roster-count-disadvantaged = { $n } hátrányos helyzetű
roster-count-roma = { $n } roma
roster-count-disability = { $n } fogyatékossággal élő

volunteer-title = Önkéntes munka
volunteer-open = Önkéntesek és óráik
volunteer-none = Még nincs rögzített önkéntes munka.
volunteer-total = Összesen
volunteer-hours-value = { $n } óra
volunteer-search-title = Önkéntes keresése a nyilvántartásban
volunteer-log = Önkéntes munka rögzítése
volunteer-log-submit = Rögzítés
volunteer-delete = Törlés
volunteer-no-choices = Ezen a tevékenységen még senki sem jelentkezett: keresd meg az önkéntest a nyilvántartásban.
volunteer-role-hint = Például: regisztráció, büfé, fotózás.
volunteer-hours-hint = Órában, tizedesvesszővel is: például 1,5 vagy 2.
field-volunteer = Önkéntes
field-volunteer-role = Feladat
field-hours = Órák száma
err-hours = Nem érvényes óraszám. Például: 6, 1,5 vagy 90 perc
err-hours-range = Az órák száma nagyobb 0-nál, és legfeljebb 24 lehet.
err-volunteer-person = Válaszd ki az önkéntest a listából (a program nyilvántartásából).

audit-create_person = Személy felvétele
audit-update_person = Személy adatainak módosítása
audit-save_sensitive = Érzékeny adatok rögzítése
audit-delete_sensitive = Érzékeny adatok törlése
audit-add_consent = Hozzájárulás rögzítése
audit-withdraw_consent = Hozzájárulás visszavonása
audit-merge_person = Nyilvántartási lapok összevonása
audit-add_volunteer_shift = Önkéntes munka rögzítése
audit-delete_volunteer_shift = Önkéntes munka törlése

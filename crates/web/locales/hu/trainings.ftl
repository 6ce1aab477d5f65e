# Képzések, alkalmak, teljesítés, tanúsítványok

training-title = Képzés
training-open-roster = Jelenléti lista
training-open = Képzés: alkalmak, teljesítés, tanúsítványok
training-settings = Teljesítési feltétel
training-distance-hours = Távolléti (önálló) rész, óra
training-distance-hint = Ha nincs ilyen rész, hagyd üresen vagy írj 0-t. Például: 10 vagy 7,5
training-completion-percent = A kontaktórák legalább hány százalékán kell részt venni
training-completion-hint = 1 és 100 közötti egész szám; ha üres, 80.
training-sessions = Alkalmak
training-no-sessions = Még nincs külön alkalom: a képzés egésze egy alkalomnak számít ({ $h } kontaktóra). Több napos vagy szünetes képzésnél vedd fel az alkalmakat.
training-contact-total = Összesen { $h } kontaktóra
training-session-when = Időpont
training-session-title = Téma
training-contact = Kontaktidő
training-hours = { $h } óra
training-add-session = Alkalom hozzáadása
training-session-date = Nap
training-session-starts = Kezdés
training-session-ends = Befejezés
training-contact-hours = Kontaktórák
training-contact-hours-hint = Ha üres, a kezdéstől a befejezésig minden perc számít. Ebédszünettel kevesebb, például 6.
training-completion = Teljesítés
training-completion-summary = { $n } résztvevőből { $done } teljesítette (legalább { $percent }% jelenlét)
training-nobody = Még senki nem jelentkezett és nem vett részt.
training-attended = Részvétel (óra)
training-distance = Távolléti rész
training-distance-done = Teljesítve
training-distance-not-done = Nincs teljesítve
training-completed = Teljesítette
training-yes = Igen
training-no = Nem
training-certificate = Tanúsítvány
training-certificates = Tanúsítványok
training-issue = { $n ->
    [one] Tanúsítvány kiállítása 1 főnek
   *[other] Tanúsítványok kiállítása { $n } főnek
}
training-issuing = A tanúsítványok kiállítása folyamatban
training-issued-of = { $done } / { $total } kiállítva
training-refresh = Frissítés
training-batch-done = Az utolsó kiállításban { $total } tanúsítvány készült el.
training-all-certified = Minden teljesítő megkapta a tanúsítványát.
certificate-revoked = Visszavonva
certificate-revoke = Visszavonás
certificate-revoke-reason = A visszavonás oka
certificate-revoke-explained = A visszavont tanúsítvány ellenőrző oldala ezután azt mutatja, hogy a tanúsítvány nem érvényes, és mikor vonták vissza. A visszavonás nem vonható vissza.
roster-sessions = Alkalmak

verify-title = Tanúsítvány ellenőrzése
verify-number = A tanúsítvány sorszáma
verify-number-hint = A tanúsítvány bal alsó sarkában áll, például 2026-7QH3M-X9RBA-5K.
verify-submit = Ellenőrzés
verify-mistyped = Ez nem érvényes sorszám. Nézd meg, jól írtad-e be: elég egy elgépelt karakter.
verify-unknown = Ilyen sorszámú tanúsítványt nem adtunk ki.
verify-valid = Érvényes tanúsítvány.
verify-revoked = Ezt a tanúsítványt { $date } napján visszavonták, nem érvényes.
verify-field-number = Sorszám
verify-field-name = Név
verify-field-training = Képzés
verify-field-hours = Óraszám
verify-field-completed = A képzés vége

err-hours-too-many = Ez túl sok óra; nézd meg, jól írtad-e be.
err-completion-percent = 1 és 100 közötti egész számot adj meg.
err-session-outside = Az alkalomnak a képzés kezdete és vége közé kell esnie.
err-contact-zero = A kontaktidő nem lehet 0. Ha üresen hagyod, a teljes alkalom számít.
err-contact-longer = A kontaktidő nem lehet hosszabb az alkalomnál.
err-session-after-attendance = A képzés egészére már van rögzített jelenlét. Alkalmakat csak előtte lehet felvenni, különben ezek a jelenlétek nem számítanának.
err-session-has-attendance = Ezen az alkalmon már rögzítettek jelenlétet, ezért nem törölhető.
err-session-required = Válaszd ki, melyik alkalom jelenlétét rögzíted.
err-nobody-to-certify = Nincs kinek tanúsítványt kiállítani: senki nem teljesítette a feltételt, vagy mindenki megkapta már.
err-already-revoked = Ezt a tanúsítványt már visszavonták.

audit-training_settings = Képzés teljesítési feltételének módosítása
audit-session_add = Képzési alkalom felvétele
audit-session_delete = Képzési alkalom törlése
audit-distance_done = Távolléti rész teljesítve
audit-distance_undone = Távolléti rész teljesítésének visszavonása
audit-certificates_issue = Tanúsítványok kiállítása
audit-certificate_revoke = Tanúsítvány visszavonása
err-session-overlap = Ez az alkalom átfedi a képzés egy másik alkalmát; ugyanazokat az órákat kétszer számolná. Válassz másik időpontot.
err-untick-certified = Ennek a résztvevőnek már tanúsítványa van erről a képzésről, ezért a jelenléte nem vonható vissza. Előbb vond vissza a tanúsítványt.
certificate-revoke-private = Az indoklást csak a munkatársak látják; az ellenőrző oldal csak azt mutatja, hogy a tanúsítványt visszavonták, és mikor.

# Jelenléti ív és bizonyítékok (fájlok egy eseményhez)

evidence-sheet-download = Jelenléti ív letöltése (PDF)
evidence-sheet-hint = A jelentkezők névsora aláírásra, a végén { $n } üres sorral a helyszínen érkezőknek.

evidence-title = Bizonyítékok
evidence-open = Bizonyítékok (fájlok)
evidence-intro = Az eseményhez tartozó igazoló fájlok: a visszaszkennelt, aláírt jelenléti ív, fényképek, meghívó, emlékeztető. Csak az esemény programjának munkatársai és az ellenőrzésre jogosultak tölthetik le.
evidence-none = Ehhez az eseményhez még nincs feltöltött fájl.
evidence-col-kind = Fajta
evidence-col-name = Fájlnév
evidence-col-size = Méret
evidence-col-checksum = Ellenőrzőösszeg (SHA-256)
evidence-col-uploaded = Feltöltötte
evidence-col-actions = Műveletek
evidence-download = Letöltés
evidence-download-label = Letöltés: { $name }
evidence-delete = Törlés
evidence-delete-label = Törlés: { $name }
evidence-unknown-uploader = ismeretlen

evidence-kind-attendance_sheet = Aláírt jelenléti ív
evidence-kind-photo = Fénykép
evidence-kind-invitation = Meghívó
evidence-kind-memo = Emlékeztető
evidence-kind-other = Egyéb

evidence-upload-title = Fájl feltöltése
evidence-field-kind = A fájl fajtája
evidence-field-file = Fájl
evidence-file-hint = PDF, JPEG, PNG vagy WebP, legfeljebb { $limit } MB.
evidence-upload-submit = Feltöltés
evidence-uploaded = A fájl feltöltve.

evidence-err-file-required = Válassz ki egy fájlt.
evidence-err-empty = A fájl üres.
evidence-err-too-large = A fájl túl nagy: nagyobb a feltölthető legnagyobb méretnél.
evidence-err-type = Ez a fájl nem PDF, JPEG, PNG vagy WebP (a tartalma alapján), ezért nem tölthető fel.
evidence-err-kind = Válassz fajtát a listából.

evidence-delete-title = Fájl törlése

err-activity-has-evidence = Ehhez a tevékenységhez bizonyítékfájlok tartoznak, ezért nem törölhető. Ha valóban nem kellenek, előbb töröld őket egyenként a Bizonyítékok oldalon.

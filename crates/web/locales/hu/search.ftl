search-title = Keresés
find-label = Mit keresel?
search-submit = Keresés
search-intro = Keress programokra, eseményekre, emlékeztetőkre, tervekre, kezdeményezésekre, jó gyakorlatokra, kiadványokra, videókra és kérdésekre. A szavak ragozott és ékezet nélküli alakja is talál: a „kozossegek” megtalálja a „közösség” szót.
search-too-common = A keresett szavak túl általánosak (például „a”, „és”). Írj be jellemzőbb szót!
find-none = Nincs találat. Próbálj kevesebb vagy más szót, vagy vedd le a szűrőket.
search-count = { $n ->
    [0] Nincs találat
   *[other] { $n } találat
}
search-kind = Fajta
search-kind-all = Mind
search-kind-programme = Programok
search-kind-activity = Események
search-kind-series = Programsorozatok
search-kind-memo = Emlékeztetők
search-kind-plan = Cselekvési tervek
search-kind-initiative = Kezdeményezések
search-kind-practice = Jó gyakorlatok
search-kind-publication = Kiadványok
search-kind-video = Videók
search-kind-study = Helytörténeti tanulmányok
search-kind-question = Kérdések és válaszok
search-filters = Szűrők
search-in-programme = Program:
search-in-place = Település:
search-remove-filter = (szűrő levétele)
search-internal = belső, csak munkatársaknak
search-more-from = Továbbiak innen:
search-more-in = Továbbiak itt:
search-pages = Oldalak
search-prev = ‹ Előző oldal
search-next = Következő oldal ›
search-page-of = { $n }. oldal / { $total }
nav-search = Keresés

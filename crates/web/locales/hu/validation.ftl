# Input validation messages (kozos-domain). The same keys are in en/validation.ftl.
err-amount-fraction = A forintnak nincs törtrésze: egész forintot adj meg, például 22 407 407 vagy 22 407 407,00.
err-amount-grouping = A számjegyek csoportosítása nem egyértelmű. Hármas csoportokat használj egyféle elválasztóval (például 22 407 407 vagy 22.407.407), vagy írd csak számjegyekkel.
err-amount-too-large = Túl nagy szám (legfeljebb 15 számjegy).
err-count-fraction = Létszámnak egész számot adj meg: fél ember nincs.
err-count-too-large = Túl nagy létszám (legfeljebb 9 számjegy).
err-text-control = Nem látható vezérlőkaraktert tartalmaz. Írd be újra a szöveget, vagy másold be egyszerű szövegként.
err-text-bidi = Írásirányt váltó rejtett karaktert tartalmaz, amely miatt a szöveg másként jelenne meg, mint ahogy valójában szól. Töröld, és írd be újra.
err-text-combining = Egy betűn túl sok egymásra halmozott ékezet vagy jel van.
err-date-range = Valószínűtlen dátum: 1900. 01. 01. és 2100. 12. 31. között adj meg dátumot.
err-project-code-lookalike = A projektazonosító más ábécé (például cirill) latinnak látszó betűit tartalmazza. Írd be a betűket magyar billentyűzettel.
err-password-long = A jelszó legfeljebb 200 karakter lehet.
err-password-common = Ez a jelszó túl gyakori vagy túl könnyen kitalálható (például gyakori szó, billentyűsor, ismétlődés vagy az e-mail-cím része). Válassz hosszabb, egyedi jelszót, akár több szóból.
err-text-invisible = Láthatatlan karaktert tartalmaz (például nulla szélességű szóközt, lágy kötőjelet vagy irányjelet), amelytől két egyformán kinéző név különbözne. Írd be újra a szöveget.
err-text-mixed-script = Egy szóban latin és cirill (vagy görög) betűk keverednek, amelyek egymásra hasonlítanak (például cirill „К” a latin „K” helyett). Írd be a szót magyar billentyűzettel.
err-once-reused = Ezt az űrlapot egyszer már elküldték más tartalommal. Töltsd be újra az oldalt, és küldd el onnan.

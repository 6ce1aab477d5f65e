//! The documents as a reader sees them: each PDF is written to a temporary directory
//! and read back with poppler's `pdftotext`, the same text extraction that search,
//! copy-paste and screen readers rely on. Broken font embedding (a missing ToUnicode
//! map, a wrong subset) shows up here as garbled or missing letters.
//!
//! Needs `pdftotext` from poppler-utils (scripts/test.sh installs it). Without it these
//! tests fail: passing silently would hide exactly the breakage they exist for.

use std::path::{Path, PathBuf};
use std::process::Command;

use kozos_pdf::{attendance_sheet, certificate, Certificate, Publicity, SheetActivity};

const MM: f32 = 72.0 / 25.4;

/// A directory of its own per test, removed when the test ends (also on failure).
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("kozos-pdf-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn write(&self, file: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(file);
        std::fs::write(&path, bytes).expect("write pdf");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn pdftotext(args: &[&str], pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run pdftotext ({e}): install poppler-utils \
                 (apt-get install -y poppler-utils; scripts/test.sh does it)"
            )
        });
    assert!(
        out.status.success(),
        "pdftotext failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// The text of each page, in reading order.
fn pages(pdf: &Path) -> Vec<String> {
    let text = pdftotext(&["-enc", "UTF-8"], pdf);
    let mut pages: Vec<String> = text.split('\x0c').map(str::to_string).collect();
    // pdftotext ends every page, the last one included, with a form feed.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// One word as pdftotext places it, in points from the top-left corner.
#[derive(Debug)]
struct Word {
    page: usize,
    x0: f32,
    x1: f32,
    y1: f32,
    text: String,
}

fn words(pdf: &Path) -> Vec<Word> {
    let html = pdftotext(&["-enc", "UTF-8", "-bbox"], pdf);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let end = start + tag[start..].find('"').expect("closing quote");
        tag[start..end].parse().expect("a number")
    };
    let mut out = Vec::new();
    for (page, chunk) in html.split("<page ").skip(1).enumerate() {
        for piece in chunk.split("<word ").skip(1) {
            let (tag, rest) = piece.split_once('>').expect("word tag");
            let text = rest.split("</word>").next().unwrap_or("");
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            out.push(Word {
                page,
                x0: attr(tag, "xMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text,
            });
        }
    }
    out
}

/// Nothing printed outside the 20 mm side margins or off the bottom of the page.
fn assert_within_margins(words: &[Word]) {
    for w in words {
        assert!(
            w.x0 >= 20.0 * MM - 0.5 && w.x1 <= 190.0 * MM + 0.5,
            "{w:?} crosses a side margin"
        );
        assert!(w.y1 <= 290.0 * MM, "{w:?} runs off the page");
    }
}

fn publicity() -> Publicity {
    Publicity {
        project_id: "EFOP-1.5.2-16-2017-00031".into(),
        title: "Humán szolgáltatások fejlesztése a Bakonyalján".into(),
        beneficiary: "Bakonyaljai Közösségfejlesztő Egyesület".into(),
        fund: "Európai Szociális Alap".into(),
        line: "Széchenyi 2020".into(),
    }
}

fn activity() -> SheetActivity {
    SheetActivity {
        title: "Közösségi beszélgetés a falu jövőjéről".into(),
        kind: "Lakossági fórum".into(),
        when: "2026. november 28. 18:00–20:00".into(),
        place: "Művelődési ház, Bakonyszentlászló, Fő utca 12.".into(),
        organiser: "Szőke Tünde".into(),
        programme: "Közösségfejlesztő alapismeretek".into(),
    }
}

fn names(n: usize) -> Vec<String> {
    let fixed = [
        "Kovácsné Szőke Tünde",
        "Őry Űrsula",
        "Árvíztűrő Tükörfúrógép",
        "Öveges Ödön",
        "Ürmös Éva",
        "Lőrincz Ágota",
        "Íjgyártó Ugor",
    ];
    (0..n)
        .map(|i| match fixed.get(i) {
            Some(name) => name.to_string(),
            None => format!("Résztvevő {}", i + 1),
        })
        .collect()
}

/// Row numbers as printed in the Sorszám column, by page.
fn row_numbers(words: &[Word]) -> Vec<(usize, usize)> {
    words
        .iter()
        .filter(|w| w.x1 <= 40.0 * MM && w.text.ends_with('.'))
        .filter_map(|w| Some((w.page, w.text.trim_end_matches('.').parse().ok()?)))
        .collect()
}

#[test]
fn accented_names_and_labels_extract_exactly() {
    let dir = TempDir::new("accents");
    let path = dir.write(
        "sheet.pdf",
        &attendance_sheet(Some(&publicity()), &activity(), &names(7), 3),
    );
    let pages = pages(&path);
    assert_eq!(pages.len(), 1);
    let text = &pages[0];
    for expected in [
        "Kovácsné Szőke Tünde",
        "Őry Űrsula",
        "Árvíztűrő Tükörfúrógép",
        "Öveges Ödön",
        "Ürmös Éva",
        "Lőrincz Ágota",
        "Íjgyártó Ugor",
        "JELENLÉTI ÍV",
        "Program:",
        "Közösségfejlesztő alapismeretek",
        "Esemény:",
        "Közösségi beszélgetés a falu jövőjéről",
        "Típus:",
        "Lakossági fórum",
        "Időpont:",
        "2026. november 28. 18:00–20:00",
        "Helyszín:",
        "Művelődési ház, Bakonyszentlászló, Fő utca 12.",
        "Szervező:",
        "Szőke Tünde",
        "Sorszám",
        "Név",
        "Aláírás",
        "1. oldal / 1",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let words = words(&path);
    assert_within_margins(&words);
    let numbers: Vec<usize> = row_numbers(&words).into_iter().map(|(_, n)| n).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
}

#[test]
fn a_long_sheet_repeats_the_header_and_numbers_rows_across_pages() {
    let dir = TempDir::new("multipage");
    let names = names(45);
    let path = dir.write(
        "sheet.pdf",
        &attendance_sheet(Some(&publicity()), &activity(), &names, 10),
    );
    let pages = pages(&path);
    assert_eq!(pages.len(), 3, "45 names + 10 blank rows at 10 mm each");
    for (i, text) in pages.iter().enumerate() {
        for expected in [
            "Európai Unió",
            "Európai Szociális Alap",
            "Széchenyi 2020",
            "Humán szolgáltatások fejlesztése a Bakonyalján",
            "EFOP-1.5.2-16-2017-00031",
            "Bakonyaljai Közösségfejlesztő Egyesület",
            "JELENLÉTI ÍV",
            "Sorszám",
            "Név",
            "Aláírás",
        ] {
            assert!(
                text.contains(expected),
                "page {}: {expected:?} missing",
                i + 1
            );
        }
        let footer = format!("{}. oldal / 3", i + 1);
        assert!(
            text.contains(&footer),
            "page {}: no footer {footer:?}",
            i + 1
        );
    }
    // The activity details are on the first page only; later pages say they continue.
    assert!(pages[0].contains("Helyszín:"));
    assert!(!pages[1].contains("Helyszín:"));
    assert!(pages[1].contains("(folytatás)"));

    // Numbering runs on across pages, every page has rows, and names keep their order.
    let words = words(&path);
    assert_within_margins(&words);
    let numbers = row_numbers(&words);
    assert_eq!(
        numbers.iter().map(|&(_, n)| n).collect::<Vec<_>>(),
        (1..=55).collect::<Vec<_>>()
    );
    for page in 0..3 {
        assert!(
            numbers.iter().any(|&(p, _)| p == page),
            "no rows on page {}",
            page + 1
        );
    }
    let all = pages.concat();
    let mut at = 0;
    for name in &names {
        let found = all[at..].find(name.as_str());
        at += found.unwrap_or_else(|| panic!("{name:?} missing or out of order"));
    }
    // Blank rows carry no names: nothing in the name column beside the last ten numbers.
    for &(page, n) in numbers.iter().filter(|&&(_, n)| n > 45) {
        let row = words
            .iter()
            .find(|w| w.page == page && w.text == format!("{n}.") && w.x1 <= 40.0 * MM)
            .expect("the number's word");
        let beside = words
            .iter()
            .filter(|w| w.page == page && (w.y1 - row.y1).abs() < 3.0 * MM && w.x0 > 40.0 * MM)
            .count();
        assert_eq!(beside, 0, "row {n} should be blank");
    }
}

#[test]
fn long_names_stay_inside_the_name_column() {
    let dir = TempDir::new("longnames");
    let whole = "Dr. Kovácsné Szőke-Baranyai Tünde Erzsébet".to_string();
    let cut =
        "Dr. Nagyné Kiss-Szabó Erzsébet Gyöngyvér Ilona Magdolna Őrsike Ürsula Éva Ödön Ágota"
            .to_string();
    let path = dir.write(
        "sheet.pdf",
        &attendance_sheet(None, &activity(), &[whole.clone(), cut.clone()], 0),
    );
    let text = pages(&path).concat();
    assert!(
        text.contains(&whole),
        "a name that fits when shrunk stays whole"
    );
    assert!(!text.contains(&cut));
    assert!(text.contains("Dr. Nagyné Kiss-Szabó"), "{text}");
    assert!(text.contains('…'), "the cut name ends in an ellipsis");

    // The name column runs from 40 mm to 125 mm, below the "Név" heading.
    let words = words(&path);
    assert_within_margins(&words);
    let heading = words.iter().find(|w| w.text == "Név").expect("Név heading");
    let in_column: Vec<&Word> = words
        .iter()
        .filter(|w| w.x0 >= 40.0 * MM && w.x0 < 125.0 * MM)
        .filter(|w| w.y1 > heading.y1 + 1.0 && w.y1 < 270.0 * MM)
        .collect();
    assert!(in_column.iter().any(|w| w.text.contains("Kovácsné")));
    for w in in_column {
        assert!(w.x1 <= 125.0 * MM, "{w:?} overflows the name column");
    }
}

#[test]
fn a_sheet_without_publicity_or_rows_is_one_plain_page() {
    let dir = TempDir::new("empty");
    let path = dir.write("sheet.pdf", &attendance_sheet(None, &activity(), &[], 0));
    let pages = pages(&path);
    assert_eq!(pages.len(), 1);
    assert!(!pages[0].contains("Európai Unió"));
    assert!(pages[0].contains("JELENLÉTI ÍV"));
    assert!(pages[0].contains("Aláírás"));
    assert!(pages[0].contains("1. oldal / 1"));
}

fn sample_certificate(publicity: Option<Publicity>) -> Certificate {
    Certificate {
        number: "KOZ-2026/0042".into(),
        name: "Kovácsné Szőke Tünde".into(),
        training: "Közösségfejlesztő alapismeretek".into(),
        hours: "30 óra".into(),
        completed: "2026. november 28.".into(),
        issuer: "Bakonyaljai Közösségfejlesztő Egyesület".into(),
        verify_url: "https://kozos.example.hu/tanusitvany/KOZ-2026-0042".into(),
        publicity,
    }
}

#[test]
fn a_certificate_shows_who_what_and_where_to_check_it() {
    let dir = TempDir::new("certificate");
    let pdf = certificate(&sample_certificate(Some(publicity())));
    assert!(
        pdf.len() < 60 * 1024,
        "certificate is {} bytes; the fonts must be subset",
        pdf.len()
    );
    let path = dir.write("certificate.pdf", &pdf);
    let pages = pages(&path);
    assert_eq!(pages.len(), 1);
    // The sentence may wrap; compare with line breaks as spaces.
    let text = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "TANÚSÍTVÁNY",
        "Kovácsné Szőke Tünde",
        "sikeresen elvégezte a Közösségfejlesztő alapismeretek képzést (30 óra), 2026. november 28.",
        "Sorszám: KOZ-2026/0042",
        "Bakonyaljai Közösségfejlesztő Egyesület",
        "https://kozos.example.hu/tanusitvany/KOZ-2026-0042",
        "Európai Unió",
        "Európai Szociális Alap",
        "Széchenyi 2020",
        "EFOP-1.5.2-16-2017-00031",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert_within_margins(&words(&path));
}

#[test]
fn a_certificate_with_long_texts_stays_small_and_inside_the_margins() {
    let dir = TempDir::new("certificate-long");
    let mut c = sample_certificate(None);
    c.name = "Dr. Nagyné Kiss-Szabó Erzsébet Gyöngyvér Ilona Magdolna Őrsike".into();
    c.training = "Őszi közösségfejlesztő, önkéntes-koordinátori és településfejlesztési \
                  gyakorlati ismeretek"
        .into();
    c.verify_url = format!("https://kozos.example.hu/tanusitvany/{}", "Ű".repeat(60));
    let pdf = certificate(&c);
    assert!(pdf.len() < 60 * 1024, "{} bytes", pdf.len());
    let path = dir.write("certificate.pdf", &pdf);
    let text = pages(&path).concat();
    assert!(!text.contains("Európai Unió"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Dr. Nagyné Kiss-Szabó"), "{flat}");
    assert!(flat.contains("az Őszi közösségfejlesztő"), "{flat}");
    assert_within_margins(&words(&path));
}

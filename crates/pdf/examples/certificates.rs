//! Renders a batch of 200 certificates, as issued at the end of a training, and prints
//! how long it took and how much storage the batch needs.
//!
//!   cargo run --release -p kozos-pdf --example certificates [-- OUT_DIR]
//!
//! With OUT_DIR, also writes the first certificate and a 50-name attendance sheet there
//! for looking at.

use std::time::Instant;

use kozos_pdf::{attendance_sheet, certificate, Certificate, Publicity, SheetActivity};

const SURNAMES: [&str; 8] = [
    "Kovács", "Szőke", "Nagy", "Őry", "Tóth", "Fehér", "Kiss", "Bíró",
];
const GIVEN: [&str; 8] = [
    "Tünde", "Ürsula", "Zoltán", "Éva", "Gyöngyi", "Ödön", "Ágnes", "Lőrinc",
];

fn main() {
    let out = std::env::args().nth(1);
    let publicity = Publicity {
        project_id: "EFOP-1.5.2-16-2017-00031".into(),
        title: "Humán szolgáltatások fejlesztése a Bakonyalján".into(),
        beneficiary: "Bakonyaljai Közösségfejlesztő Egyesület".into(),
        fund: "Európai Szociális Alap".into(),
        line: "Széchenyi 2020".into(),
    };
    let people: Vec<String> = (0..200)
        .map(|i| format!("{} {}", SURNAMES[i % 8], GIVEN[(i / 8) % 8]))
        .collect();

    let started = Instant::now();
    let mut total = 0;
    let mut first = None;
    for (i, name) in people.iter().enumerate() {
        let pdf = certificate(&Certificate {
            number: format!("KOZ-2026/{:04}", i + 1),
            name: name.clone(),
            training: "Közösségfejlesztő alapismeretek".into(),
            hours: "30 óra".into(),
            completed: "2026. november 28.".into(),
            issuer: "Bakonyaljai Közösségfejlesztő Egyesület".into(),
            verify_url: format!("https://kozos.example.hu/tanusitvany/KOZ-2026-{:04}", i + 1),
            publicity: Some(publicity.clone()),
        });
        total += pdf.len();
        first.get_or_insert(pdf);
    }
    let elapsed = started.elapsed();
    println!(
        "200 certificates in {:.1} ms ({:.2} ms each), {} KB in all, {:.1} KB each",
        elapsed.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64() * 1000.0 / 200.0,
        total / 1024,
        total as f64 / 200.0 / 1024.0
    );

    let activity = SheetActivity {
        title: "Közösségi beszélgetés a falu jövőjéről".into(),
        kind: "Lakossági fórum".into(),
        when: "2026. november 28. 18:00–20:00".into(),
        place: "Művelődési ház, Bakonyszentlászló, Fő utca 12.".into(),
        organiser: "Szőke Tünde".into(),
        programme: "Közösségfejlesztő alapismeretek".into(),
    };
    let sheet = attendance_sheet(Some(&publicity), &activity, &people[..50], 10);
    println!(
        "attendance sheet with 50 names + 10 blank rows: {} KB",
        sheet.len() / 1024
    );

    if let Some(dir) = out {
        std::fs::create_dir_all(&dir).expect("create the output directory");
        std::fs::write(format!("{dir}/certificate.pdf"), first.unwrap()).expect("write");
        std::fs::write(format!("{dir}/sheet.pdf"), sheet).expect("write");
        println!("wrote {dir}/certificate.pdf and {dir}/sheet.pdf");
    }
}

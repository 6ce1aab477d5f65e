//! The certificate (tanúsítvány) handed to a participant who completed a training.

use qrcode::{Color, EcLevel, QrCode};

use crate::doc::{mm, pt, Align, Doc, PAGE_H, PAGE_W};
use crate::font::{fit_line, wrap, wrap_limited, Style};
use crate::layout::{publicity_header, LEFT, RIGHT, TOP, WIDTH};
use crate::Certificate;

const INK: (f32, f32, f32) = (0.05, 0.17, 0.4);
/// QR placement, shared with the test that reads the code back off a rendered page.
pub(crate) const QR_SIZE: f32 = 32.0;
pub(crate) const QR_X: f32 = RIGHT - QR_SIZE;
pub(crate) const QR_Y: f32 = 218.0;

/// Renders one certificate page. The verification URL is both printed and encoded as a
/// QR code, so a printed copy can be checked against the issuer's register.
pub fn certificate(c: &Certificate) -> Vec<u8> {
    let mut doc = Doc::new(&format!("Tanúsítvány – {}", c.name));
    doc.new_page();
    frame(&mut doc);

    let mut y = TOP + 5.0;
    if let Some(p) = &c.publicity {
        y = publicity_header(&mut doc, p, y);
    }
    let centre = (LEFT + RIGHT) / 2.0;

    y = y.max(60.0) + 22.0;
    doc.fill_rgb(INK.0, INK.1, INK.2);
    doc.text(Style::Bold, 34.0, centre, y, Align::Center, "TANÚSÍTVÁNY");
    doc.fill_rgb(0.0, 0.0, 0.0);

    y += 20.0;
    doc.text(
        Style::Regular,
        13.0,
        centre,
        y,
        Align::Center,
        "Ezennel igazoljuk, hogy",
    );

    // The name is the point of the page: as large as fits, wrapped only when it must be.
    y += 17.0;
    let (size, name) = fit_line(Style::Bold, 28.0, 18.0, c.name.trim(), pt(WIDTH));
    if Style::Bold.width(size, c.name.trim()) <= pt(WIDTH) {
        doc.text(Style::Bold, size, centre, y, Align::Center, &name);
    } else {
        for line in wrap_limited(Style::Bold, 18.0, c.name.trim(), pt(WIDTH), 2) {
            doc.text(Style::Bold, 18.0, centre, y, Align::Center, &line);
            y += 9.0;
        }
        y -= 9.0;
    }

    y += 15.0;
    for line in wrap_limited(Style::Regular, 13.0, &sentence(c), pt(WIDTH - 10.0), 6) {
        doc.text(Style::Regular, 13.0, centre, y, Align::Center, &line);
        y += 7.0;
    }

    // Bottom left: number, then the issuer under a signature line; bottom right: QR.
    let sig_w = 75.0;
    doc.text(
        Style::Regular,
        10.0,
        LEFT,
        QR_Y + 4.0,
        Align::Left,
        &format!("Sorszám: {}", c.number),
    );
    let sig_y = QR_Y + QR_SIZE - 6.0;
    doc.stroke_rgb(0.0, 0.0, 0.0);
    doc.line_width(0.3);
    doc.line(LEFT, sig_y, LEFT + sig_w, sig_y);
    for (i, line) in wrap_limited(Style::Regular, 10.0, &c.issuer, pt(sig_w), 3)
        .iter()
        .enumerate()
    {
        let base = sig_y + 5.0 + i as f32 * 4.5;
        doc.text(
            Style::Regular,
            10.0,
            LEFT + sig_w / 2.0,
            base,
            Align::Center,
            line,
        );
    }

    qr(&mut doc, &c.verify_url);
    doc.finish()
}

/// "sikeresen elvégezte a(z) … képzést (…), …." with the article Hungarian grammar
/// wants where the first letter decides it, and without "képzés képzést" when the
/// training's own name already ends in "képzés".
fn sentence(c: &Certificate) -> String {
    let training = c.training.trim();
    let article = match training.chars().next() {
        Some(ch) if ch.is_alphabetic() => {
            let vowel = "aáeéiíoóöőuúüű".contains(ch.to_lowercase().next().unwrap_or(ch));
            if vowel {
                "az"
            } else {
                "a"
            }
        }
        _ => "a(z)",
    };
    let object = if training.to_lowercase().ends_with("képzés") {
        format!("{training}t")
    } else {
        format!("{training} képzést")
    };
    // "(30 óra)" and the date each stay on one line.
    let glue = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("\u{a0}");
    let mut s = format!("sikeresen elvégezte {article} {object}");
    if !c.hours.trim().is_empty() {
        s.push_str(&format!(" ({})", glue(&c.hours)));
    }
    if !c.completed.trim().is_empty() {
        s.push_str(&format!(
            ", {}",
            glue(c.completed.trim().trim_end_matches('.'))
        ));
    }
    s.push('.');
    s
}

fn frame(doc: &mut Doc) {
    doc.stroke_rgb(INK.0, INK.1, INK.2);
    doc.line_width(1.2);
    doc.stroke_rect(10.0, 10.0, PAGE_W - 20.0, PAGE_H - 20.0);
    doc.line_width(0.3);
    doc.stroke_rect(12.5, 12.5, PAGE_W - 25.0, PAGE_H - 25.0);
    doc.stroke_rgb(0.0, 0.0, 0.0);
}

/// The code as filled rectangles (one per horizontal run of dark modules): vector, so it
/// stays sharp at any print resolution and needs no image decoder on either side.
fn qr(doc: &mut Doc, url: &str) {
    let url_top = match QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M) {
        Ok(code) => {
            let n = code.width();
            let colors = code.to_colors();
            let module = QR_SIZE / n as f32;
            doc.fill_rgb(0.0, 0.0, 0.0);
            for row in 0..n {
                let mut col = 0;
                while col < n {
                    if colors[row * n + col] != Color::Dark {
                        col += 1;
                        continue;
                    }
                    let start = col;
                    while col < n && colors[row * n + col] == Color::Dark {
                        col += 1;
                    }
                    doc.fill_rect(
                        QR_X + start as f32 * module,
                        QR_Y + row as f32 * module,
                        (col - start) as f32 * module,
                        module,
                    );
                }
            }
            QR_Y + QR_SIZE + 6.0
        }
        // Too long to encode: the printed URL still lets a reader check by hand.
        Err(_) => QR_Y + 6.0,
    };

    // On one line under the code when it fits at a readable size; otherwise broken.
    let max_w = pt(WIDTH / 2.0);
    let (size, text) = fit_line(Style::Regular, 7.0, 5.5, url, max_w);
    if Style::Regular.width(size, url) <= max_w {
        doc.text(Style::Regular, size, RIGHT, url_top, Align::Right, &text);
    } else {
        for (i, line) in wrap(Style::Regular, 5.5, url, max_w).iter().enumerate() {
            let base = url_top + i as f32 * mm(5.5 * 1.25);
            doc.text(Style::Regular, 5.5, RIGHT, base, Align::Right, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(training: &str) -> Certificate {
        Certificate {
            training: training.into(),
            hours: "30 óra".into(),
            completed: "2026. november 28.".into(),
            ..Default::default()
        }
    }

    /// Renders the page with poppler's `pdftoppm` and reads every module back at its
    /// centre: the printed code must be the code for the URL, module for module. (A
    /// full decoder would need an image stack; the encoder's own matrix is the
    /// reference.)
    #[test]
    fn the_printed_qr_code_is_the_verify_url() {
        let url = "https://kozos.example.hu/tanusitvany/KOZ-2026-0042";
        let pdf = certificate(&Certificate {
            name: "Őry Űrsula".into(),
            verify_url: url.into(),
            ..cert("Közösségfejlesztő")
        });
        let dir = std::env::temp_dir().join(format!("kozos-pdf-qr-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("c.pdf");
        std::fs::write(&file, pdf).unwrap();
        const DPI: f32 = 300.0;
        let status = std::process::Command::new("pdftoppm")
            .args(["-gray", "-r", "300", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&file)
            .arg(dir.join("page"))
            .status()
            .unwrap_or_else(|e| {
                panic!("cannot run pdftoppm ({e}): install poppler-utils (scripts/test.sh does it)")
            });
        assert!(status.success());
        let pgm = std::fs::read(dir.join("page.pgm")).unwrap();
        let _ = std::fs::remove_dir_all(&dir);

        // Binary PGM: "P5", width, height, maxval, each followed by one white space.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while pgm[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !pgm[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&pgm[start..at]).unwrap().to_string());
        }
        assert_eq!(fields[0], "P5");
        let width: usize = fields[1].parse().unwrap();
        let pixels = &pgm[at + 1..];

        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
        let n = code.width();
        let module = QR_SIZE / n as f32;
        let px = |mm: f32| (mm * DPI / 25.4).round() as usize;
        let mut wrong = 0;
        for (i, color) in code.to_colors().into_iter().enumerate() {
            let (row, col) = (i / n, i % n);
            let x = px(QR_X + (col as f32 + 0.5) * module);
            let y = px(QR_Y + (row as f32 + 0.5) * module);
            let dark = pixels[y * width + x] < 128;
            if dark != (color == Color::Dark) {
                wrong += 1;
            }
        }
        assert_eq!(wrong, 0, "{wrong} of {} modules differ", n * n);
        // And the quiet zone around it is blank.
        for k in 0..n + 8 {
            let x = px(QR_X + (k as f32 - 3.5) * module);
            for y in [
                px(QR_Y - 3.5 * module),
                px(QR_Y + (n as f32 + 3.5) * module),
            ] {
                assert!(pixels[y * width + x] > 200, "ink in the quiet zone");
            }
        }
    }

    #[test]
    fn the_article_follows_the_first_letter() {
        let plain = |c: &Certificate| sentence(c).replace('\u{a0}', " ");
        assert_eq!(
            plain(&cert("Önkéntes koordinátor")),
            "sikeresen elvégezte az Önkéntes koordinátor képzést (30 óra), 2026. november 28."
        );
        assert_eq!(
            plain(&cert("Közösségfejlesztő")),
            "sikeresen elvégezte a Közösségfejlesztő képzést (30 óra), 2026. november 28."
        );
        assert!(sentence(&cert("2026-os alapozó")).contains(" a(z) 2026-os alapozó képzést"));
    }

    #[test]
    fn a_name_ending_in_kepzes_is_not_doubled() {
        let s = sentence(&cert("Alapozó közösségi képzés")).replace('\u{a0}', " ");
        assert!(s.contains("az Alapozó közösségi képzést (30 óra)"), "{s}");
        assert!(!s.contains("képzés képzést"));
    }
}

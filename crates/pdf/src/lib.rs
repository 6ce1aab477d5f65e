//! kozos PDF documents: the printed attendance sheet (jelenléti ív), the certificate
//! (tanúsítvány) and reports of tables (the progress report), all A4 and in Hungarian.
//!
//! Plain structs in, PDF bytes out: no I/O and no dependency on the other kozos crates,
//! so the callers decide where the bytes go (HTTP response, archive, e-mail) and the
//! layout can be tested without a database.
//!
//! The DejaVu Sans faces are compiled in and subset per document: a funded programme
//! issues a couple of hundred certificates at once and keeps them, so each one carries
//! only the glyphs it uses (a few tens of kilobytes instead of ~700 KB).

mod certificate;
mod doc;
mod font;
mod layout;
mod report;
mod sheet;

pub use certificate::certificate;
pub use report::{table_report, Column, Table, TableReport};
pub use sheet::attendance_sheet;

/// The funding publicity block that EU-funded (Széchenyi 2020) projects must print on
/// every document they hand out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Publicity {
    /// Project identifier, e.g. "TOP-5.3.1-16-BK1-2017-00001".
    pub project_id: String,
    pub title: String,
    pub beneficiary: String,
    /// e.g. "Európai Szociális Alap".
    pub fund: String,
    /// The programme line, e.g. "Széchenyi 2020".
    pub line: String,
}

/// What an attendance sheet is for; all fields are printed as given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetActivity {
    pub title: String,
    pub kind: String,
    /// Already formatted, e.g. "2026. november 28. 18:00–20:00".
    pub when: String,
    pub place: String,
    pub organiser: String,
    pub programme: String,
}

/// One issued certificate; dates and hours arrive formatted by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Certificate {
    pub number: String,
    pub name: String,
    pub training: String,
    /// e.g. "30 óra".
    pub hours: String,
    /// Formatted completion date, e.g. "2026. november 28.".
    pub completed: String,
    pub issuer: String,
    /// Encoded in the QR code and printed under it, so a paper copy can be checked.
    pub verify_url: String,
    pub publicity: Option<Publicity>,
}

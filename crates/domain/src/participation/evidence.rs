//! Evidence on an activity: the files that prove it took place (the signed attendance
//! sheet scanned back, photos, the invitation, the memo). What a file is, is decided by
//! its first bytes, never by the name or the content type the browser sent; its name is
//! cleaned of paths and of characters that could disguise it, and kept for display only.

use crate::ids::*;
use crate::organisation::string_enum;
use crate::time::Instant;
use crate::validation::{is_bidi_control, is_invisible, FieldErrors};
use serde::Serialize;

/// The largest file accepted, in bytes (a scanned multi-page sheet or a phone photo).
pub const MAX_EVIDENCE_BYTES: usize = 20 * 1024 * 1024;
/// Longest stored file name, in characters (the extension included).
pub const MAX_FILE_NAME_CHARS: usize = 120;

string_enum!(
    /// What a file evidences.
    EvidenceKind {
        AttendanceSheet = "attendance_sheet",
        Photo = "photo",
        Invitation = "invitation",
        Memo = "memo",
        Other = "other",
    }
);

/// The kinds of file accepted, as their content shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
    Webp,
}

impl FileType {
    pub const ALL: [FileType; 4] = [FileType::Pdf, FileType::Jpeg, FileType::Png, FileType::Webp];

    /// What the first bytes say the file is; `None` for anything else (HTML, scripts,
    /// office documents, archives, HEIC …).
    pub fn sniff(bytes: &[u8]) -> Option<FileType> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileType::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileType::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(FileType::Webp)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Webp => "image/webp",
        }
    }

    /// The type a stored content type names, if it is one kozos accepts.
    pub fn from_content_type(ct: &str) -> Option<FileType> {
        FileType::ALL.into_iter().find(|t| t.content_type() == ct)
    }

    /// The extensions a file of this type may carry; the first is added when the name
    /// has none of them.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Jpeg => &["jpg", "jpeg"],
            FileType::Png => &["png"],
            FileType::Webp => &["webp"],
        }
    }
}

/// A file's name as it may be shown and offered for download: the last part of a path
/// (either slash), without control, direction or invisible characters, with characters
/// that file systems refuse replaced, whitespace collapsed, no leading or trailing dots,
/// at most [`MAX_FILE_NAME_CHARS`] characters, and an extension that matches its content
/// (`report.html` holding a PDF becomes `report.html.pdf`).
pub fn clean_file_name(raw: &str, t: FileType) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let kept: String = base
        .chars()
        .filter(|&c| !is_invisible(c) && !is_bidi_control(c))
        .map(|c| match c {
            c if c.is_control() => ' ',
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c => c,
        })
        .collect();
    let name = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let has_ext = name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && t.extensions().contains(&ext.to_lowercase().as_str())
    });
    let (stem, ext) = if has_ext {
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        (stem.to_string(), ext.to_string())
    } else {
        (name.to_string(), t.extensions()[0].to_string())
    };
    let stem = if stem.is_empty() {
        "fajl".to_string()
    } else {
        stem
    };
    let room = MAX_FILE_NAME_CHARS.saturating_sub(ext.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{ext}", stem.trim_end())
}

/// An uploaded file that may be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceUpload {
    pub kind: EvidenceKind,
    pub file_type: FileType,
    pub file_name: String,
}

/// Check an upload: a kind from the list, a file that is not empty, within the size limit
/// and of an accepted type by its content. Errors are on the fields `kind` and `file`.
pub fn validate_upload(
    kind: &str,
    file: Option<(&str, &[u8])>,
) -> Result<EvidenceUpload, FieldErrors> {
    let mut e = FieldErrors::new();
    let kind = EvidenceKind::parse(kind.trim());
    if kind.is_none() {
        e.add("kind", "evidence-err-kind");
    }
    let typed = match file {
        None => {
            e.add("file", "evidence-err-file-required");
            None
        }
        Some((_, [])) => {
            e.add("file", "evidence-err-empty");
            None
        }
        Some((_, bytes)) if bytes.len() > MAX_EVIDENCE_BYTES => {
            e.add("file", "evidence-err-too-large");
            None
        }
        Some((name, bytes)) => match FileType::sniff(bytes) {
            Some(t) => Some((t, clean_file_name(name, t))),
            None => {
                e.add("file", "evidence-err-type");
                None
            }
        },
    };
    match (kind, typed) {
        (Some(kind), Some((file_type, file_name))) if e.is_empty() => Ok(EvidenceUpload {
            kind,
            file_type,
            file_name,
        }),
        _ => Err(e),
    }
}

/// A stored file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceFile {
    pub id: EvidenceId,
    pub activity_id: ActivityId,
    pub kind: EvidenceKind,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    pub uploaded_by: Option<UserId>,
    pub uploaded_by_name: Option<String>,
    pub uploaded_at: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_the_type() {
        assert_eq!(FileType::sniff(b"%PDF-1.7\n..."), Some(FileType::Pdf));
        assert_eq!(
            FileType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Some(FileType::Jpeg)
        );
        assert_eq!(
            FileType::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(FileType::Png)
        );
        assert_eq!(
            FileType::sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some(FileType::Webp)
        );
        assert_eq!(FileType::sniff(b"<!doctype html><script>"), None);
        assert_eq!(FileType::sniff(b"RIFF\x10\0\0\0WAVEfmt "), None);
        assert_eq!(FileType::sniff(b" %PDF-1.7"), None);
        assert_eq!(FileType::sniff(b""), None);
    }

    #[test]
    fn names_lose_paths_and_disguises() {
        let pdf = FileType::Pdf;
        assert_eq!(clean_file_name("../../etc/passwd", pdf), "passwd.pdf");
        assert_eq!(
            clean_file_name("C:\\Users\\Éva\\jelenléti ív.PDF", pdf),
            "jelenléti ív.PDF"
        );
        // A right-to-left override would show "evil\u{202e}fdp.exe" as "evilexe.pdf".
        assert_eq!(
            clean_file_name("evil\u{202e}fdp.exe", pdf),
            "evilfdp.exe.pdf"
        );
        assert_eq!(clean_file_name("a\u{0}b\nc\u{200b}.pdf", pdf), "a b c.pdf");
        assert_eq!(clean_file_name("...", pdf), "fajl.pdf");
        assert_eq!(clean_file_name("", FileType::Jpeg), "fajl.jpg");
        assert_eq!(clean_file_name(".pdf", pdf), "pdf.pdf");
        assert_eq!(clean_file_name("kép.JPEG", FileType::Jpeg), "kép.JPEG");
        assert_eq!(clean_file_name("kép.png", FileType::Jpeg), "kép.png.jpg");
        assert_eq!(clean_file_name("a<b>:c?.pdf", pdf), "a_b__c_.pdf");
        let long = format!("{}.pdf", "ő".repeat(500));
        let cleaned = clean_file_name(&long, pdf);
        assert_eq!(cleaned.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(cleaned.ends_with("őő.pdf"));
    }

    #[test]
    fn uploads_are_checked_whole() {
        let ok = validate_upload("photo", Some(("kép.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]))).unwrap();
        assert_eq!(ok.kind, EvidenceKind::Photo);
        assert_eq!(ok.file_type, FileType::Jpeg);
        let e = validate_upload("selfie", Some(("a.pdf", b"<html>"))).unwrap_err();
        assert_eq!(e.for_field("kind"), Some("evidence-err-kind"));
        assert_eq!(e.for_field("file"), Some("evidence-err-type"));
        let e = validate_upload("memo", None).unwrap_err();
        assert_eq!(e.for_field("file"), Some("evidence-err-file-required"));
        let e = validate_upload("memo", Some(("a.pdf", b""))).unwrap_err();
        assert_eq!(e.for_field("file"), Some("evidence-err-empty"));
        let big = vec![b'%'; MAX_EVIDENCE_BYTES + 1];
        let e = validate_upload("memo", Some(("a.pdf", &big))).unwrap_err();
        assert_eq!(e.for_field("file"), Some("evidence-err-too-large"));
    }
}

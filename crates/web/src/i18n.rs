//! Languages, message catalogues (Fluent, embedded at compile time) and Hungarian /
//! English formatting of dates, money and percentages.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use kozos_domain::money::group_thousands;
use kozos_domain::time::{Date, Instant};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "hu",
        // Unicode isolation marks would leak into HTML attributes and text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static STRICT: AtomicBool = AtomicBool::new(false);

/// Make a missing catalogue key a panic instead of a bare key on the page (for tests).
pub fn set_strict(strict: bool) {
    STRICT.store(strict, Ordering::Relaxed);
}

fn missing(key: &str) -> String {
    if STRICT.load(Ordering::Relaxed) {
        panic!("catalogue key `{key}` is missing");
    }
    tracing::error!(key, "catalogue key missing");
    key.to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Hu,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Hu, Lang::En];
    pub fn code(self) -> &'static str {
        match self {
            Lang::Hu => "hu",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hu" => Some(Lang::Hu),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Hu => Lang::En,
            Lang::En => Lang::Hu,
        }
    }
    fn id(self) -> &'static LanguageIdentifier {
        static HU: OnceLock<LanguageIdentifier> = OnceLock::new();
        static EN: OnceLock<LanguageIdentifier> = OnceLock::new();
        match self {
            Lang::Hu => HU.get_or_init(|| "hu".parse().expect("valid")),
            Lang::En => EN.get_or_init(|| "en".parse().expect("valid")),
        }
    }

    /// The message for `key`. In production a key missing in this language falls back to
    /// Hungarian, then shows itself; under [`set_strict`] (the test suites) a key this
    /// language lacks panics, so a page that would print it fails its test.
    pub fn t(self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// The message for `key` with Fluent arguments, e.g. `("limit", "256")`.
    pub fn t_with(self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        self.lookup(key, Some(&map))
    }

    /// The message for `key` with a count `n` (Fluent picks the plural form from it).
    pub fn tn(self, key: &str, n: i64) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed("n"), FluentValue::from(n));
        self.lookup(key, Some(&map))
    }

    fn lookup(self, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
        match LOCALES.lookup_single_language(self.id(), key, args) {
            Ok(v) => v,
            Err(_) if !STRICT.load(Ordering::Relaxed) => LOCALES
                .try_lookup_complete(self.id(), key, args)
                .unwrap_or_else(|| missing(key)),
            Err(_) => missing(key),
        }
    }

    /// Does this language's own catalogue define `key`? (Messages that take arguments are
    /// formatted with sample values of every argument name the catalogues use.)
    pub fn has(self, key: &str) -> bool {
        const ARGUMENTS: &[&str] = &[
            "limit", "seconds", "n", "year", "month", "title", "name", "h", "done", "total",
            "percent", "date", "value", "target", "expected", "from", "until", "code", "period",
        ];
        let sample: HashMap<Cow<'static, str>, FluentValue> = ARGUMENTS
            .iter()
            .map(|a| (Cow::Borrowed(*a), FluentValue::from("1")))
            .collect();
        LOCALES
            .lookup_single_language(self.id(), key, Some(&sample))
            .is_ok()
    }

    /// An instant as Budapest wall-clock time: 2026. 11. 21. 11:00 / 21 Nov 2026, 11:00.
    pub fn datetime(self, at: Instant) -> String {
        let local = at.budapest();
        match self {
            Lang::Hu => local.format("%Y. %m. %d. %H:%M").to_string(),
            Lang::En => local.format("%-d %b %Y, %H:%M").to_string(),
        }
    }

    /// As [`Lang::datetime`], to the second (for logs where spacing in time tells something).
    pub fn datetime_seconds(self, at: Instant) -> String {
        let local = at.budapest();
        match self {
            Lang::Hu => local.format("%Y. %m. %d. %H:%M:%S").to_string(),
            Lang::En => local.format("%-d %b %Y, %H:%M:%S").to_string(),
        }
    }

    /// 2023. 01. 31. / 31 Jan 2023
    pub fn date(self, d: Date) -> String {
        let d = d.naive();
        match self {
            Lang::Hu => d.format("%Y. %m. %d.").to_string(),
            Lang::En => d.format("%-d %b %Y").to_string(),
        }
    }

    /// 22 407 407 Ft / HUF 22,407,407 (Hungarian groups with a non-breaking space).
    pub fn huf(self, n: i64) -> String {
        match self {
            Lang::Hu => format!("{}\u{a0}Ft", group_thousands(n, "\u{a0}")),
            Lang::En => format!("HUF\u{a0}{}", group_thousands(n, ",")),
        }
    }

    /// Aid intensity stored in hundredths of a percent: 100% / 85,5%.
    pub fn percent(self, bp: i64) -> String {
        let s = kozos_domain::programme::format_bp(bp);
        match self {
            Lang::Hu => format!("{}%", s.replace('.', ",")),
            Lang::En => format!("{s}%"),
        }
    }

    /// Minutes as hours with the language's decimal sign: 7,5 / 7.5.
    pub fn hours(self, minutes: i64) -> String {
        kozos_domain::money::hours_text(minutes, self.decimal())
    }

    /// The decimal sign: `,` in Hungarian, `.` in English.
    pub fn decimal(self) -> char {
        match self {
            Lang::Hu => ',',
            Lang::En => '.',
        }
    }

    /// A file's size: 320 kB, 1,5 MB / 1.5 MB (kilobytes rounded up, so a small file is
    /// never 0 kB).
    pub fn file_size(self, bytes: i64) -> String {
        const MIB: i64 = 1024 * 1024;
        if bytes < MIB {
            let kb = (bytes.max(0) + 1023) / 1024;
            format!("{}\u{a0}kB", self.number(kb.max(1)))
        } else {
            let tenths = (bytes * 10 + MIB / 2) / MIB;
            let sep = match self {
                Lang::Hu => ",",
                Lang::En => ".",
            };
            format!("{}{sep}{}\u{a0}MB", self.number(tenths / 10), tenths % 10)
        }
    }

    pub fn number(self, n: i64) -> String {
        match self {
            Lang::Hu => group_thousands(n, "\u{a0}"),
            Lang::En => group_thousands(n, ","),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hungarian_formats() {
        let d = Date::from_ymd(2023, 1, 31).unwrap();
        assert_eq!(Lang::Hu.date(d), "2023. 01. 31.");
        assert_eq!(Lang::En.date(d), "31 Jan 2023");
        assert_eq!(Lang::Hu.huf(22_407_407), "22\u{a0}407\u{a0}407\u{a0}Ft");
        assert_eq!(Lang::En.huf(165_000_000), "HUF\u{a0}165,000,000");
        assert_eq!(Lang::Hu.percent(8_550), "85,5%");
        assert_eq!(Lang::En.percent(10_000), "100%");
        assert_eq!(Lang::Hu.file_size(10), "1\u{a0}kB");
        assert_eq!(Lang::Hu.file_size(327_000), "320\u{a0}kB");
        assert_eq!(Lang::Hu.file_size(1_572_864), "1,5\u{a0}MB");
        assert_eq!(Lang::En.file_size(20 * 1024 * 1024), "20.0\u{a0}MB");
    }

    #[test]
    fn messages_have_accents_and_no_isolation_marks() {
        let s = Lang::Hu.t("err-percent-range");
        assert_eq!(s, "A támogatás mértéke 0 és 100 % között lehet.");
        assert!(!s.contains('\u{2068}'));
        assert_eq!(Lang::En.t("nav-sign-in"), "Sign in");
    }

    /// Every catalogue file of a language, as (file, text).
    fn catalogue_files(lang: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
            .expect("locales folder")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read_to_string(&p).expect("ftl"),
                )
            })
            .collect();
        out.sort();
        out
    }

    fn keys_of(lang: &str) -> Vec<String> {
        catalogue_files(lang)
            .iter()
            .flat_map(|(_, src)| {
                src.lines()
                    .filter(|l| !l.starts_with(' ') && !l.starts_with('#'))
                    .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_string()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Every key in either language's catalogue files exists in both, once.
    #[test]
    fn catalogues_have_the_same_keys() {
        let hu = keys_of("hu");
        let en = keys_of("en");
        assert!(hu.len() > 200, "catalogue files were not read");
        for list in [&hu, &en] {
            let mut seen = std::collections::HashSet::new();
            for k in list {
                assert!(seen.insert(k), "key defined twice: {k}");
            }
        }
        for k in &hu {
            assert!(Lang::En.has(k), "missing in en: {k}");
        }
        for k in &en {
            assert!(Lang::Hu.has(k), "missing in hu: {k}");
        }
    }

    /// String literals in the code that look like catalogue keys (a known prefix and a
    /// hyphen), e.g. `"err-required"` in a validation rule or `ctx.t("admin-save")`.
    fn keys_used_in_code() -> Vec<(String, String)> {
        const PREFIXES: &[&str] = &[
            "err",
            "admin",
            "field",
            "nav",
            "error",
            "programme",
            "signin",
            "site",
            "search",
            "home",
            "footer",
            "lang",
            "unit",
            "pub",
            "conflict",
            "confirm",
            "audit",
            "attempt",
            "place-group",
            "scope-group",
            "skip",
            "mail",
            "outbox",
            "evidence",
        ];
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut out = Vec::new();
        let mut stack = vec![crates];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("crates folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    if !path.ends_with("target") {
                        stack.push(path);
                    }
                } else if path.extension().is_some_and(|x| x == "rs") {
                    let src = std::fs::read_to_string(&path).expect("source");
                    for lit in src.split('"').skip(1).step_by(2) {
                        let looks_like_key = !lit.is_empty()
                            && lit.len() < 60
                            && lit.contains('-')
                            && lit.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                            && PREFIXES.iter().any(|p| lit.starts_with(&format!("{p}-")))
                            // `admin-12345` is a password in a test, not a key
                            && lit.split_once('-').is_some_and(|(_, rest)| rest.chars().any(|c| c.is_ascii_lowercase()));
                        if looks_like_key {
                            out.push((path.display().to_string(), lit.to_string()));
                        }
                    }
                }
            }
        }
        out
    }

    /// A key the code uses but no catalogue defines would print as the bare key: both
    /// languages must define every key the code names literally, and every member of the
    /// families the code builds keys from (roles, funds, error pages …).
    #[test]
    fn every_key_the_code_uses_is_defined() {
        let used = keys_used_in_code();
        assert!(
            used.len() > 150,
            "the code scan found too few keys: {}",
            used.len()
        );
        let mut missing = Vec::new();
        for (file, key) in &used {
            for lang in Lang::ALL {
                // format strings such as "error-title-{key}" are checked as families below
                if !lang.has(key) && !key.ends_with('-') {
                    missing.push(format!("{key} ({}) used in {file}", lang.code()));
                }
            }
        }
        let mut families: Vec<String> = Vec::new();
        use kozos_domain::organisation::{OrgKind, Sector};
        use kozos_domain::programme::{Fund, PartnerRole, StaffPosition};
        use kozos_domain::user::Role;
        families.extend(Fund::ALL.iter().map(|x| format!("fund-{}", x.as_str())));
        families.extend(
            PartnerRole::ALL
                .iter()
                .map(|x| format!("role-{}", x.as_str())),
        );
        families.extend(
            StaffPosition::ALL
                .iter()
                .map(|x| format!("position-{}", x.as_str())),
        );
        families.extend(Sector::ALL.iter().map(|x| format!("sector-{}", x.as_str())));
        families.extend(OrgKind::ALL.iter().map(|x| format!("kind-{}", x.as_str())));
        families.extend(Role::ALL.iter().map(|x| format!("userrole-{}", x.as_str())));
        use kozos_domain::participation::EvidenceKind;
        families.extend(
            EvidenceKind::ALL
                .iter()
                .map(|x| format!("evidence-kind-{}", x.as_str())),
        );
        for o in ["ok", "failed", "throttled"] {
            families.push(format!("attempt-{o}"));
        }
        use kozos_app::mail::{MailState, RegistrationMailKind};
        for k in RegistrationMailKind::ALL {
            families.push(format!("mail-subject-{}", k.as_str()));
            families.push(format!("mail-lead-{}", k.as_str()));
        }
        for s in MailState::ALL {
            families.push(format!("outbox-state-{}", s.as_str()));
            families.push(format!("outbox-filter-{}", s.as_str()));
        }
        use kozos_domain::initiative::{AssistanceKind, Outcome, Stage};
        families.extend(Stage::ALL.iter().map(|x| x.key().to_string()));
        families.extend(AssistanceKind::ALL.iter().map(|x| x.key().to_string()));
        families.extend(Outcome::ALL.iter().map(|x| x.key().to_string()));
        for kind in ["propose", "support", "comment", "report"] {
            families.push(format!("confirm-mail-initiative-{kind}"));
        }
        for page in [
            "400", "403", "404", "409", "413", "415", "422", "429", "500", "csrf", "form",
        ] {
            families.push(format!("error-title-{page}"));
            families.push(format!("error-text-{page}"));
        }
        for k in &families {
            for lang in Lang::ALL {
                if !lang.has(k) {
                    missing.push(format!("{k} ({})", lang.code()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys without a message:\n{}",
            missing.join("\n")
        );
    }
}

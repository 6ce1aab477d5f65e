//! Languages, message catalogues (Fluent, embedded at compile time) and Hungarian /
//! English formatting of dates, money and percentages.

use chrono::NaiveDate;
use fluent_templates::{LanguageIdentifier, Loader};
use kozos_domain::money::group_thousands;
use std::sync::OnceLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "hu",
        // Unicode isolation marks would leak into HTML attributes and text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
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

    /// The message for `key`; a missing key shows itself (and a test keeps that from happening).
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_string())
    }

    /// Is `key` in this language's catalogue? (for the catalogue completeness test)
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.id(), key).is_some()
    }

    /// 2023. 01. 31. / 31 Jan 2023
    pub fn date(self, d: NaiveDate) -> String {
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
        let d = NaiveDate::from_ymd_opt(2023, 1, 31).unwrap();
        assert_eq!(Lang::Hu.date(d), "2023. 01. 31.");
        assert_eq!(Lang::En.date(d), "31 Jan 2023");
        assert_eq!(Lang::Hu.huf(22_407_407), "22\u{a0}407\u{a0}407\u{a0}Ft");
        assert_eq!(Lang::En.huf(165_000_000), "HUF\u{a0}165,000,000");
        assert_eq!(Lang::Hu.percent(8_550), "85,5%");
        assert_eq!(Lang::En.percent(10_000), "100%");
    }

    #[test]
    fn messages_have_accents_and_no_isolation_marks() {
        let s = Lang::Hu.t("err-percent-range");
        assert_eq!(s, "A támogatás mértéke 0 és 100 % között lehet.");
        assert!(!s.contains('\u{2068}'));
        assert_eq!(Lang::En.t("nav-sign-in"), "Sign in");
    }

    /// Every key in either catalogue exists in both.
    #[test]
    fn catalogues_have_the_same_keys() {
        let keys = |src: &str| -> Vec<String> {
            src.lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_string()))
                .filter(|k| !k.starts_with('#') && !k.is_empty())
                .collect()
        };
        let hu = keys(include_str!("../locales/hu/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
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
}

//! Report periods as people name them: a year (`2022`), a quarter (`2022-Q3`) or a month
//! (`2022-03`), all Budapest calendar days; or everything up to a day.

use crate::time::{Date, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportPeriod {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
}

impl ReportPeriod {
    /// `2022`, `2022-Q3` (or `2022-q3`, `2022Q3`), `2022-03` (or `2022-3`). Years outside
    /// 1990–2100 are typos, not report periods.
    pub fn parse(text: &str) -> Option<ReportPeriod> {
        let t = text.trim().to_ascii_uppercase();
        let year_of = |s: &str| -> Option<i32> {
            let y: i32 = (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())??;
            (1990..=2100).contains(&y).then_some(y)
        };
        if let Some(y) = year_of(&t) {
            return Some(ReportPeriod::Year(y));
        }
        let (y, rest) = t.split_at_checked(4)?;
        let y = year_of(y)?;
        let dashed = rest.strip_prefix('-');
        if let Some(q) = dashed.unwrap_or(rest).strip_prefix('Q') {
            let q: u32 = q.parse().ok()?;
            return (1..=4).contains(&q).then_some(ReportPeriod::Quarter(y, q));
        }
        // A month needs its dash: `20222` is a typo, not February.
        let rest = dashed?;
        if rest.is_empty() || rest.len() > 2 || !rest.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let m: u32 = rest.parse().ok()?;
        (1..=12).contains(&m).then_some(ReportPeriod::Month(y, m))
    }

    /// The canonical text, as `parse` reads it and URLs carry it.
    pub fn key(self) -> String {
        match self {
            ReportPeriod::Year(y) => format!("{y}"),
            ReportPeriod::Quarter(y, q) => format!("{y}-Q{q}"),
            ReportPeriod::Month(y, m) => format!("{y}-{m:02}"),
        }
    }

    pub fn days(self) -> Period {
        match self {
            ReportPeriod::Year(y) => Period::year(y),
            ReportPeriod::Quarter(y, q) => Period::quarter(y, q),
            ReportPeriod::Month(y, m) => Period::month(y, m),
        }
        .expect("parsed periods are valid")
    }

    pub fn first(self) -> Date {
        self.days().first
    }

    /// The last day it covers.
    pub fn last(self) -> Date {
        self.days().end.add_days(-1)
    }

    /// The months it covers, in order (`2022-Q3` → 2022-07, 2022-08, 2022-09).
    pub fn months(self) -> Vec<(i32, u32)> {
        match self {
            ReportPeriod::Year(y) => (1..=12).map(|m| (y, m)).collect(),
            ReportPeriod::Quarter(y, q) => (q * 3 - 2..=q * 3).map(|m| (y, m)).collect(),
            ReportPeriod::Month(y, m) => vec![(y, m)],
        }
    }

    /// Hungarian label: `2022`, `2022. III. negyedév`, `2022. március`.
    pub fn label_hu(self) -> String {
        const ROMAN: [&str; 4] = ["I.", "II.", "III.", "IV."];
        const MONTHS: [&str; 12] = [
            "január",
            "február",
            "március",
            "április",
            "május",
            "június",
            "július",
            "augusztus",
            "szeptember",
            "október",
            "november",
            "december",
        ];
        match self {
            ReportPeriod::Year(y) => format!("{y}"),
            ReportPeriod::Quarter(y, q) => format!("{y}. {} negyedév", ROMAN[q as usize - 1]),
            ReportPeriod::Month(y, m) => format!("{y}. {}", MONTHS[m as usize - 1]),
        }
    }

    /// English label: `2022`, `Q3 2022`, `March 2022`.
    pub fn label_en(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            ReportPeriod::Year(y) => format!("{y}"),
            ReportPeriod::Quarter(y, q) => format!("Q{q} {y}"),
            ReportPeriod::Month(y, m) => format!("{} {y}", MONTHS[m as usize - 1]),
        }
    }
}

/// The months from `first` to `last` inclusive, as (year, month).
pub fn months_between(first: Date, last: Date) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (first.year(), first.month());
    while (y, m) <= (last.year(), last.month()) {
        out.push((y, m));
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_as_people_write_them() {
        assert_eq!(ReportPeriod::parse("2022"), Some(ReportPeriod::Year(2022)));
        assert_eq!(
            ReportPeriod::parse("2022-Q3"),
            Some(ReportPeriod::Quarter(2022, 3))
        );
        assert_eq!(
            ReportPeriod::parse(" 2022q3 "),
            Some(ReportPeriod::Quarter(2022, 3))
        );
        assert_eq!(
            ReportPeriod::parse("2022-03"),
            Some(ReportPeriod::Month(2022, 3))
        );
        assert_eq!(
            ReportPeriod::parse("2022-3"),
            Some(ReportPeriod::Month(2022, 3))
        );
        for bad in [
            "", "22", "2022-Q5", "2022-13", "2022-00", "20222", "1066", "2022-Q", "2022-",
        ] {
            assert_eq!(ReportPeriod::parse(bad), None, "{bad}");
        }
        for p in ["2022", "2022-Q3", "2022-03"] {
            assert_eq!(ReportPeriod::parse(p).unwrap().key(), p);
        }
    }

    #[test]
    fn a_quarter_covers_its_three_months_and_their_days() {
        let q = ReportPeriod::Quarter(2022, 3);
        assert_eq!(q.months(), vec![(2022, 7), (2022, 8), (2022, 9)]);
        assert_eq!(q.first(), Date::from_ymd(2022, 7, 1).unwrap());
        assert_eq!(q.last(), Date::from_ymd(2022, 9, 30).unwrap());
        assert_eq!(
            ReportPeriod::Month(2024, 2).last(),
            Date::from_ymd(2024, 2, 29).unwrap()
        );
        assert_eq!(q.label_hu(), "2022. III. negyedév");
        assert_eq!(q.label_en(), "Q3 2022");
        assert_eq!(
            months_between(
                Date::from_ymd(2022, 11, 5).unwrap(),
                Date::from_ymd(2023, 2, 1).unwrap()
            ),
            vec![(2022, 11), (2022, 12), (2023, 1), (2023, 2)]
        );
    }
}

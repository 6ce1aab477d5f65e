//! Series of activities ("Közösségek hete", "Kisbéri Kalandok", the film club) and the
//! rule their dates follow: every N weeks on some weekdays, every N months on a day of the
//! month, or every N months on the nth (or last) weekday, between two dates, without the
//! exception dates. Times are Budapest wall-clock times, so a 18:00 club stays at 18:00
//! across the clock changes.

use crate::organisation::string_enum;
use crate::time::{read_time, time_text, Date, Instant};
use crate::validation::{optional_date, FieldErrors};
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

string_enum!(
    Frequency {
        Weekly = "weekly",
        MonthlyDay = "monthly_day",
        MonthlyNth = "monthly_nth",
    }
);

/// At most this many dates in one series: a weekly club over ten years.
pub const MAX_OCCURRENCES: usize = 520;

/// When a series meets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub frequency: Frequency,
    /// Every `interval` weeks or months (1: every one).
    pub interval: u32,
    /// Weekly: ISO weekdays (1 Monday … 7 Sunday), sorted.
    pub weekdays: Vec<u32>,
    /// Monthly on a day: 1–31 (months without that day are skipped, as RFC 5545 does).
    pub month_day: u32,
    /// Monthly on the nth weekday: 1–4, or -1 for the last.
    pub nth: i32,
    /// Monthly on the nth weekday: which weekday.
    pub nth_weekday: u32,
    pub first: Date,
    pub until: Date,
    pub exceptions: Vec<Date>,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
}

impl Rule {
    /// The dates the rule gives, in order, without exceptions; at most
    /// [`MAX_OCCURRENCES`] (validation refuses rules that would give more).
    pub fn dates(&self) -> Vec<Date> {
        let mut out = Vec::new();
        let interval = i64::from(self.interval.max(1));
        match self.frequency {
            Frequency::Weekly => {
                let week0 = self.first.monday();
                let mut day = self.first;
                while day <= self.until && out.len() < MAX_OCCURRENCES {
                    let week = day.monday().days_since(week0) / 7;
                    if week % interval == 0 && self.weekdays.contains(&day.weekday()) {
                        out.push(day);
                    }
                    day = day.next();
                }
            }
            Frequency::MonthlyDay | Frequency::MonthlyNth => {
                let (mut y, mut m) = (self.first.year(), self.first.month());
                while out.len() < MAX_OCCURRENCES {
                    let Some(first_of_month) = Date::from_ymd(y, m, 1) else {
                        break;
                    };
                    if first_of_month > self.until {
                        break;
                    }
                    if let Some(d) = self.in_month(first_of_month) {
                        if d >= self.first && d <= self.until {
                            out.push(d);
                        }
                    }
                    let next = i64::from(m) - 1 + interval;
                    y += (next / 12) as i32;
                    m = (next % 12) as u32 + 1;
                }
            }
        }
        out.retain(|d| !self.exceptions.contains(d));
        out
    }

    fn in_month(&self, first: Date) -> Option<Date> {
        match self.frequency {
            Frequency::MonthlyDay => Date::from_ymd(first.year(), first.month(), self.month_day),
            Frequency::MonthlyNth => nth_weekday(first, self.nth, self.nth_weekday),
            Frequency::Weekly => None,
        }
    }

    /// Each date's start and end instant.
    pub fn occurrences(&self) -> Vec<(Date, Instant, Instant)> {
        self.dates()
            .into_iter()
            .map(|d| (d, d.at(self.start_time), d.at(self.end_time)))
            .collect()
    }
}

/// The `nth` (1–4, or -1 for the last) `weekday` (ISO: 1 Monday … 7 Sunday) of the
/// month that starts on `first`; `None` when that month has no such day.
pub fn nth_weekday(first: Date, nth: i32, weekday: u32) -> Option<Date> {
    let shift = (7 + i64::from(weekday) - i64::from(first.weekday())) % 7;
    let first_match = first.add_days(shift);
    if nth > 0 {
        let d = first_match.add_days(7 * (i64::from(nth) - 1));
        (d.month() == first.month()).then_some(d)
    } else {
        let mut d = first_match;
        while d.add_days(7).month() == first.month() {
            d = d.add_days(7);
        }
        Some(d)
    }
}

/// The rule part of the series form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RuleForm {
    pub frequency: String,
    pub interval: String,
    /// Checkboxes: "1" … "7".
    pub weekdays: Vec<String>,
    pub month_day: String,
    pub nth: String,
    pub nth_weekday: String,
    pub first_date: String,
    pub until_date: String,
    /// Dates to skip, one per line or separated by commas.
    pub exceptions: String,
    pub start_time: String,
    pub end_time: String,
}

fn number(
    e: &mut FieldErrors,
    field: &'static str,
    v: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Option<i64> {
    match v.trim().parse::<i64>() {
        Ok(n) if range.contains(&n) => Some(n),
        _ if v.trim().is_empty() => {
            e.add(field, "err-required");
            None
        }
        _ => {
            e.add(field, "err-choice");
            None
        }
    }
}

impl RuleForm {
    pub fn validate(&self, e: &mut FieldErrors) -> Option<Rule> {
        let frequency = Frequency::parse(self.frequency.trim());
        if frequency.is_none() {
            e.add("frequency", "err-choice");
        }
        let interval = if self.interval.trim().is_empty() {
            Some(1)
        } else {
            number(e, "interval", &self.interval, 1..=12)
        };
        let mut weekdays = Vec::new();
        let mut month_day = 1;
        let (mut nth, mut nth_weekday) = (1, 1);
        match frequency {
            Some(Frequency::Weekly) => {
                for w in &self.weekdays {
                    match w.trim().parse::<u32>() {
                        Ok(n) if (1..=7).contains(&n) => weekdays.push(n),
                        _ => e.add("weekdays", "err-choice"),
                    }
                }
                weekdays.sort();
                weekdays.dedup();
                if weekdays.is_empty() && e.for_field("weekdays").is_none() {
                    e.add("weekdays", "err-required");
                }
            }
            Some(Frequency::MonthlyDay) => {
                month_day = number(e, "month_day", &self.month_day, 1..=31).unwrap_or(1) as u32;
            }
            Some(Frequency::MonthlyNth) => {
                nth = number(e, "nth", &self.nth, -1..=4).unwrap_or(1) as i32;
                if nth == 0 {
                    e.add("nth", "err-choice");
                }
                nth_weekday =
                    number(e, "nth_weekday", &self.nth_weekday, 1..=7).unwrap_or(1) as u32;
            }
            None => {}
        }
        let first = optional_date(e, "first_date", &self.first_date);
        if first.is_none() && self.first_date.trim().is_empty() {
            e.add("first_date", "err-required");
        }
        let until = optional_date(e, "until_date", &self.until_date);
        if until.is_none() && self.until_date.trim().is_empty() {
            e.add("until_date", "err-required");
        }
        if let (Some(f), Some(u)) = (first, until) {
            if u < f {
                e.add("until_date", "err-end-before-start");
            }
        }
        let mut exceptions = Vec::new();
        for part in self
            .exceptions
            .split([',', '\n', ';'])
            .filter(|p| !p.trim().is_empty())
        {
            match crate::validation::read_date(part) {
                Ok(d) => exceptions.push(d),
                Err(key) => {
                    e.add("exceptions", key);
                    break;
                }
            }
        }
        exceptions.sort();
        exceptions.dedup();
        let time = |e: &mut FieldErrors, field, v: &str| match read_time(v) {
            Ok(t) => Some(t),
            Err(_) if v.trim().is_empty() => {
                e.add(field, "err-required");
                None
            }
            Err(key) => {
                e.add(field, key);
                None
            }
        };
        let start_time = time(e, "start_time", &self.start_time);
        let end_time = time(e, "end_time", &self.end_time);
        if let (Some(s), Some(t)) = (start_time, end_time) {
            if t <= s {
                e.add("end_time", "err-end-before-start");
            }
        }
        let rule = Rule {
            frequency: frequency?,
            interval: interval? as u32,
            weekdays,
            month_day,
            nth,
            nth_weekday,
            first: first?,
            until: until?,
            exceptions,
            start_time: start_time?,
            end_time: end_time?,
        };
        if !e.is_empty() {
            return None;
        }
        // Counting past the cap tells a typo in a year from a long-running club.
        let mut probe = rule.clone();
        probe.exceptions.clear();
        if probe.dates().len() >= MAX_OCCURRENCES {
            e.add("until_date", "err-too-many-occurrences");
            return None;
        }
        if rule.dates().is_empty() {
            e.add("first_date", "err-no-occurrences");
            return None;
        }
        Some(rule)
    }

    pub fn from_rule(r: &Rule) -> Self {
        RuleForm {
            frequency: r.frequency.as_str().into(),
            interval: r.interval.to_string(),
            weekdays: r.weekdays.iter().map(u32::to_string).collect(),
            month_day: r.month_day.to_string(),
            nth: r.nth.to_string(),
            nth_weekday: r.nth_weekday.to_string(),
            first_date: r.first.stored(),
            until_date: r.until.stored(),
            exceptions: r
                .exceptions
                .iter()
                .map(|d| d.stored())
                .collect::<Vec<_>>()
                .join(", "),
            start_time: time_text(r.start_time),
            end_time: time_text(r.end_time),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_stored(s).unwrap()
    }

    fn rule(f: impl FnOnce(&mut RuleForm)) -> Result<Rule, FieldErrors> {
        let mut form = RuleForm {
            frequency: "weekly".into(),
            weekdays: vec!["4".into()],
            first_date: "2018-11-01".into(),
            until_date: "2019-10-31".into(),
            start_time: "18:00".into(),
            end_time: "20:00".into(),
            ..Default::default()
        };
        f(&mut form);
        let mut e = FieldErrors::new();
        form.validate(&mut e).ok_or(e)
    }

    #[test]
    fn weekly_on_thursdays_keeps_its_wall_clock_time_across_clock_changes() {
        let r = rule(|_| {}).unwrap();
        let occ = r.occurrences();
        assert_eq!(occ.len(), 53); // 1 Nov 2018 to 31 Oct 2019 holds 53 Thursdays
        assert!(occ.iter().all(|(day, _, _)| day.weekday() == 4));
        // Winter: 18:00 is 17:00 UTC; summer: 16:00 UTC.
        assert_eq!(occ[0].1.stored(), "2018-11-01T17:00:00Z");
        let summer = occ
            .iter()
            .find(|(day, _, _)| *day == d("2019-06-06"))
            .unwrap();
        assert_eq!(summer.1.stored(), "2019-06-06T16:00:00Z");
        assert!(occ.iter().all(|(_, s, e)| e.minutes_since(*s) == 120));
    }

    #[test]
    fn every_other_week_on_two_days_with_exceptions() {
        let r = rule(|f| {
            f.interval = "2".into();
            f.weekdays = vec!["5".into(), "1".into()];
            f.first_date = "2026-12-01".into(); // a Tuesday
            f.until_date = "2026-12-31".into();
            f.exceptions = "2026-12-14, 2026.12.25.".into();
        })
        .unwrap();
        // Weeks of 30 Nov and 14 Dec and 28 Dec count; 1 Dec is after Monday 30 Nov.
        let want = ["2026-12-04", "2026-12-18", "2026-12-28"];
        assert_eq!(r.dates(), want.map(d).to_vec());
    }

    #[test]
    fn monthly_on_the_31st_skips_short_months() {
        let r = rule(|f| {
            f.frequency = "monthly_day".into();
            f.month_day = "31".into();
            f.first_date = "2026-01-01".into();
            f.until_date = "2026-06-30".into();
        })
        .unwrap();
        assert_eq!(
            r.dates(),
            ["2026-01-31", "2026-03-31", "2026-05-31"].map(d).to_vec()
        );
    }

    #[test]
    fn second_thursday_and_last_friday() {
        let second = rule(|f| {
            f.frequency = "monthly_nth".into();
            f.nth = "2".into();
            f.nth_weekday = "4".into();
            f.first_date = "2026-10-01".into();
            f.until_date = "2027-01-31".into();
        })
        .unwrap();
        let want = ["2026-10-08", "2026-11-12", "2026-12-10", "2027-01-14"];
        assert_eq!(second.dates(), want.map(d).to_vec());
        let last = rule(|f| {
            f.frequency = "monthly_nth".into();
            f.interval = "3".into();
            f.nth = "-1".into();
            f.nth_weekday = "5".into();
            f.first_date = "2026-01-01".into();
            f.until_date = "2026-12-31".into();
        })
        .unwrap();
        let want = ["2026-01-30", "2026-04-24", "2026-07-31", "2026-10-30"];
        assert_eq!(last.dates(), want.map(d).to_vec());
    }

    #[test]
    fn a_time_the_clocks_skip_moves_an_hour_later() {
        let r = rule(|f| {
            f.weekdays = vec!["7".into()];
            f.first_date = "2026-03-29".into();
            f.until_date = "2026-03-29".into();
            f.start_time = "02:30".into();
            f.end_time = "04:00".into();
        })
        .unwrap();
        let (_, s, e) = r.occurrences()[0];
        assert_eq!(s.stored(), "2026-03-29T01:30:00Z"); // 03:30 CEST
        assert_eq!(e.minutes_since(s), 30);
    }

    #[test]
    fn refuses_rules_a_person_would_not_mean() {
        let key = |f: fn(&mut RuleForm), field: &str| rule(f).unwrap_err().for_field(field);
        assert_eq!(
            key(|f| f.weekdays.clear(), "weekdays"),
            Some("err-required")
        );
        assert_eq!(
            key(|f| f.weekdays = vec!["8".into()], "weekdays"),
            Some("err-choice")
        );
        assert_eq!(
            key(|f| f.until_date = "2018-10-01".into(), "until_date"),
            Some("err-end-before-start")
        );
        assert_eq!(
            key(|f| f.until_date = "2099-10-01".into(), "until_date"),
            Some("err-too-many-occurrences")
        );
        assert_eq!(
            key(|f| f.end_time = "17:00".into(), "end_time"),
            Some("err-end-before-start")
        );
        assert_eq!(
            key(|f| f.start_time = "25:00".into(), "start_time"),
            Some("err-time")
        );
        assert_eq!(
            key(|f| f.exceptions = "tegnap".into(), "exceptions"),
            Some("err-date")
        );
        assert_eq!(
            key(|f| f.frequency = "daily".into(), "frequency"),
            Some("err-choice")
        );
        assert_eq!(
            key(
                |f| {
                    f.first_date = "2018-11-02".into();
                    f.until_date = "2018-11-07".into();
                },
                "first_date"
            ),
            Some("err-no-occurrences")
        );
    }

    #[test]
    fn form_round_trips() {
        let r = rule(|f| f.exceptions = "2019-01-03".into()).unwrap();
        let mut e = FieldErrors::new();
        assert_eq!(RuleForm::from_rule(&r).validate(&mut e), Some(r));
    }
}

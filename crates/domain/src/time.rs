//! Time in one place: a [`Date`] is a Hungarian calendar day, an [`Instant`] a moment.
//! Both own their stored text (`2026-11-22`, `2026-11-22T10:30:00Z`) and every conversion
//! to and from Europe/Budapest wall-clock time (the tz database, via chrono-tz), so pages,
//! calendars, iCalendar feeds and reports never convert by hand.
//!
//! A day that means a Hungarian calendar day ("today", "signed on", "this month's
//! attendance") is a Budapest day, not a UTC one: 2026-11-21T23:30Z is already 22
//! November in Kisbér. A [`Period`] (month, quarter, year) is a run of Budapest days and
//! answers the half-open range of instants it covers, so a report counts an event at
//! 00:30 on 1 July in July.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat,
    TimeZone, Utc,
};
use chrono_tz::Europe::Budapest;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The zone every wall-clock time in kozos is in.
pub const ZONE: Tz = Budapest;
/// Its tz database name, as iCalendar's TZID and the API write it.
pub const ZONE_NAME: &str = "Europe/Budapest";

/// A Hungarian calendar day. Stored and exchanged as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Date(NaiveDate);

impl Date {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// The stored form (`2026-11-22`); `None` for anything else.
    pub fn parse_stored(text: &str) -> Option<Date> {
        (text.len() == 10)
            .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .flatten()
            .map(Date)
    }

    /// `2026-11-22`: how a date is stored, sent in the API and put in `<input type=date>`.
    pub fn stored(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }

    /// iCalendar's DATE value (`20261122`), for all-day events.
    pub fn ical(self) -> String {
        self.0.format("%Y%m%d").to_string()
    }

    /// The first instant of this day in Budapest (midnight; should a zone rule ever skip
    /// midnight, the first instant that exists).
    pub fn start(self) -> Instant {
        let mut local = self.0.and_time(NaiveTime::MIN);
        loop {
            if let Some(at) = Instant::from_budapest(local) {
                return at;
            }
            local += Duration::minutes(15);
        }
    }

    /// The next calendar day.
    pub fn next(self) -> Date {
        Date(self.0 + Duration::days(1))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u32 {
        self.0.month()
    }

    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date(self.0 + Duration::days(n))
    }

    /// Days from `other` to this day.
    pub fn days_since(self, other: Date) -> i64 {
        (self.0 - other.0).num_days()
    }

    /// ISO weekday: 1 is Monday (hétfő), 7 Sunday (vasárnap).
    pub fn weekday(self) -> u32 {
        self.0.weekday().number_from_monday()
    }

    /// The Monday of this day's week (Hungarian weeks start on Monday).
    pub fn monday(self) -> Date {
        self.add_days(1 - i64::from(self.weekday()))
    }

    /// How many days this day's month has.
    pub fn days_in_month(self) -> u32 {
        let p = Period::month(self.year(), self.month()).expect("a date's month exists");
        p.end.days_since(p.first) as u32
    }

    /// The instant the Budapest clock shows `time` on this day. When the clocks skip that
    /// time (the last Sunday of March, 02:00–03:00) the clock reads it an hour later, as
    /// RFC 5545 resolves such times; a time shown twice (October) is the first.
    pub fn at(self, time: NaiveTime) -> Instant {
        let local = self.0.and_time(time);
        Instant::from_budapest(local)
            .or_else(|| Instant::from_budapest(local + Duration::hours(1)))
            .expect("a Budapest gap lasts one hour")
    }
}

/// A wall-clock time of day (`18:30`), as typed: `18:30`, `18.30`, `18 óra 30`, `9:05`.
pub fn read_time(value: &str) -> Result<NaiveTime, &'static str> {
    let v = value
        .trim()
        .trim_end_matches('.')
        .replace("óra", ":")
        .replace(' ', "");
    let (h, m) = match v.split_once([':', '.']) {
        Some((h, m)) => (h, m.trim_end_matches(':')),
        None => (v.as_str(), "0"),
    };
    let digits =
        |s: &str, n| !s.is_empty() && s.len() <= n && s.chars().all(|c| c.is_ascii_digit());
    if !digits(h, 2) || !digits(m, 2) {
        return Err("err-time");
    }
    let (h, m): (u32, u32) = (
        h.parse().map_err(|_| "err-time")?,
        m.parse().map_err(|_| "err-time")?,
    );
    NaiveTime::from_hms_opt(h, m, 0).ok_or("err-time")
}

/// `HH:MM`, how a time of day is stored and put into `<input type=time>`.
pub fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Date {
        Date(d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.stored())
    }
}

/// A moment in time. Stored as RFC 3339 in UTC (`2026-11-22T10:30:00Z`, or with
/// milliseconds where order within a second matters); shown as Budapest wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Instant(DateTime<Utc>);

impl Instant {
    pub fn utc(self) -> DateTime<Utc> {
        self.0
    }

    /// A stored instant: RFC 3339 with any offset (older rows, other clients); `None` for
    /// anything else.
    pub fn parse_stored(text: &str) -> Option<Instant> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| Instant(t.with_timezone(&Utc)))
    }

    /// `2026-11-22T10:30:00Z`: how an instant is stored (text in both engines, so it sorts
    /// and compares as text).
    pub fn stored(self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// `2026-11-22T10:30:00.123Z`, for logs where order within a second matters.
    pub fn stored_millis(self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// This instant on Budapest clocks.
    pub fn budapest(self) -> DateTime<Tz> {
        self.0.with_timezone(&ZONE)
    }

    /// The Hungarian calendar day at this instant: use this for "today", never the UTC
    /// date, which is yesterday for the first one or two hours of every day.
    pub fn date(self) -> Date {
        Date(self.budapest().date_naive())
    }

    /// The instant a Budapest wall-clock time denotes. `None` for the hour skipped when
    /// clocks go forward in March; for the hour that happens twice in October, the earlier
    /// instant (the first time the clock shows it, still summer time).
    pub fn from_budapest(local: NaiveDateTime) -> Option<Instant> {
        match ZONE.from_local_datetime(&local) {
            LocalResult::Single(t) => Some(Instant(t.with_timezone(&Utc))),
            LocalResult::Ambiguous(earlier, _) => Some(Instant(earlier.with_timezone(&Utc))),
            LocalResult::None => None,
        }
    }

    /// iCalendar's UTC form (`20261122T103000Z`), for DTSTAMP and the like.
    pub fn ical_utc(self) -> String {
        self.0.format("%Y%m%dT%H%M%SZ").to_string()
    }

    /// iCalendar's local form (`20261122T113000`), to go with `TZID=Europe/Budapest`.
    pub fn ical_budapest(self) -> String {
        self.budapest().format("%Y%m%dT%H%M%S").to_string()
    }

    /// The Budapest wall-clock time as a `datetime-local` input holds it
    /// (`2026-11-22T18:30`).
    pub fn local_input(self) -> String {
        self.budapest().format("%Y-%m-%dT%H:%M").to_string()
    }

    /// Whole minutes from `earlier` to this instant.
    pub fn minutes_since(self, earlier: Instant) -> i64 {
        (self.0 - earlier.0).num_minutes()
    }

    /// `minutes` later.
    pub fn plus_minutes(self, minutes: i64) -> Instant {
        Instant(self.0 + Duration::minutes(minutes))
    }

    /// Seconds east of UTC on Budapest clocks at this instant (3600 or 7200 today).
    pub fn budapest_offset_seconds(self) -> i32 {
        use chrono::Offset;
        self.budapest().offset().fix().local_minus_utc()
    }
}

impl From<DateTime<Utc>> for Instant {
    fn from(t: DateTime<Utc>) -> Instant {
        Instant(t)
    }
}

impl From<Instant> for DateTime<Utc> {
    fn from(t: Instant) -> DateTime<Utc> {
        t.0
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.stored())
    }
}

/// A run of Budapest calendar days a report counts over: a month, a quarter or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub first: Date,
    /// The day after the last.
    pub end: Date,
}

impl Period {
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let first = Date::from_ymd(year, month, 1)?;
        let end = if month == 12 {
            Date::from_ymd(year + 1, 1, 1)?
        } else {
            Date::from_ymd(year, month + 1, 1)?
        };
        Some(Period { first, end })
    }

    /// Quarter 1–4 of `year`.
    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first = Period::month(year, quarter * 3 - 2)?;
        let last = Period::month(year, quarter * 3)?;
        Some(Period {
            first: first.first,
            end: last.end,
        })
    }

    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            first: Date::from_ymd(year, 1, 1)?,
            end: Date::from_ymd(year + 1, 1, 1)?,
        })
    }

    /// The instants it covers, half-open: `start <= t < end`.
    pub fn instants(self) -> (Instant, Instant) {
        (self.first.start(), self.end.start())
    }

    pub fn contains(self, at: Instant) -> bool {
        let (start, end) = self.instants();
        start <= at && at < end
    }

    pub fn contains_date(self, day: Date) -> bool {
        self.first <= day && day < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse_stored(s).unwrap()
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn the_day_of_the_bug_report() {
        assert_eq!(at("2026-11-21T23:30:00Z").date(), day(2026, 11, 22));
        assert_eq!(at("2026-07-01T22:30:00Z").date(), day(2026, 7, 2));
        assert_eq!(at("2026-07-01T21:59:59Z").date(), day(2026, 7, 1));
        assert_eq!(at("2026-12-31T23:00:00Z").date(), day(2027, 1, 1));
    }

    #[test]
    fn clocks_change_at_one_utc_on_the_last_sundays() {
        let offset = |s: &str| at(s).budapest_offset_seconds();
        assert_eq!(offset("2026-03-29T00:59:59Z"), 3600);
        assert_eq!(offset("2026-03-29T01:00:00Z"), 7200);
        assert_eq!(offset("2026-10-25T00:59:59Z"), 7200);
        assert_eq!(offset("2026-10-25T01:00:00Z"), 3600);
        assert_eq!(offset("2026-01-15T12:00:00Z"), 3600);
        assert_eq!(offset("2026-07-15T12:00:00Z"), 7200);
        // 2027: 28 March and 31 October
        assert_eq!(offset("2027-03-28T01:00:00Z"), 7200);
        assert_eq!(offset("2027-10-31T00:30:00Z"), 7200);
        assert_eq!(offset("2027-10-31T01:00:00Z"), 3600);
        let wall = |s: &str| at(s).budapest().naive_local();
        assert_eq!(wall("2026-03-29T00:59:59Z"), local("2026-03-29 01:59:59"));
        assert_eq!(wall("2026-03-29T01:00:00Z"), local("2026-03-29 03:00:00"));
        assert_eq!(wall("2026-10-25T00:30:00Z"), local("2026-10-25 02:30:00"));
        assert_eq!(wall("2026-10-25T01:30:00Z"), local("2026-10-25 02:30:00"));
    }

    #[test]
    fn older_rules_come_from_the_tz_database() {
        // 1995: summer time still ended on the last Sunday of September in Hungary.
        assert_eq!(at("1995-10-15T12:00:00Z").budapest_offset_seconds(), 3600);
        assert_eq!(at("1996-10-15T12:00:00Z").budapest_offset_seconds(), 7200);
    }

    #[test]
    fn local_times_back_to_instants() {
        let back = |s: &str| Instant::from_budapest(local(s));
        // the skipped spring hour does not exist
        assert_eq!(back("2026-03-29 02:00:00"), None);
        assert_eq!(back("2026-03-29 02:59:59"), None);
        assert_eq!(
            back("2026-03-29 01:59:59"),
            Some(at("2026-03-29T00:59:59Z"))
        );
        assert_eq!(
            back("2026-03-29 03:00:00"),
            Some(at("2026-03-29T01:00:00Z"))
        );
        // the repeated autumn hour gives its first (summer-time) instant
        assert_eq!(
            back("2026-10-25 02:30:00"),
            Some(at("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            back("2026-10-25 03:00:00"),
            Some(at("2026-10-25T02:00:00Z"))
        );
        assert_eq!(
            back("2026-11-22 00:30:00"),
            Some(at("2026-11-21T23:30:00Z"))
        );
        assert_eq!(
            back("2026-07-02 00:30:00"),
            Some(at("2026-07-01T22:30:00Z"))
        );
    }

    #[test]
    fn stored_text_round_trips_and_refuses_other_forms() {
        let t = at("2026-11-22T11:30:00+01:00");
        assert_eq!(t.stored(), "2026-11-22T10:30:00Z");
        assert_eq!(Instant::parse_stored(&t.stored()), Some(t));
        assert_eq!(t.stored_millis(), "2026-11-22T10:30:00.000Z");
        assert_eq!(Instant::parse_stored("2026-11-22 10:30"), None);
        let d = day(2026, 3, 9);
        assert_eq!(d.stored(), "2026-03-09");
        assert_eq!(Date::parse_stored("2026-03-09"), Some(d));
        assert_eq!(Date::parse_stored("2026-3-9"), None);
        assert_eq!(Date::parse_stored("2026-02-30"), None);
        assert_eq!(d.to_string(), "2026-03-09");
    }

    #[test]
    fn icalendar_forms() {
        let t = at("2026-07-01T22:30:00Z");
        assert_eq!(t.ical_utc(), "20260701T223000Z");
        assert_eq!(t.ical_budapest(), "20260702T003000");
        assert_eq!(day(2026, 7, 2).ical(), "20260702");
    }

    #[test]
    fn periods_are_budapest_days() {
        let july = Period::month(2026, 7).unwrap();
        assert_eq!(july.instants().0, at("2026-06-30T22:00:00Z"));
        assert_eq!(july.instants().1, at("2026-07-31T22:00:00Z"));
        // 00:30 on 1 July in Budapest is 30 June in UTC, and counts in July
        assert!(july.contains(at("2026-06-30T22:30:00Z")));
        assert!(!july.contains(at("2026-07-31T22:00:00Z")));
        let q4 = Period::quarter(2026, 4).unwrap();
        assert_eq!((q4.first, q4.end), (day(2026, 10, 1), day(2027, 1, 1)));
        // the quarter spans the October clock change: starts at +02:00, ends at +01:00
        assert_eq!(q4.instants().0, at("2026-09-30T22:00:00Z"));
        assert_eq!(q4.instants().1, at("2026-12-31T23:00:00Z"));
        assert_eq!(Period::quarter(2026, 5), None);
        let year = Period::year(2026).unwrap();
        assert!(year.contains_date(day(2026, 12, 31)));
        assert!(!year.contains_date(day(2027, 1, 1)));
        assert_eq!(Period::month(2026, 12).unwrap().end, day(2027, 1, 1));
    }
}

//! Budapest time. A date that means a Hungarian calendar day ("today", "signed on") is a
//! Europe/Budapest day, not a UTC one: 2026-11-21T23:30Z is already 22 November in Kisbér.
//!
//! Hungary follows the EU rule (directive 2000/84/EC): CET (UTC+1), and CEST (UTC+2) from
//! 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday of October.
//! The rule has been the same since 1996; earlier instants are never needed here (the
//! app only asks about "now" and dates typed for current programmes), so no tz database.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

const CET: i32 = 3600;
const CEST: i32 = 7200;

/// The last Sunday of `month` in `year`, at 01:00 UTC (when EU clocks change).
fn change_instant(year: i32, month: u32) -> DateTime<Utc> {
    let (next_y, next_m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let last_day =
        NaiveDate::from_ymd_opt(next_y, next_m, 1).expect("valid month") - Duration::days(1);
    let sunday = last_day - Duration::days(i64::from(last_day.weekday().num_days_from_sunday()));
    Utc.from_utc_datetime(&sunday.and_time(NaiveTime::from_hms_opt(1, 0, 0).expect("01:00")))
}

/// Seconds east of UTC in Budapest at the instant `utc`: 3600 (CET) or 7200 (CEST).
pub fn budapest_offset_seconds(utc: DateTime<Utc>) -> i32 {
    let year = utc.year();
    if (change_instant(year, 3)..change_instant(year, 10)).contains(&utc) {
        CEST
    } else {
        CET
    }
}

/// The Budapest wall-clock time at the instant `utc`.
pub fn to_budapest(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.naive_utc() + Duration::seconds(i64::from(budapest_offset_seconds(utc)))
}

/// The Hungarian calendar day at the instant `utc` — use this for "today", never
/// `utc.date_naive()`, which is yesterday for the first one or two hours of every day.
pub fn budapest_today(utc: DateTime<Utc>) -> NaiveDate {
    to_budapest(utc).date()
}

/// The instant a Budapest wall-clock time denotes. `None` for the hour skipped when clocks
/// go forward in March; for the hour that happens twice in October, the earlier instant
/// (the first time the clock shows it, still summer time).
pub fn budapest_to_utc(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    // Try summer time first so the repeated hour resolves to the earlier instant.
    [CEST, CET].into_iter().find_map(|offset| {
        let utc = Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset))));
        (budapest_offset_seconds(utc) == offset).then_some(utc)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn the_day_of_the_bug_report() {
        assert_eq!(
            budapest_today(utc("2026-11-21T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        assert_eq!(
            budapest_today(utc("2026-07-01T22:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 7, 2).unwrap()
        );
        assert_eq!(
            budapest_today(utc("2026-07-01T21:59:59Z")),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
        assert_eq!(
            budapest_today(utc("2026-12-31T23:00:00Z")),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }

    #[test]
    fn clocks_change_at_one_utc_on_the_last_sundays() {
        assert_eq!(budapest_offset_seconds(utc("2026-03-29T00:59:59Z")), 3600);
        assert_eq!(budapest_offset_seconds(utc("2026-03-29T01:00:00Z")), 7200);
        assert_eq!(budapest_offset_seconds(utc("2026-10-25T00:59:59Z")), 7200);
        assert_eq!(budapest_offset_seconds(utc("2026-10-25T01:00:00Z")), 3600);
        assert_eq!(budapest_offset_seconds(utc("2026-01-15T12:00:00Z")), 3600);
        assert_eq!(budapest_offset_seconds(utc("2026-07-15T12:00:00Z")), 7200);
        // 2027: 28 March and 31 October
        assert_eq!(budapest_offset_seconds(utc("2027-03-28T01:00:00Z")), 7200);
        assert_eq!(budapest_offset_seconds(utc("2027-10-31T00:30:00Z")), 7200);
        assert_eq!(budapest_offset_seconds(utc("2027-10-31T01:00:00Z")), 3600);
        assert_eq!(
            to_budapest(utc("2026-03-29T00:59:59Z")),
            local("2026-03-29 01:59:59")
        );
        assert_eq!(
            to_budapest(utc("2026-03-29T01:00:00Z")),
            local("2026-03-29 03:00:00")
        );
        assert_eq!(
            to_budapest(utc("2026-10-25T00:30:00Z")),
            local("2026-10-25 02:30:00")
        );
        assert_eq!(
            to_budapest(utc("2026-10-25T01:30:00Z")),
            local("2026-10-25 02:30:00")
        );
    }

    #[test]
    fn local_times_back_to_instants() {
        // the skipped spring hour does not exist
        assert_eq!(budapest_to_utc(local("2026-03-29 02:00:00")), None);
        assert_eq!(budapest_to_utc(local("2026-03-29 02:59:59")), None);
        assert_eq!(
            budapest_to_utc(local("2026-03-29 01:59:59")),
            Some(utc("2026-03-29T00:59:59Z"))
        );
        assert_eq!(
            budapest_to_utc(local("2026-03-29 03:00:00")),
            Some(utc("2026-03-29T01:00:00Z"))
        );
        // the repeated autumn hour gives its first (summer-time) instant
        assert_eq!(
            budapest_to_utc(local("2026-10-25 02:30:00")),
            Some(utc("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            budapest_to_utc(local("2026-10-25 03:00:00")),
            Some(utc("2026-10-25T02:00:00Z"))
        );
        assert_eq!(
            budapest_to_utc(local("2026-11-22 00:30:00")),
            Some(utc("2026-11-21T23:30:00Z"))
        );
        assert_eq!(
            budapest_to_utc(local("2026-07-02 00:30:00")),
            Some(utc("2026-07-01T22:30:00Z"))
        );
    }
}

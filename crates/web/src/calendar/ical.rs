//! iCalendar (RFC 5545) feeds of public activities: a stable UID per activity, DTSTAMP
//! and LAST-MODIFIED from the last change, SEQUENCE from the version, local times with
//! `TZID=Europe/Budapest` and the zone's VTIMEZONE, text escaped, lines folded at 75
//! octets without splitting a character, CRLF line ends.

use kozos_domain::activity::Activity;
use kozos_domain::time::ZONE_NAME;

/// Europe/Budapest as calendar clients need it: CET/CEST with the EU rule in force since
/// 1996 (summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Budapest",
    "X-LIC-LOCATION:Europe/Budapest",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Append one content line, folded (§3.1): at most 75 octets a line, continuation lines
/// start with a space, and a multi-byte character (ő, ű) is never cut in two.
pub fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// What the feed needs besides the activities.
pub struct Feed<'a> {
    /// The calendar's name (X-WR-CALNAME).
    pub name: &'a str,
    /// The site's address, for each event's URL (`https://example.hu`).
    pub base_url: &'a str,
    /// How a kind reads (CATEGORIES), in the feed's language.
    pub kind_label: &'a dyn Fn(&Activity) -> String,
}

pub fn calendar(feed: &Feed, activities: &[Activity]) -> String {
    let mut out = String::with_capacity(512 + activities.len() * 600);
    let mut line = |l: &str| push_line(&mut out, l);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//kozos//rendezvenynaptar//HU");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(feed.name)));
    line(&format!("X-WR-TIMEZONE:{ZONE_NAME}"));
    for l in VTIMEZONE {
        line(l);
    }
    for a in activities {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", a.uid));
        line(&format!("DTSTAMP:{}", a.updated_at.ical_utc()));
        line(&format!("LAST-MODIFIED:{}", a.updated_at.ical_utc()));
        line(&format!("SEQUENCE:{}", a.version - 1));
        line(&format!(
            "DTSTART;TZID={ZONE_NAME}:{}",
            a.starts_at.ical_budapest()
        ));
        line(&format!(
            "DTEND;TZID={ZONE_NAME}:{}",
            a.ends_at.ical_budapest()
        ));
        line(&format!("SUMMARY:{}", escape(&a.title)));
        if !a.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&a.description)));
        }
        let location: Vec<&str> = [a.address.as_str(), a.place_name.as_deref().unwrap_or("")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !location.is_empty() {
            line(&format!("LOCATION:{}", escape(&location.join(", "))));
        }
        line(&format!("CATEGORIES:{}", escape(&(feed.kind_label)(a))));
        line(&format!("URL:{}/activities/{}", feed.base_url, a.id));
        line("STATUS:CONFIRMED");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_cutting_a_character() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "Kőszegi tűzoltó-bál ".repeat(10));
        push_line(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, text);
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a;b,c\\d\r\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}

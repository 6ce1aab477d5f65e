//! Trainings: sessions with contact hours, a distance part, and the completion rule that
//! decides who completed (and so who gets a certificate).
//!
//! A training without sessions is one session: the activity itself, its whole length as
//! contact time, attended by a tick on the roster. Sessions are added where the contact
//! time is not the activity's span (a course over several days, lunch breaks).

use crate::ids::*;
use crate::money::{hours_text, parse_hours};
use crate::time::Instant;
use crate::validation::*;
use serde::{Deserialize, Serialize};

/// Share of the contact hours a completer attended, when a training has not set its own.
pub const DEFAULT_COMPLETION_PERCENT: i64 = 80;
/// Longest distance part (in hours) a form accepts; longer is a typing error.
pub const MAX_DISTANCE_HOURS: i64 = 1_000;

/// Whether two sessions share any minute (back to back is no overlap).
pub fn overlaps(a: (Instant, Instant), b: (Instant, Instant)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A training's settings (every training has them; defaults until saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Training {
    pub activity_id: ActivityId,
    /// The distance (self-study) part, in minutes; 0 when there is none.
    pub distance_minutes: i64,
    /// Share of the contact minutes a completer attended, 1–100.
    pub completion_percent: i64,
    pub version: i64,
}

impl Training {
    /// What a training is before anyone saved its settings.
    pub fn unsaved(activity_id: ActivityId) -> Self {
        Training {
            activity_id,
            distance_minutes: 0,
            completion_percent: DEFAULT_COMPLETION_PERCENT,
            version: 0,
        }
    }
}

/// The settings form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainingForm {
    /// Hours of the distance part (`0`, `10`, `7,5`); empty means none.
    pub distance_hours: String,
    pub completion_percent: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingInput {
    pub distance_minutes: i64,
    pub completion_percent: i64,
}

impl TrainingForm {
    pub fn from_training(t: &Training) -> Self {
        TrainingForm {
            distance_hours: hours_text(t.distance_minutes, ','),
            completion_percent: t.completion_percent.to_string(),
        }
    }

    pub fn validate(&self) -> Result<TrainingInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let distance_minutes = match self.distance_hours.trim() {
            "" => 0,
            v => match parse_hours(v) {
                Ok(m) if m > MAX_DISTANCE_HOURS * 60 => {
                    e.add("distance_hours", "err-hours-too-many");
                    0
                }
                Ok(m) => m,
                Err(key) => {
                    e.add("distance_hours", key);
                    0
                }
            },
        };
        let v = self.completion_percent.trim();
        let v = v.strip_suffix('%').unwrap_or(v).trim();
        let completion_percent = if v.is_empty() {
            DEFAULT_COMPLETION_PERCENT
        } else {
            match v.parse::<i64>() {
                Ok(p) if (1..=100).contains(&p) => p,
                _ => {
                    e.add("completion_percent", "err-completion-percent");
                    DEFAULT_COMPLETION_PERCENT
                }
            }
        };
        if e.is_empty() {
            Ok(TrainingInput {
                distance_minutes,
                completion_percent,
            })
        } else {
            Err(e)
        }
    }
}

/// One session of a training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub id: SessionId,
    pub activity_id: ActivityId,
    pub starts_at: Instant,
    pub ends_at: Instant,
    /// Contact time counted for those present: the session's length unless set lower.
    pub contact_minutes: i64,
    pub title: String,
}

/// The session form, as typed: a day and two times of day (Budapest wall clock).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub date: String,
    pub starts: String,
    pub ends: String,
    /// Empty: the whole session is contact time.
    pub contact_hours: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInput {
    pub starts_at: Instant,
    pub ends_at: Instant,
    pub contact_minutes: i64,
    pub title: String,
}

impl SessionForm {
    /// Valid when it lies within the training's own start and end.
    pub fn validate(
        &self,
        training_starts: Instant,
        training_ends: Instant,
    ) -> Result<SessionInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = optional_text(&mut e, "title", &self.title, 200).unwrap_or_default();
        // The day and the two times are read on their own, so a wrong one is named.
        let date = match self.date.trim() {
            "" => {
                e.add("date", "err-required");
                None
            }
            v => read_date(v).map_err(|k| e.add("date", k)).ok(),
        };
        let mut time = |field: &'static str, v: &str| match v.trim() {
            "" => {
                e.add(field, "err-required");
                None
            }
            v => crate::time::read_time(v).map_err(|k| e.add(field, k)).ok(),
        };
        let (starts, ends) = (time("starts", &self.starts), time("ends", &self.ends));
        let at = |t: Option<chrono::NaiveTime>| {
            date.zip(t)
                .and_then(|(d, t)| Instant::from_budapest(d.naive().and_time(t)))
        };
        let (starts_at, ends_at) = (at(starts), at(ends));
        if date.is_some() && starts.is_some() && starts_at.is_none() {
            e.add("starts", "err-time-gap");
        }
        if date.is_some() && ends.is_some() && ends_at.is_none() {
            e.add("ends", "err-time-gap");
        }
        let mut contact = None;
        if let (Some(s), Some(end)) = (starts_at, ends_at) {
            if end <= s {
                e.add("ends", "err-end-before-start");
            } else if s < training_starts || end > training_ends {
                e.add("date", "err-session-outside");
            } else {
                let length = end.minutes_since(s);
                contact = match self.contact_hours.trim() {
                    "" => Some(length),
                    v => match parse_hours(v) {
                        Ok(0) => {
                            e.add("contact_hours", "err-contact-zero");
                            None
                        }
                        Ok(m) if m > length => {
                            e.add("contact_hours", "err-contact-longer");
                            None
                        }
                        Ok(m) => Some(m),
                        Err(key) => {
                            e.add("contact_hours", key);
                            None
                        }
                    },
                };
            }
        }
        match (starts_at, ends_at, contact) {
            (Some(starts_at), Some(ends_at), Some(contact_minutes)) if e.is_empty() => {
                Ok(SessionInput {
                    starts_at,
                    ends_at,
                    contact_minutes,
                    title,
                })
            }
            _ => Err(e),
        }
    }
}

/// Where a participant stands against the completion rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub attended_minutes: i64,
    pub total_minutes: i64,
    pub distance_done: bool,
    pub completed: bool,
}

/// The completion rule: at least the training's share of the contact minutes attended,
/// and the distance part done when there is one. `sessions` are (id, contact minutes);
/// `attended` the sessions the person was present at. Contact time is counted in whole
/// minutes and compared without rounding (80 % of 7 h 30 min is 360 minutes, not "6 h").
pub fn progress(
    training: &Training,
    sessions: &[(SessionId, i64)],
    attended: &[SessionId],
    distance_done: bool,
) -> Progress {
    let total_minutes: i64 = sessions.iter().map(|(_, m)| m).sum();
    let attended_minutes: i64 = sessions
        .iter()
        .filter(|(id, _)| attended.contains(id))
        .map(|(_, m)| m)
        .sum();
    let enough =
        total_minutes > 0 && attended_minutes * 100 >= training.completion_percent * total_minutes;
    let distance_ok = training.distance_minutes == 0 || distance_done;
    Progress {
        attended_minutes,
        total_minutes,
        distance_done,
        completed: enough && distance_ok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        read_datetime(s).unwrap()
    }

    fn training(distance: i64, percent: i64) -> Training {
        Training {
            distance_minutes: distance,
            completion_percent: percent,
            ..Training::unsaved(ActivityId(1))
        }
    }

    #[test]
    fn completion_needs_the_share_and_the_distance_part() {
        let sessions = [
            (SessionId(1), 240),
            (SessionId(2), 240),
            (SessionId(3), 120),
        ];
        let t = training(0, 80);
        // 480 of 600 is exactly 80 %.
        let p = progress(&t, &sessions, &[SessionId(1), SessionId(2)], false);
        assert_eq!((p.attended_minutes, p.total_minutes), (480, 600));
        assert!(p.completed);
        // 360 of 600 is 60 %.
        assert!(!progress(&t, &sessions, &[SessionId(1), SessionId(3)], false).completed);
        // A session of another training does not count.
        assert_eq!(
            progress(&t, &sessions, &[SessionId(9)], false).attended_minutes,
            0
        );
        // With a distance part, it must be done too.
        let t = training(600, 80);
        let all = [SessionId(1), SessionId(2), SessionId(3)];
        assert!(!progress(&t, &sessions, &all, false).completed);
        assert!(progress(&t, &sessions, &all, true).completed);
        // No contact time at all: nobody has completed.
        assert!(!progress(&training(0, 80), &[], &[], true).completed);
    }

    #[test]
    fn one_minute_short_is_not_complete() {
        // 80 % of 450 minutes is 360.
        let sessions = [(SessionId(1), 359), (SessionId(2), 91)];
        let t = training(0, 80);
        assert!(!progress(&t, &sessions, &[SessionId(1)], false).completed);
        let sessions = [(SessionId(1), 360), (SessionId(2), 90)];
        assert!(progress(&t, &sessions, &[SessionId(1)], false).completed);
    }

    #[test]
    fn sessions_overlap_when_they_share_a_minute() {
        let s = |a: &str, b: &str| (at(a), at(b));
        let morning = s("2026-03-05 09:00", "2026-03-05 12:00");
        assert!(overlaps(morning, s("2026-03-05 11:00", "2026-03-05 13:00")));
        assert!(overlaps(morning, s("2026-03-05 10:00", "2026-03-05 11:00")));
        assert!(!overlaps(
            morning,
            s("2026-03-05 12:00", "2026-03-05 13:00")
        ));
        assert!(!overlaps(
            morning,
            s("2026-03-06 09:00", "2026-03-06 12:00")
        ));
    }

    #[test]
    fn settings_form() {
        let ok = TrainingForm {
            distance_hours: "7,5".into(),
            completion_percent: "80 %".into(),
        }
        .validate()
        .unwrap();
        assert_eq!((ok.distance_minutes, ok.completion_percent), (450, 80));
        let defaults = TrainingForm::default().validate().unwrap();
        assert_eq!(
            (defaults.distance_minutes, defaults.completion_percent),
            (0, 80)
        );
        for (hours, percent, field) in [
            ("abc", "80", "distance_hours"),
            ("-2", "80", "distance_hours"),
            ("1001", "80", "distance_hours"),
            ("10", "0", "completion_percent"),
            ("10", "101", "completion_percent"),
            ("10", "80,5", "completion_percent"),
        ] {
            let e = TrainingForm {
                distance_hours: hours.into(),
                completion_percent: percent.into(),
            }
            .validate()
            .unwrap_err();
            assert!(e.for_field(field).is_some(), "{hours} {percent}: {e:?}");
        }
        assert_eq!(
            TrainingForm::from_training(&training(450, 80)).distance_hours,
            "7,5"
        );
    }

    #[test]
    fn sessions_lie_within_the_training() {
        let (from, to) = (at("2026-03-02 08:00"), at("2026-03-20 18:00"));
        let form = |date: &str, s: &str, e: &str, c: &str| SessionForm {
            date: date.into(),
            starts: s.into(),
            ends: e.into(),
            contact_hours: c.into(),
            title: "Jogszabályi ismeretek".into(),
        };
        let ok = form("2026-03-05", "9:00", "16:00", "")
            .validate(from, to)
            .unwrap();
        assert_eq!(ok.contact_minutes, 420);
        let lunch = form("2026. 03. 05.", "9:00", "16:00", "6")
            .validate(from, to)
            .unwrap();
        assert_eq!(lunch.contact_minutes, 360);
        // Across the spring DST change (29 March 2026, 02:00 → 03:00) an hour is missing.
        let dst = form("2026-03-29", "01:00", "04:00", "")
            .validate(at("2026-03-28 08:00"), at("2026-03-30 08:00"))
            .unwrap();
        assert_eq!(dst.contact_minutes, 120);
        for (f, field) in [
            (form("2026-03-05", "16:00", "9:00", ""), "ends"),
            (form("2026-03-21", "9:00", "10:00", ""), "date"),
            (form("", "9:00", "10:00", ""), "date"),
            (form("2026-03-05", "", "10:00", ""), "starts"),
            (form("2026-03-05", "9", "1o:00", ""), "ends"),
            (form("2026-02-30", "9:00", "10:00", ""), "date"),
            (form("2026-03-05", "9:00", "10:00", "2"), "contact_hours"),
            (form("2026-03-05", "9:00", "10:00", "0"), "contact_hours"),
            (form("2026-03-05", "9:00", "10:00", "x"), "contact_hours"),
        ] {
            let e = f.validate(from, to).unwrap_err();
            assert!(e.for_field(field).is_some(), "{f:?}: {e:?}");
        }
    }
}

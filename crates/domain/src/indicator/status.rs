//! Is an indicator on track? The value expected at a day runs in straight lines from the
//! baseline at the start, through each milestone, to the target at the deadline; the
//! value recorded by then is compared with it.

use super::definition::Milestone;
use crate::time::Date;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target is reached.
    Achieved,
    /// At or above what is expected by now.
    OnTrack,
    /// Below what is expected, but by less than a quarter of the way expected so far.
    AtRisk,
    /// Further behind, or past the deadline without the target.
    Behind,
    /// Before the programme starts, or without a target or dates to expect from.
    NotStarted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
            Status::NotStarted => "not_started",
        }
    }
}

/// The value expected on `day` (stored units), or `None` when nothing is expected yet.
pub fn expected_at(
    baseline: i64,
    target: i64,
    start: Option<Date>,
    deadline: Option<Date>,
    milestones: &[Milestone],
    day: Date,
) -> Option<i64> {
    let (start, deadline) = (start?, deadline?);
    if day < start || deadline <= start {
        return None;
    }
    let mut points = vec![(start, baseline)];
    points.extend(
        milestones
            .iter()
            .filter(|m| m.due > start && m.due < deadline)
            .map(|m| (m.due, m.value)),
    );
    points.push((deadline, target));
    if day >= deadline {
        return Some(target);
    }
    let i = points.iter().rposition(|(d, _)| *d <= day)?;
    let (d0, v0) = points[i];
    let (d1, v1) = points[i + 1];
    let span = d1.days_since(d0).max(1) as i128;
    let gone = day.days_since(d0) as i128;
    // Rounded down: a milestone's value is expected on its day, not a day early.
    Some(v0 + ((v1 - v0) as i128 * gone / span) as i64)
}

/// Status of `value` on `day`.
#[allow(clippy::too_many_arguments)]
pub fn status(
    value: i64,
    baseline: i64,
    target: i64,
    start: Option<Date>,
    deadline: Option<Date>,
    milestones: &[Milestone],
    day: Date,
) -> Status {
    let expected = expected_at(baseline, target, start, deadline, milestones, day);
    status_against(
        value,
        baseline,
        target,
        expected,
        deadline.is_some_and(|d| day > d),
    )
}

/// Status of `value` against what was expected (summed over programmes, for a place).
pub fn status_against(
    value: i64,
    baseline: i64,
    target: i64,
    expected: Option<i64>,
    past_deadline: bool,
) -> Status {
    if target > 0 && value >= target {
        return Status::Achieved;
    }
    // Past the deadline short of the target is behind, whether or not the start (and so
    // the expected path) is known.
    if past_deadline {
        return Status::Behind;
    }
    let Some(expected) = expected else {
        return Status::NotStarted;
    };
    if value >= expected {
        return Status::OnTrack;
    }
    // How much of the progress expected since the baseline is there.
    let due = (expected - baseline).max(1) as i128;
    let done = (value - baseline).max(0) as i128;
    if done * 4 >= due * 3 {
        Status::AtRisk
    } else {
        Status::Behind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_deadline_short_of_the_target_is_behind_without_a_known_start() {
        let deadline = Some(d(2023, 1, 31));
        let day = d(2026, 11, 21);
        assert_eq!(
            status(172, 0, 600, None, deadline, &[], day),
            Status::Behind
        );
        assert_eq!(
            status(600, 0, 600, None, deadline, &[], day),
            Status::Achieved
        );
        assert_eq!(
            status(10, 0, 600, None, deadline, &[], d(2022, 1, 1)),
            Status::NotStarted
        );
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn expectation_runs_straight_between_milestones() {
        let (s, e) = (Some(d(2020, 1, 1)), Some(d(2020, 1, 11)));
        assert_eq!(expected_at(0, 100, s, e, &[], d(2020, 1, 6)), Some(50));
        assert_eq!(expected_at(0, 100, s, e, &[], d(2019, 12, 31)), None);
        assert_eq!(expected_at(0, 100, s, e, &[], d(2021, 1, 1)), Some(100));
        let m = [Milestone {
            due: d(2020, 1, 3),
            value: 80,
        }];
        assert_eq!(expected_at(0, 100, s, e, &m, d(2020, 1, 3)), Some(80));
        assert_eq!(expected_at(0, 100, s, e, &m, d(2020, 1, 7)), Some(90));
        assert_eq!(expected_at(0, 100, None, e, &m, d(2020, 1, 7)), None);
    }

    #[test]
    fn status_compares_with_what_is_expected_by_today() {
        let (s, e) = (Some(d(2020, 1, 1)), Some(d(2020, 1, 11)));
        let at = |v| status(v, 0, 100, s, e, &[], d(2020, 1, 6));
        assert_eq!(at(100), Status::Achieved);
        assert_eq!(at(50), Status::OnTrack);
        assert_eq!(at(40), Status::AtRisk);
        assert_eq!(at(37), Status::Behind);
        assert_eq!(status(99, 0, 100, s, e, &[], d(2020, 2, 1)), Status::Behind);
        assert_eq!(
            status(0, 0, 100, s, e, &[], d(2019, 2, 1)),
            Status::NotStarted
        );
    }
}

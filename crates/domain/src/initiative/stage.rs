//! The stages of an initiative, in the order the Abaúj workshops took them (exploring,
//! analysing and selecting, elaborating), and the rule for moving between them.

use crate::organisation::string_enum;
use serde::Serialize;

string_enum!(
    /// Where an initiative is. `SetAside` stands outside the order: an initiative can be
    /// set aside from any stage, and taken up again (with a reason) at any.
    Stage {
        Proposed = "proposed",
        Explored = "explored",
        Analysed = "analysed",
        Selected = "selected",
        Elaborated = "elaborated",
        Implemented = "implemented",
        SetAside = "set_aside",
    }
);

impl Stage {
    /// The stages in their order (without `SetAside`).
    pub const ORDERED: [Stage; 6] = [
        Stage::Proposed,
        Stage::Explored,
        Stage::Analysed,
        Stage::Selected,
        Stage::Elaborated,
        Stage::Implemented,
    ];

    /// Its place in the order; `None` for `SetAside`.
    pub fn rank(self) -> Option<usize> {
        Stage::ORDERED.iter().position(|s| *s == self)
    }

    /// Is this stage `other` or past it? (`SetAside` is past nothing: an initiative set
    /// aside no longer counts as explored or selected.)
    pub fn at_or_past(self, other: Stage) -> bool {
        match (self.rank(), other.rank()) {
            (Some(a), Some(b)) => a >= b,
            _ => self == other,
        }
    }

    /// The stage after this one, for the usual next step.
    pub fn next(self) -> Option<Stage> {
        self.rank().and_then(|r| Stage::ORDERED.get(r + 1)).copied()
    }

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Proposed => "initiative-stage-proposed",
            Stage::Explored => "initiative-stage-explored",
            Stage::Analysed => "initiative-stage-analysed",
            Stage::Selected => "initiative-stage-selected",
            Stage::Elaborated => "initiative-stage-elaborated",
            Stage::Implemented => "initiative-stage-implemented",
            Stage::SetAside => "initiative-stage-set-aside",
        }
    }
}

/// May an initiative move from `from` to `to`, given a reason or none? One step forward
/// needs no reason; everything else (skipping stages, going back, setting aside, taking
/// up again) is a decision someone must be able to explain later, so it needs one.
/// Errors are catalogue keys on the field they concern.
pub fn check_move(
    from: Stage,
    to: Stage,
    reason: Option<&str>,
) -> Result<(), (&'static str, &'static str)> {
    if from == to {
        return Err(("to", "err-initiative-same-stage"));
    }
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if has_reason {
        return Ok(());
    }
    let needs = match (from.rank(), to.rank()) {
        (Some(a), Some(b)) if b == a + 1 => None,
        (Some(a), Some(b)) if b > a + 1 => Some("err-initiative-skip-reason"),
        (Some(_), Some(_)) => Some("err-initiative-back-reason"),
        (_, None) => Some("err-initiative-set-aside-reason"),
        (None, _) => Some("err-initiative-reopen-reason"),
    };
    match needs {
        None => Ok(()),
        Some(key) => Err(("reason", key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_step_forward_needs_no_reason() {
        assert_eq!(check_move(Stage::Proposed, Stage::Explored, None), Ok(()));
        assert_eq!(
            check_move(Stage::Elaborated, Stage::Implemented, Some("  ")),
            Ok(())
        );
    }

    #[test]
    fn skipping_going_back_and_setting_aside_need_a_reason() {
        assert_eq!(
            check_move(Stage::Proposed, Stage::Selected, None),
            Err(("reason", "err-initiative-skip-reason"))
        );
        assert_eq!(
            check_move(Stage::Selected, Stage::Explored, Some("")),
            Err(("reason", "err-initiative-back-reason"))
        );
        assert_eq!(
            check_move(Stage::Analysed, Stage::SetAside, None),
            Err(("reason", "err-initiative-set-aside-reason"))
        );
        assert_eq!(
            check_move(Stage::SetAside, Stage::Analysed, None),
            Err(("reason", "err-initiative-reopen-reason"))
        );
        assert_eq!(
            check_move(
                Stage::Proposed,
                Stage::Selected,
                Some("a műhely egyhangúlag választotta")
            ),
            Ok(())
        );
        assert_eq!(
            check_move(Stage::Explored, Stage::Explored, Some("x")),
            Err(("to", "err-initiative-same-stage"))
        );
    }

    #[test]
    fn set_aside_is_past_nothing() {
        assert!(Stage::Selected.at_or_past(Stage::Explored));
        assert!(!Stage::Explored.at_or_past(Stage::Selected));
        assert!(!Stage::SetAside.at_or_past(Stage::Proposed));
        assert!(Stage::SetAside.at_or_past(Stage::SetAside));
        assert_eq!(Stage::Elaborated.next(), Some(Stage::Implemented));
        assert_eq!(Stage::Implemented.next(), None);
    }
}

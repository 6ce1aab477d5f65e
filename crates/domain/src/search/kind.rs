//! What a search result is: the kinds of record the index holds.

/// A kind of searchable record, stored as its `as_str()` in `search_docs.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    Programme,
    Activity,
    /// A series of activities, found once rather than once per date.
    Series,
    Memo,
    Plan,
    Initiative,
    Practice,
    Publication,
    Video,
    Study,
    Question,
}

impl DocKind {
    pub const ALL: [DocKind; 11] = [
        DocKind::Programme,
        DocKind::Activity,
        DocKind::Series,
        DocKind::Memo,
        DocKind::Plan,
        DocKind::Initiative,
        DocKind::Practice,
        DocKind::Publication,
        DocKind::Video,
        DocKind::Study,
        DocKind::Question,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Programme => "programme",
            DocKind::Activity => "activity",
            DocKind::Series => "series",
            DocKind::Memo => "memo",
            DocKind::Plan => "plan",
            DocKind::Initiative => "initiative",
            DocKind::Practice => "practice",
            DocKind::Publication => "publication",
            DocKind::Video => "video",
            DocKind::Study => "study",
            DocKind::Question => "question",
        }
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in DocKind::ALL {
            assert_eq!(DocKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(DocKind::parse("person"), None);
    }
}

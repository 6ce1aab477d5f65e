//! The places tree: country → county (vármegye) → district (járás) → settlement (település)
//! → settlement part (településrész). Every place keeps the ids of its ancestors so that a
//! grant on a county covers everything below it without recursive queries.

use crate::ids::PlaceId;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    County,
    District,
    Settlement,
    SettlementPart,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 5] = [
        PlaceKind::Country,
        PlaceKind::County,
        PlaceKind::District,
        PlaceKind::Settlement,
        PlaceKind::SettlementPart,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::County => "county",
            PlaceKind::District => "district",
            PlaceKind::Settlement => "settlement",
            PlaceKind::SettlementPart => "settlement_part",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// The kind a child of this kind has.
    pub fn child(self) -> Option<Self> {
        match self {
            PlaceKind::Country => Some(PlaceKind::County),
            PlaceKind::County => Some(PlaceKind::District),
            PlaceKind::District => Some(PlaceKind::Settlement),
            PlaceKind::Settlement => Some(PlaceKind::SettlementPart),
            PlaceKind::SettlementPart => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub id: PlaceId,
    pub kind: PlaceKind,
    pub name: String,
    pub parent_id: Option<PlaceId>,
    /// KSH settlement identifier (5 digits) where known.
    pub ksh_code: Option<String>,
    /// Ancestors from the country down, then this place.
    pub lineage: Vec<PlaceId>,
}

/// Encode a lineage as stored: `/1/5/77/`. Prefix matching on this string finds a subtree.
pub fn encode_lineage(ids: &[PlaceId]) -> String {
    let mut s = String::from("/");
    for id in ids {
        s.push_str(&id.0.to_string());
        s.push('/');
    }
    s
}

pub fn decode_lineage(s: &str) -> Vec<PlaceId> {
    s.split('/')
        .filter_map(|p| p.parse::<i64>().ok())
        .map(PlaceId)
        .collect()
}

/// A KSH settlement identifier: five digits.
pub fn valid_ksh_code(s: &str) -> bool {
    s.len() == 5 && s.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lineage_round_trip() {
        let ids = vec![PlaceId(1), PlaceId(5), PlaceId(77)];
        let s = encode_lineage(&ids);
        assert_eq!(s, "/1/5/77/");
        assert_eq!(decode_lineage(&s), ids);
        // prefix of a county never matches a sibling whose id merely starts the same
        assert!(!"/1/55/".starts_with(&encode_lineage(&[PlaceId(1), PlaceId(5)])));
    }

    #[test]
    fn ksh_codes() {
        assert!(valid_ksh_code("26684"));
        assert!(!valid_ksh_code("2668"));
        assert!(!valid_ksh_code("2668a"));
    }
}

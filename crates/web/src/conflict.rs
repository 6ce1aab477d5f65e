//! Two people edit the same record: the second save is refused (its form named an older
//! version) and shown again, merged three ways from what the form was opened with
//! (`_was`), what this person typed, and what is stored now:
//!
//! - a field only the other person changed takes their value (nothing typed is lost);
//! - a field both changed keeps what this person typed, and the notice shows theirs;
//! - everything this person typed elsewhere stays.
//!
//! The form then carries the current version, so saving it again is a deliberate choice.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// A field someone else changed meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The form's id prefix (to link to the field).
    pub form: String,
    pub field: String,
    /// The value they saved, as the form shows it.
    pub theirs: String,
    /// This person changed the field too: their own value is kept in the form.
    pub also_yours: bool,
}

fn fields<T: Serialize>(v: &T) -> Map<String, Value> {
    match serde_json::to_value(v) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// A field's value as compared: browsers send a textarea's line breaks as CRLF while the
/// stored text (and so `_was`) has LF, so line endings are made the same first.
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.replace("\r\n", "\n"),
        Some(Value::Null) | None => String::new(),
        // several ticked boxes: shown and compared as the list a person reads
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| text(Some(i)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// Merge `mine` with `theirs` (the stored record as a form) given the form's original
/// values `was` (JSON; when missing or unreadable every differing field is a conflict).
pub fn merge<F: Serialize + DeserializeOwned + Clone>(
    form: &str,
    was: Option<&str>,
    mine: &F,
    theirs: &F,
) -> (F, Vec<Change>) {
    let was: Option<Map<String, Value>> = was
        .and_then(|w| serde_json::from_str::<Value>(w).ok())
        .and_then(|v| match v {
            Value::Object(m) => Some(m),
            _ => None,
        });
    let (mut merged, theirs_map) = (fields(mine), fields(theirs));
    let mut changes = Vec::new();
    for (k, their_v) in &theirs_map {
        let my_v = merged.get(k).cloned();
        let original = was.as_ref().map(|w| w.get(k).cloned());
        let they_changed = match &original {
            Some(o) => text(o.as_ref()) != text(Some(their_v)),
            None => text(my_v.as_ref()) != text(Some(their_v)),
        };
        if !they_changed {
            continue;
        }
        let i_changed = match &original {
            Some(o) => text(o.as_ref()) != text(my_v.as_ref()),
            None => true,
        };
        if i_changed && text(my_v.as_ref()) == text(Some(their_v)) {
            continue; // both made the same change
        }
        if !i_changed {
            merged.insert(k.clone(), their_v.clone());
        }
        changes.push(Change {
            form: form.to_string(),
            field: k.clone(),
            theirs: text(Some(their_v)),
            also_yours: i_changed,
        });
    }
    let merged = serde_json::from_value(Value::Object(merged)).unwrap_or_else(|_| mine.clone());
    (merged, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
    struct F {
        title: String,
        description: String,
        grant: String,
    }

    #[test]
    fn their_change_is_taken_and_mine_kept() {
        let was = F {
            title: "Régi cím".into(),
            description: "Régi leírás".into(),
            grant: "100".into(),
        };
        // I changed the title; they changed the description meanwhile.
        let mine = F {
            title: "Új cím".into(),
            ..was.clone()
        };
        let theirs = F {
            description: "Új leírás".into(),
            ..was.clone()
        };
        let (merged, changes) = merge(
            "programme",
            Some(&serde_json::to_string(&was).unwrap()),
            &mine,
            &theirs,
        );
        assert_eq!(merged.title, "Új cím");
        assert_eq!(merged.description, "Új leírás");
        assert_eq!(
            changes,
            vec![Change {
                form: "programme".into(),
                field: "description".into(),
                theirs: "Új leírás".into(),
                also_yours: false
            }]
        );
    }

    #[test]
    fn a_textarea_sent_back_with_crlf_is_not_a_change() {
        let was = F {
            description: "Első bekezdés.\n\nMásodik.".into(),
            ..F::default()
        };
        // the browser sends the untouched description with CRLF and a new title
        let mine = F {
            title: "Új cím".into(),
            description: "Első bekezdés.\r\n\r\nMásodik.".into(),
            ..F::default()
        };
        let theirs = F {
            description: "Első bekezdés.\n\nMásodik.\n\nHarmadik.".into(),
            ..F::default()
        };
        let (merged, changes) = merge(
            "p",
            Some(&serde_json::to_string(&was).unwrap()),
            &mine,
            &theirs,
        );
        assert_eq!(merged.description, theirs.description);
        assert_eq!(merged.title, "Új cím");
        assert!(!changes[0].also_yours);
    }

    #[test]
    fn both_changed_keeps_mine_and_shows_theirs() {
        let was = F::default();
        let mine = F {
            grant: "200".into(),
            ..F::default()
        };
        let theirs = F {
            grant: "300".into(),
            ..F::default()
        };
        let (merged, changes) = merge(
            "p",
            Some(&serde_json::to_string(&was).unwrap()),
            &mine,
            &theirs,
        );
        assert_eq!(merged.grant, "200");
        assert!(changes[0].also_yours && changes[0].theirs == "300");
        // without the original values every difference is shown, mine kept
        let (merged, changes) = merge("p", None, &mine, &theirs);
        assert_eq!(merged.grant, "200");
        assert_eq!(changes.len(), 1);
    }
}

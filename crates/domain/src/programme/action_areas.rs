//! Action areas: the settlements (or parts) a programme works in.

use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionArea {
    pub id: ActionAreaId,
    pub programme_id: ProgrammeId,
    pub name: String,
    /// How the boundary is described in the grant documents, e.g. a list of streets.
    pub boundary: String,
    pub settlements: Vec<(PlaceId, String)>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionAreaForm {
    pub name: String,
    pub boundary: String,
    /// Settlement names, one per line or separated by commas.
    pub settlements: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionAreaInput {
    pub name: String,
    pub boundary: String,
    pub settlement_names: Vec<String>,
}

impl ActionAreaForm {
    pub fn validate(&self) -> Result<ActionAreaInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let boundary = long_text(&mut e, "boundary", &self.boundary, 5000);
        // One name per line or separated by commas; each name is single-line text.
        let settlement_names: Vec<String> = match clean_text(&self.settlements, Lines::Multi)
            .and_then(|list| {
                list.split([',', '\n', ';'])
                    .filter(|s| !is_blank(s))
                    .map(|s| clean_text(s, Lines::Single))
                    .collect::<Result<Vec<_>, _>>()
            }) {
            Ok(names) => names,
            Err(key) => {
                e.add("settlements", key);
                Vec::new()
            }
        };
        if settlement_names.is_empty() && e.for_field("settlements").is_none() {
            e.add("settlements", "err-required");
        } else if settlement_names.iter().any(|n| n.chars().count() > 200) {
            e.add("settlements", "err-too-long");
        }
        e.into_result(ActionAreaInput {
            name,
            boundary,
            settlement_names,
        })
    }

    /// The settlements joined with ", ", the way a person would type them.
    pub fn from_area(a: &ActionArea) -> Self {
        ActionAreaForm {
            name: a.name.clone(),
            boundary: a.boundary.clone(),
            settlements: a
                .settlements
                .iter()
                .map(|(_, n)| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_area_form_round_trips() {
        let a = ActionArea {
            version: 1,
            id: ActionAreaId(2),
            programme_id: ProgrammeId(7),
            name: "Abaúj".into(),
            boundary: "Fő utca – Petőfi utca\nés a vasútállomás környéke".into(),
            settlements: vec![
                (PlaceId(1), "Encs".into()),
                (PlaceId(2), "Gönc".into()),
                (PlaceId(3), "Abaújszántó".into()),
            ],
        };
        let form = ActionAreaForm::from_area(&a);
        assert_eq!(form.settlements, "Encs, Gönc, Abaújszántó");
        assert_eq!(
            form.validate(),
            Ok(ActionAreaInput {
                name: a.name.clone(),
                boundary: a.boundary.clone(),
                settlement_names: a.settlements.iter().map(|(_, n)| n.clone()).collect(),
            })
        );
    }

    #[test]
    fn action_area_settlements_are_single_line_names() {
        let f = |settlements: &str| ActionAreaForm {
            name: "Abaúj".into(),
            boundary: "".into(),
            settlements: settlements.into(),
        };
        assert_eq!(
            f("Encs,\r\n  Gönc   város ; ;")
                .validate()
                .unwrap()
                .settlement_names,
            vec!["Encs", "Gönc város"]
        );
        assert_eq!(
            f("Encs;\u{200b}Gönc")
                .validate()
                .unwrap_err()
                .for_field("settlements"),
            Some("err-text-invisible")
        );
        assert_eq!(
            f("Encs\u{0}")
                .validate()
                .unwrap_err()
                .for_field("settlements"),
            Some("err-text-control")
        );
        assert_eq!(
            f("En\tcs").validate().unwrap_err().for_field("settlements"),
            Some("err-text-control")
        );
        assert_eq!(
            f(" , ;\n").validate().unwrap_err().for_field("settlements"),
            Some("err-required")
        );
    }

    #[test]
    fn action_area_lists_settlements() {
        let f = ActionAreaForm {
            name: "Abaúj".into(),
            boundary: "".into(),
            settlements: "Encs, Gönc\nAbaújszántó;".into(),
        };
        assert_eq!(
            f.validate().unwrap().settlement_names,
            vec!["Encs", "Gönc", "Abaújszántó"]
        );
        let f = ActionAreaForm {
            name: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("settlements"),
            Some("err-required")
        );
    }
}

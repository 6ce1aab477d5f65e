//! Target groups: who a programme means to reach, with a planned size.

use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetGroup {
    pub id: TargetGroupId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub description: Option<String>,
    pub planned_size: Option<i64>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetGroupForm {
    pub name: String,
    pub description: String,
    pub planned_size: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetGroupInput {
    pub name: String,
    pub description: Option<String>,
    pub planned_size: Option<i64>,
}

impl TargetGroupForm {
    pub fn validate(&self) -> Result<TargetGroupInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let description = optional_long_text(&mut e, "description", &self.description, 2000);
        let planned_size = if self.planned_size.trim().is_empty() {
            None
        } else {
            parse_count(&self.planned_size)
                .map_err(|k| e.add("planned_size", k))
                .ok()
        };
        e.into_result(TargetGroupInput {
            name,
            description,
            planned_size,
        })
    }

    pub fn from_group(g: &TargetGroup) -> Self {
        TargetGroupForm {
            name: g.name.clone(),
            description: g.description.clone().unwrap_or_default(),
            planned_size: g.planned_size.map(|n| n.to_string()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_group_form_round_trips() {
        for g in [
            TargetGroup {
                version: 1,
                id: TargetGroupId(3),
                programme_id: ProgrammeId(7),
                name: "Helyi fiatalok".into(),
                description: Some("14–25 évesek\na járás településeiről".into()),
                planned_size: Some(1_200),
            },
            TargetGroup {
                version: 1,
                id: TargetGroupId(4),
                programme_id: ProgrammeId(7),
                name: "Idősek".into(),
                description: None,
                planned_size: None,
            },
        ] {
            assert_eq!(
                TargetGroupForm::from_group(&g).validate(),
                Ok(TargetGroupInput {
                    name: g.name.clone(),
                    description: g.description.clone(),
                    planned_size: g.planned_size,
                })
            );
        }
    }

    #[test]
    fn planned_size_is_a_whole_number_of_people() {
        let f = |size: &str| TargetGroupForm {
            name: "Helyi fiatalok".into(),
            planned_size: size.into(),
            ..Default::default()
        };
        assert_eq!(f("1.200").validate().unwrap().planned_size, Some(1_200));
        assert_eq!(f("1 200").validate().unwrap().planned_size, Some(1_200));
        assert_eq!(f("40").validate().unwrap().planned_size, Some(40));
        assert_eq!(f("").validate().unwrap().planned_size, None);
        for (typed, key) in [
            ("1.5", "err-count-fraction"),
            ("12,5", "err-count-fraction"),
            ("1.20", "err-count-fraction"),
            ("1 20", "err-amount-grouping"),
            ("sok", "err-number"),
            ("-3", "err-negative"),
        ] {
            assert_eq!(
                f(typed).validate().unwrap_err().for_field("planned_size"),
                Some(key),
                "{typed}"
            );
        }
    }
}

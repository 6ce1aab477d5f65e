//! The people working on a programme, each in a position for a time.

use super::*;

string_enum!(
    StaffPosition {
        ProjectManager = "project_manager",
        ProfessionalLead = "professional_lead",
        Coordinator = "coordinator",
        CommunityDeveloper = "community_developer",
        FinancialManager = "financial_manager",
        Mentor = "mentor",
        Volunteer = "volunteer",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffAssignment {
    pub id: StaffId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub position: StaffPosition,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub note: Option<String>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffForm {
    pub name: String,
    pub position: String,
    pub start_date: String,
    pub end_date: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffInput {
    pub name: String,
    pub position: StaffPosition,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub note: Option<String>,
}

impl StaffForm {
    pub fn validate(&self) -> Result<StaffInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let position = StaffPosition::parse(self.position.trim());
        if position.is_none() {
            e.add("position", "err-choice");
        }
        let start_date = optional_date(&mut e, "start_date", &self.start_date);
        let end_date = optional_date(&mut e, "end_date", &self.end_date);
        if let (Some(s), Some(end)) = (start_date, end_date) {
            if end < s {
                e.add("end_date", "err-end-before-start");
            }
        }
        let note = optional_text(&mut e, "note", &self.note, 1000);
        match position {
            Some(position) if e.is_empty() => Ok(StaffInput {
                name,
                position,
                start_date,
                end_date,
                note,
            }),
            _ => Err(e),
        }
    }

    pub fn from_staff(st: &StaffAssignment) -> Self {
        StaffForm {
            name: st.name.clone(),
            position: st.position.as_str().into(),
            start_date: st.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end_date: st.end_date.map(|d| d.to_string()).unwrap_or_default(),
            note: st.note.clone().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_form_round_trips() {
        let st = StaffAssignment {
            version: 1,
            id: StaffId(4),
            programme_id: ProgrammeId(7),
            name: "Kovács Anna".into(),
            position: StaffPosition::CommunityDeveloper,
            start_date: Date::from_ymd(2018, 9, 1),
            end_date: Date::from_ymd(2022, 12, 31),
            note: Some("heti 20 óra".into()),
        };
        assert_eq!(
            StaffForm::from_staff(&st).validate(),
            Ok(StaffInput {
                name: st.name.clone(),
                position: st.position,
                start_date: st.start_date,
                end_date: st.end_date,
                note: st.note.clone(),
            })
        );
        let bare = StaffAssignment {
            start_date: None,
            end_date: None,
            note: None,
            ..st
        };
        let input = StaffForm::from_staff(&bare).validate().unwrap();
        assert_eq!(
            (input.start_date, input.end_date, input.note),
            (None, None, None)
        );
    }
}

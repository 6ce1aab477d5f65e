//! The situation picture (helyzetkép): a dated summary of a community's needs, resources
//! and relationships, drawing on the needs assessment's questionnaires. Each version is
//! kept (a new one is a new record, dated); one may be marked the baseline later
//! evaluations compare with.

use super::*;
use crate::validation::{
    long_text, optional_id, optional_text, read_date, required_text, FieldErrors,
};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SituationPicture {
    pub id: PictureId,
    pub programme_id: ProgrammeId,
    pub title: String,
    /// The day the picture describes.
    pub as_of: Date,
    /// A settlement (or part) of the programme it is about, as text; empty: all of it.
    pub settlement: String,
    pub needs: String,
    pub resources: String,
    pub relationships: String,
    /// The questionnaires (interviews, surveys) it draws on.
    pub sources: Vec<(QuestionnaireId, String)>,
    pub baseline: bool,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PictureForm {
    pub title: String,
    pub as_of: String,
    pub settlement: String,
    pub needs: String,
    pub resources: String,
    pub relationships: String,
    pub sources: Vec<String>,
    /// `1` when ticked.
    pub baseline: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureInput {
    pub title: String,
    pub as_of: Date,
    pub settlement: String,
    pub needs: String,
    pub resources: String,
    pub relationships: String,
    pub sources: Vec<QuestionnaireId>,
    pub baseline: bool,
}

impl PictureForm {
    pub fn validate(&self, today: Date) -> Result<PictureInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = required_text(&mut e, "title", &self.title, 200);
        let as_of = if self.as_of.trim().is_empty() {
            e.add("as_of", "err-required");
            None
        } else {
            match read_date(&self.as_of) {
                Ok(d) if d > today => {
                    e.add("as_of", "err-date-future");
                    None
                }
                Ok(d) => Some(d),
                Err(k) => {
                    e.add("as_of", k);
                    None
                }
            }
        };
        let settlement =
            optional_text(&mut e, "settlement", &self.settlement, 200).unwrap_or_default();
        let needs = long_text(&mut e, "needs", &self.needs, 20_000);
        let resources = long_text(&mut e, "resources", &self.resources, 20_000);
        let relationships = long_text(&mut e, "relationships", &self.relationships, 20_000);
        let mut sources: Vec<QuestionnaireId> = self
            .sources
            .iter()
            .filter_map(|v| optional_id(&mut e, "sources", v).map(QuestionnaireId))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        if needs.is_empty() && resources.is_empty() && relationships.is_empty() {
            e.add("needs", "err-picture-empty");
        }
        match as_of {
            Some(as_of) if e.is_empty() => Ok(PictureInput {
                title,
                as_of,
                settlement,
                needs,
                resources,
                relationships,
                sources,
                baseline: matches!(self.baseline.trim(), "1" | "on" | "true"),
            }),
            _ => Err(e),
        }
    }

    pub fn from_picture(p: &SituationPicture) -> Self {
        PictureForm {
            title: p.title.clone(),
            as_of: p.as_of.to_string(),
            settlement: p.settlement.clone(),
            needs: p.needs.clone(),
            resources: p.resources.clone(),
            relationships: p.relationships.clone(),
            sources: p.sources.iter().map(|s| s.0.to_string()).collect(),
            baseline: if p.baseline {
                "1".into()
            } else {
                String::new()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_dated_and_says_something() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let mut f = PictureForm {
            title: "Kisbér helyzetképe".into(),
            as_of: "2018.11.30.".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate(today).unwrap_err().for_field("needs"),
            Some("err-picture-empty")
        );
        f.resources = "Wass Albert Művelődési Központ, polgárőrség".into();
        f.sources = vec!["4".into(), "4".into()];
        let p = f.validate(today).unwrap();
        assert_eq!(p.as_of, Date::from_ymd(2018, 11, 30).unwrap());
        assert_eq!(p.sources, vec![QuestionnaireId(4)]);
        f.as_of = "2030-01-01".into();
        assert_eq!(
            f.validate(today).unwrap_err().for_field("as_of"),
            Some("err-date-future")
        );
    }
}

//! The people registry: one record per person for every activity, with the least data
//! that serves (a name; contact only when given; a birth year or only an age band; the
//! settlement; the organisation they come for). Sensitive attributes and consents are
//! separate records with their own rules.

use crate::ids::*;
use crate::organisation::string_enum;
use crate::time::Date;
use crate::user::normalise_email;
use crate::validation::{optional_date, optional_text, required_text, FieldErrors};
use serde::{Deserialize, Serialize};

string_enum!(
    /// Age bands, for people who give no birth year (and for counting).
    AgeBand {
        Child = "0_13",
        Teen = "14_17",
        Young = "18_29",
        Adult = "30_49",
        Middle = "50_64",
        Senior = "65_plus",
    }
);

impl AgeBand {
    /// The band a person born in `birth_year` is in during `year`.
    pub fn of(birth_year: i32, year: i32) -> AgeBand {
        match year - birth_year {
            ..=13 => AgeBand::Child,
            14..=17 => AgeBand::Teen,
            18..=29 => AgeBand::Young,
            30..=49 => AgeBand::Adult,
            50..=64 => AgeBand::Middle,
            _ => AgeBand::Senior,
        }
    }
}

string_enum!(
    /// Why kozos may hold a person's sensitive attributes (GDPR art. 9).
    LegalBasis {
        Consent = "consent",
        LegalObligation = "legal_obligation",
        PublicTask = "public_task",
    }
);

string_enum!(
    /// What a consent is for.
    ConsentPurpose {
        Participation = "participation",
        SensitiveData = "sensitive_data",
        Photos = "photos",
        Newsletter = "newsletter",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    /// The programme it was first entered under.
    pub programme_id: Option<ProgrammeId>,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub birth_year: Option<i32>,
    pub age_band: Option<AgeBand>,
    pub place_id: Option<PlaceId>,
    pub place_name: Option<String>,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: Option<String>,
    pub user_id: Option<UserId>,
    /// Set when this record was merged into another; it is then kept only as a pointer.
    pub merged_into: Option<PersonId>,
    pub version: i64,
}

impl Person {
    /// The band for counting: from the birth year when known.
    pub fn band_in(&self, year: i32) -> Option<AgeBand> {
        self.birth_year
            .map(|b| AgeBand::of(b, year))
            .or(self.age_band)
    }
}

/// The person form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub birth_year: String,
    pub age_band: String,
    /// Settlement name, resolved by the use case like an activity's.
    pub settlement: String,
    pub organisation_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub birth_year: Option<i32>,
    pub age_band: Option<AgeBand>,
    pub settlement: Option<String>,
    pub organisation_id: Option<OrganisationId>,
}

/// A phone number as people write it: digits with spaces, `+`, `-`, `/`, `(`, `)`;
/// 6 to 15 digits.
fn phone(e: &mut FieldErrors, value: &str) -> Option<String> {
    let v = optional_text(e, "phone", value, 40)?;
    let digits = v.chars().filter(|c| c.is_ascii_digit()).count();
    let ok = v
        .chars()
        .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        && (6..=15).contains(&digits);
    if !ok {
        e.add("phone", "err-phone");
        return None;
    }
    Some(v)
}

impl PersonForm {
    /// `this_year` bounds the birth year (nobody registers before being born).
    pub fn validate(&self, this_year: i32) -> Result<PersonInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let email = match self.email.trim() {
            "" => None,
            typed => {
                let n = normalise_email(typed);
                if n.is_none() {
                    e.add("email", "err-email");
                }
                n
            }
        };
        let phone = phone(&mut e, &self.phone);
        let birth_year = match self.birth_year.trim() {
            "" => None,
            typed => match typed.parse::<i32>() {
                Ok(y) if (this_year - 120..=this_year).contains(&y) => Some(y),
                _ => {
                    e.add("birth_year", "err-birth-year");
                    None
                }
            },
        };
        let band = match self.age_band.trim() {
            "" => None,
            typed => {
                let b = AgeBand::parse(typed);
                if b.is_none() {
                    e.add("age_band", "err-choice");
                }
                b
            }
        };
        // A birth year says more than a band; a band that contradicts it is a slip.
        if let (Some(y), Some(b)) = (birth_year, band) {
            if AgeBand::of(y, this_year) != b {
                e.add("age_band", "err-age-band-mismatch");
            }
        }
        let age_band = if birth_year.is_some() { None } else { band };
        let settlement = optional_text(&mut e, "settlement", &self.settlement, 200);
        let organisation_id = match self.organisation_id.trim() {
            "" => None,
            typed => match typed.parse::<i64>() {
                Ok(n) if n > 0 => Some(OrganisationId(n)),
                _ => {
                    e.add("organisation_id", "err-choice");
                    None
                }
            },
        };
        e.into_result(PersonInput {
            name,
            email,
            phone,
            birth_year,
            age_band,
            settlement,
            organisation_id,
        })
    }
}

impl PersonInput {
    pub fn to_form(&self) -> PersonForm {
        PersonForm {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            birth_year: self.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            age_band: self.age_band.map(|b| b.as_str().into()).unwrap_or_default(),
            settlement: self.settlement.clone().unwrap_or_default(),
            organisation_id: self
                .organisation_id
                .map(|o| o.0.to_string())
                .unwrap_or_default(),
        }
    }
}

impl PersonForm {
    pub fn from_person(p: &Person) -> PersonForm {
        PersonForm {
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            birth_year: p.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            age_band: p.age_band.map(|b| b.as_str().into()).unwrap_or_default(),
            settlement: p.place_name.clone().unwrap_or_default(),
            organisation_id: p
                .organisation_id
                .map(|o| o.0.to_string())
                .unwrap_or_default(),
        }
    }
}

/// Sensitive attributes, held apart and only with a legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sensitive {
    pub disadvantaged: bool,
    pub roma: bool,
    pub disability: bool,
    pub legal_basis: LegalBasis,
    pub basis_note: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SensitiveForm {
    pub disadvantaged: String,
    pub roma: String,
    pub disability: String,
    pub legal_basis: String,
    pub basis_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SensitiveInput {
    pub disadvantaged: bool,
    pub roma: bool,
    pub disability: bool,
    pub legal_basis: LegalBasis,
    pub basis_note: String,
}

fn ticked(v: &str) -> bool {
    matches!(v.trim(), "1" | "on" | "true")
}

impl SensitiveForm {
    pub fn validate(&self) -> Result<SensitiveInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let legal_basis = match self.legal_basis.trim() {
            "" => {
                e.add("legal_basis", "err-legal-basis");
                None
            }
            typed => {
                let b = LegalBasis::parse(typed);
                if b.is_none() {
                    e.add("legal_basis", "err-choice");
                }
                b
            }
        };
        let basis_note =
            optional_text(&mut e, "basis_note", &self.basis_note, 500).unwrap_or_default();
        if legal_basis.is_some_and(|b| b != LegalBasis::Consent) && basis_note.is_empty() {
            // A legal obligation or public task must name the law or contract it rests on.
            e.add("basis_note", "err-basis-note");
        }
        match legal_basis {
            Some(legal_basis) if e.is_empty() => Ok(SensitiveInput {
                disadvantaged: ticked(&self.disadvantaged),
                roma: ticked(&self.roma),
                disability: ticked(&self.disability),
                legal_basis,
                basis_note,
            }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consent {
    pub id: ConsentId,
    pub person_id: PersonId,
    pub purpose: ConsentPurpose,
    pub given_on: Date,
    pub given_by: String,
    pub withdrawn_on: Option<Date>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    pub purpose: String,
    pub given_on: String,
    pub given_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentInput {
    pub purpose: ConsentPurpose,
    pub given_on: Date,
    pub given_by: String,
}

impl ConsentForm {
    pub fn validate(&self, today: Date) -> Result<ConsentInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let purpose = ConsentPurpose::parse(self.purpose.trim());
        if purpose.is_none() {
            e.add("purpose", "err-choice");
        }
        let given_on = optional_date(&mut e, "given_on", &self.given_on);
        if self.given_on.trim().is_empty() {
            e.add("given_on", "err-required");
        }
        if given_on.is_some_and(|d| d > today) {
            e.add("given_on", "err-date-future");
        }
        let given_by = required_text(&mut e, "given_by", &self.given_by, 200);
        match (purpose, given_on) {
            (Some(purpose), Some(given_on)) if e.is_empty() => Ok(ConsentInput {
                purpose,
                given_on,
                given_by,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str) -> PersonForm {
        PersonForm {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn least_data_is_enough() {
        let p = form("Kovácsné Szőke Tünde").validate(2026).unwrap();
        assert_eq!(p.name, "Kovácsné Szőke Tünde");
        assert_eq!((p.email, p.phone, p.birth_year), (None, None, None));
    }

    #[test]
    fn a_birth_year_replaces_an_agreeing_band_and_refuses_a_contradicting_one() {
        let mut f = form("Kiss Éva");
        f.birth_year = "1990".into();
        f.age_band = "30_49".into();
        let p = f.validate(2026).unwrap();
        assert_eq!((p.birth_year, p.age_band), (Some(1990), None));
        f.age_band = "65_plus".into();
        let e = f.validate(2026).unwrap_err();
        assert_eq!(e.for_field("age_band"), Some("err-age-band-mismatch"));
    }

    #[test]
    fn bad_contact_and_years_are_named() {
        let mut f = form("Kiss Éva");
        f.email = "kiss@".into();
        f.phone = "call me".into();
        f.birth_year = "2027".into();
        let e = f.validate(2026).unwrap_err();
        assert_eq!(e.for_field("email"), Some("err-email"));
        assert_eq!(e.for_field("phone"), Some("err-phone"));
        assert_eq!(e.for_field("birth_year"), Some("err-birth-year"));
        f.phone = "+36 (30) 123-4567".into();
        f.email = "Kiss.Eva@Example.HU".into();
        f.birth_year = "1956".into();
        let p = f.validate(2026).unwrap();
        assert_eq!(p.email.as_deref(), Some("kiss.eva@example.hu"));
    }

    #[test]
    fn sensitive_data_needs_a_basis() {
        let f = SensitiveForm {
            disadvantaged: "1".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("legal_basis"),
            Some("err-legal-basis")
        );
        let f = SensitiveForm {
            disadvantaged: "1".into(),
            legal_basis: "legal_obligation".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate().unwrap_err().for_field("basis_note"),
            Some("err-basis-note")
        );
    }

    #[test]
    fn bands() {
        assert_eq!(AgeBand::of(2010, 2026), AgeBand::Teen);
        assert_eq!(AgeBand::of(1961, 2026), AgeBand::Senior);
        assert_eq!(AgeBand::of(1962, 2026), AgeBand::Middle);
    }
}

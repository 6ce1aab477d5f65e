//! Partners of a programme and their cooperation agreements.

use super::*;

string_enum!(
    PartnerRole {
        ConsortiumMember = "consortium_member",
        CooperationPartner = "cooperation_partner",
        Supporter = "supporter",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub id: PartnerId,
    pub programme_id: ProgrammeId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub role: PartnerRole,
    pub agreements: Vec<Agreement>,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub id: AgreementId,
    pub partner_id: PartnerId,
    pub signed_on: Option<Date>,
    pub scope: String,
    /// Grows by one with every saved edit (see lost-update detection).
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerForm {
    pub organisation_id: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerInput {
    pub organisation_id: OrganisationId,
    pub role: PartnerRole,
}

impl PartnerForm {
    pub fn validate(&self) -> Result<PartnerInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let org = optional_id(&mut e, "organisation_id", &self.organisation_id);
        if org.is_none() && e.is_empty() {
            e.add("organisation_id", "err-required");
        }
        let role = PartnerRole::parse(self.role.trim());
        if role.is_none() {
            e.add("role", "err-choice");
        }
        match (org, role) {
            (Some(o), Some(r)) if e.is_empty() => Ok(PartnerInput {
                organisation_id: OrganisationId(o),
                role: r,
            }),
            _ => Err(e),
        }
    }

    pub fn from_partner(p: &Partner) -> Self {
        PartnerForm {
            organisation_id: p.organisation_id.0.to_string(),
            role: p.role.as_str().into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgreementForm {
    pub signed_on: String,
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementInput {
    pub signed_on: Option<Date>,
    pub scope: String,
}

impl AgreementForm {
    pub fn validate(&self, today: Date) -> Result<AgreementInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let signed_on = optional_date(&mut e, "signed_on", &self.signed_on);
        if signed_on.is_some_and(|d| d > today) {
            e.add("signed_on", "err-date-future");
        }
        let scope = required_long_text(&mut e, "scope", &self.scope, 2000);
        e.into_result(AgreementInput { signed_on, scope })
    }

    pub fn from_agreement(a: &Agreement) -> Self {
        AgreementForm {
            signed_on: a.signed_on.map(|d| d.to_string()).unwrap_or_default(),
            scope: a.scope.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_dates_cannot_be_in_the_future() {
        let today = Date::from_ymd(2026, 11, 21).unwrap();
        let ok = AgreementForm {
            signed_on: "2018.07.19.".into(),
            scope: "Cselekvő közösségek".into(),
        };
        assert_eq!(
            ok.validate(today).unwrap().signed_on,
            Date::from_ymd(2018, 7, 19)
        );
        let bad = AgreementForm {
            signed_on: "2030-01-01".into(),
            scope: "".into(),
        };
        let e = bad.validate(today).unwrap_err();
        assert_eq!(e.for_field("signed_on"), Some("err-date-future"));
        assert_eq!(e.for_field("scope"), Some("err-required"));
    }

    #[test]
    fn partner_form_round_trips() {
        let p = Partner {
            version: 1,
            id: PartnerId(5),
            programme_id: ProgrammeId(7),
            organisation_id: OrganisationId(12),
            organisation_name: "Kisbéri Polgárőr Egyesület".into(),
            role: PartnerRole::CooperationPartner,
            agreements: vec![],
        };
        assert_eq!(
            PartnerForm::from_partner(&p).validate(),
            Ok(PartnerInput {
                organisation_id: p.organisation_id,
                role: p.role,
            })
        );
    }

    #[test]
    fn agreement_form_round_trips() {
        let today = Date::from_ymd(2026, 11, 21).unwrap();
        for a in [
            Agreement {
                version: 1,
                id: AgreementId(1),
                partner_id: PartnerId(5),
                signed_on: Date::from_ymd(2018, 7, 19),
                scope: "Cselekvő közösségek\nhelyi rendezvények".into(),
            },
            Agreement {
                version: 1,
                id: AgreementId(2),
                partner_id: PartnerId(5),
                signed_on: None,
                scope: "Közös pályázat".into(),
            },
        ] {
            assert_eq!(
                AgreementForm::from_agreement(&a).validate(today),
                Ok(AgreementInput {
                    signed_on: a.signed_on,
                    scope: a.scope.clone(),
                })
            );
        }
    }
}

//! Partners of a programme: an organisation in a role, added with its first cooperation
//! agreement when one is given.

use super::{invalid, Record};
use crate::{App, AppError, Result};
use kozos_db::{organisations, programmes, Conn, Saved};
use kozos_domain::policy::Action;
use kozos_domain::programme::*;
use kozos_domain::{FieldErrors, OrganisationId, PartnerId, ProgrammeId};
use serde::{Deserialize, Serialize};

/// The "add partner" form: the partner and, optionally, its first agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewPartnerForm {
    pub organisation_id: String,
    pub role: String,
    pub signed_on: String,
    pub scope: String,
}

impl NewPartnerForm {
    pub fn partner(&self) -> PartnerForm {
        PartnerForm {
            organisation_id: self.organisation_id.clone(),
            role: self.role.clone(),
        }
    }
    pub fn agreement(&self) -> AgreementForm {
        AgreementForm {
            signed_on: self.signed_on.clone(),
            scope: self.scope.clone(),
        }
    }
}

/// The organisation a partner form names, or the field error.
async fn known_organisation(app: &App, org: OrganisationId) -> Result<()> {
    match organisations::get(&app.db, org).await? {
        Some(_) => Ok(()),
        None => Err(AppError::invalid("organisation_id", "err-choice")),
    }
}

impl Record for Partner {
    const TOUCH: Option<kozos_db::indicators::Touch> = Some(kozos_db::indicators::Touch::Partners);
    const KIND: &'static str = "partner";
    const ACTION: Action = Action::ManagePartners;
    type Id = PartnerId;
    type Parent = ProgrammeId;
    type Form = PartnerForm;
    type NewForm = NewPartnerForm;
    type Input = PartnerInput;
    type NewInput = (PartnerInput, Option<AgreementInput>);

    async fn load(conn: &mut Conn, programme: ProgrammeId, id: PartnerId) -> Result<Option<Self>> {
        Ok(programmes::partners(&mut *conn, programme)
            .await?
            .into_iter()
            .find(|p| p.id == id))
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn to_form(&self) -> PartnerForm {
        PartnerForm::from_partner(self)
    }
    fn label(&self) -> String {
        self.organisation_name.clone()
    }
    fn removed_with(&self) -> Vec<(&'static str, String)> {
        self.agreements
            .iter()
            .map(|a| ("agreement", super::agreements::label(self, a)))
            .collect()
    }

    async fn validate(app: &App, form: &PartnerForm) -> Result<PartnerInput> {
        let input = invalid(form.validate())?;
        known_organisation(app, input.organisation_id).await?;
        Ok(input)
    }
    async fn validate_new(app: &App, form: &NewPartnerForm) -> Result<Self::NewInput> {
        let agreement = form.agreement();
        let has_agreement =
            !(agreement.signed_on.trim().is_empty() && agreement.scope.trim().is_empty());
        let partner = form.partner().validate();
        let agreement = has_agreement.then(|| agreement.validate(app.clock.today()));
        // Both parts' messages at once, on the one form.
        let (partner, agreement) = match (partner, agreement.transpose()) {
            (Ok(p), Ok(a)) => (p, a),
            (p, a) => {
                let mut e = p.err().unwrap_or_else(FieldErrors::new);
                e.0.extend(a.err().unwrap_or_default().0);
                return Err(AppError::Invalid(e));
            }
        };
        known_organisation(app, partner.organisation_id).await?;
        Ok((partner, agreement))
    }

    async fn insert(
        conn: &mut Conn,
        programme: ProgrammeId,
        _: ProgrammeId,
        (partner, agreement): &Self::NewInput,
    ) -> Result<i64> {
        let id = programmes::insert_partner(conn, programme, partner).await?;
        if let Some(a) = agreement {
            programmes::insert_agreement(conn, id, a).await?;
        }
        Ok(id.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: PartnerId,
        input: &PartnerInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        Ok(programmes::update_partner(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: PartnerId) -> Result<bool> {
        Ok(programmes::delete_partner(conn, programme, id).await?)
    }
}

impl super::Parent for PartnerId {
    async fn belongs(conn: &mut Conn, programme: ProgrammeId, parent: Self) -> Result<bool> {
        Ok(programmes::partner_belongs(conn, programme, parent).await?)
    }
}

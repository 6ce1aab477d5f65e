//! Cooperation agreements, each under one partner of the programme.

use super::{invalid, Record};
use crate::{App, Result};
use kozos_db::{programmes, Conn, Saved};
use kozos_domain::policy::Action;
use kozos_domain::programme::*;
use kozos_domain::{AgreementId, PartnerId, ProgrammeId};

/// An agreement as named in the change log: its partner, date and scope.
pub(super) fn label(partner: &Partner, a: &Agreement) -> String {
    match a.signed_on {
        Some(d) => format!("{} – {d}: {}", partner.organisation_name, a.scope),
        None => format!("{} – {}", partner.organisation_name, a.scope),
    }
}

/// An agreement with the partner it belongs to (for its label and pages).
#[derive(Debug, Clone)]
pub struct PartnerAgreement {
    pub partner: Partner,
    pub agreement: Agreement,
}

impl Record for PartnerAgreement {
    const TOUCH: Option<kozos_db::indicators::Touch> = Some(kozos_db::indicators::Touch::Partners);
    const KIND: &'static str = "agreement";
    const ACTION: Action = Action::ManagePartners;
    type Id = AgreementId;
    type Parent = PartnerId;
    type Form = AgreementForm;
    type NewForm = AgreementForm;
    type Input = AgreementInput;
    type NewInput = AgreementInput;

    async fn load(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: AgreementId,
    ) -> Result<Option<Self>> {
        Ok(programmes::partners(&mut *conn, programme)
            .await?
            .into_iter()
            .find_map(|p| {
                let a = p.agreements.iter().find(|a| a.id == id)?.clone();
                Some(PartnerAgreement {
                    partner: p,
                    agreement: a,
                })
            }))
    }
    fn version(&self) -> i64 {
        self.agreement.version
    }
    fn to_form(&self) -> AgreementForm {
        AgreementForm::from_agreement(&self.agreement)
    }
    fn label(&self) -> String {
        label(&self.partner, &self.agreement)
    }

    async fn validate(app: &App, form: &AgreementForm) -> Result<AgreementInput> {
        invalid(form.validate(app.clock.today()))
    }
    async fn validate_new(app: &App, form: &AgreementForm) -> Result<AgreementInput> {
        Self::validate(app, form).await
    }

    async fn insert(
        conn: &mut Conn,
        _: ProgrammeId,
        partner: PartnerId,
        input: &AgreementInput,
    ) -> Result<i64> {
        Ok(programmes::insert_agreement(conn, partner, input).await?.0)
    }
    async fn update(
        conn: &mut Conn,
        programme: ProgrammeId,
        id: AgreementId,
        input: &AgreementInput,
        version: Option<i64>,
    ) -> Result<Saved> {
        Ok(programmes::update_agreement(conn, programme, id, input, version).await?)
    }
    async fn delete(conn: &mut Conn, programme: ProgrammeId, id: AgreementId) -> Result<bool> {
        Ok(programmes::delete_agreement(conn, programme, id).await?)
    }
}

//! Cooperation agreements in the back office, each added under its partner.

use super::partners::agreement_line;
use super::RecordUi;
use crate::ctx::Ctx;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use kozos_app::records::PartnerAgreement;
use kozos_domain::programme::AgreementForm;
use kozos_domain::{FieldErrors, PartnerId};
use maud::{html, Markup};

impl RecordUi for PartnerAgreement {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/partners/{partner}/agreements";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/agreements/{agreement}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/agreements/{agreement}/delete";
    const SEGMENT: &'static str = "agreements";
    const FORM: &'static str = "agreement";
    const TITLE_KEY: &'static str = "admin-edit-agreement";
    const CONFIRM_KEY: &'static str = "confirm-delete-agreement";

    /// Each partner has its own "add agreement" form; messages appear in that one.
    fn new_form_id(partner: PartnerId) -> String {
        format!("agreement-{partner}")
    }
    fn fields(ctx: &Ctx, id: &str, f: &AgreementForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("signed_on", "field-signed-on", &f.signed_on).hint("field-date-hint"), "text", e))
            (textarea(ctx, id, Field::new("scope", "field-scope", &f.scope).required(), 3, e))
        }
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &AgreementForm, e: &FieldErrors, c: &Choices) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
    fn confirm_what(&self, ctx: &Ctx) -> String {
        format!(
            "{} – {}",
            self.partner.organisation_name,
            agreement_line(ctx, &self.agreement)
        )
    }
}

//! Partners in the back office: an organisation and its role, added with its first
//! agreement.

use super::RecordUi;
use crate::ctx::Ctx;
use crate::ui::choices::{enum_options, Choices};
use crate::ui::components::*;
use kozos_app::records::NewPartnerForm;
use kozos_domain::programme::*;
use kozos_domain::FieldErrors;
use maud::{html, Markup};

/// How an agreement reads in a list: its date (in the reader's format) and scope.
pub fn agreement_line(ctx: &Ctx, a: &Agreement) -> String {
    match a.signed_on {
        Some(d) => format!("{}: {}", ctx.lang.date(d), a.scope),
        None => a.scope.clone(),
    }
}

fn role_and_organisation(
    ctx: &Ctx,
    id: &str,
    f: &PartnerForm,
    e: &FieldErrors,
    c: &Choices,
) -> Markup {
    html! {
        (select(ctx, id, Field::new("organisation_id", "field-organisation", &f.organisation_id).required(), &c.organisations, e))
        (select(ctx, id, Field::new("role", "field-partner-role", &f.role).required(), &enum_options(ctx, PartnerRole::ALL, "role", PartnerRole::as_str), e))
    }
}

impl RecordUi for Partner {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/partners";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/partners/{partner}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/partners/{partner}/delete";
    const SEGMENT: &'static str = "partners";
    const FORM: &'static str = "partner";
    const TITLE_KEY: &'static str = "admin-edit-partner";
    const CONFIRM_KEY: &'static str = "confirm-delete-partner";
    const NEEDS_ORGANISATIONS: bool = true;

    fn fields(ctx: &Ctx, id: &str, f: &PartnerForm, e: &FieldErrors, c: &Choices) -> Markup {
        role_and_organisation(ctx, id, f, e, c)
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &NewPartnerForm, e: &FieldErrors, c: &Choices) -> Markup {
        html! {
            (role_and_organisation(ctx, id, &f.partner(), e, c))
            (input(ctx, id, Field::new("signed_on", "field-signed-on", &f.signed_on).hint("field-date-hint"), "text", e))
            (textarea(ctx, id, Field::new("scope", "field-scope", &f.scope), 2, e))
        }
    }
    fn confirm_with(&self, ctx: &Ctx) -> Vec<String> {
        self.agreements
            .iter()
            .map(|a| format!("{}: {}", ctx.t("confirm-agreement"), agreement_line(ctx, a)))
            .collect()
    }
}

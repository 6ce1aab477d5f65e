//! Staff in the back office: a person in a position, for a time.

use super::RecordUi;
use crate::ctx::Ctx;
use crate::ui::choices::{enum_options, Choices};
use crate::ui::components::*;
use kozos_domain::programme::{StaffAssignment, StaffForm, StaffPosition};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

impl RecordUi for StaffAssignment {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/staff";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/staff/{staff}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/staff/{staff}/delete";
    const SEGMENT: &'static str = "staff";
    const FORM: &'static str = "staff";
    const TITLE_KEY: &'static str = "admin-edit-staff";
    const CONFIRM_KEY: &'static str = "confirm-delete-staff";

    fn fields(ctx: &Ctx, id: &str, f: &StaffForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("name", "field-name", &f.name).required(), "text", e))
            (select(ctx, id, Field::new("position", "field-position", &f.position).required(), &enum_options(ctx, StaffPosition::ALL, "position", StaffPosition::as_str), e))
            (input(ctx, id, Field::new("start_date", "field-start", &f.start_date).hint("field-date-hint"), "text", e))
            (input(ctx, id, Field::new("end_date", "field-end", &f.end_date).hint("field-date-hint"), "text", e))
            (input(ctx, id, Field::new("note", "field-note", &f.note), "text", e))
        }
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &StaffForm, e: &FieldErrors, c: &Choices) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
}

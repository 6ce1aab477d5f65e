//! Action areas in the back office: a name, the settlements typed by name, a boundary.

use super::RecordUi;
use crate::ctx::Ctx;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use kozos_domain::programme::{ActionArea, ActionAreaForm};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

impl RecordUi for ActionArea {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/areas";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/areas/{area}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/areas/{area}/delete";
    const SEGMENT: &'static str = "areas";
    const FORM: &'static str = "area";
    const TITLE_KEY: &'static str = "admin-edit-area";
    const CONFIRM_KEY: &'static str = "confirm-delete-area";

    fn fields(ctx: &Ctx, id: &str, f: &ActionAreaForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("name", "field-area-name", &f.name).required(), "text", e))
            (textarea(ctx, id, Field::new("settlements", "field-settlements", &f.settlements).required(), 2, e))
            (textarea(ctx, id, Field::new("boundary", "field-boundary", &f.boundary), 4, e))
        }
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &ActionAreaForm, e: &FieldErrors, c: &Choices) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
}

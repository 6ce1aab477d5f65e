//! Target groups in the back office: a name, a description, a planned size.

use super::RecordUi;
use crate::ctx::Ctx;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use kozos_domain::programme::{TargetGroup, TargetGroupForm};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

impl RecordUi for TargetGroup {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/target-groups";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/target-groups/{group}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/target-groups/{group}/delete";
    const SEGMENT: &'static str = "target-groups";
    const FORM: &'static str = "group";
    const TITLE_KEY: &'static str = "admin-edit-target-group";
    const CONFIRM_KEY: &'static str = "confirm-delete-target-group";

    fn fields(ctx: &Ctx, id: &str, f: &TargetGroupForm, e: &FieldErrors, _: &Choices) -> Markup {
        html! {
            (input(ctx, id, Field::new("name", "field-name", &f.name).required(), "text", e))
            (textarea(ctx, id, Field::new("description", "field-description-short", &f.description), 2, e))
            (input(ctx, id, Field::new("planned_size", "field-planned-size", &f.planned_size).hint("field-planned-size-hint"), "text", e))
        }
    }
    fn new_fields(
        ctx: &Ctx,
        id: &str,
        f: &TargetGroupForm,
        e: &FieldErrors,
        c: &Choices,
    ) -> Markup {
        Self::fields(ctx, id, f, e, c)
    }
}

//! The views every kind of programme record shares: its add form (one section on the
//! manage page), its links, its edit page and its delete confirmation.

use super::RecordUi;
use crate::ctx::Ctx;
use crate::ui::choices::{notice, Choices};
use crate::ui::components::*;
use kozos_domain::FieldErrors;
use maud::{html, Markup};

/// The add form of kind `K`, posted to `action`.
pub fn add_form<K: RecordUi>(
    ctx: &Ctx,
    (form_id, action): (&str, &str),
    values: &K::NewForm,
    errors: &FieldErrors,
    c: &Choices,
) -> Markup {
    html! {
        (error_summary(ctx, form_id, errors))
        form.stack method="post" action=(action) autocomplete="off" novalidate {
            (csrf(ctx))
            (meta_fields(&FormState::create()))
            (K::new_fields(ctx, form_id, values, errors, c))
            button type="submit" { (ctx.t("admin-add")) }
        }
    }
}

/// A record's edit link and its delete link (deleting is never one click); `about`
/// names the record for screen readers.
pub fn links<K: RecordUi>(ctx: &Ctx, base: &str, id: K::Id, about: &str) -> Markup {
    html! {
        " " a href={ (base) "/" (K::SEGMENT) "/" (id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (about) } }
        " " a.danger.small href={ (base) "/" (K::SEGMENT) "/" (id) "/delete" } { (ctx.t("admin-delete")) span.visually-hidden { ": " (about) } }
    }
}

/// One record's edit form on its own page.
pub struct EditPage<'a> {
    pub title: &'a str,
    /// The form's id prefix (`partner`, `staff` …).
    pub form: &'a str,
    pub action: &'a str,
    pub back: &'a str,
}

pub fn edit_page(
    ctx: &Ctx,
    page: &EditPage,
    errors: &FieldErrors,
    state: &FormState,
    choices: &Choices,
    fields: Markup,
) -> Markup {
    html! {
        h1 { (page.title) }
        (notice(ctx, page.form, state, choices))
        (error_summary(ctx, page.form, errors))
        form.stack method="post" action=(page.action) novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (fields)
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href=(page.back) { (ctx.t("admin-cancel")) }
            }
        }
    }
}

/// The page that asks before something is deleted: what it is, and everything that goes
/// with it. Works without JavaScript: the button posts, the link goes back.
pub fn confirm_page(
    ctx: &Ctx,
    title: &str,
    (what, with_it): (&str, &[String]),
    action: &str,
    back: &str,
) -> Markup {
    html! {
        h1 { (title) }
        p { (ctx.t("confirm-delete-what")) " " strong { (what) } }
        @if !with_it.is_empty() {
            p { (ctx.t("confirm-delete-with")) }
            ul { @for w in with_it { li { (w) } } }
        }
        p { (ctx.t("confirm-delete-logged")) }
        form.actions method="post" action=(action) {
            (csrf(ctx))
            button.danger type="submit" { (ctx.t("confirm-delete-button")) }
            " "
            a href=(back) { (ctx.t("admin-cancel")) }
        }
    }
}

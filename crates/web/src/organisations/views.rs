//! Organisation pages of the back office.

use crate::ctx::Ctx;
use crate::ui::choices::{enum_options, notice, Choices};
use crate::ui::components::*;
use kozos_domain::organisation::{OrgKind, Organisation, OrganisationForm, Sector};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

pub fn organisations(ctx: &Ctx, orgs: &[Organisation], q: &str, may_create: bool) -> Markup {
    html! {
        h1 { (ctx.t("admin-organisations")) }
        @if may_create { p { a.button href="/admin/organisations/new" { (ctx.t("admin-new-organisation")) } } }
        form.search role="search" method="get" action="/admin/organisations" {
            label for="oq" { (ctx.t("search-label")) }
            div.search-row { input #oq type="search" name="q" value=(q); button type="submit" { (ctx.t("search-button")) } }
        }
        div.table-wrap {
            table {
                thead { tr {
                    th scope="col" { (ctx.t("field-name")) }
                    th scope="col" { (ctx.t("field-sector")) }
                    th scope="col" { (ctx.t("field-kind")) }
                    th scope="col" { (ctx.t("field-settlement")) }
                    th scope="col" { span.visually-hidden { (ctx.t("admin-edit")) } }
                } }
                tbody {
                    @for o in orgs {
                        tr {
                            th scope="row" { (o.name) }
                            td { (ctx.t(&format!("sector-{}", o.sector.as_str()))) }
                            td { (ctx.t(&format!("kind-{}", o.kind.as_str()))) }
                            td { (o.settlement_name.as_deref().unwrap_or("–")) }
                            td { a href={ "/admin/organisations/" (o.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (o.name) } } }
                        }
                    }
                }
            }
        }
    }
}

pub fn organisation_form(
    ctx: &Ctx,
    title: &str,
    action: &str,
    f: &OrganisationForm,
    errors: &FieldErrors,
    choices: &Choices,
    state: &FormState,
) -> Markup {
    let form = "organisation";
    html! {
        h1 { (title) }
        (notice(ctx, form, state, choices))
        (error_summary(ctx, form, errors))
        form.stack method="post" action=(action) autocomplete=[state.once.as_ref().map(|_| "off")] novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (input(ctx, form, Field::new("name", "field-name", &f.name).required(), "text", errors))
            (select(ctx, form, Field::new("sector", "field-sector", &f.sector).required(), &enum_options(ctx, Sector::ALL, "sector", Sector::as_str), errors))
            (select(ctx, form, Field::new("kind", "field-kind", &f.kind).required(), &enum_options(ctx, OrgKind::ALL, "kind", OrgKind::as_str), errors))
            (grouped_select(ctx, form, Field::new("settlement_id", "field-settlement", &f.settlement_id), &choices.settlement_groups(ctx), errors))
            (select(ctx, form, Field::new("parent_id", "field-parent-org", &f.parent_id), &choices.organisations, errors))
            (input(ctx, form, Field::new("website", "field-website", &f.website), "url", errors))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href="/admin/organisations" { (ctx.t("admin-cancel")) }
            }
        }
    }
}

//! Account administration views.

use crate::ctx::Ctx;
use crate::ui::components::*;
use kozos_app::accounts::{Account, AccountForm, ScopeChoices};
use kozos_domain::user::Role;
use kozos_domain::FieldErrors;
use maud::{html, Markup};

fn role_options(ctx: &Ctx) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                ctx.t(&format!("userrole-{}", r.as_str())),
            )
        })
        .collect()
}

/// The scope picker: country, counties, programmes, organisations in groups.
fn scope_select(
    ctx: &Ctx,
    form: &str,
    value: &str,
    choices: &ScopeChoices,
    errors: &FieldErrors,
) -> Markup {
    let err = errors.for_field("scope");
    let id = format!("{form}-scope");
    html! {
        div.field .has-error[err.is_some()] {
            label for=(id) { (ctx.t("field-grant-scope")) }
            @if let Some(key) = err { p.error id={ (id) "-error" } { (ctx.t(key)) } }
            select id=(id) name="scope" required aria-invalid=[err.map(|_| "true")] aria-describedby=[err.map(|_| format!("{id}-error"))] {
                option value="" { (ctx.t("admin-choose")) }
                optgroup label=(ctx.t("scope-group-country")) {
                    option value="country" selected[value == "country"] { (kozos_app::gazetteer::COUNTRY) }
                }
                @for (group, items) in [("scope-group-counties", &choices.counties), ("scope-group-programmes", &choices.programmes), ("scope-group-organisations", &choices.organisations)] {
                    optgroup label=(ctx.t(group)) {
                        @for (v, label) in items { option value=(v) selected[v == value] { (label) } }
                    }
                }
            }
        }
    }
}

pub fn list(
    ctx: &Ctx,
    accounts: &[Account],
    choices: &ScopeChoices,
    grant_form: Option<(i64, &AccountForm, &FieldErrors)>,
) -> Markup {
    html! {
        h1 { (ctx.t("admin-users")) }
        p.actions {
            a.button href="/admin/users/new" { (ctx.t("admin-new-user")) }
            " "
            a href="/admin/sign-in-attempts" { (ctx.t("admin-attempts")) }
        }
        @for a in accounts {
            section.card aria-labelledby={ "user-" (a.user.id) } {
                h2 id={ "user-" (a.user.id) } { (a.user.display_name) " " span.muted { "<" (a.user.email) ">" } }
                h3 { (ctx.t("admin-grants")) }
                ul.items {
                    @for (gid, g, label) in &a.grants {
                        li {
                            (ctx.t(&format!("userrole-{}", g.role.as_str()))) " – " (label) " "
                            a.danger.small href={ "/admin/users/" (a.user.id) "/grants/" (gid) "/delete" } {
                                (ctx.t("admin-remove-grant")) span.visually-hidden { ": " (a.user.display_name) " – " (label) }
                            }
                        }
                    }
                }
                details open[grant_form.is_some_and(|(id, _, _)| id == a.user.id.0)] {
                    summary { (ctx.t("admin-add-grant")) }
                    @let form = format!("grant-{}", a.user.id);
                    @let (values, errors) = match grant_form { Some((id, f, e)) if id == a.user.id.0 => (f.clone(), e.clone()), _ => (AccountForm::default(), FieldErrors::new()) };
                    (error_summary(ctx, &form, &errors))
                    form.stack method="post" action={ "/admin/users/" (a.user.id) "/grants" } novalidate {
                        (csrf(ctx))
                        (select(ctx, &form, Field::new("role", "field-role", &values.role).required(), &role_options(ctx), &errors))
                        (scope_select(ctx, &form, &values.scope, choices, &errors))
                        button type="submit" { (ctx.t("admin-add")) }
                    }
                }
            }
        }
    }
}

pub fn new_form(
    ctx: &Ctx,
    f: &AccountForm,
    errors: &FieldErrors,
    choices: &ScopeChoices,
    state: &FormState,
) -> Markup {
    let form = "user";
    html! {
        h1 { (ctx.t("admin-new-user")) }
        (error_summary(ctx, form, errors))
        form.stack method="post" action="/admin/users/new" autocomplete="off" novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (input(ctx, form, Field::new("email", "field-email", &f.email).required(), "email", errors))
            (input(ctx, form, Field::new("name", "field-name", &f.name).required(), "text", errors))
            (input(ctx, form, Field::new("password", "field-password", "").required().hint("field-password-hint"), "password", errors))
            (select(ctx, form, Field::new("role", "field-role", &f.role).required(), &role_options(ctx), errors))
            (scope_select(ctx, form, &f.scope, choices, errors))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href="/admin/users" { (ctx.t("admin-cancel")) }
            }
        }
    }
}

/// Recent sign-in attempts, newest first, for administrators to spot guessing.
pub fn attempts(ctx: &Ctx, list: &[kozos_app::Attempt]) -> Markup {
    html! {
        h1 { (ctx.t("admin-attempts")) }
        p { (ctx.t("admin-attempts-intro")) }
        @if list.is_empty() { p { (ctx.t("programme-none")) } }
        @else {
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("attempt-at")) }
                        th scope="col" { (ctx.t("field-email")) }
                        th scope="col" { (ctx.t("attempt-address")) }
                        th scope="col" { (ctx.t("attempt-outcome")) }
                        th scope="col" { (ctx.t("attempt-known-device")) }
                    } }
                    tbody {
                        @for a in list {
                            tr {
                                td { (stored_time(ctx, &a.at, true)) }
                                td { (a.email) }
                                td { (a.ip) }
                                td { (ctx.t(&format!("attempt-{}", a.outcome.as_str()))) }
                                td { (ctx.t(if a.known_device { "attempt-yes" } else { "attempt-no" })) }
                            }
                        }
                    }
                }
            }
        }
    }
}

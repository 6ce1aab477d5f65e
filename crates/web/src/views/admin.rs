//! Back-office views.

use crate::ctx::Ctx;
use crate::views::components::*;
use crate::views::programme;
use kozos_app::programmes::StaffView;
use kozos_domain::organisation::{OrgKind, Organisation, OrganisationForm, Sector};
use kozos_domain::place::Place;
use kozos_domain::programme::*;
use kozos_domain::user::User;
use kozos_domain::FieldErrors;
use maud::{html, Markup};

pub fn dashboard(ctx: &Ctx, user: &User, programmes: &[Programme], may_create: bool) -> Markup {
    html! {
        h1 { (ctx.t("admin-title")) }
        section aria-labelledby="roles-title" {
            h2 #roles-title { (ctx.t("admin-your-roles")) }
            ul {
                @for g in &user.grants {
                    li { (ctx.t(&format!("userrole-{}", g.role.as_str()))) }
                }
            }
        }
        section aria-labelledby="progs-title" {
            h2 #progs-title { (ctx.t("admin-programmes")) }
            @if may_create { p { a.button href="/admin/programmes/new" { (ctx.t("admin-new-programme")) } } }
            @if programmes.is_empty() { p { (ctx.t("admin-no-programmes")) } }
            ul.cards {
                @for p in programmes {
                    li.card {
                        h3 { a href={ "/admin/programmes/" (p.id) } { (p.title) } }
                        @if let Some(c) = &p.code { p.muted { (c) } }
                    }
                }
            }
        }
    }
}

pub struct Choices {
    pub organisations: Vec<(String, String)>,
    pub settlements: Vec<(String, String)>,
}

impl Choices {
    pub fn new(orgs: &[Organisation], settlements: &[Place]) -> Self {
        Choices {
            organisations: orgs
                .iter()
                .map(|o| (o.id.to_string(), o.name.clone()))
                .collect(),
            settlements: settlements
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect(),
        }
    }
}

fn enum_options<T: Copy>(
    ctx: &Ctx,
    all: &[T],
    prefix: &str,
    as_str: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| {
            (
                as_str(*v).to_string(),
                ctx.t(&format!("{prefix}-{}", as_str(*v))),
            )
        })
        .collect()
}

pub fn programme_form(
    ctx: &Ctx,
    title: &str,
    action: &str,
    f: &ProgrammeForm,
    errors: &FieldErrors,
    choices: &Choices,
    cancel: &str,
) -> Markup {
    let form = "programme";
    html! {
        h1 { (title) }
        (error_summary(ctx, form, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            (input(ctx, form, Field::new("title", "field-title", &f.title).required(), "text", errors))
            (input(ctx, form, Field::new("code", "field-code", &f.code).hint("field-code-hint"), "text", errors))
            (select(ctx, form, Field::new("beneficiary_id", "field-beneficiary", &f.beneficiary_id), &choices.organisations, errors))
            (select(ctx, form, Field::new("place_id", "field-place", &f.place_id), &choices.settlements, errors))
            (input(ctx, form, Field::new("grant_huf", "field-grant", &f.grant_huf).hint("field-grant-hint"), "text", errors))
            (input(ctx, form, Field::new("aid_intensity", "field-aid", &f.aid_intensity), "text", errors))
            (select(ctx, form, Field::new("fund", "field-fund", &f.fund), &enum_options(ctx, Fund::ALL, "fund", Fund::as_str), errors))
            (input(ctx, form, Field::new("start_date", "field-start", &f.start_date).hint("field-date-hint"), "text", errors))
            (input(ctx, form, Field::new("end_date", "field-end", &f.end_date).hint("field-date-hint"), "text", errors))
            (input(ctx, form, Field::new("intermediate_body", "field-ib", &f.intermediate_body), "text", errors))
            (textarea(ctx, form, Field::new("description", "field-description", &f.description), 10, errors))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href=(cancel) { (ctx.t("admin-cancel")) }
            }
        }
    }
}

/// The forms on the manage page, each with what was typed and its errors.
#[derive(Default)]
pub struct PartForms {
    pub partner: PartnerForm,
    pub agreement: AgreementForm,
    pub partner_errors: FieldErrors,
    pub staff: StaffForm,
    pub staff_errors: FieldErrors,
    pub area: ActionAreaForm,
    pub area_errors: FieldErrors,
    pub group: TargetGroupForm,
    pub group_errors: FieldErrors,
}

pub fn manage(ctx: &Ctx, v: &StaffView, forms: &PartForms, choices: &Choices) -> Markup {
    let p = &v.page.programme;
    let base = format!("/admin/programmes/{}", p.id);
    html! {
        h1 { (p.title) }
        p.actions {
            @if v.can.edit { a.button href={ (base) "/edit" } { (ctx.t("admin-edit")) } }
            a href={ "/programmes/" (p.id) } { (ctx.t("admin-view-public")) }
        }
        @if !(v.can.edit || v.can.partners || v.can.staff || v.can.areas || v.can.target_groups) {
            p.notice { (ctx.t("admin-read-only")) }
        }
        (programme::publicity_block(ctx, &v.page))

        section aria-labelledby="m-partners" {
            h2 #m-partners { (ctx.t("programme-partners")) }
            ul.items {
                @for pa in &v.page.partners {
                    li {
                        strong { (pa.organisation_name) } " – " (ctx.t(&format!("role-{}", pa.role.as_str())))
                        @if v.can.partners {
                            " " a href={ (base) "/partners/" (pa.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (pa.organisation_name) } }
                            " " (post_button(ctx, &format!("{base}/partners/{}/delete", pa.id), &ctx.t("admin-delete"), &pa.organisation_name, "danger small"))
                        }
                        ul {
                            @for a in &pa.agreements {
                                li {
                                    @match a.signed_on { Some(d) => (ctx.lang.date(d)), None => span.muted { (ctx.t("programme-undated")) } }
                                    ": " (a.scope)
                                    @if v.can.partners {
                                        " " a href={ (base) "/agreements/" (a.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (a.scope) } }
                                        " " (post_button(ctx, &format!("{base}/agreements/{}/delete", a.id), &ctx.t("admin-delete"), &a.scope, "danger small"))
                                    }
                                }
                            }
                        }
                        @if v.can.partners {
                            details {
                                summary { (ctx.t("admin-add-agreement")) }
                                form.stack method="post" action={ (base) "/partners/" (pa.id) "/agreements" } novalidate {
                                    (csrf(ctx))
                                    @let f = format!("agreement-{}", pa.id);
                                    (input(ctx, &f, Field::new("signed_on", "field-signed-on", "").hint("field-date-hint"), "text", &FieldErrors::new()))
                                    (textarea(ctx, &f, Field::new("scope", "field-scope", "").required(), 2, &FieldErrors::new()))
                                    button type="submit" { (ctx.t("admin-add")) }
                                }
                            }
                        }
                    }
                }
            }
            @if v.can.partners {
                h3 #add-partner { (ctx.t("admin-add-partner")) }
                (error_summary(ctx, "partner", &forms.partner_errors))
                form.stack method="post" action={ (base) "/partners" } novalidate {
                    (csrf(ctx))
                    (select(ctx, "partner", Field::new("organisation_id", "field-organisation", &forms.partner.organisation_id).required(), &choices.organisations, &forms.partner_errors))
                    (select(ctx, "partner", Field::new("role", "field-partner-role", &forms.partner.role).required(), &enum_options(ctx, PartnerRole::ALL, "role", PartnerRole::as_str), &forms.partner_errors))
                    (input(ctx, "partner", Field::new("signed_on", "field-signed-on", &forms.agreement.signed_on).hint("field-date-hint"), "text", &forms.partner_errors))
                    (textarea(ctx, "partner", Field::new("scope", "field-scope", &forms.agreement.scope), 2, &forms.partner_errors))
                    button type="submit" { (ctx.t("admin-add")) }
                }
            }
        }

        section aria-labelledby="m-staff" {
            h2 #m-staff { (ctx.t("programme-staff")) }
            @if v.staff.is_empty() { p { (ctx.t("programme-none")) } }
            ul.items {
                @for s in &v.staff {
                    li {
                        strong { (s.name) } " – " (ctx.t(&format!("position-{}", s.position.as_str())))
                        @if let Some(d) = s.start_date { " · " (ctx.lang.date(d)) }
                        @if let Some(d) = s.end_date { " – " (ctx.lang.date(d)) }
                        @if let Some(n) = &s.note { br; span.muted { (n) } }
                        @if v.can.staff {
                            " " a href={ (base) "/staff/" (s.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (s.name) } }
                            " " (post_button(ctx, &format!("{base}/staff/{}/delete", s.id), &ctx.t("admin-delete"), &s.name, "danger small"))
                        }
                    }
                }
            }
            @if v.can.staff {
                h3 { (ctx.t("admin-add-staff")) }
                (error_summary(ctx, "staff", &forms.staff_errors))
                form.stack method="post" action={ (base) "/staff" } novalidate {
                    (csrf(ctx))
                    (input(ctx, "staff", Field::new("name", "field-name", &forms.staff.name).required(), "text", &forms.staff_errors))
                    (select(ctx, "staff", Field::new("position", "field-position", &forms.staff.position).required(), &enum_options(ctx, StaffPosition::ALL, "position", StaffPosition::as_str), &forms.staff_errors))
                    (input(ctx, "staff", Field::new("start_date", "field-start", &forms.staff.start_date).hint("field-date-hint"), "text", &forms.staff_errors))
                    (input(ctx, "staff", Field::new("end_date", "field-end", &forms.staff.end_date).hint("field-date-hint"), "text", &forms.staff_errors))
                    (input(ctx, "staff", Field::new("note", "field-note", &forms.staff.note), "text", &forms.staff_errors))
                    button type="submit" { (ctx.t("admin-add")) }
                }
            }
        }

        section aria-labelledby="m-areas" {
            h2 #m-areas { (ctx.t("programme-areas")) }
            ul.items {
                @for a in &v.page.action_areas {
                    li {
                        strong { (a.name) } ": " (a.settlements.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "))
                        @if v.can.areas {
                            " " a href={ (base) "/areas/" (a.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (a.name) } }
                            " " (post_button(ctx, &format!("{base}/areas/{}/delete", a.id), &ctx.t("admin-delete"), &a.name, "danger small"))
                        }
                    }
                }
            }
            @if v.can.areas {
                h3 { (ctx.t("admin-add-area")) }
                (area_form(ctx, &format!("{base}/areas"), &forms.area, &forms.area_errors))
            }
        }

        section aria-labelledby="m-groups" {
            h2 #m-groups { (ctx.t("programme-target-groups")) }
            ul.items {
                @for g in &v.page.target_groups {
                    li {
                        strong { (g.name) }
                        @if let Some(n) = g.planned_size { " (" (ctx.lang.number(n)) " " (ctx.t("unit-persons")) ")" }
                        @if v.can.target_groups {
                            " " a href={ (base) "/target-groups/" (g.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (g.name) } }
                            " " (post_button(ctx, &format!("{base}/target-groups/{}/delete", g.id), &ctx.t("admin-delete"), &g.name, "danger small"))
                        }
                    }
                }
            }
            @if v.can.target_groups {
                h3 { (ctx.t("admin-add-target-group")) }
                (error_summary(ctx, "group", &forms.group_errors))
                form.stack method="post" action={ (base) "/target-groups" } novalidate {
                    (csrf(ctx))
                    (input(ctx, "group", Field::new("name", "field-name", &forms.group.name).required(), "text", &forms.group_errors))
                    (textarea(ctx, "group", Field::new("description", "field-description-short", &forms.group.description), 2, &forms.group_errors))
                    (input(ctx, "group", Field::new("planned_size", "field-planned-size", &forms.group.planned_size), "text", &forms.group_errors))
                    button type="submit" { (ctx.t("admin-add")) }
                }
            }
        }

        @if !v.history.is_empty() {
            section aria-labelledby="m-history" {
                h2 #m-history { (ctx.t("programme-history")) }
                ul.history {
                    @for h in &v.history {
                        li { time { (h.at) } " · " (h.user_email.as_deref().unwrap_or("–")) " · " (h.action) " · " (h.detail) }
                    }
                }
            }
        }
    }
}

pub fn area_form(ctx: &Ctx, action: &str, f: &ActionAreaForm, errors: &FieldErrors) -> Markup {
    html! {
        (error_summary(ctx, "area", errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            (input(ctx, "area", Field::new("name", "field-area-name", &f.name).required(), "text", errors))
            (textarea(ctx, "area", Field::new("settlements", "field-settlements", &f.settlements).required(), 2, errors))
            (textarea(ctx, "area", Field::new("boundary", "field-boundary", &f.boundary), 4, errors))
            button type="submit" { (ctx.t("admin-save")) }
        }
    }
}

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
) -> Markup {
    let form = "organisation";
    html! {
        h1 { (title) }
        (error_summary(ctx, form, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            (input(ctx, form, Field::new("name", "field-name", &f.name).required(), "text", errors))
            (select(ctx, form, Field::new("sector", "field-sector", &f.sector).required(), &enum_options(ctx, Sector::ALL, "sector", Sector::as_str), errors))
            (select(ctx, form, Field::new("kind", "field-kind", &f.kind).required(), &enum_options(ctx, OrgKind::ALL, "kind", OrgKind::as_str), errors))
            (select(ctx, form, Field::new("settlement_id", "field-settlement", &f.settlement_id), &choices.settlements, errors))
            (select(ctx, form, Field::new("parent_id", "field-parent-org", &f.parent_id), &choices.organisations, errors))
            (input(ctx, form, Field::new("website", "field-website", &f.website), "url", errors))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href="/admin/organisations" { (ctx.t("admin-cancel")) }
            }
        }
    }
}

/// The fields of one part's form, for its own edit page.
pub fn partner_fields(
    ctx: &Ctx,
    f: &PartnerForm,
    errors: &FieldErrors,
    choices: &Choices,
) -> Markup {
    html! {
        (select(ctx, "partner", Field::new("organisation_id", "field-organisation", &f.organisation_id).required(), &choices.organisations, errors))
        (select(ctx, "partner", Field::new("role", "field-partner-role", &f.role).required(), &enum_options(ctx, PartnerRole::ALL, "role", PartnerRole::as_str), errors))
    }
}

pub fn agreement_fields(ctx: &Ctx, f: &AgreementForm, errors: &FieldErrors) -> Markup {
    html! {
        (input(ctx, "agreement", Field::new("signed_on", "field-signed-on", &f.signed_on).hint("field-date-hint"), "text", errors))
        (textarea(ctx, "agreement", Field::new("scope", "field-scope", &f.scope).required(), 3, errors))
    }
}

pub fn staff_fields(ctx: &Ctx, f: &StaffForm, errors: &FieldErrors) -> Markup {
    html! {
        (input(ctx, "staff", Field::new("name", "field-name", &f.name).required(), "text", errors))
        (select(ctx, "staff", Field::new("position", "field-position", &f.position).required(), &enum_options(ctx, StaffPosition::ALL, "position", StaffPosition::as_str), errors))
        (input(ctx, "staff", Field::new("start_date", "field-start", &f.start_date).hint("field-date-hint"), "text", errors))
        (input(ctx, "staff", Field::new("end_date", "field-end", &f.end_date).hint("field-date-hint"), "text", errors))
        (input(ctx, "staff", Field::new("note", "field-note", &f.note), "text", errors))
    }
}

pub fn group_fields(ctx: &Ctx, f: &TargetGroupForm, errors: &FieldErrors) -> Markup {
    html! {
        (input(ctx, "group", Field::new("name", "field-name", &f.name).required(), "text", errors))
        (textarea(ctx, "group", Field::new("description", "field-description-short", &f.description), 2, errors))
        (input(ctx, "group", Field::new("planned_size", "field-planned-size", &f.planned_size), "text", errors))
    }
}

/// A page with one part's edit form.
pub fn part_edit_page(
    ctx: &Ctx,
    title: &str,
    form: &str,
    action: &str,
    back: &str,
    errors: &FieldErrors,
    fields: Markup,
) -> Markup {
    html! {
        h1 { (title) }
        (error_summary(ctx, form, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            (fields)
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href=(back) { (ctx.t("admin-cancel")) }
            }
        }
    }
}

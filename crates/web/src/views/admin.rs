//! Back-office views.

use crate::ctx::Ctx;
use crate::views::components::*;
use crate::views::programme;
use kozos_app::programmes::StaffView;
use kozos_app::AuditEntry as Entry;
use kozos_domain::organisation::{OrgKind, Organisation, OrganisationForm, Sector};
use kozos_domain::place::{Place, PlaceKind};
use kozos_domain::programme::*;
use kozos_domain::user::User;
use kozos_domain::{FieldErrors, PartnerId};
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

/// Pick lists a page's forms need; each is filled only when a form on the page shows it
/// (a real gazetteer has over 3,000 settlements).
#[derive(Default)]
pub struct Choices {
    pub organisations: Vec<(String, String)>,
    /// Settlements and settlement parts (where an organisation is).
    pub settlements: Vec<Place>,
    /// The places tree by level (where a programme is).
    pub places: Vec<Place>,
}

impl Choices {
    pub fn organisations(mut self, orgs: &[Organisation]) -> Self {
        self.organisations = orgs
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect();
        self
    }
    pub fn settlements(mut self, settlements: Vec<Place>) -> Self {
        self.settlements = settlements;
        self
    }
    pub fn places(mut self, places: Vec<Place>) -> Self {
        self.places = places;
        self
    }

    fn place_groups(&self, ctx: &Ctx) -> Vec<(String, Vec<(String, String)>)> {
        groups(ctx, &self.places)
    }

    fn settlement_groups(&self, ctx: &Ctx) -> Vec<(String, Vec<(String, String)>)> {
        groups(ctx, &self.settlements)
    }

    /// How a stored value of a pick-list field reads (for the conflict notice).
    pub fn show(&self, ctx: &Ctx, field: &str, value: &str) -> String {
        let find = |list: &[(String, String)]| {
            list.iter()
                .find(|(v, _)| v == value)
                .map(|(_, l)| l.clone())
        };
        let label = match field {
            "beneficiary_id" | "organisation_id" | "parent_id" => find(&self.organisations),
            "settlement_id" => self
                .settlements
                .iter()
                .find(|p| p.id.to_string() == value)
                .map(|p| p.name.clone()),
            "place_id" => self
                .places
                .iter()
                .find(|p| p.id.to_string() == value)
                .map(|p| p.name.clone()),
            "fund" => Some(ctx.t(&format!("fund-{value}"))),
            "role" => Some(ctx.t(&format!("role-{value}"))),
            "position" => Some(ctx.t(&format!("position-{value}"))),
            "sector" => Some(ctx.t(&format!("sector-{value}"))),
            "kind" => Some(ctx.t(&format!("kind-{value}"))),
            _ => None,
        };
        label.unwrap_or_else(|| value.to_string())
    }
}

/// Places grouped by level, each group labelled (Ország, Vármegyék, Járások …); empty
/// groups are left out.
fn groups(ctx: &Ctx, places: &[Place]) -> Vec<(String, Vec<(String, String)>)> {
    [
        (PlaceKind::Country, "place-group-country"),
        (PlaceKind::County, "place-group-counties"),
        (PlaceKind::District, "place-group-districts"),
        (PlaceKind::Settlement, "place-group-settlements"),
        (PlaceKind::SettlementPart, "place-group-parts"),
    ]
    .into_iter()
    .map(|(kind, key)| {
        let options: Vec<(String, String)> = places
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect();
        (ctx.t(key), options)
    })
    .filter(|(_, options)| !options.is_empty())
    .collect()
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

/// The label key of each field of each form (for the conflict notice).
pub fn field_label(ctx: &Ctx, field: &str) -> String {
    let key = match field {
        "title" => "field-title",
        "code" => "field-code",
        "beneficiary_id" => "field-beneficiary",
        "place_id" => "field-place",
        "grant_huf" => "field-grant",
        "aid_intensity" => "field-aid",
        "fund" => "field-fund",
        "start_date" => "field-start",
        "end_date" => "field-end",
        "intermediate_body" => "field-ib",
        "description" => "field-description",
        "organisation_id" => "field-organisation",
        "role" => "field-partner-role",
        "signed_on" => "field-signed-on",
        "scope" => "field-scope",
        "position" => "field-position",
        "note" => "field-note",
        "settlements" => "field-settlements",
        "boundary" => "field-boundary",
        "planned_size" => "field-planned-size",
        "sector" => "field-sector",
        "kind" => "field-kind",
        "settlement_id" => "field-settlement",
        "parent_id" => "field-parent-org",
        "website" => "field-website",
        _ => "field-name",
    };
    ctx.t(key)
}

fn notice(ctx: &Ctx, state: &FormState, choices: &Choices) -> Markup {
    conflict_notice(ctx, &state.changes, &|f| field_label(ctx, f), &|f, v| {
        choices.show(ctx, f, v)
    })
}

#[allow(clippy::too_many_arguments)] // one form: its values, errors, choices and meta fields
pub fn programme_form(
    ctx: &Ctx,
    title: &str,
    action: &str,
    f: &ProgrammeForm,
    errors: &FieldErrors,
    choices: &Choices,
    cancel: &str,
    state: &FormState,
) -> Markup {
    let form = "programme";
    html! {
        h1 { (title) }
        (notice(ctx, state, choices))
        (error_summary(ctx, form, errors))
        form.stack method="post" action=(action) autocomplete=[state.once.as_ref().map(|_| "off")] novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (input(ctx, form, Field::new("title", "field-title", &f.title).required(), "text", errors))
            (input(ctx, form, Field::new("code", "field-code", &f.code).hint("field-code-hint"), "text", errors))
            (select(ctx, form, Field::new("beneficiary_id", "field-beneficiary", &f.beneficiary_id), &choices.organisations, errors))
            (grouped_select(ctx, form, Field::new("place_id", "field-place", &f.place_id).hint("field-place-hint"), &choices.place_groups(ctx), errors))
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
    /// A rejected "add agreement" form: the partner it was for, what was typed, the errors.
    pub new_agreement: Option<(PartnerId, AgreementForm, FieldErrors)>,
    pub staff: StaffForm,
    pub staff_errors: FieldErrors,
    pub area: ActionAreaForm,
    pub area_errors: FieldErrors,
    pub group: TargetGroupForm,
    pub group_errors: FieldErrors,
}

/// A link to a part's delete confirmation page (deleting is never one click).
fn delete_link(ctx: &Ctx, href: &str, about: &str) -> Markup {
    html! {
        a.danger.small href=(href) { (ctx.t("admin-delete")) span.visually-hidden { ": " (about) } }
    }
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
        @if !v.can.any() {
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
                            " " (delete_link(ctx, &format!("{base}/partners/{}/delete", pa.id), &pa.organisation_name))
                        }
                        ul {
                            @for a in &pa.agreements {
                                li {
                                    @match a.signed_on { Some(d) => (ctx.lang.date(d)), None => span.muted { (ctx.t("programme-undated")) } }
                                    ": " (a.scope)
                                    @if v.can.partners {
                                        " " a href={ (base) "/agreements/" (a.id) "/edit" } { (ctx.t("admin-edit")) span.visually-hidden { ": " (a.scope) } }
                                        " " (delete_link(ctx, &format!("{base}/agreements/{}/delete", a.id), &a.scope))
                                    }
                                }
                            }
                        }
                        @if v.can.partners {
                            @let f = format!("agreement-{}", pa.id);
                            @let (values, errors) = match &forms.new_agreement {
                                Some((pid, values, errors)) if *pid == pa.id => (values.clone(), errors.clone()),
                                _ => (AgreementForm::default(), FieldErrors::new()),
                            };
                            details open[!errors.is_empty()] {
                                summary { (ctx.t("admin-add-agreement")) }
                                (error_summary(ctx, &f, &errors))
                                form.stack method="post" action={ (base) "/partners/" (pa.id) "/agreements" } autocomplete="off" novalidate {
                                    (csrf(ctx))
                                    (meta_fields(&FormState::create()))
                                    (input(ctx, &f, Field::new("signed_on", "field-signed-on", &values.signed_on).hint("field-date-hint"), "text", &errors))
                                    (textarea(ctx, &f, Field::new("scope", "field-scope", &values.scope).required(), 2, &errors))
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
                form.stack method="post" action={ (base) "/partners" } autocomplete="off" novalidate {
                    (csrf(ctx))
                    (meta_fields(&FormState::create()))
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
                            " " (delete_link(ctx, &format!("{base}/staff/{}/delete", s.id), &s.name))
                        }
                    }
                }
            }
            @if v.can.staff {
                h3 { (ctx.t("admin-add-staff")) }
                (error_summary(ctx, "staff", &forms.staff_errors))
                form.stack method="post" action={ (base) "/staff" } autocomplete="off" novalidate {
                    (csrf(ctx))
                    (meta_fields(&FormState::create()))
                    (staff_fields(ctx, &forms.staff, &forms.staff_errors))
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
                            " " (delete_link(ctx, &format!("{base}/areas/{}/delete", a.id), &a.name))
                        }
                    }
                }
            }
            @if v.can.areas {
                h3 { (ctx.t("admin-add-area")) }
                (area_form(ctx, &format!("{base}/areas"), &forms.area, &forms.area_errors, &FormState::create()))
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
                            " " (delete_link(ctx, &format!("{base}/target-groups/{}/delete", g.id), &g.name))
                        }
                    }
                }
            }
            @if v.can.target_groups {
                h3 { (ctx.t("admin-add-target-group")) }
                (error_summary(ctx, "group", &forms.group_errors))
                form.stack method="post" action={ (base) "/target-groups" } autocomplete="off" novalidate {
                    (csrf(ctx))
                    (meta_fields(&FormState::create()))
                    (group_fields(ctx, &forms.group, &forms.group_errors))
                    button type="submit" { (ctx.t("admin-add")) }
                }
            }
        }

        @if !v.history.is_empty() {
            (history(ctx, &v.history))
        }
    }
}

/// The change log: when (Budapest time, in the reader's format), who, what, which record.
pub fn history(ctx: &Ctx, entries: &[Entry]) -> Markup {
    html! {
        section aria-labelledby="m-history" {
            h2 #m-history { (ctx.t("programme-history")) }
            ul.history {
                @for h in entries {
                    li {
                        (stored_time(ctx, &h.at, false))
                        " · " (h.user_email.as_deref().unwrap_or("–"))
                        " · " (ctx.t(&format!("audit-{}", h.action)))
                        @if !h.detail.is_empty() { ": " (h.detail) }
                    }
                }
            }
        }
    }
}

pub fn area_form(
    ctx: &Ctx,
    action: &str,
    f: &ActionAreaForm,
    errors: &FieldErrors,
    state: &FormState,
) -> Markup {
    html! {
        (error_summary(ctx, "area", errors))
        form.stack method="post" action=(action) autocomplete=[state.once.as_ref().map(|_| "off")] novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (area_fields(ctx, f, errors))
            button type="submit" { (ctx.t("admin-save")) }
        }
    }
}

pub fn area_fields(ctx: &Ctx, f: &ActionAreaForm, errors: &FieldErrors) -> Markup {
    html! {
        (input(ctx, "area", Field::new("name", "field-area-name", &f.name).required(), "text", errors))
        (textarea(ctx, "area", Field::new("settlements", "field-settlements", &f.settlements).required(), 2, errors))
        (textarea(ctx, "area", Field::new("boundary", "field-boundary", &f.boundary), 4, errors))
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
    state: &FormState,
) -> Markup {
    let form = "organisation";
    html! {
        h1 { (title) }
        (notice(ctx, state, choices))
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
        (input(ctx, "group", Field::new("planned_size", "field-planned-size", &f.planned_size).hint("field-planned-size-hint"), "text", errors))
    }
}

/// One part's edit form on its own page.
pub struct PartPage<'a> {
    pub title: &'a str,
    /// The form's id prefix (`partner`, `staff` …).
    pub form: &'a str,
    pub action: &'a str,
    pub back: &'a str,
}

pub fn part_edit_page(
    ctx: &Ctx,
    page: &PartPage,
    errors: &FieldErrors,
    state: &FormState,
    choices: &Choices,
    fields: Markup,
) -> Markup {
    html! {
        h1 { (page.title) }
        (notice(ctx, state, choices))
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
pub fn confirm_delete(
    ctx: &Ctx,
    title: &str,
    what: &str,
    with_it: &[String],
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

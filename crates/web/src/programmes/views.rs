//! Back-office views of a programme: the dashboard, its form, the manage page.

use super::pages::Rejected;
use super::records::views::{add_form, links};
use super::records::RecordUi;
use crate::ctx::Ctx;
use crate::public::programme;
use crate::ui::choices::{enum_options, notice, Choices};
use crate::ui::components::*;
use kozos_app::programmes::StaffView;
use kozos_app::records::{NewPartnerForm, PartnerAgreement};
use kozos_app::AuditEntry as Entry;
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
        (notice(ctx, form, state, choices))
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

pub fn manage(ctx: &Ctx, v: &StaffView, forms: &Rejected, choices: &Choices) -> Markup {
    let p = &v.page.programme;
    let base = format!("/admin/programmes/{}", p.id);
    html! {
        h1 { (p.title) }
        p.actions {
            @if v.can.edit { a.button href={ (base) "/edit" } { (ctx.t("admin-edit")) } }
            a href={ "/programmes/" (p.id) } { (ctx.t("admin-view-public")) }
            " "
            a href={ (base) "/activities" } { (ctx.t("admin-activities")) }
            " "
            a href={ (base) "/memos" } { (ctx.t("memo-board-title")) }
            " "
            a href={ (base) "/indicators" } { (ctx.t("ind-title")) }
            " "
            a href={ (base) "/report" } { (ctx.t("ind-report")) }
            @if ctx.user.as_ref().is_some_and(|u| kozos_domain::policy::allows_somewhere(&u.grants, kozos_domain::policy::Action::ManageInitiatives)) {
                " "
                a href={ (base) "/initiatives" } { (ctx.t("initiatives-title")) }
            }
            " "
            a href={ (base) "/surveys" } { (ctx.t("survey-title")) }
            " "
            a href={ (base) "/plans" } { (ctx.t("plan-title")) }
            " "
            a href={ (base) "/situation" } { (ctx.t("picture-title")) }
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
                        @if v.can.partners { (links::<Partner>(ctx, &base, pa.id, &pa.organisation_name)) }
                        ul {
                            @for a in &pa.agreements {
                                li {
                                    @match a.signed_on { Some(d) => (ctx.lang.date(d)), None => span.muted { (ctx.t("programme-undated")) } }
                                    ": " (a.scope)
                                    @if v.can.partners { (links::<PartnerAgreement>(ctx, &base, a.id, &a.scope)) }
                                }
                            }
                        }
                        @if v.can.partners {
                            @let id = PartnerAgreement::new_form_id(pa.id);
                            @let (values, errors) = forms.values::<AgreementForm>(&id);
                            details open[!errors.is_empty()] {
                                summary { (ctx.t("admin-add-agreement")) }
                                (add_form::<PartnerAgreement>(ctx, (&id, &format!("{base}/partners/{}/agreements", pa.id)), &values, &errors, choices))
                            }
                        }
                    }
                }
            }
            @if v.can.partners {
                h3 #add-partner { (ctx.t("admin-add-partner")) }
                @let (values, errors) = forms.values::<NewPartnerForm>(Partner::FORM);
                (add_form::<Partner>(ctx, (Partner::FORM, &format!("{base}/partners")), &values, &errors, choices))
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
                        @if v.can.staff { (links::<StaffAssignment>(ctx, &base, s.id, &s.name)) }
                    }
                }
            }
            @if v.can.staff {
                h3 { (ctx.t("admin-add-staff")) }
                @let (values, errors) = forms.values::<StaffForm>(StaffAssignment::FORM);
                (add_form::<StaffAssignment>(ctx, (StaffAssignment::FORM, &format!("{base}/staff")), &values, &errors, choices))
            }
        }

        section aria-labelledby="m-areas" {
            h2 #m-areas { (ctx.t("programme-areas")) }
            ul.items {
                @for a in &v.page.action_areas {
                    li {
                        strong { (a.name) } ": " (a.settlements.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "))
                        @if v.can.areas { (links::<ActionArea>(ctx, &base, a.id, &a.name)) }
                    }
                }
            }
            @if v.can.areas {
                h3 { (ctx.t("admin-add-area")) }
                @let (values, errors) = forms.values::<ActionAreaForm>(ActionArea::FORM);
                (add_form::<ActionArea>(ctx, (ActionArea::FORM, &format!("{base}/areas")), &values, &errors, choices))
            }
        }

        section aria-labelledby="m-groups" {
            h2 #m-groups { (ctx.t("programme-target-groups")) }
            ul.items {
                @for g in &v.page.target_groups {
                    li {
                        strong { (g.name) }
                        @if let Some(n) = g.planned_size { " (" (ctx.lang.number(n)) " " (ctx.t("unit-persons")) ")" }
                        @if v.can.target_groups { (links::<TargetGroup>(ctx, &base, g.id, &g.name)) }
                    }
                }
            }
            @if v.can.target_groups {
                h3 { (ctx.t("admin-add-target-group")) }
                @let (values, errors) = forms.values::<TargetGroupForm>(TargetGroup::FORM);
                (add_form::<TargetGroup>(ctx, (TargetGroup::FORM, &format!("{base}/target-groups")), &values, &errors, choices))
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

//! Registry pages: the list, the person page, the person, sensitive-data and consent
//! forms, and the two merge pages (pick the other record; both side by side).

use super::pages::NewPersonForm;
use crate::ctx::Ctx;
use crate::programmes::views::history;
use crate::ui::choices::{enum_options, notice, Choices};
use crate::ui::components::*;
use kozos_app::participation::merge::MergeSide;
use kozos_app::participation::people::{PeoplePage, PersonView, Taken, Took};
use kozos_domain::participation::*;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

/// Birth year, or else the age band, as a person reads it.
fn age(ctx: &Ctx, p: &Person) -> String {
    match (p.birth_year, p.age_band) {
        (Some(y), _) => y.to_string(),
        (None, Some(b)) => ctx.t(&format!("age-band-{}", b.as_str())),
        (None, None) => "–".into(),
    }
}

pub fn list(ctx: &Ctx, found: &PeoplePage, q: &str) -> Markup {
    let link = |page: usize| {
        format!(
            "/admin/people?q={}&page={page}",
            crate::routes::encode_query(q)
        )
    };
    html! {
        h1 { (ctx.t("people-title")) }
        p { a.button href="/admin/people/new" { (ctx.t("people-new")) } }
        form.search role="search" method="get" action="/admin/people" {
            label for="pq" { (ctx.t("people-search-label")) }
            div.search-row { input #pq type="search" name="q" value=(q); button type="submit" { (ctx.t("search-button")) } }
        }
        p role="status" { (ctx.lang.tn("people-count", found.total as i64)) }
        @if !found.people.is_empty() {
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("field-person-name")) }
                        th scope="col" { (ctx.t("field-birth-year-or-band")) }
                        th scope="col" { (ctx.t("field-settlement")) }
                        th scope="col" { (ctx.t("field-organisation")) }
                        th scope="col" { (ctx.t("field-email")) }
                    } }
                    tbody {
                        @for p in &found.people {
                            tr {
                                th scope="row" { a href={ "/admin/people/" (p.id) } { (p.name) } }
                                td { (age(ctx, p)) }
                                td { (p.place_name.as_deref().unwrap_or("–")) }
                                td { (p.organisation_name.as_deref().unwrap_or("–")) }
                                td { (p.email.as_deref().unwrap_or("–")) }
                            }
                        }
                    }
                }
            }
        }
        @if found.pages > 1 {
            nav.pager aria-label=(ctx.t("people-pages")) {
                @if found.page > 1 { a href=(link(found.page - 1)) rel="prev" { "← " (ctx.t("people-prev")) } }
                span { (ctx.t("people-page")) " " (found.page) " / " (found.pages) }
                @if found.page < found.pages { a href=(link(found.page + 1)) rel="next" { (ctx.t("people-next")) " →" } }
            }
        }
    }
}

/// The person's own fields (shared by the new and the edit form).
fn person_fields(
    ctx: &Ctx,
    form: &str,
    f: &PersonForm,
    errors: &FieldErrors,
    c: &Choices,
) -> Markup {
    html! {
        (input(ctx, form, Field::new("name", "field-person-name", &f.name).required(), "text", errors))
        (input(ctx, form, Field::new("birth_year", "field-birth-year", &f.birth_year).hint("people-birth-year-hint"), "text", errors))
        (select(ctx, form, Field::new("age_band", "field-age-band", &f.age_band), &enum_options(ctx, AgeBand::ALL, "age-band", AgeBand::as_str), errors))
        (input(ctx, form, Field::new("settlement", "field-settlement", &f.settlement).hint("people-settlement-hint"), "text", errors))
        (select(ctx, form, Field::new("organisation_id", "field-person-organisation", &f.organisation_id), &c.organisations, errors))
        (input(ctx, form, Field::new("email", "field-email", &f.email), "email", errors))
        (input(ctx, form, Field::new("phone", "field-phone", &f.phone), "tel", errors))
    }
}

/// A possible duplicate, as the warnings list it.
fn described(ctx: &Ctx, p: &Person) -> Markup {
    html! {
        a href={ "/admin/people/" (p.id) } { (p.name) }
        " (" (age(ctx, p))
        @if let Some(pl) = &p.place_name { ", " (pl) }
        @if let Some(e) = &p.email { ", " (e) }
        ")"
    }
}

pub fn new_form(
    ctx: &Ctx,
    (f, errors, state): (&NewPersonForm, &FieldErrors, &FormState),
    programmes: &[(ProgrammeId, String)],
    c: &Choices,
    duplicates: &[Person],
) -> Markup {
    let form = "person";
    let programme_options: Vec<(String, String)> = programmes
        .iter()
        .map(|(id, title)| (id.to_string(), title.clone()))
        .collect();
    let person = PersonForm {
        name: f.name.clone(),
        email: f.email.clone(),
        phone: f.phone.clone(),
        birth_year: f.birth_year.clone(),
        age_band: f.age_band.clone(),
        settlement: f.settlement.clone(),
        organisation_id: f.organisation_id.clone(),
    };
    html! {
        p.breadcrumb { a href="/admin/people" { (ctx.t("people-title")) } }
        h1 { (ctx.t("people-new")) }
        (error_summary(ctx, form, errors))
        @if !duplicates.is_empty() {
            div.error-summary.duplicates role="alert" tabindex="-1" {
                p { strong { (ctx.t("people-duplicates-title")) } }
                p { (ctx.t("people-duplicates-text")) }
                ul { @for d in duplicates { li { (described(ctx, d)) } } }
            }
        }
        form.stack method="post" action="/admin/people/new" autocomplete="off" novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (select(ctx, form, Field::new("programme_id", "field-person-programme", &f.programme_id).required(), &programme_options, errors))
            (person_fields(ctx, form, &person, errors, c))
            div.actions {
                @if duplicates.is_empty() {
                    button type="submit" { (ctx.t("admin-save")) }
                } @else {
                    button type="submit" name="confirm" value="1" { (ctx.t("people-save-anyway")) }
                }
                a href="/admin/people" { (ctx.t("admin-cancel")) }
            }
        }
    }
}

pub fn edit_form(
    ctx: &Ctx,
    id: i64,
    (f, errors, state): (&PersonForm, &FieldErrors, &FormState),
    c: &Choices,
) -> Markup {
    let form = "person";
    html! {
        p.breadcrumb { a href={ "/admin/people/" (id) } { (f.name) } }
        h1 { (ctx.t("people-edit")) }
        (notice(ctx, form, state, c))
        (error_summary(ctx, form, errors))
        form.stack method="post" action={ "/admin/people/" (id) "/edit" } novalidate {
            (csrf(ctx))
            (meta_fields(state))
            (person_fields(ctx, form, f, errors, c))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href={ "/admin/people/" (id) } { (ctx.t("admin-cancel")) }
            }
        }
    }
}

fn took(ctx: &Ctx, t: &Taken) -> Markup {
    html! {
        @match &t.took {
            Took::Registered(s) => { (ctx.t("person-took-registered")) ": " (ctx.t(&format!("registration-status-{}", s.as_str()))) }
            Took::Attended(_) => { (ctx.t("person-took-attended")) }
            Took::Certified { number, revoked } => {
                (ctx.t("person-took-certified")) ": " (number)
                @if *revoked { " (" (ctx.t("person-certificate-revoked")) ")" }
            }
        }
    }
}

fn hours(ctx: &Ctx, minutes: i64) -> String {
    ctx.lang
        .t_with("volunteer-hours-value", &[("n", ctx.lang.hours(minutes))])
}

pub(super) fn hours_of(ctx: &Ctx, minutes: i64) -> String {
    hours(ctx, minutes)
}

fn details(ctx: &Ctx, p: &Person, areas: Option<&[String]>) -> Markup {
    html! {
        dl.details {
            dt { (ctx.t("field-birth-year-or-band")) } dd { (age(ctx, p)) }
            dt { (ctx.t("field-settlement")) } dd { (p.place_name.as_deref().unwrap_or("–")) }
            @if let Some(areas) = areas {
                dt { (ctx.t("person-action-area")) }
                dd { @if areas.is_empty() { (ctx.t("person-action-area-none")) } @else { (areas.join(", ")) } }
            }
            dt { (ctx.t("field-person-organisation")) } dd { (p.organisation_name.as_deref().unwrap_or("–")) }
            dt { (ctx.t("field-email")) } dd { (p.email.as_deref().unwrap_or("–")) }
            dt { (ctx.t("field-phone")) } dd { (p.phone.as_deref().unwrap_or("–")) }
        }
    }
}

fn records_table(ctx: &Ctx, records: &[Taken]) -> Markup {
    html! {
        @if records.is_empty() {
            p { (ctx.t("person-no-records")) }
        } @else {
            div.table-wrap { table {
                thead { tr {
                    th scope="col" { (ctx.t("person-activity")) }
                    th scope="col" { (ctx.t("person-when")) }
                    th scope="col" { (ctx.t("person-record")) }
                } }
                tbody { @for t in records { tr {
                    th scope="row" { a href={ "/admin/activities/" (t.activity_id) "/roster" } { (t.title) } }
                    td { (ctx.lang.datetime(t.starts_at)) }
                    td { (took(ctx, t)) }
                } } }
            } }
        }
    }
}

pub fn person(ctx: &Ctx, view: &PersonView, consent: (&ConsentForm, &FieldErrors)) -> Markup {
    let p = &view.person;
    let (cf, cerr) = consent;
    html! {
        p.breadcrumb { a href="/admin/people" { (ctx.t("people-title")) } }
        h1 { (p.name) }
        p.actions {
            a href={ "/admin/people/" (p.id) "/edit" } { (ctx.t("admin-edit")) }
            " · "
            a href={ "/admin/people/" (p.id) "/merge" } { (ctx.t("merge-link")) }
        }
        (details(ctx, p, Some(&view.action_areas)))
        @if !view.duplicates.is_empty() {
            section.duplicates aria-labelledby="p-dupes" {
                h2 #p-dupes { (ctx.t("people-duplicates-title")) }
                ul { @for d in &view.duplicates { li {
                    (described(ctx, d)) " – "
                    a href={ "/admin/people/" (p.id) "/merge?other=" (d.id) } { (ctx.t("merge-with")) span.visually-hidden { ": " (d.name) } }
                } } }
            }
        }
        section aria-labelledby="p-records" {
            h2 #p-records { (ctx.t("person-records")) }
            (records_table(ctx, &view.records))
        }
        section aria-labelledby="p-shifts" {
            h2 #p-shifts { (ctx.t("volunteer-title")) }
            @if view.shifts.is_empty() {
                p { (ctx.t("volunteer-none")) }
            } @else {
                div.table-wrap { table {
                    thead { tr {
                        th scope="col" { (ctx.t("person-activity")) }
                        th scope="col" { (ctx.t("field-volunteer-role")) }
                        th scope="col" { (ctx.t("field-hours")) }
                    } }
                    tbody { @for s in &view.shifts { tr {
                        th scope="row" { a href={ "/admin/activities/" (s.activity_id) "/volunteers" } { (s.activity_title) } }
                        td { (s.role) }
                        td { (hours(ctx, s.minutes)) }
                    } } }
                } }
                p.total { (ctx.t("volunteer-total")) ": " strong { (hours(ctx, view.volunteer_minutes())) } }
            }
        }
        section #consents aria-labelledby="p-consents" {
            h2 #p-consents { (ctx.t("consent-title")) }
            @if view.consents.is_empty() {
                p { (ctx.t("consent-none")) }
            } @else {
                div.table-wrap { table {
                    thead { tr {
                        th scope="col" { (ctx.t("field-consent-purpose")) }
                        th scope="col" { (ctx.t("field-given-on")) }
                        th scope="col" { (ctx.t("field-given-by")) }
                        th scope="col" { (ctx.t("consent-withdrawn")) }
                    } }
                    tbody { @for c in &view.consents { tr {
                        th scope="row" { (ctx.t(&format!("consent-purpose-{}", c.purpose.as_str()))) }
                        td { (ctx.lang.date(c.given_on)) }
                        td { (c.given_by) }
                        td {
                            @if let Some(w) = c.withdrawn_on { (ctx.lang.date(w)) }
                            @else {
                                form.inline method="post" action={ "/admin/people/" (p.id) "/consents/" (c.id) "/withdraw" } {
                                    (csrf(ctx))
                                    button.link type="submit" { (ctx.t("consent-withdraw")) span.visually-hidden { ": " (ctx.t(&format!("consent-purpose-{}", c.purpose.as_str()))) } }
                                }
                            }
                        }
                    } } }
                } }
            }
            h3 { (ctx.t("consent-add")) }
            (error_summary(ctx, "consent", cerr))
            form.stack method="post" action={ "/admin/people/" (p.id) "/consents" } novalidate {
                (csrf(ctx))
                (select(ctx, "consent", Field::new("purpose", "field-consent-purpose", &cf.purpose).required(), &enum_options(ctx, ConsentPurpose::ALL, "consent-purpose", ConsentPurpose::as_str), cerr))
                (input(ctx, "consent", Field::new("given_on", "field-given-on", &cf.given_on).required(), "date", cerr))
                (input(ctx, "consent", Field::new("given_by", "field-given-by", &cf.given_by).required().hint("consent-given-by-hint"), "text", cerr))
                div.actions { button type="submit" { (ctx.t("consent-add-submit")) } }
            }
        }
        @if let Some(sensitive) = &view.sensitive {
            section #sensitive aria-labelledby="p-sensitive" {
                h2 #p-sensitive { (ctx.t("sensitive-title")) }
                @match sensitive {
                    Some(s) => {
                        ul {
                            @for (held, key) in [(s.disadvantaged, "field-disadvantaged"), (s.roma, "field-roma"), (s.disability, "field-disability")] {
                                @if held { li { (ctx.t(key)) } }
                            }
                        }
                        p { (ctx.t("field-legal-basis")) ": " (ctx.t(&format!("legal-basis-{}", s.legal_basis.as_str())))
                            @if !s.basis_note.is_empty() { " – " (s.basis_note) } }
                    }
                    None => { p { (ctx.t("sensitive-none")) } }
                }
                p { a href={ "/admin/people/" (p.id) "/sensitive" } { (ctx.t("sensitive-edit")) } }
            }
        }
        @if !view.history.is_empty() {
            (history(ctx, &view.history))
        }
    }
}

pub fn sensitive_form_of(s: &Sensitive) -> SensitiveForm {
    let tick = |b: bool| if b { "1".to_string() } else { String::new() };
    SensitiveForm {
        disadvantaged: tick(s.disadvantaged),
        roma: tick(s.roma),
        disability: tick(s.disability),
        legal_basis: s.legal_basis.as_str().into(),
        basis_note: s.basis_note.clone(),
    }
}

pub fn sensitive_page(ctx: &Ctx, p: &Person, f: &SensitiveForm, errors: &FieldErrors) -> Markup {
    let form = "sensitive";
    html! {
        p.breadcrumb { a href={ "/admin/people/" (p.id) } { (p.name) } }
        h1 { (ctx.t("sensitive-title")) ": " (p.name) }
        p { (ctx.t("sensitive-explain")) }
        (error_summary(ctx, form, errors))
        form.stack method="post" action={ "/admin/people/" (p.id) "/sensitive" } novalidate {
            (csrf(ctx))
            (checkbox(ctx, form, Field::new("disadvantaged", "field-disadvantaged", &f.disadvantaged), errors))
            (checkbox(ctx, form, Field::new("roma", "field-roma", &f.roma), errors))
            (checkbox(ctx, form, Field::new("disability", "field-disability", &f.disability), errors))
            (select(ctx, form, Field::new("legal_basis", "field-legal-basis", &f.legal_basis).required().hint("sensitive-basis-hint"), &enum_options(ctx, LegalBasis::ALL, "legal-basis", LegalBasis::as_str), errors))
            (textarea(ctx, form, Field::new("basis_note", "field-basis-note", &f.basis_note).hint("sensitive-note-hint"), 3, errors))
            div.actions {
                button type="submit" { (ctx.t("admin-save")) }
                a href={ "/admin/people/" (p.id) } { (ctx.t("admin-cancel")) }
            }
        }
    }
}

pub fn merge_pick(
    ctx: &Ctx,
    p: &Person,
    dupes: &[Person],
    found: &[Person],
    q: &str,
    errors: &FieldErrors,
) -> Markup {
    html! {
        p.breadcrumb { a href={ "/admin/people/" (p.id) } { (p.name) } }
        h1 { (ctx.t("merge-title")) ": " (p.name) }
        p { (ctx.t("merge-pick-explain")) }
        (error_summary(ctx, "merge", errors))
        @let pick = |o: &Person| html! {
            li { a #{ "merge-other-" (o.id) } href={ "/admin/people/" (p.id) "/merge?other=" (o.id) } { (o.name) } " (" (age(ctx, o))
                @if let Some(pl) = &o.place_name { ", " (pl) } @if let Some(e) = &o.email { ", " (e) } ")" }
        };
        @if !dupes.is_empty() {
            h2 { (ctx.t("people-duplicates-title")) }
            ul { @for d in dupes { (pick(d)) } }
        }
        h2 #merge-search { (ctx.t("merge-search-title")) }
        form.search role="search" method="get" action={ "/admin/people/" (p.id) "/merge#merge-search" } {
            label for="merge-q" { (ctx.t("people-search-label")) }
            div.search-row { input #merge-q type="search" name="q" value=(q) minlength="2"; button type="submit" { (ctx.t("search-button")) } }
        }
        @if !q.is_empty() {
            @if found.is_empty() { p { (ctx.t("merge-search-none")) } }
            @else { ul { @for o in found { (pick(o)) } } }
        }
    }
}

fn side(ctx: &Ctx, s: &MergeSide, heading: &str) -> Markup {
    html! {
        section.side aria-label=(heading) {
            h2 { (heading) ": " (s.person.name) }
            (details(ctx, &s.person, None))
            p { (ctx.lang.tn("merge-records-count", s.records.len() as i64)) " · "
                (ctx.lang.tn("merge-consents-count", s.consents as i64)) " · "
                (ctx.lang.tn("merge-shifts-count", s.shifts as i64)) }
            (records_table(ctx, &s.records))
        }
    }
}

pub fn merge_confirm(
    ctx: &Ctx,
    kept: &MergeSide,
    dropped: &MergeSide,
    errors: &FieldErrors,
) -> Markup {
    let (k, d) = (&kept.person, &dropped.person);
    html! {
        p.breadcrumb { a href={ "/admin/people/" (k.id) } { (k.name) } }
        h1 { (ctx.t("merge-title")) }
        (error_summary(ctx, "merge", errors))
        p { (ctx.lang.t_with("merge-explain", &[("name", d.name.clone()), ("title", k.name.clone())])) }
        div.compare {
            (side(ctx, kept, &ctx.t("merge-kept")))
            (side(ctx, dropped, &ctx.t("merge-dropped")))
        }
        form method="post" action={ "/admin/people/" (k.id) "/merge" } {
            (csrf(ctx))
            input type="hidden" name="other" value=(d.id);
            div.actions {
                button type="submit" { (ctx.t("merge-submit")) }
                a href={ "/admin/people/" (d.id) "/merge?other=" (k.id) } { (ctx.t("merge-swap")) }
                a href={ "/admin/people/" (k.id) } { (ctx.t("admin-cancel")) }
            }
        }
    }
}

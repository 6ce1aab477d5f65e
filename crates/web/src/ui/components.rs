//! Form components. Every field has a visible label, its hint and error tied to it with
//! `aria-describedby`, `aria-invalid` when wrong, and keeps the value that was typed.

use crate::ctx::Ctx;
use kozos_domain::FieldErrors;
use maud::{html, Markup};

pub struct Field<'a> {
    pub name: &'static str,
    pub label: &'static str,
    pub value: &'a str,
    pub required: bool,
    pub hint: Option<&'static str>,
}

impl<'a> Field<'a> {
    pub fn new(name: &'static str, label: &'static str, value: &'a str) -> Self {
        Field {
            name,
            label,
            value,
            required: false,
            hint: None,
        }
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }
}

fn describedby(f: &Field, err: bool, form: &str) -> String {
    let mut ids = Vec::new();
    if f.hint.is_some() {
        ids.push(format!("{form}-{}-hint", f.name));
    }
    if err {
        ids.push(format!("{form}-{}-error", f.name));
    }
    ids.join(" ")
}

fn label_and_notes(ctx: &Ctx, f: &Field, errors: &FieldErrors, form: &str) -> Markup {
    html! {
        label for={ (form) "-" (f.name) } {
            (ctx.t(f.label))
            @if !f.required { " " span.optional { "(" (ctx.t("admin-optional")) ")" } }
        }
        @if let Some(h) = f.hint { p.hint id={ (form) "-" (f.name) "-hint" } { (ctx.t(h)) } }
        @if let Some(key) = errors.for_field(f.name) {
            p.error id={ (form) "-" (f.name) "-error" } { (ctx.t(key)) }
        }
    }
}

pub fn input(ctx: &Ctx, form: &str, f: Field, kind: &str, errors: &FieldErrors) -> Markup {
    let err = errors.for_field(f.name).is_some();
    let desc = describedby(&f, err, form);
    html! {
        div.field .has-error[err] {
            (label_and_notes(ctx, &f, errors, form))
            input id={ (form) "-" (f.name) } name=(f.name) type=(kind) value=(f.value)
                required[f.required] aria-invalid=[err.then_some("true")]
                aria-describedby=[(!desc.is_empty()).then_some(desc.as_str())];
        }
    }
}

/// One checkbox (sent as `1` when ticked), its label beside it.
pub fn checkbox(ctx: &Ctx, form: &str, f: Field, errors: &FieldErrors) -> Markup {
    let err = errors.for_field(f.name).is_some();
    let desc = describedby(&f, err, form);
    let checked = matches!(f.value, "1" | "on" | "true");
    html! {
        div.field.check .has-error[err] {
            input id={ (form) "-" (f.name) } name=(f.name) type="checkbox" value="1" checked[checked]
                aria-invalid=[err.then_some("true")]
                aria-describedby=[(!desc.is_empty()).then_some(desc.as_str())];
            " "
            label for={ (form) "-" (f.name) } { (ctx.t(f.label)) }
            @if let Some(h) = f.hint { p.hint id={ (form) "-" (f.name) "-hint" } { (ctx.t(h)) } }
            @if let Some(key) = errors.for_field(f.name) {
                p.error id={ (form) "-" (f.name) "-error" } { (ctx.t(key)) }
            }
        }
    }
}

/// A group of checkboxes under one legend (several of a list: partners, weekdays).
pub fn checkboxes(
    ctx: &Ctx,
    form: &str,
    (name, legend): (&'static str, &'static str),
    options: &[(String, String)],
    selected: &[String],
    errors: &FieldErrors,
) -> Markup {
    let err = errors.for_field(name);
    html! {
        fieldset.field.checks .has-error[err.is_some()] id={ (form) "-" (name) }
            aria-describedby=[err.map(|_| format!("{form}-{name}-error"))] {
            legend { (ctx.t(legend)) " " span.optional { "(" (ctx.t("admin-optional")) ")" } }
            @if let Some(key) = err { p.error id={ (form) "-" (name) "-error" } { (ctx.t(key)) } }
            @for (i, (value, label)) in options.iter().enumerate() {
                div.check {
                    input id={ (form) "-" (name) "-" (i) } name=(name) type="checkbox" value=(value)
                        checked[selected.iter().any(|s| s == value)];
                    " "
                    label for={ (form) "-" (name) "-" (i) } { (label) }
                }
            }
        }
    }
}

pub fn textarea(ctx: &Ctx, form: &str, f: Field, rows: u32, errors: &FieldErrors) -> Markup {
    let err = errors.for_field(f.name).is_some();
    let desc = describedby(&f, err, form);
    html! {
        div.field .has-error[err] {
            (label_and_notes(ctx, &f, errors, form))
            textarea id={ (form) "-" (f.name) } name=(f.name) rows=(rows) required[f.required]
                aria-invalid=[err.then_some("true")] aria-describedby=[(!desc.is_empty()).then_some(desc.as_str())] { (f.value) }
        }
    }
}

pub fn select(
    ctx: &Ctx,
    form: &str,
    f: Field,
    options: &[(String, String)],
    errors: &FieldErrors,
) -> Markup {
    let value = f.value;
    select_with(ctx, form, f, errors, options_of(options, value))
}

/// A `<select>` whose options come in labelled groups (counties, districts, settlements).
pub fn grouped_select(
    ctx: &Ctx,
    form: &str,
    f: Field,
    groups: &[(String, Vec<(String, String)>)],
    errors: &FieldErrors,
) -> Markup {
    let value = f.value;
    let options = html! {
        @for (group, options) in groups {
            optgroup label=(group) { (options_of(options, value)) }
        }
    };
    select_with(ctx, form, f, errors, options)
}

fn options_of(options: &[(String, String)], selected: &str) -> Markup {
    html! {
        @for (value, label) in options {
            option value=(value) selected[value == selected] { (label) }
        }
    }
}

/// The labelled field around a `<select>`, with an empty first choice.
fn select_with(ctx: &Ctx, form: &str, f: Field, errors: &FieldErrors, options: Markup) -> Markup {
    let err = errors.for_field(f.name).is_some();
    let desc = describedby(&f, err, form);
    html! {
        div.field .has-error[err] {
            (label_and_notes(ctx, &f, errors, form))
            select id={ (form) "-" (f.name) } name=(f.name) required[f.required]
                aria-invalid=[err.then_some("true")] aria-describedby=[(!desc.is_empty()).then_some(desc.as_str())] {
                option value="" { (ctx.t("admin-choose")) }
                (options)
            }
        }
    }
}

/// A stored instant (RFC 3339) as Budapest wall-clock time in the reader's format, machine
/// readable in `datetime`; `seconds` where the spacing of events matters.
pub fn stored_time(ctx: &Ctx, at: &str, seconds: bool) -> Markup {
    match kozos_domain::time::Instant::parse_stored(at) {
        Some(t) => {
            let text = if seconds {
                ctx.lang.datetime_seconds(t)
            } else {
                ctx.lang.datetime(t)
            };
            html! { time datetime=(at) { (text) } }
        }
        None => html! { time { (at) } },
    }
}

/// What an edit or create form carries beside its fields (see `csrf::FormMeta`): the
/// record's version and original values (to detect and show concurrent edits) and the
/// create form's one-time key (so a second submission creates nothing).
#[derive(Debug, Clone, Default)]
pub struct FormState {
    pub version: Option<i64>,
    pub was: Option<String>,
    pub once: Option<String>,
    /// Fields someone else changed since the form was opened (after a conflict).
    pub changes: Vec<crate::conflict::Change>,
}

impl FormState {
    /// A fresh create form: a new one-time key. Create forms also say `autocomplete="off"`:
    /// after Back the browser fetches the page again (back-office pages are not stored)
    /// with a new key, and would otherwise fill in what was typed, so a resubmission would
    /// create a second record.
    pub fn create() -> Self {
        FormState {
            once: Some(kozos_app::auth::random_token()),
            ..Default::default()
        }
    }
    /// An edit form opened at `version` with these values.
    pub fn edit<T: serde::Serialize>(version: i64, values: &T) -> Self {
        FormState {
            version: Some(version),
            was: serde_json::to_string(values).ok(),
            ..Default::default()
        }
    }
}

pub fn meta_fields(state: &FormState) -> Markup {
    html! {
        @if let Some(v) = state.version { input type="hidden" name="_version" value=(v); }
        @if let Some(w) = &state.was { input type="hidden" name="_was" value=(w); }
        @if let Some(o) = &state.once { input type="hidden" name="_once" value=(o); }
    }
}

/// The notice above a form whose record someone else saved meanwhile: what they changed,
/// with the value they saved. `label` names a field, `show` renders a stored value.
pub fn conflict_notice(
    ctx: &Ctx,
    changes: &[crate::conflict::Change],
    label: &dyn Fn(&str) -> String,
    show: &dyn Fn(&str, &str) -> String,
) -> Markup {
    html! {
        @if !changes.is_empty() {
            div.error-summary.conflict role="alert" tabindex="-1" {
                p { strong { (ctx.t("conflict-title")) } }
                p { (ctx.t("conflict-text")) }
                ul {
                    @for c in changes {
                        li {
                            a href={ "#" (c.form) "-" (c.field) } { (label(&c.field)) } ": "
                            @if c.theirs.trim().is_empty() { em { (ctx.t("conflict-emptied")) } }
                            @else { "„" (show(&c.field, &c.theirs)) "”" }
                            " – "
                            @if c.also_yours { (ctx.t("conflict-kept-yours")) } @else { (ctx.t("conflict-taken-theirs")) }
                        }
                    }
                }
            }
        }
    }
}

/// The summary above a rejected form, linking to each wrong field.
pub fn error_summary(ctx: &Ctx, form: &str, errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" {
                p { strong { (ctx.t("admin-fix-errors")) } }
                ul {
                    @for e in &errors.0 {
                        li { a href={ "#" (form) "-" (e.field) } { (ctx.t(e.key)) } }
                    }
                }
            }
        }
    }
}

/// Previous and next links and "page n of m" under a list (nothing when it has one page);
/// `link` gives a page's address.
pub fn pager(ctx: &Ctx, page: i64, pages: i64, link: &dyn Fn(i64) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label=(ctx.t("search-pages")) {
                @if page > 1 { a rel="prev" href=(link(page - 1)) { (ctx.t("search-prev")) } }
                " " span { (ctx.lang.t_with("search-page-of", &[("n", page.to_string()), ("total", pages.to_string())])) } " "
                @if page < pages { a rel="next" href=(link(page + 1)) { (ctx.t("search-next")) } }
            }
        }
    }
}

pub fn csrf(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="_csrf" value=(ctx.csrf); }
}

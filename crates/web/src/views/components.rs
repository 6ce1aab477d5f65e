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
    let err = errors.for_field(f.name).is_some();
    let desc = describedby(&f, err, form);
    html! {
        div.field .has-error[err] {
            (label_and_notes(ctx, &f, errors, form))
            select id={ (form) "-" (f.name) } name=(f.name) required[f.required]
                aria-invalid=[err.then_some("true")] aria-describedby=[(!desc.is_empty()).then_some(desc.as_str())] {
                option value="" { (ctx.t("admin-choose")) }
                @for (value, label) in options {
                    option value=(value) selected[value == f.value] { (label) }
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

pub fn csrf(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="_csrf" value=(ctx.csrf); }
}

/// A one-button form (delete) that works without JavaScript. `about` names the item for
/// screen readers, so a list of "Delete" buttons is not a list of identical names.
pub fn post_button(ctx: &Ctx, action: &str, label: &str, about: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf(ctx))
            button type="submit" class=(class) { (label) span.visually-hidden { ": " (about) } }
        }
    }
}

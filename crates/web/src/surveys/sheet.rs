//! An answer sheet's fields: one per question, by its type, keeping what was typed, with
//! each refused answer's message beside its question. A conditional question carries
//! what it depends on (`data-when-q`, `data-when-v`); `survey.js` hides it until then,
//! and without script it shows with a note saying when to answer it.

use crate::ctx::Ctx;
use kozos_domain::survey::*;
use maud::{html, Markup};

fn name(q: &Question) -> String {
    format!("q{}", q.id)
}

/// The message list at the top of a refused sheet, each linking to its question.
pub fn summary(ctx: &Ctx, questions: &[Question], errors: &AnswerErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" id="sheet-errors" {
                p { strong { (ctx.t("admin-fix-errors")) } }
                ul {
                    @for (id, key) in &errors.0 {
                        @if let Some(q) = questions.iter().find(|q| q.id == *id) {
                            li { a href={ "#sheet-q" (q.id) } { (q.label) ": " (ctx.t(key)) } }
                        }
                    }
                }
            }
        }
    }
}

fn condition_note(ctx: &Ctx, questions: &[Question], q: &Question) -> Option<String> {
    let c = q.condition.as_ref()?;
    let on = questions.iter().find(|x| x.id == c.question)?;
    Some(ctx.lang.t_with(
        "survey-when",
        &[("title", on.label.clone()), ("value", c.value.clone())],
    ))
}

/// Every question's field.
pub fn fields(
    ctx: &Ctx,
    questions: &[Question],
    raw: &RawAnswers,
    errors: &AnswerErrors,
) -> Markup {
    html! {
        @for (n, q) in questions.iter().enumerate() {
            (field(ctx, questions, n + 1, q, raw, errors.for_question(q.id)))
        }
    }
}

fn field(
    ctx: &Ctx,
    questions: &[Question],
    n: usize,
    q: &Question,
    raw: &RawAnswers,
    error: Option<&'static str>,
) -> Markup {
    let id = format!("sheet-q{}", q.id);
    let name = name(q);
    let note = condition_note(ctx, questions, q);
    let mut described = Vec::new();
    if !q.help.is_empty() {
        described.push(format!("{id}-help"));
    }
    if note.is_some() {
        described.push(format!("{id}-when"));
    }
    if error.is_some() {
        described.push(format!("{id}-error"));
    }
    let described = described.join(" ");
    let described = (!described.is_empty()).then_some(described.as_str());
    let when_q = q.condition.as_ref().map(|c| format!("q{}", c.question));
    let when_v = q.condition.as_ref().map(|c| c.value.as_str());
    let label = html! {
        (n) ". " (q.label)
        @if !q.required { " " span.optional { "(" (ctx.t("admin-optional")) ")" } }
    };
    let notes = html! {
        @if let Some(w) = &note { p.hint id={ (id) "-when" } { (w) } }
        @if !q.help.is_empty() { p.hint id={ (id) "-help" } { (q.help) } }
        @if let Some(key) = error { p.error id={ (id) "-error" } { (ctx.t(key)) } }
    };
    let err = error.is_some();
    match q.kind {
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Scale => {
            let kind = if q.kind == QuestionKind::Multiple {
                "checkbox"
            } else {
                "radio"
            };
            let options: Vec<String> = if q.kind == QuestionKind::Scale {
                (q.scale_min.unwrap_or(1)..=q.scale_max.unwrap_or(5))
                    .map(|v| v.to_string())
                    .collect()
            } else {
                q.options.clone()
            };
            html! {
                fieldset.field.checks.question .has-error[err] id=(id) data-when-q=[when_q] data-when-v=[when_v]
                    aria-describedby=[described] {
                    legend { (label) }
                    (notes)
                    @if q.kind == QuestionKind::Scale {
                        p.hint { (ctx.lang.t_with("survey-scale-hint", &[("from", options.first().cloned().unwrap_or_default()), ("until", options.last().cloned().unwrap_or_default())])) }
                    }
                    div.options .scale[q.kind == QuestionKind::Scale] {
                        @for (i, o) in options.iter().enumerate() {
                            div.check {
                                input id={ (id) "-" (i) } type=(kind) name=(name) value=(o)
                                    checked[raw.includes(q.id, o)] aria-invalid=[err.then_some("true")];
                                " "
                                label for={ (id) "-" (i) } { (o) }
                            }
                        }
                    }
                }
            }
        }
        _ => {
            let input_id = format!("{id}-input");
            html! {
                div.field.question .has-error[err] id=(id) data-when-q=[when_q] data-when-v=[when_v] {
                    label for=(input_id) { (label) }
                    (notes)
                    @match q.kind {
                        QuestionKind::LongText => {
                            textarea id=(input_id) name=(name) rows="4" maxlength=(LONG_MAX)
                                aria-invalid=[err.then_some("true")] aria-describedby=[described] { (raw.first(q.id)) }
                        }
                        QuestionKind::Number => {
                            input id=(input_id) name=(name) type="text" inputmode="decimal" value=(raw.first(q.id))
                                aria-invalid=[err.then_some("true")] aria-describedby=[described];
                        }
                        QuestionKind::Date => {
                            input id=(input_id) name=(name) type="date" value=(raw.first(q.id))
                                aria-invalid=[err.then_some("true")] aria-describedby=[described];
                        }
                        _ => {
                            input id=(input_id) name=(name) type="text" maxlength=(SHORT_MAX) value=(raw.first(q.id))
                                aria-invalid=[err.then_some("true")] aria-describedby=[described];
                        }
                    }
                }
            }
        }
    }
}

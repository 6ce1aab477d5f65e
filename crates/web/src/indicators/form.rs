//! The indicator form. Without script every source's filters are shown, each group under
//! a legend that says which sources it applies to; an adopted template's definition is
//! shown as text (only the programme's target, baseline and dates are its own).

use crate::ctx::Ctx;
use crate::ui::choices::enum_options;
use crate::ui::components::*;
use kozos_app::indicators::FormChoices;
use kozos_domain::activity::{ActivityKind, WorkshopPhase};
use kozos_domain::indicator::*;
use kozos_domain::participation::AgeBand;
use kozos_domain::{FieldErrors, IndicatorId};
use maud::{html, Markup};

pub struct FormPage<'a> {
    pub programme: (i64, &'a str),
    pub form: &'a IndicatorForm,
    pub errors: &'a FieldErrors,
    pub state: &'a FormState,
    /// Editing this indicator (else a new one).
    pub editing: Option<IndicatorId>,
    /// Adopting (or edited after adopting) this template.
    pub template: Option<&'a Template>,
    pub choices: &'a FormChoices,
}

pub fn field_label(field: &str) -> &'static str {
    match field {
        "code" => "ind-code",
        "name_hu" => "ind-name-hu",
        "name_en" => "ind-name-en",
        "description" => "ind-description",
        "source" => "ind-source",
        "unit" => "ind-unit",
        "kinds" => "ind-kinds",
        "phases" => "ind-phases",
        "series_id" => "ind-series",
        "activity_ids" => "ind-activities",
        "age_bands" => "ind-age-bands",
        "residence_id" => "ind-residence",
        "action_area_resident" => "ind-action-area",
        "disadvantaged" => "ind-disadvantaged",
        "min_times" => "ind-min-times",
        "min_hours" => "ind-min-hours",
        "settlements_by" => "ind-settlements-by",
        "initiative_stage" => "ind-initiative-stage",
        "ngo_only" => "ind-ngo-only",
        "numerator" => "ind-numerator",
        "denominator" => "ind-denominator",
        "baseline" => "ind-baseline",
        "target" => "ind-target",
        "deadline" => "ind-deadline",
        "milestones" => "ind-milestones",
        _ => "ind-field",
    }
}

pub fn page(ctx: &Ctx, p: &FormPage) -> Markup {
    let (pid, ptitle) = p.programme;
    let base = format!("/admin/programmes/{pid}/indicators");
    let (action, heading) = match (p.editing, p.template) {
        (Some(id), _) => (format!("{base}/{}/edit", id.0), ctx.t("ind-edit")),
        (None, Some(t)) => (
            format!("{base}/new?template={}", t.id.0),
            ctx.lang
                .t_with("ind-adopt-title", &[("code", t.code.clone())]),
        ),
        (None, None) => (format!("{base}/new"), ctx.t("ind-new")),
    };
    let f = p.form;
    let e = p.errors;
    html! {
        p.breadcrumb {
            a href={ "/admin/programmes/" (pid) } { (ptitle) } " › "
            a href=(base) { (ctx.t("ind-title")) }
        }
        h1 { (heading) }
        (conflict_notice(ctx, &p.state.changes, &|field| ctx.t(field_label(field)), &|_, v| v.to_string()))
        (error_summary(ctx, "ind", e))
        form method="post" action=(action) novalidate autocomplete=[p.editing.is_none().then_some("off")] {
            (csrf(ctx))
            (meta_fields(p.state))
            @if let Some(t) = p.template {
                (adopted(ctx, t))
            } @else {
                (definition(ctx, f, e, p.choices))
            }
            fieldset {
                legend { (ctx.t("ind-commitment")) }
                (input(ctx, "ind", Field::new("baseline", "ind-baseline", &f.baseline).hint("ind-amount-hint"), "text", e))
                (input(ctx, "ind", Field::new("target", "ind-target", &f.target).required().hint("ind-amount-hint"), "text", e))
                (input(ctx, "ind", Field::new("deadline", "ind-deadline", &f.deadline).hint("ind-deadline-hint"), "date", e))
                (textarea(ctx, "ind", Field::new("milestones", "ind-milestones", &f.milestones).hint("ind-milestones-hint"), 3, e))
            }
            button type="submit" { (ctx.t("admin-save")) }
            " "
            a href=(base) { (ctx.t("admin-cancel")) }
        }
    }
}

fn adopted(ctx: &Ctx, t: &Template) -> Markup {
    html! {
        dl.facts {
            dt { (ctx.t("ind-code")) } dd { (t.code) }
            dt { (ctx.t("ind-name-hu")) } dd { (t.name_hu) }
            @if !t.name_en.is_empty() { dt { (ctx.t("ind-name-en")) } dd { (t.name_en) } }
            dt { (ctx.t("ind-call")) } dd { (t.call_code) }
            dt { (ctx.t("ind-source")) } dd { (ctx.t(&format!("ind-source-{}", t.source.kind().as_str()))) }
            dt { (ctx.t("ind-unit")) } dd { (ctx.t(&format!("ind-unit-{}", t.source.unit().as_str()))) }
            @if !t.description.is_empty() { dt { (ctx.t("ind-description")) } dd { (t.description) } }
        }
        p.hint { (ctx.t("ind-adopted-hint")) }
    }
}

fn definition(ctx: &Ctx, f: &IndicatorForm, e: &FieldErrors, c: &FormChoices) -> Markup {
    let sources = enum_options(ctx, SourceKind::ALL, "ind-source", SourceKind::as_str);
    let units = enum_options(ctx, Unit::ALL, "ind-unit", Unit::as_str);
    let kinds = enum_options(
        ctx,
        ActivityKind::ALL,
        "activity-kind",
        ActivityKind::as_str,
    );
    let phases = enum_options(ctx, WorkshopPhase::ALL, "phase", WorkshopPhase::as_str);
    let bands = enum_options(ctx, AgeBand::ALL, "age-band", AgeBand::as_str);
    let by = enum_options(
        ctx,
        SettlementsBy::ALL,
        "ind-settlements-by",
        SettlementsBy::as_str,
    );
    let stages: Vec<(String, String)> = kozos_domain::initiative::Stage::ORDERED
        .iter()
        .map(|s| (s.as_str().to_string(), ctx.t(s.key())))
        .collect();
    let series: Vec<(String, String)> = c
        .series
        .iter()
        .map(|(id, n)| (id.0.to_string(), n.clone()))
        .collect();
    let activities: Vec<(String, String)> = c
        .activities
        .iter()
        .map(|(id, t, at)| {
            (
                id.0.to_string(),
                format!("{t} ({})", ctx.lang.date(at.date())),
            )
        })
        .collect();
    let codes: Vec<(String, String)> = c
        .codes
        .iter()
        .map(|(code, name)| (code.clone(), format!("{code} – {name}")))
        .collect();
    let settlements: Vec<(String, String)> = c
        .settlements
        .iter()
        .map(|p| (p.id.0.to_string(), p.name.clone()))
        .collect();
    html! {
        fieldset {
            legend { (ctx.t("ind-what")) }
            (input(ctx, "ind", Field::new("code", "ind-code", &f.code).required().hint("ind-code-hint"), "text", e))
            (input(ctx, "ind", Field::new("name_hu", "ind-name-hu", &f.name_hu).required(), "text", e))
            (input(ctx, "ind", Field::new("name_en", "ind-name-en", &f.name_en), "text", e))
            (textarea(ctx, "ind", Field::new("description", "ind-description", &f.description), 3, e))
            (select(ctx, "ind", Field::new("source", "ind-source", &f.source).required().hint("ind-source-hint"), &sources, e))
            (select(ctx, "ind", Field::new("unit", "ind-unit", &f.unit).hint("ind-unit-hint"), &units, e))
        }
        fieldset {
            legend { (ctx.t("ind-activity-filter")) }
            p.hint { (ctx.t("ind-activity-filter-hint")) }
            (checkboxes(ctx, "ind", ("kinds", "ind-kinds"), &kinds, &f.kinds, e))
            (checkboxes(ctx, "ind", ("phases", "ind-phases"), &phases, &f.phases, e))
            (select(ctx, "ind", Field::new("series_id", "ind-series", &f.series_id), &series, e))
            @if !activities.is_empty() {
                div.scroll-box { (checkboxes(ctx, "ind", ("activity_ids", "ind-activities"), &activities, &f.activity_ids, e)) }
            }
        }
        fieldset {
            legend { (ctx.t("ind-people-filter")) }
            (checkboxes(ctx, "ind", ("age_bands", "ind-age-bands"), &bands, &f.age_bands, e))
            (select(ctx, "ind", Field::new("residence_id", "ind-residence", &f.residence_id), &settlements, e))
            (checkbox(ctx, "ind", Field::new("action_area_resident", "ind-action-area", &f.action_area_resident), e))
            (checkbox(ctx, "ind", Field::new("disadvantaged", "ind-disadvantaged", &f.disadvantaged).hint("ind-disadvantaged-hint"), e))
            (input(ctx, "ind", Field::new("min_times", "ind-min-times", &f.min_times), "text", e))
            (input(ctx, "ind", Field::new("min_hours", "ind-min-hours", &f.min_hours).hint("ind-min-hours-hint"), "text", e))
        }
        fieldset {
            legend { (ctx.t("ind-other-settings")) }
            (select(ctx, "ind", Field::new("settlements_by", "ind-settlements-by", &f.settlements_by), &by, e))
            (select(ctx, "ind", Field::new("initiative_stage", "ind-initiative-stage", &f.initiative_stage), &stages, e))
            (checkbox(ctx, "ind", Field::new("ngo_only", "ind-ngo-only", &f.ngo_only), e))
            (select(ctx, "ind", Field::new("numerator", "ind-numerator", &f.numerator), &codes, e))
            (select(ctx, "ind", Field::new("denominator", "ind-denominator", &f.denominator), &codes, e))
        }
    }
}

//! An activity's volunteers: the shifts logged with their total, a form to log one (the
//! person picked from those taking part, or found in the registry), and taking one back.

use super::views::hours_of;
use crate::csrf::{CsrfForm, EditForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::components::*;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::participation::volunteers::{self, Shifts};
use kozos_app::AppError;
use kozos_domain::participation::ShiftForm;
use kozos_domain::{ActivityId, FieldErrors, ShiftId};
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    pub q: String,
}

fn view(
    ctx: &Ctx,
    s: &Shifts,
    q: &str,
    (f, once): (&ShiftForm, &str),
    errors: &FieldErrors,
) -> Markup {
    let a = &s.activity;
    let form = "shift";
    let people: Vec<(String, String)> = s
        .choices
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    html! {
        p.breadcrumb { a href={ "/admin/activities/" (a.id) "/roster" } { (ctx.t("roster-title")) } }
        h1 { (ctx.t("volunteer-title")) ": " (a.title) }
        p { (ctx.lang.datetime(a.starts_at)) }
        @if s.shifts.is_empty() {
            p { (ctx.t("volunteer-none")) }
        } @else {
            div.table-wrap { table {
                thead { tr {
                    th scope="col" { (ctx.t("field-person-name")) }
                    th scope="col" { (ctx.t("field-volunteer-role")) }
                    th scope="col" { (ctx.t("field-hours")) }
                    th scope="col" { span.visually-hidden { (ctx.t("volunteer-delete")) } }
                } }
                tbody { @for sh in &s.shifts { tr {
                    th scope="row" { a href={ "/admin/people/" (sh.person_id) } { (sh.person_name) } }
                    td { (sh.role) }
                    td { (hours_of(ctx, sh.minutes)) }
                    td {
                        form.inline method="post" action={ "/admin/activities/" (a.id) "/volunteers/" (sh.id) "/delete" } {
                            (csrf(ctx))
                            button.link type="submit" { (ctx.t("volunteer-delete")) span.visually-hidden { ": " (sh.person_name) ", " (sh.role) } }
                        }
                    }
                } } }
            } }
            p.total role="status" { (ctx.t("volunteer-total")) ": " strong { (hours_of(ctx, s.total_minutes())) } }
        }
        h2 #volunteer-search { (ctx.t("volunteer-search-title")) }
        form.search role="search" method="get" action={ "/admin/activities/" (a.id) "/volunteers#volunteer-search" } {
            label for="volunteer-q" { (ctx.t("people-search-label")) }
            div.search-row { input #volunteer-q type="search" name="q" value=(q) minlength="2"; button type="submit" { (ctx.t("search-button")) } }
        }
        h2 #volunteer-log { (ctx.t("volunteer-log")) }
        (error_summary(ctx, form, errors))
        @if people.is_empty() {
            p { (ctx.t("volunteer-no-choices")) }
        }
        form.stack method="post" action={ "/admin/activities/" (a.id) "/volunteers" } novalidate autocomplete="off" {
            (csrf(ctx))
            input type="hidden" name="_once" value=(once);
            (select(ctx, form, Field::new("person_id", "field-volunteer", &f.person_id).required(), &people, errors))
            (input(ctx, form, Field::new("role", "field-volunteer-role", &f.role).required().hint("volunteer-role-hint"), "text", errors))
            (input(ctx, form, Field::new("hours", "field-hours", &f.hours).required().hint("volunteer-hours-hint"), "text", errors))
            div.actions { button type="submit" { (ctx.t("volunteer-log-submit")) } }
        }
    }
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    id: ActivityId,
    q: &str,
    (f, once): (&ShiftForm, Option<&str>),
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    // A refused form keeps its key; a fresh one gets a new key.
    let once = once.map_or_else(kozos_app::auth::random_token, str::to_string);
    let shifts = volunteers::of_activity(&s.app, user, id, Some(q)).await?;
    let title = format!("{} – {}", ctx.t("volunteer-title"), shifts.activity.title);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        view(ctx, &shifts, q, (f, &once), errors),
    ))
}

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    render(
        &s,
        &ctx,
        ActivityId(id),
        q.q.trim(),
        (&ShiftForm::default(), None),
        &FieldErrors::new(),
    )
    .await
}

pub async fn log(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form: f, meta }: EditForm<ShiftForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let once = meta.once.as_deref();
    match volunteers::log(&s.app, user, ActivityId(id), &f, once).await {
        Ok(_) => Ok(done(
            &format!("/admin/activities/{id}/volunteers"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            render(&s, &ctx, ActivityId(id), "", (&f, once), &errors).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, shift)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    volunteers::delete(&s.app, user, ActivityId(id), ShiftId(shift)).await?;
    Ok(done(
        &format!("/admin/activities/{id}/volunteers"),
        "deleted",
        ctx.secure_cookies,
    ))
}

//! Activities and series as programme records in the back office: their addresses,
//! form fields and pick lists. The generic pages (programmes/records) do the rest.

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::programmes::pages::Rejected;
use crate::programmes::records::RecordUi;
use crate::ui::choices::{enum_options, Choices};
use crate::ui::components::*;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::activities;
use kozos_domain::activity::recurrence::Frequency;
use kozos_domain::activity::*;
use kozos_domain::{FieldErrors, ProgrammeId};
use maud::{html, Markup};

pub fn list_url(programme: ProgrammeId) -> String {
    format!("/admin/programmes/{programme}/activities")
}

pub async fn activity_choices(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
) -> Result<Choices, WebError> {
    let user = ctx.require_user()?;
    let c = activities::choices(&s.app, user, programme).await?;
    let strs = |l: Vec<(_, String)>| -> Vec<(String, String)> {
        l.into_iter()
            .map(|(id, n): (i64, String)| (id.to_string(), n))
            .collect()
    };
    Ok(Choices {
        organisations: strs(c.organisers.into_iter().map(|(i, n)| (i.0, n)).collect()),
        partners: strs(c.partners.into_iter().map(|(i, n)| (i.0, n)).collect()),
        target_groups: strs(c.target_groups.into_iter().map(|(i, n)| (i.0, n)).collect()),
        kind_prefix: Some("activity-kind"),
        ..Default::default()
    })
}

/// The activity form's fields (new and edit alike).
pub fn activity_fields(
    ctx: &Ctx,
    id: &str,
    f: &ActivityForm,
    e: &FieldErrors,
    c: &Choices,
) -> Markup {
    html! {
        (input(ctx, id, Field::new("title", "field-activity-title", &f.title).required(), "text", e))
        (select(ctx, id, Field::new("kind", "field-activity-kind", &f.kind).required(), &enum_options(ctx, ActivityKind::ALL, "activity-kind", ActivityKind::as_str), e))
        (select(ctx, id, Field::new("phase", "field-phase", &f.phase).hint("field-phase-hint"), &enum_options(ctx, WorkshopPhase::ALL, "phase", WorkshopPhase::as_str), e))
        (select(ctx, id, Field::new("forum_format", "field-forum-format", &f.forum_format).hint("field-forum-format-hint"), &enum_options(ctx, ForumFormat::ALL, "forum-format", ForumFormat::as_str), e))
        (input(ctx, id, Field::new("starts_at", "field-starts-at", &f.starts_at).required().hint("field-datetime-hint"), "datetime-local", e))
        (input(ctx, id, Field::new("ends_at", "field-ends-at", &f.ends_at).required().hint("field-datetime-hint"), "datetime-local", e))
        (input(ctx, id, Field::new("settlement", "field-settlement", &f.settlement).hint("field-settlement-hint"), "text", e))
        (input(ctx, id, Field::new("address", "field-address", &f.address), "text", e))
        (select(ctx, id, Field::new("organiser_id", "field-organiser", &f.organiser_id), &c.organisations, e))
        @if !c.partners.is_empty() {
            (checkboxes(ctx, id, ("partner_ids", "field-partner-orgs"), &c.partners, &f.partner_ids, e))
        }
        @if !c.target_groups.is_empty() {
            (checkboxes(ctx, id, ("target_group_ids", "field-target-groups"), &c.target_groups, &f.target_group_ids, e))
        }
        (checkbox(ctx, id, Field::new("public", "field-public", &f.public).hint("field-public-hint"), e))
        (input(ctx, id, Field::new("capacity", "field-capacity", &f.capacity).hint("field-capacity-hint"), "text", e))
        (input(ctx, id, Field::new("registration_opens", "field-registration-opens", &f.registration_opens), "datetime-local", e))
        (input(ctx, id, Field::new("registration_closes", "field-registration-closes", &f.registration_closes).hint("field-registration-closes-hint"), "datetime-local", e))
        (textarea(ctx, id, Field::new("description", "field-activity-description", &f.description), 6, e))
    }
}

impl RecordUi for Activity {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/activities";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/activities/{activity}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/activities/{activity}/delete";
    const SEGMENT: &'static str = "activities";
    const FORM: &'static str = "activity";
    const TITLE_KEY: &'static str = "admin-edit-activity";
    const CONFIRM_KEY: &'static str = "confirm-delete-activity";

    fn fields(ctx: &Ctx, id: &str, f: &ActivityForm, e: &FieldErrors, c: &Choices) -> Markup {
        activity_fields(ctx, id, f, e, c)
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &ActivityForm, e: &FieldErrors, c: &Choices) -> Markup {
        activity_fields(ctx, id, f, e, c)
    }
    fn confirm_what(&self, ctx: &Ctx) -> String {
        format!("{} ({})", self.title, ctx.lang.datetime(self.starts_at))
    }
    fn back(programme: ProgrammeId) -> String {
        list_url(programme)
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        super::pages::new_activity_page(s, ctx, programme, rejected, status).await
    }
    async fn choices(s: &AppState, ctx: &Ctx, programme: ProgrammeId) -> Result<Choices, WebError> {
        activity_choices(s, ctx, programme).await
    }
}

fn weekday_options(ctx: &Ctx) -> Vec<(String, String)> {
    (1..=7)
        .map(|d| (d.to_string(), ctx.t(&format!("weekday-{d}"))))
        .collect()
}

/// The series form's fields.
pub fn series_fields(ctx: &Ctx, id: &str, f: &SeriesForm, e: &FieldErrors, _: &Choices) -> Markup {
    let nth: Vec<(String, String)> = ["1", "2", "3", "4", "-1"]
        .iter()
        .map(|n| (n.to_string(), ctx.t(&format!("nth-{n}"))))
        .collect();
    html! {
        (input(ctx, id, Field::new("name", "field-series-name", &f.name).required(), "text", e))
        (select(ctx, id, Field::new("kind", "field-activity-kind", &f.kind).required(), &enum_options(ctx, ActivityKind::ALL, "activity-kind", ActivityKind::as_str), e))
        (input(ctx, id, Field::new("settlement", "field-settlement", &f.settlement).hint("field-settlement-hint"), "text", e))
        (input(ctx, id, Field::new("address", "field-address", &f.address), "text", e))
        (checkbox(ctx, id, Field::new("public", "field-public", &f.public).hint("field-public-hint"), e))
        fieldset.rule {
            legend { (ctx.t("series-rule")) }
            (select(ctx, id, Field::new("frequency", "field-frequency", &f.frequency).required(), &enum_options(ctx, Frequency::ALL, "frequency", Frequency::as_str), e))
            (input(ctx, id, Field::new("interval", "field-interval", &f.interval).hint("field-interval-hint"), "number", e))
            (checkboxes(ctx, id, ("weekdays", "field-weekdays"), &weekday_options(ctx), &f.weekdays, e))
            (input(ctx, id, Field::new("month_day", "field-month-day", &f.month_day).hint("field-month-day-hint"), "number", e))
            (select(ctx, id, Field::new("nth", "field-nth", &f.nth).hint("field-nth-hint"), &nth, e))
            (select(ctx, id, Field::new("nth_weekday", "field-nth-weekday", &f.nth_weekday), &weekday_options(ctx), e))
            (input(ctx, id, Field::new("first_date", "field-first-date", &f.first_date).required().hint("field-date-hint"), "date", e))
            (input(ctx, id, Field::new("until_date", "field-until-date", &f.until_date).required().hint("field-date-hint"), "date", e))
            (input(ctx, id, Field::new("start_time", "field-start-time", &f.start_time).required(), "time", e))
            (input(ctx, id, Field::new("end_time", "field-end-time", &f.end_time).required(), "time", e))
            (textarea(ctx, id, Field::new("exceptions", "field-exceptions", &f.exceptions).hint("field-exceptions-hint"), 2, e))
        }
        (textarea(ctx, id, Field::new("description", "field-activity-description", &f.description), 4, e))
    }
}

impl RecordUi for Series {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/series";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/series/{series}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/series/{series}/delete";
    const SEGMENT: &'static str = "series";
    const FORM: &'static str = "series";
    const TITLE_KEY: &'static str = "admin-edit-series";
    const CONFIRM_KEY: &'static str = "confirm-delete-series";

    fn fields(ctx: &Ctx, id: &str, f: &SeriesForm, e: &FieldErrors, c: &Choices) -> Markup {
        series_fields(ctx, id, f, e, c)
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &SeriesForm, e: &FieldErrors, c: &Choices) -> Markup {
        series_fields(ctx, id, f, e, c)
    }
    fn confirm_with(&self, ctx: &Ctx) -> Vec<String> {
        vec![ctx.t("confirm-series-keeps-activities")]
    }
    fn back(programme: ProgrammeId) -> String {
        list_url(programme)
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        super::pages::new_series_page(s, ctx, programme, rejected, status).await
    }
    async fn choices(_: &AppState, _: &Ctx, _: ProgrammeId) -> Result<Choices, WebError> {
        Ok(Choices {
            kind_prefix: Some("activity-kind"),
            ..Default::default()
        })
    }
}

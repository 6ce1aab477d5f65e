//! The back-office pages of a programme's activities: the list (upcoming and past, and
//! the series), and the pages with the add forms. Editing and deleting are the generic
//! record pages (programmes/records).

use super::record::activity_choices;
use super::views;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::programmes::pages::Rejected;
use crate::programmes::records::RecordUi;
use crate::ui::choices::Choices;
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::activities;
use kozos_domain::activity::{Activity, ActivityForm, Series, SeriesForm};
use kozos_domain::ProgrammeId;

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let view = activities::for_programme(&s.app, user, ProgrammeId(id)).await?;
    let now = s.app.clock.instant();
    let title = format!("{} – {}", ctx.t("admin-activities"), view.programme.title);
    Ok(layout::page(&ctx, &title, views::list(&ctx, &view, now)))
}

pub async fn new_activity(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    new_activity_page(
        &s,
        &ctx,
        ProgrammeId(id),
        Rejected::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn new_activity_page(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    rejected: Rejected,
    status: StatusCode,
) -> Result<Response, WebError> {
    let c = activity_choices(s, ctx, programme).await?;
    let (mut form, errors) = rejected.values::<ActivityForm>(Activity::FORM);
    if errors.is_empty() {
        // A new activity is public unless said otherwise.
        form.public = "1".into();
    }
    let title = ctx.t("admin-new-activity");
    let body = views::new_page::<Activity>(ctx, &title, programme, (&form, &errors), &c);
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn new_series(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    new_series_page(
        &s,
        &ctx,
        ProgrammeId(id),
        Rejected::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn new_series_page(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    rejected: Rejected,
    status: StatusCode,
) -> Result<Response, WebError> {
    // Authorised like its save: only those who may plan activities see the form.
    activity_choices(s, ctx, programme).await?;
    let (mut form, errors) = rejected.values::<SeriesForm>(Series::FORM);
    if errors.is_empty() {
        form.public = "1".into();
        form.frequency = "weekly".into();
        form.interval = "1".into();
    }
    let c = Choices {
        kind_prefix: Some("activity-kind"),
        ..Default::default()
    };
    let title = ctx.t("admin-new-series");
    let body = views::new_page::<Series>(ctx, &title, programme, (&form, &errors), &c);
    Ok(layout::page_with_status(ctx, status, &title, body))
}

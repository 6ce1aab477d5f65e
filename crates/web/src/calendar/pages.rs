//! Calendar handlers: read the query, ask the use case, render.

use super::ical::{self, Feed};
use super::query::{Asked, CalendarQuery, View};
use super::views;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use kozos_app::activities::{self, CalendarChoices};
use kozos_app::participation::registrations;
use kozos_domain::time::{Date, Instant};
use kozos_domain::ActivityId;
use kozos_domain::FieldErrors;
use maud::html;

fn asked(ctx: &Ctx, q: &CalendarQuery, today: Date) -> Result<Asked, WebError> {
    q.check(today).map_err(|_| WebError::bad_request(ctx.lang))
}

/// The instants a view covers: the whole weeks around a month, a week, or a month.
fn range(a: &Asked) -> (Instant, Instant) {
    match a.view {
        View::Month => {
            let first = a.month.first.monday();
            let last = a.month.end.add_days(-1);
            (
                first.start(),
                last.add_days(7 - i64::from(last.weekday()) + 1).start(),
            )
        }
        View::Week => (a.week.start(), a.week.add_days(7).start()),
        View::List => a.month.instants(),
    }
}

pub async fn calendar(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<CalendarQuery>,
) -> Result<Response, WebError> {
    let today = s.app.clock.today();
    let a = asked(&ctx, &q, today)?;
    let (from, to) = range(&a);
    let filter = kozos_app::activities::CalendarFilter {
        from: Some(from),
        to: Some(to),
        ..a.filters.to_filter()
    };
    let list = activities::calendar_entries(&s.app, &filter).await?;
    let choices = activities::calendar_choices(&s.app).await?;
    let feed = feed_url(&a);
    let head = html! { link rel="alternate" type="text/calendar" title=(ctx.t("calendar-subscribe")) href=(feed); };
    let title = ctx.t("calendar-title");
    let body = views::calendar(&ctx, &a, &list, &choices, today, &feed);
    Ok(layout::page_with_head(
        &ctx,
        StatusCode::OK,
        &title,
        Some(&head),
        body,
    ))
}

fn feed_url(a: &Asked) -> String {
    let q = a.filters.query();
    if q.is_empty() {
        "/calendar.ics".into()
    } else {
        format!("/calendar.ics?{q}")
    }
}

/// How far back a feed reaches: calendar clients keep what they saw, and a feed of
/// every activity since 2010 would be megabytes.
const FEED_DAYS_BACK: i64 = 180;

fn name_of<I: Copy + PartialEq>(list: &[(I, String)], id: Option<I>) -> Option<String> {
    let id = id?;
    list.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone())
}

/// "Rendezvénynaptár – Kisbér – Filmklub": the calendar's name in a client's list.
fn feed_name(ctx: &Ctx, a: &Asked, c: &CalendarChoices, series: Option<String>) -> String {
    let f = &a.filters;
    let mut parts = vec![ctx.t("calendar-title")];
    parts.extend(name_of(&c.programmes, f.programme));
    parts.extend(name_of(&c.settlements, f.settlement));
    parts.extend(name_of(&c.organisations, f.organisation));
    parts.extend(series);
    if let Some(k) = f.kind {
        parts.push(ctx.t(&format!("activity-kind-{}", k.as_str())));
    }
    parts.join(" – ")
}

pub async fn feed(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<CalendarQuery>,
) -> Result<Response, WebError> {
    let today = s.app.clock.today();
    let a = asked(&ctx, &q, today)?;
    let filter = kozos_app::activities::CalendarFilter {
        from: Some(today.add_days(-FEED_DAYS_BACK).start()),
        ..a.filters.to_filter()
    };
    let list = activities::calendar(&s.app, &filter).await?;
    let choices = activities::calendar_choices(&s.app).await?;
    let series = match a.filters.series {
        Some(id) => activities::public_series(&s.app, id).await?.map(|s| s.name),
        None => None,
    };
    let name = feed_name(&ctx, &a, &choices, series);
    let base = s.config.base_url();
    let kind_label = |act: &kozos_domain::activity::Activity| {
        ctx.t(&format!("activity-kind-{}", act.kind.as_str()))
    };
    let body = ical::calendar(
        &Feed {
            name: &name,
            base_url: &base,
            kind_label: &kind_label,
        },
        &list,
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response())
}

pub async fn activity(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let form = crate::registrations::views::RegisterForm::default();
    activity_with_form(&s, &ctx, ActivityId(id), &form, &FieldErrors::new()).await
}

/// The activity's page with its registration box; a refused registration comes back
/// here with what was typed and why (422).
pub async fn activity_with_form(
    s: &AppState,
    ctx: &Ctx,
    id: ActivityId,
    form: &crate::registrations::views::RegisterForm,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let (a, programme) = activities::public_activity(&s.app, id)
        .await
        .map_err(ctx.err())?;
    let (confirmed, waiting) = registrations::counts(&s.app, a.id)
        .await
        .map_err(ctx.err())?;
    let own = match &ctx.user {
        Some(u) => registrations::own(&s.app, u, a.id)
            .await
            .map_err(ctx.err())?,
        None => None,
    };
    let feed = match a.series_id {
        Some(s) => format!("/calendar.ics?series={s}"),
        None => format!("/calendar.ics?programme={}", a.programme_id),
    };
    let head = html! { link rel="alternate" type="text/calendar" title=(ctx.t("calendar-subscribe")) href=(feed); };
    let register = crate::registrations::views::register_box(
        ctx,
        &crate::registrations::views::RegisterBox {
            activity: &a,
            confirmed,
            waiting,
            own: own.as_ref(),
            form,
            errors,
            now: s.app.clock.instant(),
        },
    );
    let body = views::activity_page(ctx, &a, &programme, &feed, register);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(layout::page_with_head(
        ctx,
        status,
        &a.title,
        Some(&head),
        body,
    ))
}

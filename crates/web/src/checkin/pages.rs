//! The roster and the QR check-in page. The roster works without JavaScript (each tick is
//! a small form); the check-in page needs it, and talks to two endpoints of its own that
//! use the signed-in session: `data` (the activity's tickets, kept in the browser for
//! offline use) and `sync` (queued scans, sent with the CSRF token in a header).

use super::api::batch;
use super::dto::{BatchBody, BatchResult, RegistrationsForPage};
use super::views;
use crate::csrf::{self, CsrfForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{form_id, Path, Query};
use crate::ui::{done, layout};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kozos_app::participation::{registrations, roster};
use kozos_app::AppError;
use kozos_domain::participation::PersonForm;
use kozos_domain::{ActivityId, FieldErrors, PersonId, SessionId};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RosterQuery {
    pub q: Option<String>,
    /// A training's session to tick (its id); by default the one under way.
    pub session: Option<i64>,
}

/// The roster's address, on the session shown.
fn roster_url(id: i64, session: Option<SessionId>) -> String {
    match session {
        Some(s) => format!("/admin/activities/{id}/roster?session={}", s.0),
        None => format!("/admin/activities/{id}/roster"),
    }
}

pub async fn roster(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<RosterQuery>,
) -> Result<Response, WebError> {
    roster_page(
        &s,
        &ctx,
        ActivityId(id),
        (q.q.as_deref(), q.session.map(SessionId)),
        &PersonForm::default(),
        &FieldErrors::new(),
    )
    .await
}

async fn roster_page(
    s: &AppState,
    ctx: &Ctx,
    id: ActivityId,
    (q, session): (Option<&str>, Option<SessionId>),
    form: &PersonForm,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = roster::roster(&s.app, user, id, session).await?;
    let found = match q {
        Some(q) if !q.trim().is_empty() => Some(roster::search_people(&s.app, user, id, q).await?),
        _ => None,
    };
    let title = format!("{} – {}", ctx.t("roster-title"), r.activity.title);
    let body = views::roster(ctx, &r, q.unwrap_or(""), found.as_deref(), form, errors);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TickForm {
    pub person_id: String,
    /// "1" to tick, "0" to take the tick back.
    pub present: String,
    /// The training session ticked (empty for an activity without sessions).
    pub session: String,
}

/// A session id from a form: empty is none; anything else must be an id.
fn session_field(ctx: &Ctx, v: &str) -> Result<Option<SessionId>, WebError> {
    match v.trim() {
        "" => Ok(None),
        v => form_id(v)
            .map(|n| Some(SessionId(n)))
            .ok_or_else(|| ctx.err()(AppError::invalid("session", "err-choice"))),
    }
}

pub async fn tick(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TickForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let person = form_id(&f.person_id)
        .map(PersonId)
        .ok_or_else(|| ctx.err()(AppError::invalid("person_id", "err-choice")))?;
    let activity = ActivityId(id);
    let session = session_field(&ctx, &f.session)?;
    if f.present.trim() == "0" {
        roster::untick(&s.app, user, activity, person, session).await?;
    } else {
        roster::tick(&s.app, user, activity, person, session).await?;
    }
    Ok(done(
        &format!("{}#person-{}", roster_url(id, session), person.0),
        "saved",
        ctx.secure_cookies,
    ))
}

pub async fn walk_in(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<RosterQuery>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let session = q.session.map(SessionId);
    match roster::walk_in(&s.app, user, ActivityId(id), &form, session).await {
        Ok((person, _)) => Ok(done(
            &format!("{}#person-{}", roster_url(id, session), person.id.0),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            roster_page(&s, &ctx, ActivityId(id), (None, session), &form, &errors).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn check_in_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (a, _) = registrations::for_activity(&s.app, user, ActivityId(id)).await?;
    let title = format!("{} – {}", ctx.t("checkin-title"), a.title);
    Ok(layout::page(&ctx, &title, views::check_in(&ctx, &a)))
}

/// The activity and its tickets, for the check-in page to keep offline (for a training,
/// who is in at the session under way).
pub async fn check_in_data(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = roster::roster(&s.app, user, ActivityId(id), None).await?;
    let body = RegistrationsForPage::new(&r);
    let mut res = Json(body).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

/// Queued scans from the check-in page: JSON, the session's CSRF token in `X-CSRF-Token`.
pub async fn check_in_sync(
    State(s): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    if !csrf::header_token_ok(&headers) {
        return Err(WebError::csrf(ctx.lang));
    }
    let b: BatchBody = serde_json::from_slice(&body)
        .map_err(|_| ctx.err()(AppError::invalid("body", "err-json")))?;
    // The page syncs one activity's scans; a scan naming another is refused as a whole.
    if b.scans.iter().any(|sc| sc.activity_id != id) {
        return Err(ctx.err()(AppError::invalid("activity_id", "err-choice")));
    }
    let out: BatchResult = match batch(&s, ctx.lang, user, &b).await {
        Ok(o) => o,
        Err(e) => return Err(ctx.err()(e)),
    };
    Ok(Json(out).into_response())
}

pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../static/checkin.js"),
    )
        .into_response()
}

/// The check-in page's service worker (it reopens the page offline). Its scope is the
/// check-in pages' folder, above its own, which the header allows.
pub async fn service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (
                header::HeaderName::from_static("service-worker-allowed"),
                "/admin/activities/",
            ),
        ],
        include_str!("../../static/checkin-sw.js"),
    )
        .into_response()
}

/// The QR decoder the check-in page loads when the browser has no `BarcodeDetector`
/// (jsQR, Apache-2.0, copied unchanged: `static/vendor/README.md`). It changes only with a
/// new kozos, so browsers revalidate it like the page's own script.
pub async fn qr_decoder() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../static/vendor/jsQR.js"),
    )
        .into_response()
}

//! Registering from an activity's page, the ticket page and cancelling by its link.
//! Ticket pages are reached by their code alone: they are kept out of search engines and
//! send no Referer, so the code does not leak to other sites.

use super::views::{self, RegisterForm};
use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use kozos_app::participation::registrations::{self, Registrant};
use kozos_app::AppError;
use kozos_domain::participation::RegistrationSource;
use kozos_domain::ActivityId;
use maud::html;

pub async fn register(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<RegisterForm>,
) -> Result<Response, WebError> {
    let (who, source) = match &ctx.user {
        Some(u) => (Registrant::Account(u), RegistrationSource::Own),
        None => (
            Registrant::Guest {
                name: &form.name,
                email: &form.email,
            },
            RegistrationSource::Guest,
        ),
    };
    let done_ = registrations::register(
        &s.app,
        ctx.user.as_ref(),
        ActivityId(id),
        who,
        source,
        ctx.lang.code(),
    )
    .await;
    match done_ {
        Ok(r) => Ok(done(
            &format!("/tickets/{}", r.registration.token),
            "registered",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            crate::calendar::pages::activity_with_form(&s, &ctx, ActivityId(id), &form, &errors)
                .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

fn private(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

pub async fn ticket(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let (r, a) = registrations::ticket(&s.app, &token)
        .await
        .map_err(ctx.err())?;
    let head = html! { meta name="robots" content="noindex"; };
    Ok(private(layout::page_with_head(
        &ctx,
        StatusCode::OK,
        &ctx.t("ticket-title"),
        Some(&head),
        views::ticket_page(&ctx, &r, &a),
    )))
}

pub async fn cancel_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let (r, a) = registrations::ticket(&s.app, &token)
        .await
        .map_err(ctx.err())?;
    Ok(private(layout::page(
        &ctx,
        &ctx.t("cancel-title"),
        views::cancel_page(&ctx, &r, &a),
    )))
}

pub async fn cancel(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let r = registrations::cancel_by_ticket(&s.app, &token)
        .await
        .map_err(ctx.err())?;
    Ok(private(done(
        &format!("/tickets/{}", r.token),
        "cancelled",
        ctx.secure_cookies,
    )))
}

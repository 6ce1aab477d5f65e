//! Certificates: the bulk issue (a job; its progress as JSON for the page's script), a
//! certificate's PDF, revoking one, and the public verify page.

use super::pages::render;
use super::views;
use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kozos_app::participation::certificates::{self, Verified};
use kozos_app::AppError;
use kozos_domain::participation::RevokeForm;
use kozos_domain::{ActivityId, CertificateId, FieldErrors};
use serde::{Deserialize, Serialize};

pub async fn issue(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match certificates::issue(&s.app, user, ActivityId(id)).await {
        Ok(_) => Ok(done(
            &format!("/admin/activities/{id}/training#certificates"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            render(&s, &ctx, ActivityId(id), None, None, Some(errors)).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

/// How far a batch is, for the page's progress bar.
#[derive(Serialize)]
pub struct Progress {
    pub done: i64,
    pub total: i64,
    /// `queued`, `running`, `done` or `failed`.
    pub state: String,
    /// "12 / 50 kiállítva", in the page's language.
    pub text: String,
}

pub async fn progress(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, batch)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let b = certificates::batch(&s.app, user, ActivityId(id), batch).await?;
    let text = ctx.lang.t_with(
        "training-issued-of",
        &[("done", b.done.to_string()), ("total", b.total.to_string())],
    );
    let mut res = Json(Progress {
        done: b.done,
        total: b.total,
        state: b.state,
        text,
    })
    .into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

/// A certificate as issued, to print or send on.
pub async fn pdf(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, cert)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (c, bytes) = certificates::pdf(&s.app, user, ActivityId(id), CertificateId(cert)).await?;
    // The number is letters, digits and hyphens only: safe in a header as it is.
    let disposition = format!("attachment; filename=\"tanusitvany-{}.pdf\"", c.number);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

pub async fn revoke_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, cert)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    revoke_page(
        &s,
        &ctx,
        (id, cert),
        &RevokeForm::default(),
        &FieldErrors::new(),
    )
    .await
}

async fn revoke_page(
    s: &AppState,
    ctx: &Ctx,
    (id, cert): (i64, i64),
    form: &RevokeForm,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let c = certificates::get(&s.app, user, ActivityId(id), CertificateId(cert)).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = format!("{}: {}", ctx.t("certificate-revoke"), c.number);
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        views::revoke(ctx, id, &c, form, errors),
    ))
}

pub async fn revoke(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, cert)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<RevokeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match certificates::revoke(&s.app, user, ActivityId(id), CertificateId(cert), &f).await {
        Ok(()) => Ok(done(
            &format!("/admin/activities/{id}/training#certificates"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => revoke_page(&s, &ctx, (id, cert), &f, &errors).await,
        Err(e) => Err(ctx.err()(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VerifyQuery {
    pub number: Option<String>,
}

/// The verify form; with `?number=`, its answer.
pub async fn verify_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<VerifyQuery>,
) -> Result<Response, WebError> {
    let number = q.number.unwrap_or_default();
    let number = number.trim();
    if number.is_empty() {
        return Ok(verify_page(&ctx, "", None));
    }
    let found = certificates::verify(&s.app, number).await?;
    Ok(verify_page(&ctx, number, Some(&found)))
}

/// What a certificate's QR code opens.
pub async fn verify(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(number): Path<String>,
) -> Result<Response, WebError> {
    let found = certificates::verify(&s.app, &number).await?;
    Ok(verify_page(&ctx, &number, Some(&found)))
}

fn verify_page(ctx: &Ctx, number: &str, found: Option<&Verified>) -> Response {
    // A number that is not in the register is a page that does not exist (for crawlers and
    // scripts); people still get the explanation and the form.
    let status = match found {
        Some(Verified::Found(_)) | None => StatusCode::OK,
        Some(_) => StatusCode::NOT_FOUND,
    };
    // What was typed is shown back, bounded: the page is public.
    let shown: String = number
        .chars()
        .filter(|c| !c.is_control())
        .take(40)
        .collect();
    let mut res = layout::page_with_status(
        ctx,
        status,
        &ctx.t("verify-title"),
        views::verify(ctx, &shown, found),
    );
    // The page names a person: keep it out of indexes and of other sites' logs.
    let h = res.headers_mut();
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

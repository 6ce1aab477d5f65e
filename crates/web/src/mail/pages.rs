//! The outbox for administrators: every mail kozos has queued, newest first, and one mail
//! as it was (or will be) sent. The use cases check who may see them.

use super::views;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::{ui, AppState};
use axum::extract::State;
use axum::response::Response;
use kozos_app::mail::{self, MailState};
use kozos_domain::MailId;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct OutboxQuery {
    /// queued, sent or failed; anything else (or nothing) lists every mail.
    #[serde(default)]
    state: String,
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<OutboxQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let state = MailState::parse(&q.state);
    let mails = mail::outbox(&s.app, user, state).await?;
    Ok(ui::layout::page(
        &ctx,
        &ctx.t("outbox-title"),
        views::list(&ctx, state, &mails, s.app.smtp().is_some()),
    ))
}

pub async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let m = mail::mail(&s.app, user, MailId(id)).await?;
    let from = s.app.smtp().map(|c| c.from.as_str());
    Ok(ui::layout::page(
        &ctx,
        &m.subject,
        views::show(&ctx, &m, from),
    ))
}

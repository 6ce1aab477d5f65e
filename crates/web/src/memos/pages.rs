//! The memo board, the page to write an activity's memo, and the public memo page.

use super::views;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::programmes::pages::Rejected;
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::information;
use kozos_domain::community::memo::MemoForm;
use kozos_domain::{ActivityId, MemoId, ProgrammeId};

pub async fn board(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let rows = information::memo_board(&s.app, user, id)
        .await
        .map_err(ctx.err())?;
    let title = ctx.t("memo-board-title");
    Ok(layout::page(&ctx, &title, views::board(&ctx, id, &rows)))
}

pub async fn new_memo(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, activity)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (programme, activity) = (ProgrammeId(id), ActivityId(activity));
    new_memo_page(
        &s,
        &ctx,
        programme,
        activity,
        Rejected::default(),
        StatusCode::OK,
    )
    .await
}

/// The activity's memo form (an activity with a memo goes to its edit page).
pub async fn new_memo_page(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    activity: ActivityId,
    rejected: Rejected,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (a, memo) = information::memo_of(&s.app, user, programme, activity)
        .await
        .map_err(ctx.err())?;
    if let Some(m) = memo {
        let to = format!("/admin/programmes/{programme}/memos/{}/edit", m.id);
        return Ok(Redirect::to(&to).into_response());
    }
    let form_id = format!("memo-{activity}");
    let (mut form, errors) = rejected.values::<MemoForm>(&form_id);
    if errors.is_empty() {
        form.title = format!("{} – {}", ctx.t("memo-title-prefix"), a.title);
    }
    let title = ctx.t("memo-new-title");
    let body = views::new_memo(ctx, programme, &a, &form_id, (&form, &errors));
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn public_memo(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let (memo, context) = information::public_memo(&s.app, MemoId(id))
        .await
        .map_err(ctx.err())?;
    Ok(layout::page(
        &ctx,
        &memo.title,
        views::public_memo(&ctx, &memo, &context),
    ))
}

//! Handlers of the public initiative pages and of the confirmation link. Each extracts,
//! calls one use case and renders; a refused form comes back with what was typed.

use super::forms::{ProposalForm, StageQuery, VisitorForm};
use super::views::{self, base, Refused};
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm, Empty};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::initiatives::{self as uc, residents as act};
use kozos_app::residents::{self as who, Acted, Acting, Done};
use kozos_app::{catalogue, AppError};
use kozos_domain::initiative::Stage;
use kozos_domain::*;

pub(super) async fn title(s: &AppState, p: ProgrammeId) -> Result<String, AppError> {
    Ok(catalogue::programme_page(&s.app, p)
        .await?
        .programme
        .title
        .clone())
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<StageQuery>,
) -> Result<Response, WebError> {
    let p = ProgrammeId(id);
    let stage = Stage::parse(q.stage.trim());
    let items = uc::list(&s.app, p, stage).await.map_err(ctx.err())?;
    let t = title(&s, p).await.map_err(ctx.err())?;
    Ok(layout::page(
        &ctx,
        &ctx.t("initiatives-title"),
        views::list(&ctx, p, &t, stage, &items),
    ))
}

fn proposal_page(
    ctx: &Ctx,
    p: ProgrammeId,
    form: &ProposalForm,
    state: &FormState,
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    let body = maud::html! {
        p.breadcrumb { a href=(base(p)) { (ctx.t("initiatives-title")) } }
        h1 { (ctx.t("initiatives-propose")) }
        p { (ctx.t("initiatives-propose-lead")) }
        (views::proposal_form(ctx, &format!("{}/new", base(p)), form, state, errors))
    };
    layout::page_with_status(ctx, status, &ctx.t("initiatives-propose"), body)
}

pub async fn new_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let p = ProgrammeId(id);
    title(&s, p).await.map_err(ctx.err())?;
    Ok(proposal_page(
        &ctx,
        p,
        &ProposalForm::default(),
        &FormState::create(),
        &FieldErrors::new(),
        StatusCode::OK,
    ))
}

pub async fn propose(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form, meta }: EditForm<ProposalForm>,
) -> Result<Response, WebError> {
    let p = ProgrammeId(id);
    let visitor = form.visitor();
    let acting = match &ctx.user {
        Some(u) => Acting::User(u),
        None => Acting::Visitor(&visitor),
    };
    match act::propose(
        &s.app,
        p,
        acting,
        &form.domain(),
        meta.once.as_deref(),
        ctx.lang.code(),
    )
    .await
    {
        Ok(Acted::Done(i)) => Ok(done(
            &format!("{}/{i}", base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Ok(Acted::MailSent) => Ok(done(&base(p), "mailed", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                once: meta.once.clone(),
                ..Default::default()
            };
            Ok(proposal_page(
                &ctx,
                p,
                &form,
                &state,
                &e,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub(super) async fn show_page(
    s: &AppState,
    ctx: &Ctx,
    p: ProgrammeId,
    i: InitiativeId,
    refused: Refused,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = uc::page(&s.app, ctx.user.as_ref(), p, i)
        .await
        .map_err(ctx.err())?;
    let t = title(s, p).await.map_err(ctx.err())?;
    let heading = page.initiative.title.clone();
    Ok(layout::page_with_status(
        ctx,
        status,
        &heading,
        views::show(ctx, &t, &page, &refused),
    ))
}

pub async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    show_page(
        &s,
        &ctx,
        ProgrammeId(id),
        InitiativeId(i),
        Refused::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn edit_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    let it = act::for_edit(&s.app, user, p, i).await.map_err(ctx.err())?;
    let form = ProposalForm::of(&it);
    Ok(edit_form(
        &ctx,
        p,
        i,
        &form,
        &FormState::edit(it.version, &form),
        &FieldErrors::new(),
        StatusCode::OK,
    ))
}

fn edit_form(
    ctx: &Ctx,
    p: ProgrammeId,
    i: InitiativeId,
    form: &ProposalForm,
    state: &FormState,
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    let body = maud::html! {
        h1 { (ctx.t("initiatives-edit")) }
        (crate::ui::components::conflict_notice(ctx, &state.changes, &|f| ctx.t(&format!("initiatives-field-{f}")), &|_, v| v.to_string()))
        (views::proposal_form(ctx, &format!("{}/{i}/edit", base(p)), form, state, errors))
    };
    layout::page_with_status(ctx, status, &ctx.t("initiatives-edit"), body)
}

pub async fn edit(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    EditForm { form, meta }: EditForm<ProposalForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    let version = meta.version.unwrap_or(0);
    match act::edit(&s.app, user, p, i, &form.domain(), version).await {
        Ok(()) => Ok(done(
            &format!("{}/{i}", base(p)),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let state = FormState {
                version: meta.version,
                was: meta.was.clone(),
                ..Default::default()
            };
            Ok(edit_form(
                &ctx,
                p,
                i,
                &form,
                &state,
                &e,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(AppError::Conflict) => {
            let now = act::for_edit(&s.app, user, p, i).await.map_err(ctx.err())?;
            let theirs = ProposalForm::of(&now);
            let (merged, changes) =
                conflict::merge("initiative", meta.was.as_deref(), &form, &theirs);
            let state = FormState {
                version: Some(now.version),
                was: serde_json::to_string(&theirs).ok(),
                once: None,
                changes,
            };
            Ok(edit_form(
                &ctx,
                p,
                i,
                &merged,
                &state,
                &FieldErrors::new(),
                StatusCode::CONFLICT,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn delete_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    let it = act::for_edit(&s.app, user, p, i).await.map_err(ctx.err())?;
    let here = format!("{}/{i}", base(p));
    Ok(layout::page(
        &ctx,
        &ctx.t("initiatives-delete-title"),
        views::confirm_delete(&ctx, &it.title, &format!("{here}/delete"), &here),
    ))
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = ProgrammeId(id);
    act::delete(&s.app, user, p, InitiativeId(i))
        .await
        .map_err(ctx.err())?;
    Ok(done(&base(p), "deleted", ctx.secure_cookies))
}

pub async fn support(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    CsrfForm(form): CsrfForm<VisitorForm>,
) -> Result<Response, WebError> {
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    let visitor = form.domain();
    let acting = match &ctx.user {
        Some(u) => Acting::User(u),
        None => Acting::Visitor(&visitor),
    };
    let here = format!("{}/{i}", base(p));
    match act::support(&s.app, p, i, acting, ctx.lang.code()).await {
        Ok(Acted::Done(())) => Ok(done(&here, "supported", ctx.secure_cookies)),
        Ok(Acted::MailSent) => Ok(done(&here, "mailed", ctx.secure_cookies)),
        Err(AppError::Invalid(e)) => {
            let r = Refused {
                support: Some((form, e)),
                ..Default::default()
            };
            show_page(&s, &ctx, p, i, r, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn withdraw(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, i)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, i) = (ProgrammeId(id), InitiativeId(i));
    act::withdraw(&s.app, user, p, i).await.map_err(ctx.err())?;
    Ok(done(
        &format!("{}/{i}", base(p)),
        "saved",
        ctx.secure_cookies,
    ))
}

/// The link in a visitor's confirmation mail: opening it does what they asked for (once;
/// opened again it says so and leads to the same page). Kept out of search engines and
/// sends no Referer, since the token is in the address.
pub async fn confirm(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match who::confirm(&s.app, &token).await {
        Ok(c) => {
            let (to, flash) = match c.done {
                Some(Done::Initiative(p, i)) => (format!("{}/{i}", base(p)), "confirmed"),
                // A question waits for its moderator: the asker's own list shows it.
                Some(Done::Question(_)) => ("/questions".to_string(), "asked"),
                None => ("/".to_string(), "confirmed"),
            };
            let flash = if c.again { "confirmed-again" } else { flash };
            let mut res = done(&to, flash, ctx.secure_cookies);
            res.headers_mut().insert(
                "referrer-policy",
                axum::http::HeaderValue::from_static("no-referrer"),
            );
            Ok(res)
        }
        Err(AppError::Invalid(e)) => {
            let key = e.0.first().map_or("err-confirm-expired", |f| f.key);
            let body = maud::html! { h1 { (ctx.t("initiatives-confirm-title")) } p.error role="alert" { (ctx.t(key)) } };
            Ok(layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx.t("initiatives-confirm-title"),
                body,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

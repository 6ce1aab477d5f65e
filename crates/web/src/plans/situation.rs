//! Situation pictures in the back office: the versions by date (the baseline marked), a
//! picture's page, and the form that adds one, which can start from an earlier version
//! (`?from=`) so a new version keeps the old one readable.

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::programmes::pages::Rejected;
use crate::programmes::records::views::{add_form, links};
use crate::programmes::records::RecordUi;
use crate::ui::choices::Choices;
use crate::ui::components::*;
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::plans;
use kozos_domain::plan::*;
use kozos_domain::policy::Action;
use kozos_domain::{FieldErrors, PictureId, ProgrammeId};
use maud::{html, Markup};
use serde::Deserialize;

fn base(programme: ProgrammeId) -> String {
    format!("/admin/programmes/{programme}/situation")
}

fn can_manage(ctx: &Ctx) -> bool {
    ctx.user.as_ref().is_some_and(|u| {
        kozos_domain::policy::allows_somewhere(&u.grants, Action::ManageCommunityProcess)
    })
}

fn fields(ctx: &Ctx, id: &str, f: &PictureForm, e: &FieldErrors, c: &Choices) -> Markup {
    html! {
        (input(ctx, id, Field::new("title", "field-title", &f.title).required(), "text", e))
        (input(ctx, id, Field::new("as_of", "picture-field-as-of", &f.as_of).required().hint("field-date-hint"), "text", e))
        (input(ctx, id, Field::new("settlement", "picture-field-settlement", &f.settlement).hint("picture-field-settlement-hint"), "text", e))
        (textarea(ctx, id, Field::new("needs", "picture-field-needs", &f.needs), 5, e))
        (textarea(ctx, id, Field::new("resources", "picture-field-resources", &f.resources), 5, e))
        (textarea(ctx, id, Field::new("relationships", "picture-field-relationships", &f.relationships), 5, e))
        @if !c.organisations.is_empty() {
            (checkboxes(ctx, id, ("sources", "picture-field-sources"), &c.organisations, &f.sources, e))
        }
        (checkbox(ctx, id, Field::new("baseline", "picture-field-baseline", &f.baseline).hint("picture-field-baseline-hint"), e))
    }
}

impl RecordUi for SituationPicture {
    const NEW_PATH: &'static str = "/admin/programmes/{id}/situation";
    const EDIT_PATH: &'static str = "/admin/programmes/{id}/situation/{picture}/edit";
    const DELETE_PATH: &'static str = "/admin/programmes/{id}/situation/{picture}/delete";
    const SEGMENT: &'static str = "situation";
    const FORM: &'static str = "picture";
    const TITLE_KEY: &'static str = "picture-edit";
    const CONFIRM_KEY: &'static str = "picture-confirm-delete";

    fn fields(ctx: &Ctx, id: &str, f: &PictureForm, e: &FieldErrors, c: &Choices) -> Markup {
        fields(ctx, id, f, e, c)
    }
    fn new_fields(ctx: &Ctx, id: &str, f: &PictureForm, e: &FieldErrors, c: &Choices) -> Markup {
        fields(ctx, id, f, e, c)
    }
    fn back(programme: ProgrammeId) -> String {
        base(programme)
    }
    /// The questionnaires a picture may draw on (in the organisations slot of the lists).
    async fn choices(s: &AppState, ctx: &Ctx, programme: ProgrammeId) -> Result<Choices, WebError> {
        let user = ctx.require_user()?;
        let sources = plans::picture_sources(&s.app, user, programme).await?;
        Ok(Choices {
            organisations: sources
                .into_iter()
                .map(|(i, t)| (i.to_string(), t))
                .collect(),
            ..Default::default()
        })
    }
    async fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        let (form, errors) = rejected.values("picture");
        list_page(s, ctx, programme, (form, errors), status).await
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FromQuery {
    pub from: Option<i64>,
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<FromQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programme = ProgrammeId(id);
    // a new version starts from the one named (else empty)
    let form = match q.from.filter(|n| *n > 0) {
        Some(from) => {
            let mut f = plans::pictures(&s.app, user, programme, Some(PictureId(from)))
                .await?
                .pop()
                .map(|p| PictureForm::from_picture(&p))
                .unwrap_or_default();
            f.as_of = String::new();
            f.baseline = String::new();
            f
        }
        None => PictureForm::default(),
    };
    list_page(
        &s,
        &ctx,
        programme,
        (form, FieldErrors::new()),
        StatusCode::OK,
    )
    .await
}

async fn list_page(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    (form, errors): (PictureForm, FieldErrors),
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = plans::pictures(&s.app, user, programme, None).await?;
    let b = base(programme);
    let title = ctx.t("picture-title");
    let admin = can_manage(ctx);
    let c = if admin {
        SituationPicture::choices(s, ctx, programme).await?
    } else {
        Choices::default()
    };
    let body = html! {
        p { a href={ "/admin/programmes/" (programme) } { (ctx.t("survey-back-programme")) } }
        h1 { (title) }
        p { (ctx.t("picture-intro")) }
        @if list.is_empty() { p { (ctx.t("picture-none")) } }
        ul.items {
            @for p in &list {
                li {
                    a href={ (b) "/" (p.id) } { (p.title) } " – " (ctx.lang.date(p.as_of))
                    @if p.baseline { " " strong { "(" (ctx.t("picture-baseline")) ")" } }
                    @if admin {
                        " " a href={ (b) "?from=" (p.id) "#new-picture" } { (ctx.t("picture-new-version")) span.visually-hidden { ": " (p.title) } }
                        (links::<SituationPicture>(ctx, &format!("/admin/programmes/{programme}"), p.id, &p.title))
                    }
                }
            }
        }
        @if admin {
            section aria-labelledby="new-picture" {
                h2 #new-picture { (ctx.t("picture-new")) }
                (add_form::<SituationPicture>(ctx, ("picture", &b), &form, &errors, &c))
            }
        }
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, picture)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programme = ProgrammeId(id);
    let p = plans::pictures(&s.app, user, programme, Some(PictureId(picture)))
        .await?
        .pop()
        .ok_or_else(|| ctx.err()(kozos_app::AppError::NotFound))?;
    let section = |key: &str, text: &str| {
        html! {
            h2 { (ctx.t(key)) }
            @if text.is_empty() { p.muted { "–" } } @else { p.pre-line { (text) } }
        }
    };
    let body = html! {
        p { a href=(base(programme)) { (ctx.t("picture-title")) } }
        h1 { (p.title) }
        p { (ctx.lang.date(p.as_of))
            @if !p.settlement.is_empty() { " · " (p.settlement) }
            @if p.baseline { " · " strong { (ctx.t("picture-baseline")) } } }
        (section("picture-field-needs", &p.needs))
        (section("picture-field-resources", &p.resources))
        (section("picture-field-relationships", &p.relationships))
        @if !p.sources.is_empty() {
            h2 { (ctx.t("picture-field-sources")) }
            ul { @for (q, t) in &p.sources { li { a href={ "/admin/programmes/" (programme) "/surveys/" (q) } { (t) } } } }
        }
    };
    Ok(layout::page(&ctx, &p.title, body))
}

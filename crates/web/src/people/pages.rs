//! Handlers of the registry pages: each reads its input, calls one use case and renders.
//! A rejected form comes back as typed, with its messages.

use super::views as v;
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::programmes::pages::with_organisations;
use crate::ui::choices::Choices;
use crate::ui::components::FormState;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::participation::merge;
use kozos_app::participation::people::{self, Created, Found};
use kozos_app::AppError;
use kozos_domain::participation::{ConsentForm, PersonForm, SensitiveForm};
use kozos_domain::{ConsentId, FieldErrors, PersonId};
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    /// Read leniently: a page number that does not parse is the first page.
    pub page: String,
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let page = q.page.trim().parse::<usize>().unwrap_or(1);
    let found = people::list(&s.app, user, Some(&q.q), page).await?;
    Ok(layout::page(
        &ctx,
        &ctx.t("people-title"),
        v::list(&ctx, &found, q.q.trim()),
    ))
}

/// The new-person form as typed: the programme it is entered under, the person, and
/// whether the clerk saw the possible duplicates and saves anyway.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NewPersonForm {
    pub programme_id: String,
    pub confirm: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub birth_year: String,
    pub age_band: String,
    pub settlement: String,
    pub organisation_id: String,
}

impl NewPersonForm {
    fn person(&self) -> PersonForm {
        PersonForm {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            birth_year: self.birth_year.clone(),
            age_band: self.age_band.clone(),
            settlement: self.settlement.clone(),
            organisation_id: self.organisation_id.clone(),
        }
    }
}

/// The pick lists of the person form.
async fn choices(s: &AppState) -> Result<Choices, WebError> {
    with_organisations(s, Choices::default()).await
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programmes = people::programme_choices(&s.app, user).await?;
    let mut f = NewPersonForm::default();
    if let [(only, _)] = programmes.as_slice() {
        f.programme_id = only.to_string();
    }
    let c = choices(&s).await?;
    let body = v::new_form(
        &ctx,
        (&f, &FieldErrors::new(), &FormState::create()),
        &programmes,
        &c,
        &[],
    );
    Ok(layout::page(&ctx, &ctx.t("people-new"), body))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    EditForm { form: f, meta }: EditForm<NewPersonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let confirmed = f.confirm.trim() == "1";
    let result = people::create(
        &s.app,
        user,
        &f.programme_id,
        &f.person(),
        confirmed,
        meta.once.as_deref(),
    )
    .await;
    let (status, errors, dupes) = match result {
        Ok(Created::Saved(id)) => {
            return Ok(done(
                &format!("/admin/people/{id}"),
                "saved",
                ctx.secure_cookies,
            ))
        }
        Ok(Created::Duplicates(d)) => (StatusCode::OK, FieldErrors::new(), d),
        Err(AppError::Invalid(e)) => (StatusCode::UNPROCESSABLE_ENTITY, e, Vec::new()),
        Err(e) => return Err(ctx.err()(e)),
    };
    let programmes = people::programme_choices(&s.app, user).await?;
    let c = choices(&s).await?;
    let state = FormState {
        once: meta.once,
        ..Default::default()
    };
    let body = v::new_form(&ctx, (&f, &errors, &state), &programmes, &c, &dupes);
    Ok(layout::page_with_status(
        &ctx,
        status,
        &ctx.t("people-new"),
        body,
    ))
}

async fn person_page(
    s: &AppState,
    ctx: &Ctx,
    id: PersonId,
    consent: (&ConsentForm, &FieldErrors),
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match people::view(&s.app, user, id).await? {
        Found::MergedInto(kept) => {
            Ok(Redirect::to(&format!("/admin/people/{kept}")).into_response())
        }
        Found::Person(view) => {
            let status = if consent.1.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let title = view.person.name.clone();
            let body = v::person(ctx, &view, consent);
            Ok(layout::page_with_status(ctx, status, &title, body))
        }
    }
}

pub async fn person(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let blank = ConsentForm {
        given_on: s.app.clock.today().stored(),
        ..Default::default()
    };
    person_page(&s, &ctx, PersonId(id), (&blank, &FieldErrors::new())).await
}

fn edit_page(
    ctx: &Ctx,
    status: StatusCode,
    id: i64,
    (f, errors, c, state): (&PersonForm, &FieldErrors, &Choices, &FormState),
) -> Response {
    let title = ctx.t("people-edit");
    layout::page_with_status(
        ctx,
        status,
        &title,
        v::edit_form(ctx, id, (f, errors, state), c),
    )
}

pub async fn edit_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let p = people::for_edit(&s.app, user, PersonId(id)).await?;
    let f = PersonForm::from_person(&p);
    let c = choices(&s).await?;
    Ok(edit_page(
        &ctx,
        StatusCode::OK,
        id,
        (&f, &FieldErrors::new(), &c, &FormState::edit(p.version, &f)),
    ))
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    EditForm { form: f, meta }: EditForm<PersonForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let pid = PersonId(id);
    match people::update(&s.app, user, pid, &f, meta.version).await {
        Ok(()) => Ok(done(
            &format!("/admin/people/{id}"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s).await?;
            let state = FormState {
                version: meta.version,
                was: meta.was,
                ..Default::default()
            };
            Ok(edit_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                (&f, &errors, &c, &state),
            ))
        }
        Err(AppError::Conflict) => {
            let current = people::for_edit(&s.app, user, pid).await?;
            let theirs = PersonForm::from_person(&current);
            let (merged, changes) = conflict::merge("person", meta.was.as_deref(), &f, &theirs);
            let state = FormState {
                changes,
                ..FormState::edit(current.version, &theirs)
            };
            let c = choices(&s).await?;
            Ok(edit_page(
                &ctx,
                StatusCode::CONFLICT,
                id,
                (&merged, &FieldErrors::new(), &c, &state),
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn sensitive_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (p, stored) = people::sensitive(&s.app, user, PersonId(id)).await?;
    let f = stored
        .as_ref()
        .map(v::sensitive_form_of)
        .unwrap_or_default();
    let body = v::sensitive_page(&ctx, &p, &f, &FieldErrors::new());
    Ok(layout::page(&ctx, &ctx.t("sensitive-title"), body))
}

pub async fn save_sensitive(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<SensitiveForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match people::save_sensitive(&s.app, user, PersonId(id), &f).await {
        Ok(()) => Ok(done(
            &format!("/admin/people/{id}#sensitive"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let (p, _) = people::sensitive(&s.app, user, PersonId(id)).await?;
            let body = v::sensitive_page(&ctx, &p, &f, &errors);
            Ok(layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx.t("sensitive-title"),
                body,
            ))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn add_consent(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ConsentForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match people::add_consent(&s.app, user, PersonId(id), &f).await {
        Ok(_) => Ok(done(
            &format!("/admin/people/{id}#consents"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => person_page(&s, &ctx, PersonId(id), (&f, &errors)).await,
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn withdraw_consent(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, consent)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    people::withdraw_consent(&s.app, user, PersonId(id), ConsentId(consent)).await?;
    Ok(done(
        &format!("/admin/people/{id}#consents"),
        "saved",
        ctx.secure_cookies,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MergeQuery {
    pub other: String,
    pub q: String,
}

fn other_id(raw: &str) -> Option<PersonId> {
    crate::extract::form_id(raw).map(PersonId)
}

async fn merge_view(
    s: &AppState,
    ctx: &Ctx,
    id: PersonId,
    q: &MergeQuery,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let title = ctx.t("merge-title");
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let body = match other_id(&q.other) {
        Some(other) => match merge::merge_preview(&s.app, user, id, other).await {
            Ok((kept, dropped)) => v::merge_confirm(ctx, &kept, &dropped, errors),
            Err(AppError::Invalid(e)) => {
                let (p, dupes, found) = merge::merge_candidates(&s.app, user, id, None).await?;
                return Ok(layout::page_with_status(
                    ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &title,
                    v::merge_pick(ctx, &p, &dupes, &found, "", &e),
                ));
            }
            Err(e) => return Err(ctx.err()(e)),
        },
        None => {
            let (p, dupes, found) = merge::merge_candidates(&s.app, user, id, Some(&q.q)).await?;
            v::merge_pick(ctx, &p, &dupes, &found, q.q.trim(), errors)
        }
    };
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn merge_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<MergeQuery>,
) -> Result<Response, WebError> {
    merge_view(&s, &ctx, PersonId(id), &q, &FieldErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MergeForm {
    pub other: String,
}

pub async fn merge(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<MergeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let Some(other) = other_id(&f.other) else {
        let q = MergeQuery::default();
        let mut e = FieldErrors::new();
        e.add("other", "err-choice");
        return merge_view(&s, &ctx, PersonId(id), &q, &e).await;
    };
    match merge::merge(&s.app, user, PersonId(id), other).await {
        Ok(_) => Ok(done(
            &format!("/admin/people/{id}"),
            "merged",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(e)) => {
            let q = MergeQuery {
                other: f.other.clone(),
                q: String::new(),
            };
            merge_view(&s, &ctx, PersonId(id), &q, &e).await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

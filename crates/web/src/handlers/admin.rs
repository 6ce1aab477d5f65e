//! Back-office handlers for programmes and their parts.

use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::views::admin::{self as v, Choices, PartForms};
use crate::{cookies, views, AppState};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::{catalogue, programmes, AppError};
use kozos_domain::programme::*;
use kozos_domain::*;
use serde::Deserialize;

/// Redirect after a successful POST, with a one-time status message.
pub fn done(to: &str, flash: &str, secure: bool) -> Response {
    let mut res = Redirect::to(to).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(cookies::FLASH, flash, 60, true, secure),
    );
    res
}

pub async fn choices(s: &AppState, ctx: &Ctx) -> Result<Choices, WebError> {
    let orgs = catalogue::organisations(&s.app, None)
        .await
        .map_err(ctx.err())?;
    let settlements = catalogue::settlements(&s.app).await.map_err(ctx.err())?;
    Ok(Choices::new(&orgs, &settlements))
}

pub async fn dashboard(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let list = programmes::list_for_staff(&s.app, user, None)
        .await
        .map_err(ctx.err())?;
    let may_create = programmes::may_create(user).is_ok();
    Ok(views::layout::page(
        &ctx,
        &ctx.t("admin-title"),
        v::dashboard(&ctx, user, &list, may_create),
    ))
}

pub async fn new_form(State(s): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::may_create(user).map_err(ctx.err())?;
    let c = choices(&s, &ctx).await?;
    let title = ctx.t("admin-new-programme");
    let body = v::programme_form(
        &ctx,
        &title,
        "/admin/programmes/new",
        &ProgrammeForm::default(),
        &FieldErrors::new(),
        &c,
        "/admin",
    );
    Ok(views::layout::page(&ctx, &title, body))
}

pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<ProgrammeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match programmes::create(&s.app, user, &f).await {
        Ok(id) => Ok(done(
            &format!("/admin/programmes/{id}"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s, &ctx).await?;
            let title = ctx.t("admin-new-programme");
            let body = v::programme_form(
                &ctx,
                &title,
                "/admin/programmes/new",
                &f,
                &errors,
                &c,
                "/admin",
            );
            Ok(views::layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &title,
                body,
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

async fn manage_page(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    forms: PartForms,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let view = programmes::staff_view(&s.app, user, id)
        .await
        .map_err(ctx.err())?;
    let c = choices(s, ctx).await?;
    let title = view.page.programme.title.clone();
    Ok(views::layout::page_with_status(
        ctx,
        status,
        &title,
        v::manage(ctx, &view, &forms, &c),
    ))
}

pub async fn manage(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    manage_page(
        &s,
        &ctx,
        ProgrammeId(id),
        PartForms::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn edit_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    programmes::authorise(
        &s.app,
        user,
        kozos_domain::policy::Action::EditProgramme,
        id,
    )
    .await
    .map_err(ctx.err())?;
    let page = catalogue::programme_page(&s.app, id)
        .await
        .map_err(ctx.err())?;
    let c = choices(&s, &ctx).await?;
    let title = ctx.t("admin-edit-programme");
    let back = format!("/admin/programmes/{id}");
    let body = v::programme_form(
        &ctx,
        &title,
        &format!("{back}/edit"),
        &ProgrammeForm::from_programme(&page.programme),
        &FieldErrors::new(),
        &c,
        &back,
    );
    Ok(views::layout::page(&ctx, &title, body))
}

pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ProgrammeForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let back = format!("/admin/programmes/{id}");
    match programmes::update(&s.app, user, id, &f).await {
        Ok(()) => Ok(done(&back, "saved", ctx.secure_cookies)),
        Err(AppError::Invalid(errors)) => {
            let c = choices(&s, &ctx).await?;
            let title = ctx.t("admin-edit-programme");
            let body = v::programme_form(
                &ctx,
                &title,
                &format!("{back}/edit"),
                &f,
                &errors,
                &c,
                &back,
            );
            Ok(views::layout::page_with_status(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &title,
                body,
            ))
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

/// Run a part's use case; on invalid input re-render the manage page with that form filled in.
async fn part_result<T>(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    r: Result<T, AppError>,
    on_invalid: impl FnOnce(FieldErrors) -> PartForms,
    flash: &str,
) -> Result<Response, WebError> {
    match r {
        Ok(_) => Ok(done(
            &format!("/admin/programmes/{id}"),
            flash,
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            manage_page(
                s,
                ctx,
                id,
                on_invalid(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PartnerWithAgreement {
    pub organisation_id: String,
    pub role: String,
    pub signed_on: String,
    pub scope: String,
}

pub async fn add_partner(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<PartnerWithAgreement>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let partner = PartnerForm {
        organisation_id: f.organisation_id,
        role: f.role,
    };
    let agreement = AgreementForm {
        signed_on: f.signed_on,
        scope: f.scope,
    };
    let r = programmes::add_partner(&s.app, user, id, &partner, &agreement).await;
    part_result(
        &s,
        &ctx,
        id,
        r,
        |e| PartForms {
            partner,
            agreement,
            partner_errors: e,
            ..Default::default()
        },
        "saved",
    )
    .await
}

pub async fn delete_partner(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::delete_partner(&s.app, user, ProgrammeId(id), PartnerId(pid))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("/admin/programmes/{id}"),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn add_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<AgreementForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let r = programmes::add_agreement(&s.app, user, id, PartnerId(pid), &f).await;
    // The agreement's own small form has no room for messages; show them on the partner form.
    part_result(
        &s,
        &ctx,
        id,
        r,
        |e| PartForms {
            agreement: f,
            partner_errors: e,
            ..Default::default()
        },
        "saved",
    )
    .await
}

pub async fn delete_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::delete_agreement(&s.app, user, ProgrammeId(id), AgreementId(aid))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("/admin/programmes/{id}"),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn add_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<StaffForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let r = programmes::add_staff(&s.app, user, id, &f).await;
    part_result(
        &s,
        &ctx,
        id,
        r,
        |e| PartForms {
            staff: f,
            staff_errors: e,
            ..Default::default()
        },
        "saved",
    )
    .await
}

pub async fn delete_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::delete_staff(&s.app, user, ProgrammeId(id), StaffId(sid))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("/admin/programmes/{id}"),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn add_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ActionAreaForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let r = programmes::save_action_area(&s.app, user, id, None, &f).await;
    part_result(
        &s,
        &ctx,
        id,
        r,
        |e| PartForms {
            area: f,
            area_errors: e,
            ..Default::default()
        },
        "saved",
    )
    .await
}

pub async fn edit_area_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let view = programmes::staff_view(&s.app, user, ProgrammeId(id))
        .await
        .map_err(ctx.err())?;
    if !view.can.areas {
        return Err(WebError::new(ctx.lang, AppError::Forbidden));
    }
    let area = view
        .page
        .action_areas
        .iter()
        .find(|a| a.id.0 == aid)
        .ok_or_else(|| WebError::new(ctx.lang, AppError::NotFound))?;
    let f = ActionAreaForm {
        name: area.name.clone(),
        boundary: area.boundary.clone(),
        settlements: area
            .settlements
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    Ok(area_page(
        &ctx,
        id,
        aid,
        &f,
        &FieldErrors::new(),
        StatusCode::OK,
    ))
}

fn area_page(
    ctx: &Ctx,
    id: i64,
    aid: i64,
    f: &ActionAreaForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    let title = ctx.t("admin-edit-area");
    let body = maud::html! {
        h1 { (title) }
        (v::area_form(ctx, &format!("/admin/programmes/{id}/areas/{aid}/edit"), f, errors))
        p { a href={ "/admin/programmes/" (id) } { (ctx.t("admin-cancel")) } }
    };
    views::layout::page_with_status(ctx, status, &title, body)
}

pub async fn update_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<ActionAreaForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    match programmes::save_action_area(&s.app, user, ProgrammeId(id), Some(ActionAreaId(aid)), &f)
        .await
    {
        Ok(_) => Ok(done(
            &format!("/admin/programmes/{id}"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => Ok(area_page(
            &ctx,
            id,
            aid,
            &f,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub async fn delete_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::delete_action_area(&s.app, user, ProgrammeId(id), ActionAreaId(aid))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("/admin/programmes/{id}"),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn add_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TargetGroupForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let r = programmes::add_target_group(&s.app, user, id, &f).await;
    part_result(
        &s,
        &ctx,
        id,
        r,
        |e| PartForms {
            group: f,
            group_errors: e,
            ..Default::default()
        },
        "saved",
    )
    .await
}

pub async fn delete_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    programmes::delete_target_group(&s.app, user, ProgrammeId(id), TargetGroupId(gid))
        .await
        .map_err(ctx.err())?;
    Ok(done(
        &format!("/admin/programmes/{id}"),
        "deleted",
        ctx.secure_cookies,
    ))
}

// ---- edit pages of single parts ----

/// The manage view for a part edit page, refusing when the user may not change that part.
async fn view_for(
    s: &AppState,
    ctx: &Ctx,
    id: i64,
    may: fn(&programmes::Permissions) -> bool,
) -> Result<programmes::StaffView, WebError> {
    let user = ctx.require_user()?;
    let view = programmes::staff_view(&s.app, user, ProgrammeId(id))
        .await
        .map_err(ctx.err())?;
    if !may(&view.can) {
        return Err(WebError::new(ctx.lang, AppError::Forbidden));
    }
    Ok(view)
}

fn not_found(ctx: &Ctx) -> WebError {
    WebError::new(ctx.lang, AppError::NotFound)
}

/// Which part's edit page: its title, form id, action URL and programme.
struct PartEdit {
    title_key: &'static str,
    form: &'static str,
    action: String,
    id: i64,
}

impl PartEdit {
    fn render(
        &self,
        ctx: &Ctx,
        status: StatusCode,
        errors: &FieldErrors,
        fields: maud::Markup,
    ) -> Response {
        let title = ctx.t(self.title_key);
        let back = format!("/admin/programmes/{}", self.id);
        views::layout::page_with_status(
            ctx,
            status,
            &title,
            v::part_edit_page(ctx, &title, self.form, &self.action, &back, errors, fields),
        )
    }
}

/// Save through `save`; on invalid input show the same page again with the messages.
async fn save_part(
    ctx: &Ctx,
    id: i64,
    r: Result<(), AppError>,
    invalid: impl FnOnce(FieldErrors) -> Response,
) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(done(
            &format!("/admin/programmes/{id}"),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => Ok(invalid(errors)),
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub async fn edit_partner_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let view = view_for(&s, &ctx, id, |c| c.partners).await?;
    let p = view
        .page
        .partners
        .iter()
        .find(|p| p.id.0 == pid)
        .ok_or_else(|| not_found(&ctx))?;
    let f = PartnerForm {
        organisation_id: p.organisation_id.to_string(),
        role: p.role.as_str().into(),
    };
    let c = choices(&s, &ctx).await?;
    let e = FieldErrors::new();
    Ok(PartEdit {
        title_key: "admin-edit-partner",
        form: "partner",
        action: format!("/admin/programmes/{id}/partners/{pid}/edit"),
        id,
    }
    .render(
        &ctx,
        StatusCode::OK,
        &e,
        v::partner_fields(&ctx, &f, &e, &c),
    ))
}

pub async fn update_partner(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<PartnerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_partner(&s.app, user, ProgrammeId(id), PartnerId(pid), &f).await;
    let c = choices(&s, &ctx).await?;
    save_part(&ctx, id, r, |e| {
        PartEdit {
            title_key: "admin-edit-partner",
            form: "partner",
            action: format!("/admin/programmes/{id}/partners/{pid}/edit"),
            id,
        }
        .render(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &e,
            v::partner_fields(&ctx, &f, &e, &c),
        )
    })
    .await
}

pub async fn edit_agreement_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let view = view_for(&s, &ctx, id, |c| c.partners).await?;
    let a = view
        .page
        .partners
        .iter()
        .flat_map(|p| p.agreements.iter())
        .find(|a| a.id.0 == aid)
        .ok_or_else(|| not_found(&ctx))?;
    let f = AgreementForm {
        signed_on: a.signed_on.map(|d| d.to_string()).unwrap_or_default(),
        scope: a.scope.clone(),
    };
    let e = FieldErrors::new();
    Ok(PartEdit {
        title_key: "admin-edit-agreement",
        form: "agreement",
        action: format!("/admin/programmes/{id}/agreements/{aid}/edit"),
        id,
    }
    .render(&ctx, StatusCode::OK, &e, v::agreement_fields(&ctx, &f, &e)))
}

pub async fn update_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<AgreementForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_agreement(&s.app, user, ProgrammeId(id), AgreementId(aid), &f).await;
    save_part(&ctx, id, r, |e| {
        PartEdit {
            title_key: "admin-edit-agreement",
            form: "agreement",
            action: format!("/admin/programmes/{id}/agreements/{aid}/edit"),
            id,
        }
        .render(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &e,
            v::agreement_fields(&ctx, &f, &e),
        )
    })
    .await
}

pub async fn edit_staff_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let view = view_for(&s, &ctx, id, |c| c.staff).await?;
    let st = view
        .staff
        .iter()
        .find(|x| x.id.0 == sid)
        .ok_or_else(|| not_found(&ctx))?;
    let f = StaffForm {
        name: st.name.clone(),
        position: st.position.as_str().into(),
        start_date: st.start_date.map(|d| d.to_string()).unwrap_or_default(),
        end_date: st.end_date.map(|d| d.to_string()).unwrap_or_default(),
        note: st.note.clone().unwrap_or_default(),
    };
    let e = FieldErrors::new();
    Ok(PartEdit {
        title_key: "admin-edit-staff",
        form: "staff",
        action: format!("/admin/programmes/{id}/staff/{sid}/edit"),
        id,
    }
    .render(&ctx, StatusCode::OK, &e, v::staff_fields(&ctx, &f, &e)))
}

pub async fn update_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<StaffForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_staff(&s.app, user, ProgrammeId(id), StaffId(sid), &f).await;
    save_part(&ctx, id, r, |e| {
        PartEdit {
            title_key: "admin-edit-staff",
            form: "staff",
            action: format!("/admin/programmes/{id}/staff/{sid}/edit"),
            id,
        }
        .render(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &e,
            v::staff_fields(&ctx, &f, &e),
        )
    })
    .await
}

pub async fn edit_target_group_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let view = view_for(&s, &ctx, id, |c| c.target_groups).await?;
    let g = view
        .page
        .target_groups
        .iter()
        .find(|g| g.id.0 == gid)
        .ok_or_else(|| not_found(&ctx))?;
    let f = TargetGroupForm {
        name: g.name.clone(),
        description: g.description.clone().unwrap_or_default(),
        planned_size: g.planned_size.map(|n| n.to_string()).unwrap_or_default(),
    };
    let e = FieldErrors::new();
    Ok(PartEdit {
        title_key: "admin-edit-target-group",
        form: "group",
        action: format!("/admin/programmes/{id}/target-groups/{gid}/edit"),
        id,
    }
    .render(&ctx, StatusCode::OK, &e, v::group_fields(&ctx, &f, &e)))
}

pub async fn update_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<TargetGroupForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_target_group(&s.app, user, ProgrammeId(id), TargetGroupId(gid), &f)
        .await;
    save_part(&ctx, id, r, |e| {
        PartEdit {
            title_key: "admin-edit-target-group",
            form: "group",
            action: format!("/admin/programmes/{id}/target-groups/{gid}/edit"),
            id,
        }
        .render(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &e,
            v::group_fields(&ctx, &f, &e),
        )
    })
    .await
}

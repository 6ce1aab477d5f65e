//! Back-office handlers for a programme's parts: adding them on the manage page, each
//! part's edit page (one `PartKind` description per kind of part), and deleting them after
//! a confirmation page.

use super::admin::{done, manage_page, with_organisations};
use crate::conflict;
use crate::csrf::{CsrfForm, EditForm, FormMeta};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::views::admin::{self as v, Choices, PartForms, PartPage};
use crate::views::components::FormState;
use crate::{views, AppState};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::programmes::Parts;
use kozos_app::{programmes, AppError, Edit};
use kozos_domain::policy::Action;
use kozos_domain::programme::*;
use kozos_domain::*;
use serde::Deserialize;

fn edit(meta: &FormMeta) -> Edit<'_> {
    Edit {
        version: meta.version,
        once: meta.once.as_deref(),
    }
}

/// Run an "add" use case; on invalid input re-render the manage page with that form filled in.
async fn added<T>(
    s: &AppState,
    ctx: &Ctx,
    id: ProgrammeId,
    r: Result<T, AppError>,
    on_invalid: impl FnOnce(FieldErrors) -> PartForms,
) -> Result<Response, WebError> {
    match r {
        Ok(_) => Ok(done(
            &format!("/admin/programmes/{id}"),
            "saved",
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
    form: EditForm<PartnerWithAgreement>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let EditForm { form: f, meta } = form;
    let partner = PartnerForm {
        organisation_id: f.organisation_id,
        role: f.role,
    };
    let agreement = AgreementForm {
        signed_on: f.signed_on,
        scope: f.scope,
    };
    let r =
        programmes::add_partner(&s.app, user, id, &partner, &agreement, meta.once.as_deref()).await;
    added(&s, &ctx, id, r, |e| PartForms {
        partner,
        agreement,
        partner_errors: e,
        ..Default::default()
    })
    .await
}

pub async fn add_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    form: EditForm<AgreementForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let EditForm { form: f, meta } = form;
    let r =
        programmes::add_agreement(&s.app, user, id, PartnerId(pid), &f, meta.once.as_deref()).await;
    // The messages appear in that partner's own "add agreement" form.
    added(&s, &ctx, id, r, |e| PartForms {
        new_agreement: Some((PartnerId(pid), f, e)),
        ..Default::default()
    })
    .await
}

pub async fn add_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: EditForm<StaffForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let EditForm { form: f, meta } = form;
    let r = programmes::add_staff(&s.app, user, id, &f, meta.once.as_deref()).await;
    added(&s, &ctx, id, r, |e| PartForms {
        staff: f,
        staff_errors: e,
        ..Default::default()
    })
    .await
}

pub async fn add_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: EditForm<ActionAreaForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let EditForm { form: f, meta } = form;
    let r = programmes::save_action_area(&s.app, user, id, None, &f, edit(&meta)).await;
    added(&s, &ctx, id, r, |e| PartForms {
        area: f,
        area_errors: e,
        ..Default::default()
    })
    .await
}

pub async fn add_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: EditForm<TargetGroupForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let id = ProgrammeId(id);
    let EditForm { form: f, meta } = form;
    let r = programmes::add_target_group(&s.app, user, id, &f, meta.once.as_deref()).await;
    added(&s, &ctx, id, r, |e| PartForms {
        group: f,
        group_errors: e,
        ..Default::default()
    })
    .await
}

// ---- one part's edit page ----

/// Read one stored part as its form and version (`Err(NotFound)` when not in this programme).
type ReadPart<F> = fn(&Parts, i64) -> Result<(F, i64), AppError>;

/// Which part an edit page is about: how to read it from the stored parts, its form and
/// the page's texts. One shape for every kind of part.
struct PartKind<F> {
    action: Action,
    form: &'static str,
    title_key: &'static str,
    path: &'static str,
    read: ReadPart<F>,
    fields: fn(&Ctx, &F, &FieldErrors, &Choices) -> maud::Markup,
    /// Does the form pick from the organisations list?
    needs_organisations: bool,
}

const PARTNER: PartKind<PartnerForm> = PartKind {
    action: Action::ManagePartners,
    form: "partner",
    title_key: "admin-edit-partner",
    path: "partners",
    read: |p, id| {
        let x = p.partner(PartnerId(id))?;
        Ok((PartnerForm::from_partner(x), x.version))
    },
    fields: |ctx, f, e, c| v::partner_fields(ctx, f, e, c),
    needs_organisations: true,
};

const AGREEMENT: PartKind<AgreementForm> = PartKind {
    action: Action::ManagePartners,
    form: "agreement",
    title_key: "admin-edit-agreement",
    path: "agreements",
    read: |p, id| {
        let (_, x) = p.agreement(AgreementId(id))?;
        Ok((AgreementForm::from_agreement(x), x.version))
    },
    fields: |ctx, f, e, _| v::agreement_fields(ctx, f, e),
    needs_organisations: false,
};

const STAFF: PartKind<StaffForm> = PartKind {
    action: Action::ManageStaff,
    form: "staff",
    title_key: "admin-edit-staff",
    path: "staff",
    read: |p, id| {
        let x = p.staff(StaffId(id))?;
        Ok((StaffForm::from_staff(x), x.version))
    },
    fields: |ctx, f, e, _| v::staff_fields(ctx, f, e),
    needs_organisations: false,
};

const AREA: PartKind<ActionAreaForm> = PartKind {
    action: Action::ManageActionAreas,
    form: "area",
    title_key: "admin-edit-area",
    path: "areas",
    read: |p, id| {
        let x = p.area(ActionAreaId(id))?;
        Ok((ActionAreaForm::from_area(x), x.version))
    },
    fields: |ctx, f, e, _| v::area_fields(ctx, f, e),
    needs_organisations: false,
};

const GROUP: PartKind<TargetGroupForm> = PartKind {
    action: Action::ManageTargetGroups,
    form: "group",
    title_key: "admin-edit-target-group",
    path: "target-groups",
    read: |p, id| {
        let x = p.group(TargetGroupId(id))?;
        Ok((TargetGroupForm::from_group(x), x.version))
    },
    fields: |ctx, f, e, _| v::group_fields(ctx, f, e),
    needs_organisations: false,
};

impl<F: serde::Serialize + serde::de::DeserializeOwned + Clone> PartKind<F> {
    async fn stored(
        &self,
        s: &AppState,
        ctx: &Ctx,
        id: i64,
        part: i64,
    ) -> Result<(F, i64), WebError> {
        let user = ctx.require_user()?;
        let parts = programmes::parts(&s.app, user, ProgrammeId(id), self.action)
            .await
            .map_err(ctx.err())?;
        (self.read)(&parts, part).map_err(ctx.err())
    }

    #[allow(clippy::too_many_arguments)]
    async fn render(
        &self,
        s: &AppState,
        ctx: &Ctx,
        status: StatusCode,
        (id, part): (i64, i64),
        f: &F,
        errors: &FieldErrors,
        state: &FormState,
    ) -> Result<Response, WebError> {
        let c = if self.needs_organisations {
            with_organisations(s, ctx, Choices::default()).await?
        } else {
            Choices::default()
        };
        let title = ctx.t(self.title_key);
        let action = format!("/admin/programmes/{id}/{}/{part}/edit", self.path);
        let back = format!("/admin/programmes/{id}");
        let page = PartPage {
            title: &title,
            form: self.form,
            action: &action,
            back: &back,
        };
        let body = v::part_edit_page(
            ctx,
            &page,
            errors,
            state,
            &c,
            (self.fields)(ctx, f, errors, &c),
        );
        Ok(views::layout::page_with_status(ctx, status, &title, body))
    }

    async fn edit_page(
        &self,
        s: &AppState,
        ctx: &Ctx,
        id: i64,
        part: i64,
    ) -> Result<Response, WebError> {
        let (f, version) = self.stored(s, ctx, id, part).await?;
        let state = FormState::edit(version, &f);
        self.render(
            s,
            ctx,
            StatusCode::OK,
            (id, part),
            &f,
            &FieldErrors::new(),
            &state,
        )
        .await
    }

    /// Answer a save: back to the programme, the form again with its messages, or the
    /// merged form after someone else saved meanwhile.
    async fn saved(
        &self,
        s: &AppState,
        ctx: &Ctx,
        (id, part): (i64, i64),
        f: F,
        meta: FormMeta,
        r: Result<(), AppError>,
    ) -> Result<Response, WebError> {
        match r {
            Ok(()) => Ok(done(
                &format!("/admin/programmes/{id}"),
                "saved",
                ctx.secure_cookies,
            )),
            Err(AppError::Invalid(errors)) => {
                let state = FormState {
                    version: meta.version,
                    was: meta.was,
                    ..Default::default()
                };
                self.render(
                    s,
                    ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    (id, part),
                    &f,
                    &errors,
                    &state,
                )
                .await
            }
            Err(AppError::Conflict) => {
                let (theirs, version) = self.stored(s, ctx, id, part).await?;
                let (merged, changes) =
                    conflict::merge(self.form, meta.was.as_deref(), &f, &theirs);
                let state = FormState {
                    changes,
                    ..FormState::edit(version, &theirs)
                };
                self.render(
                    s,
                    ctx,
                    StatusCode::CONFLICT,
                    (id, part),
                    &merged,
                    &FieldErrors::new(),
                    &state,
                )
                .await
            }
            Err(e) => Err(WebError::new(ctx.lang, e)),
        }
    }
}

pub async fn edit_partner_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    PARTNER.edit_page(&s, &ctx, id, pid).await
}

pub async fn update_partner(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    EditForm { form: f, meta }: EditForm<PartnerForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_partner(
        &s.app,
        user,
        ProgrammeId(id),
        PartnerId(pid),
        &f,
        meta.version,
    )
    .await;
    PARTNER.saved(&s, &ctx, (id, pid), f, meta, r).await
}

pub async fn edit_agreement_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    AGREEMENT.edit_page(&s, &ctx, id, aid).await
}

pub async fn update_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    EditForm { form: f, meta }: EditForm<AgreementForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_agreement(
        &s.app,
        user,
        ProgrammeId(id),
        AgreementId(aid),
        &f,
        meta.version,
    )
    .await;
    AGREEMENT.saved(&s, &ctx, (id, aid), f, meta, r).await
}

pub async fn edit_staff_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    STAFF.edit_page(&s, &ctx, id, sid).await
}

pub async fn update_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    EditForm { form: f, meta }: EditForm<StaffForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_staff(
        &s.app,
        user,
        ProgrammeId(id),
        StaffId(sid),
        &f,
        meta.version,
    )
    .await;
    STAFF.saved(&s, &ctx, (id, sid), f, meta, r).await
}

pub async fn edit_area_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    AREA.edit_page(&s, &ctx, id, aid).await
}

pub async fn update_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    EditForm { form: f, meta }: EditForm<ActionAreaForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::save_action_area(
        &s.app,
        user,
        ProgrammeId(id),
        Some(ActionAreaId(aid)),
        &f,
        edit(&meta),
    )
    .await
    .map(|_| ());
    AREA.saved(&s, &ctx, (id, aid), f, meta, r).await
}

pub async fn edit_target_group_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    GROUP.edit_page(&s, &ctx, id, gid).await
}

pub async fn update_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    EditForm { form: f, meta }: EditForm<TargetGroupForm>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::update_target_group(
        &s.app,
        user,
        ProgrammeId(id),
        TargetGroupId(gid),
        &f,
        meta.version,
    )
    .await;
    GROUP.saved(&s, &ctx, (id, gid), f, meta, r).await
}

// ---- deleting, with a confirmation page first ----

/// The confirmation page of a delete: what goes, and what goes with it.
async fn confirm(
    s: &AppState,
    ctx: &Ctx,
    id: i64,
    action: Action,
    title_key: &str,
    describe: impl FnOnce(&Parts) -> Result<(String, Vec<String>), AppError>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let parts = programmes::parts(&s.app, user, ProgrammeId(id), action)
        .await
        .map_err(ctx.err())?;
    let (what, with_it) = describe(&parts).map_err(ctx.err())?;
    let title = ctx.t(title_key);
    let here = ctx.here.split('?').next().unwrap_or("").to_string();
    Ok(views::layout::page(
        ctx,
        &title,
        v::confirm_delete(
            ctx,
            &title,
            &what,
            &with_it,
            &here,
            &format!("/admin/programmes/{id}"),
        ),
    ))
}

fn agreement_line(ctx: &Ctx, a: &Agreement) -> String {
    match a.signed_on {
        Some(d) => format!("{}: {}", ctx.lang.date(d), a.scope),
        None => a.scope.clone(),
    }
}

pub async fn confirm_delete_partner(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    confirm(
        &s,
        &ctx,
        id,
        Action::ManagePartners,
        "confirm-delete-partner",
        |p| {
            let x = p.partner(PartnerId(pid))?;
            let with_it = x
                .agreements
                .iter()
                .map(|a| {
                    format!(
                        "{}: {}",
                        ctx.t("confirm-agreement"),
                        agreement_line(&ctx, a)
                    )
                })
                .collect();
            Ok((x.organisation_name.clone(), with_it))
        },
    )
    .await
}

pub async fn confirm_delete_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    confirm(
        &s,
        &ctx,
        id,
        Action::ManagePartners,
        "confirm-delete-agreement",
        |p| {
            let (partner, a) = p.agreement(AgreementId(aid))?;
            Ok((
                format!(
                    "{} – {}",
                    partner.organisation_name,
                    agreement_line(&ctx, a)
                ),
                vec![],
            ))
        },
    )
    .await
}

pub async fn confirm_delete_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    confirm(
        &s,
        &ctx,
        id,
        Action::ManageStaff,
        "confirm-delete-staff",
        |p| Ok((p.staff(StaffId(sid))?.name.clone(), vec![])),
    )
    .await
}

pub async fn confirm_delete_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    confirm(
        &s,
        &ctx,
        id,
        Action::ManageActionAreas,
        "confirm-delete-area",
        |p| Ok((p.area(ActionAreaId(aid))?.name.clone(), vec![])),
    )
    .await
}

pub async fn confirm_delete_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    confirm(
        &s,
        &ctx,
        id,
        Action::ManageTargetGroups,
        "confirm-delete-target-group",
        |p| Ok((p.group(TargetGroupId(gid))?.name.clone(), vec![])),
    )
    .await
}

fn deleted(ctx: &Ctx, id: i64, r: Result<(), AppError>) -> Result<Response, WebError> {
    r.map_err(ctx.err())?;
    Ok(done(
        &format!("/admin/programmes/{id}"),
        "deleted",
        ctx.secure_cookies,
    ))
}

pub async fn delete_partner(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::delete_partner(&s.app, user, ProgrammeId(id), PartnerId(pid)).await;
    deleted(&ctx, id, r)
}

pub async fn delete_agreement(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::delete_agreement(&s.app, user, ProgrammeId(id), AgreementId(aid)).await;
    deleted(&ctx, id, r)
}

pub async fn delete_staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::delete_staff(&s.app, user, ProgrammeId(id), StaffId(sid)).await;
    deleted(&ctx, id, r)
}

pub async fn delete_area(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r = programmes::delete_action_area(&s.app, user, ProgrammeId(id), ActionAreaId(aid)).await;
    deleted(&ctx, id, r)
}

pub async fn delete_target_group(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let r =
        programmes::delete_target_group(&s.app, user, ProgrammeId(id), TargetGroupId(gid)).await;
    deleted(&ctx, id, r)
}

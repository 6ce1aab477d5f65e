//! A manual indicator's values: the list with their evidence files, the upload form
//! (multipart, read only once the user may add values), the file download and the delete.

use super::views::amount;
use crate::csrf::{self, CsrfForm};
use crate::ctx::Ctx;
use crate::error::{WebError, WebErrorKind};
use crate::evidence::pages::attachment;
use crate::extract::Path;
use crate::ui::components::{csrf, error_summary, input, textarea, Field};
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use kozos_app::indicators::manual::{self, ManualValues};
use kozos_app::AppError;
use kozos_domain::indicator::ManualValueForm;
use kozos_domain::participation::{FileType, MAX_EVIDENCE_BYTES};
use kozos_domain::{FieldErrors, IndicatorId, ManualValueId, ProgrammeId};
use maud::{html, Markup};

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    render(
        &s,
        &ctx,
        (id, ind),
        &ManualValueForm::default(),
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    (id, ind): (i64, i64),
    f: &ManualValueForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let v = manual::values(&s.app, user, ProgrammeId(id), IndicatorId(ind)).await?;
    let p = kozos_app::indicators::programme_for(&s.app, user, ProgrammeId(id)).await?;
    let title = format!("{} – {}", v.indicator.code, ctx.t("ind-values"));
    Ok(layout::page_with_status(
        ctx,
        status,
        &title,
        view(ctx, (id, &p.title), &v, f, errors),
    ))
}

fn view(
    ctx: &Ctx,
    (pid, ptitle): (i64, &str),
    v: &ManualValues,
    f: &ManualValueForm,
    e: &FieldErrors,
) -> Markup {
    let i = &v.indicator;
    let base = format!("/admin/programmes/{pid}/indicators/{}/values", i.id.0);
    let en = ctx.lang == crate::i18n::Lang::En;
    html! {
        p.breadcrumb {
            a href={ "/admin/programmes/" (pid) } { (ptitle) } " › "
            a href={ "/admin/programmes/" (pid) "/indicators" } { (ctx.t("ind-title")) }
        }
        h1 { (i.code) " – " (i.name(en)) ": " (ctx.t("ind-values")) }
        p { (ctx.t("ind-values-hint")) }
        @if v.values.is_empty() {
            p { (ctx.t("ind-values-none")) }
        } @else {
            div.table-scroll { table {
                thead { tr {
                    th scope="col" { (ctx.t("ind-value-on")) }
                    th scope="col" { (ctx.t("ind-value-amount")) }
                    th scope="col" { (ctx.t("ind-value-note")) }
                    th scope="col" { (ctx.t("ind-value-file")) }
                    @if v.can_manage { th scope="col" { span.visually-hidden { (ctx.t("admin-actions")) } } }
                } }
                tbody {
                    @for m in &v.values {
                        tr #{ "value-" (m.id.0) } {
                            td { (ctx.lang.date(m.on)) }
                            td.num { (amount(ctx, i.unit(), m.amount)) }
                            td { (m.note) }
                            td {
                                @if v.can_open_files {
                                    a href={ (base) "/" (m.id.0) } download { (m.file_name) }
                                } @else { (m.file_name) }
                                " (" (ctx.lang.file_size(m.size)) ")"
                            }
                            @if v.can_manage { td {
                                form.inline method="post" action={ (base) "/" (m.id.0) "/delete" } {
                                    (csrf(ctx))
                                    button.secondary type="submit" { (ctx.t("admin-delete")) span.visually-hidden { ": " (ctx.lang.date(m.on)) } }
                                }
                            } }
                        }
                    }
                }
            } }
        }
        @if v.can_manage {
            h2 #add { (ctx.t("ind-value-add")) }
            (error_summary(ctx, "value", e))
            form method="post" action=(base) enctype="multipart/form-data" novalidate {
                (csrf(ctx))
                (input(ctx, "value", Field::new("on", "ind-value-on", &f.on).required().hint("ind-value-on-hint"), "date", e))
                (input(ctx, "value", Field::new("amount", "ind-value-amount", &f.amount).required().hint("ind-amount-hint"), "text", e))
                (textarea(ctx, "value", Field::new("note", "ind-value-note", &f.note), 2, e))
                div.field .has-error[e.for_field("file").is_some()] {
                    label for="value-file" { (ctx.t("ind-value-file")) }
                    p.hint #value-file-hint { (ctx.lang.t_with("evidence-file-hint", &[("limit", (MAX_EVIDENCE_BYTES / (1024 * 1024)).to_string())])) }
                    @if let Some(k) = e.for_field("file") { p.error #value-file-error { (ctx.t(k)) } }
                    input #value-file type="file" name="file" required accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods"
                        aria-describedby={ "value-file-hint" @if e.for_field("file").is_some() { " value-file-error" } }
                        aria-invalid=[e.for_field("file").map(|_| "true")];
                }
                button type="submit" { (ctx.t("ind-value-add")) }
            }
        }
    }
}

pub async fn add(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind)): Path<(i64, i64)>,
    req: Request,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (pid, iid) = (ProgrammeId(id), IndicatorId(ind));
    // Refuse before reading the body: only those who may add values make it read.
    if !manual::values(&s.app, user, pid, iid).await?.can_manage {
        return Err(ctx.err()(AppError::Forbidden));
    }
    let upload = match csrf::read_upload(req, &s, crate::evidence::MAX_UPLOAD_BODY).await {
        Ok(u) => u,
        Err(WebError {
            kind: WebErrorKind::TooLarge(_),
            ..
        }) => {
            let mut e = FieldErrors::new();
            e.add("file", "evidence-err-too-large");
            let f = ManualValueForm::default();
            return render(&s, &ctx, (id, ind), &f, &e, StatusCode::PAYLOAD_TOO_LARGE).await;
        }
        Err(e) => return Err(e),
    };
    let f = ManualValueForm {
        on: upload.field("on").to_string(),
        amount: upload.field("amount").to_string(),
        note: upload.field("note").to_string(),
    };
    let file = upload
        .file
        .as_ref()
        .map(|f| (f.name.as_str(), f.bytes.as_slice()));
    match manual::add(&s.app, user, pid, iid, &f, file).await {
        Ok(v) => Ok(done(
            &format!(
                "/admin/programmes/{id}/indicators/{ind}/values#value-{}",
                v.0
            ),
            "saved",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            render(
                &s,
                &ctx,
                (id, ind),
                &f,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

pub async fn download(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind, value)): Path<(i64, i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (name, media, bytes) = manual::file(
        &s.app,
        user,
        ProgrammeId(id),
        IndicatorId(ind),
        ManualValueId(value),
    )
    .await?;
    let content_type = FileType::from_content_type(&media)
        .map_or("application/octet-stream", FileType::content_type);
    Ok(attachment(&name, content_type, bytes))
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, ind, value)): Path<(i64, i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    manual::delete(
        &s.app,
        user,
        ProgrammeId(id),
        IndicatorId(ind),
        ManualValueId(value),
    )
    .await?;
    Ok(done(
        &format!("/admin/programmes/{id}/indicators/{ind}/values"),
        "deleted",
        ctx.secure_cookies,
    ))
}

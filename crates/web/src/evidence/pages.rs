//! The evidence page, the upload (multipart, read only once the user may upload), the
//! download and the delete.

use super::views;
use crate::csrf::{self, CsrfForm};
use crate::ctx::Ctx;
use crate::error::{WebError, WebErrorKind};
use crate::extract::Path;
use crate::programmes::records::views::confirm_page;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use kozos_app::participation::evidence::{self, Upload};
use kozos_app::AppError;
use kozos_domain::participation::FileType;
use kozos_domain::{ActivityId, EvidenceId, FieldErrors};

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    render(
        &s,
        &ctx,
        ActivityId(id),
        "",
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    id: ActivityId,
    kind: &str,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (a, files, rights) = evidence::list(&s.app, user, id).await?;
    let title = format!("{} – {}", ctx.t("evidence-title"), a.title);
    let body = views::page(ctx, &a, &files, rights, kind, errors);
    Ok(layout::page_with_status(ctx, status, &title, body))
}

pub async fn upload(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    req: Request,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let activity = ActivityId(id);
    // Refuse before reading the body: only those who may upload make it read.
    let (_, rights) = evidence::rights(&s.app, user, activity).await?;
    if !rights.upload {
        return Err(ctx.err()(AppError::Forbidden));
    }
    let form = match csrf::read_upload(req, &s, super::MAX_UPLOAD_BODY).await {
        Ok(f) => f,
        Err(WebError {
            kind: WebErrorKind::TooLarge(_),
            ..
        }) => {
            let mut e = FieldErrors::new();
            e.add("file", "evidence-err-too-large");
            return render(&s, &ctx, activity, "", &e, StatusCode::PAYLOAD_TOO_LARGE).await;
        }
        Err(e) => return Err(e),
    };
    let kind = form.field("kind").to_string();
    let up = Upload {
        kind: &kind,
        file: form
            .file
            .as_ref()
            .map(|f| (f.name.as_str(), f.bytes.as_slice())),
    };
    match evidence::upload(&s.app, user, activity, &up).await {
        Ok(f) => Ok(done(
            &format!("/admin/activities/{id}/evidence#file-{}", f.id),
            "uploaded",
            ctx.secure_cookies,
        )),
        Err(AppError::Invalid(errors)) => {
            render(
                &s,
                &ctx,
                activity,
                &kind,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

/// `filename*` of RFC 6266 / 8187: UTF-8, percent-encoded but for the attribute characters.
fn encode_ext_value(name: &str) -> String {
    let mut out = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A plain ASCII name for browsers that read only `filename`: accents dropped, anything
/// else that is not a letter, digit, dot or hyphen an underscore.
fn ascii_fallback(name: &str) -> String {
    name.chars()
        .map(|c| {
            let folded = kozos_domain::text::fold(&c.to_string());
            let mut chars = folded.chars();
            match (chars.next(), chars.next()) {
                _ if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') => c,
                (Some(f), None) if f.is_ascii_alphanumeric() && c.is_uppercase() => {
                    f.to_ascii_uppercase()
                }
                (Some(f), None) if f.is_ascii_alphanumeric() => f,
                _ => '_',
            }
        })
        .collect()
}

pub fn content_disposition(name: &str) -> String {
    format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_fallback(name),
        encode_ext_value(name)
    )
}

pub async fn download(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (f, bytes) = evidence::download(&s.app, user, ActivityId(id), EvidenceId(file)).await?;
    // Only the types kozos stores are named; anything else is bytes to save.
    let content_type = FileType::from_content_type(&f.content_type)
        .map_or("application/octet-stream", FileType::content_type);
    Ok(attachment(&f.file_name, content_type, bytes))
}

/// A file to save, never to render in the page's origin: its name for the save dialog,
/// no sniffing, no caching, and a sandbox if a browser opens it anyway.
pub(crate) fn attachment(name: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let disposition = HeaderValue::from_str(&content_disposition(name))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_DISPOSITION, disposition);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    res
}

pub async fn confirm_delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let (a, rights) = evidence::rights(&s.app, user, ActivityId(id)).await?;
    if !rights.delete {
        return Err(ctx.err()(AppError::Forbidden));
    }
    let (_, f) = evidence::get(&s.app, user, a.id, EvidenceId(file)).await?;
    let title = ctx.t("evidence-delete-title");
    let what = format!(
        "{} ({}, {})",
        f.file_name,
        ctx.t(&format!("evidence-kind-{}", f.kind.as_str())),
        ctx.lang.file_size(f.size)
    );
    let body = confirm_page(
        &ctx,
        &title,
        (&what, &[]),
        &format!("/admin/activities/{id}/evidence/{file}/delete"),
        &format!("/admin/activities/{id}/evidence"),
    );
    Ok(layout::page(&ctx, &title, body))
}

pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<crate::csrf::Empty>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    evidence::delete(&s.app, user, ActivityId(id), EvidenceId(file)).await?;
    Ok(done(
        &format!("/admin/activities/{id}/evidence"),
        "deleted",
        ctx.secure_cookies,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_survive_any_browser() {
        assert_eq!(
            content_disposition("jelenléti ív (aláírt).pdf"),
            "attachment; filename=\"jelenleti_iv__alairt_.pdf\"; \
             filename*=UTF-8''jelenl%C3%A9ti%20%C3%ADv%20%28al%C3%A1%C3%ADrt%29.pdf"
        );
        assert_eq!(
            content_disposition("a\"b;c.pdf"),
            "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%3Bc.pdf"
        );
        assert_eq!(ascii_fallback("Őri Ű.jpg"), "Ori_U.jpg");
    }
}

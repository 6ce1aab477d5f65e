//! The evidence page: the files (kind, name, size, checksum, who and when), and the
//! upload form for those who may add files.

use crate::ctx::Ctx;
use crate::ui::components::{csrf, error_summary, select, Field};
use kozos_app::participation::evidence::EvidenceRights;
use kozos_domain::activity::Activity;
use kozos_domain::participation::{EvidenceFile, EvidenceKind, MAX_EVIDENCE_BYTES};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

/// How much of the checksum the table shows (the whole is in the title and the API).
const SHORT_SHA: usize = 12;

pub fn page(
    ctx: &Ctx,
    a: &Activity,
    files: &[EvidenceFile],
    rights: EvidenceRights,
    kind: &str,
    errors: &FieldErrors,
) -> Markup {
    let base = format!("/admin/activities/{}/evidence", a.id);
    let kinds: Vec<(String, String)> = EvidenceKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                ctx.t(&format!("evidence-kind-{}", k.as_str())),
            )
        })
        .collect();
    let file_error = errors.for_field("file");
    let file_desc = if file_error.is_some() {
        "evidence-file-hint evidence-file-error"
    } else {
        "evidence-file-hint"
    };
    let limit_mb = (MAX_EVIDENCE_BYTES / (1024 * 1024)).to_string();
    html! {
        p.breadcrumb { a href={ "/admin/activities/" (a.id) "/roster" } { (ctx.t("roster-title")) ": " (a.title) } }
        h1 { (ctx.t("evidence-title")) ": " (a.title) }
        p { (ctx.lang.datetime(a.starts_at)) }
        p { (ctx.t("evidence-intro")) }
        @if files.is_empty() {
            p { (ctx.t("evidence-none")) }
        } @else {
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (ctx.t("evidence-col-kind")) }
                        th scope="col" { (ctx.t("evidence-col-name")) }
                        th scope="col" { (ctx.t("evidence-col-size")) }
                        th scope="col" { (ctx.t("evidence-col-checksum")) }
                        th scope="col" { (ctx.t("evidence-col-uploaded")) }
                        th scope="col" { (ctx.t("evidence-col-actions")) }
                    } }
                    tbody {
                        @for f in files {
                            tr #{ "file-" (f.id) } {
                                td { (ctx.t(&format!("evidence-kind-{}", f.kind.as_str()))) }
                                th scope="row" { (f.file_name) }
                                td { (ctx.lang.file_size(f.size)) }
                                td { code title=(f.sha256) { (f.sha256.get(..SHORT_SHA).unwrap_or(&f.sha256)) "…" } }
                                td {
                                    (f.uploaded_by_name.clone().unwrap_or_else(|| ctx.t("evidence-unknown-uploader")))
                                    br;
                                    time datetime=(f.uploaded_at.stored()) { (ctx.lang.datetime(f.uploaded_at)) }
                                }
                                td {
                                    // The accessible names start with the visible text (WCAG 2.5.3).
                                    a href={ (base) "/" (f.id) } download
                                        aria-label=(ctx.lang.t_with("evidence-download-label", &[("name", f.file_name.clone())])) {
                                        (ctx.t("evidence-download"))
                                    }
                                    @if rights.delete {
                                        " · "
                                        a href={ (base) "/" (f.id) "/delete" }
                                            aria-label=(ctx.lang.t_with("evidence-delete-label", &[("name", f.file_name.clone())])) {
                                            (ctx.t("evidence-delete"))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if rights.upload {
            h2 #upload { (ctx.t("evidence-upload-title")) }
            (error_summary(ctx, "evidence", errors))
            form method="post" action=(base) enctype="multipart/form-data" novalidate {
                (csrf(ctx))
                (select(ctx, "evidence", Field::new("kind", "evidence-field-kind", kind).required(), &kinds, errors))
                div.field .has-error[file_error.is_some()] {
                    label for={ "evidence" "-file" } { (ctx.t("evidence-field-file")) }
                    p.hint #evidence-file-hint { (ctx.lang.t_with("evidence-file-hint", &[("limit", limit_mb)])) }
                    @if let Some(key) = file_error {
                        p.error #evidence-file-error { (ctx.t(key)) }
                    }
                    input #evidence-file type="file" name="file" required
                        accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
                        aria-invalid=[file_error.map(|_| "true")] aria-describedby=(file_desc);
                }
                button type="submit" { (ctx.t("evidence-upload-submit")) }
            }
        }
    }
}

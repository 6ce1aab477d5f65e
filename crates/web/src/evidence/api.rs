//! The API's view of an activity's evidence: the files' metadata (the bytes are
//! downloaded from the back office).

use crate::api::{ApiError, ApiErrorBody, ApiLang, ApiPath, ApiUser};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kozos_app::participation::evidence;
use kozos_domain::participation::EvidenceFile;
use kozos_domain::ActivityId;
use serde::Serialize;
use utoipa::ToSchema;

/// One evidence file, without its bytes.
#[derive(Serialize, ToSchema, Debug)]
pub struct EvidenceDto {
    pub id: i64,
    pub activity_id: i64,
    /// `attendance_sheet`, `photo`, `invitation`, `memo` or `other`.
    pub kind: String,
    /// The cleaned file name (no path, no control or direction characters).
    pub file_name: String,
    /// As its content shows it: `application/pdf`, `image/jpeg`, `image/png`, `image/webp`.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    /// RFC 3339, UTC.
    pub uploaded_at: String,
    pub uploaded_by: Option<String>,
    /// Where the signed-in back office downloads it.
    pub download_path: String,
}

impl From<&EvidenceFile> for EvidenceDto {
    fn from(f: &EvidenceFile) -> Self {
        EvidenceDto {
            id: f.id.0,
            activity_id: f.activity_id.0,
            kind: f.kind.as_str().into(),
            file_name: f.file_name.clone(),
            content_type: f.content_type.clone(),
            size: f.size,
            sha256: f.sha256.clone(),
            uploaded_at: f.uploaded_at.stored(),
            uploaded_by: f.uploaded_by_name.clone(),
            download_path: format!("/admin/activities/{}/evidence/{}", f.activity_id, f.id),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/activities/{id}/evidence", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = Vec<EvidenceDto>, description = "The activity's evidence files, oldest first, without their bytes."),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    lang: ApiLang,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<EvidenceDto>>, ApiError> {
    let (_, files, _) = evidence::list(&s.app, &user, ActivityId(id))
        .await
        .map_err(lang.err())?;
    Ok(Json(files.iter().map(EvidenceDto::from).collect()))
}

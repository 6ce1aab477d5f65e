use kozos_db::DbError;
use kozos_domain::FieldErrors;
use thiserror::Error;

/// Every way a use case can fail. The web layer maps each to a status and a translated page.
#[derive(Debug, Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// Someone saved the record after the version this edit started from.
    #[error("edited by someone else meanwhile")]
    Conflict,
    #[error("too many attempts; retry after {retry_after} s")]
    RateLimited { retry_after: u64 },
    #[error(transparent)]
    Db(DbError),
    #[error("internal: {0}")]
    Internal(String),
}

/// The field and message a unique constraint stands for: whichever use case runs into
/// one, the person sees it on the field they typed, in their language.
pub const UNIQUE_FIELDS: &[(&str, &str, &str)] = &[
    ("survey_responses_user", "form", "err-survey-answered-once"),
    ("survey_responses_form", "form", "err-survey-answered-once"),
    ("programmes_code_key", "code", "err-duplicate-code"),
    ("organisations_unique_name", "name", "err-duplicate-name"),
    (
        "partners_unique",
        "organisation_id",
        "err-duplicate-partner",
    ),
    ("action_areas_unique_key", "name", "err-duplicate-name"),
    ("target_groups_unique_key", "name", "err-duplicate-name"),
    ("users_email_key", "email", "err-duplicate-email"),
    ("memos_activity", "form", "err-memo-exists"),
    (
        "initiative_supports_unique",
        "form",
        "err-initiative-already-supported",
    ),
    (
        "comment_reports_unique",
        "form",
        "err-comment-already-reported",
    ),
];

impl From<DbError> for AppError {
    /// A reference the use case checked can still vanish before the write (deleted in
    /// between); that is the person's input going stale, not a server fault. A unique
    /// constraint a person can run into is a message on their field.
    fn from(e: DbError) -> Self {
        if let Some(c) = e.unique_constraint() {
            if let Some((_, field, key)) = UNIQUE_FIELDS.iter().find(|(name, ..)| *name == c) {
                return AppError::invalid(field, key);
            }
        }
        match e {
            DbError::ForeignKey => AppError::invalid("form", "err-reference"),
            e => AppError::Db(e),
        }
    }
}

impl AppError {
    pub fn invalid(field: &'static str, key: &'static str) -> Self {
        let mut e = FieldErrors::new();
        e.add(field, key);
        AppError::Invalid(e)
    }
}

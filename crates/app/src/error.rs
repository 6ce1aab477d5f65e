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
    #[error("too many attempts")]
    RateLimited,
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    pub fn invalid(field: &'static str, key: &'static str) -> Self {
        let mut e = FieldErrors::new();
        e.add(field, key);
        AppError::Invalid(e)
    }
}

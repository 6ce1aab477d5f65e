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

impl From<DbError> for AppError {
    /// A reference the use case checked can still vanish before the write (deleted in
    /// between); that is the person's input going stale, not a server fault.
    fn from(e: DbError) -> Self {
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

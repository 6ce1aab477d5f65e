use thiserror::Error;

#[derive(Debug, Error)]
pub enum DbError {
    #[error("unsupported database URL scheme `{0}` (use sqlite:// or postgres://)")]
    BadUrl(String),
    #[error("a record with the same {0} already exists")]
    Unique(String),
    #[error("a referenced record does not exist or is still in use")]
    ForeignKey,
    #[error("stored data is malformed: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sql(sqlx::Error),
    #[error("migration {0} failed: {1}")]
    Migration(i64, String),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            match db.kind() {
                sqlx::error::ErrorKind::UniqueViolation => {
                    // SQLite says "UNIQUE constraint failed: programmes.code", PostgreSQL names
                    // the constraint ("programmes_code_key"); keep what identifies the column.
                    return DbError::Unique(db.message().to_string());
                }
                sqlx::error::ErrorKind::ForeignKeyViolation => return DbError::ForeignKey,
                _ => {}
            }
        }
        DbError::Sql(e)
    }
}

impl DbError {
    /// Was this a unique violation on something whose description mentions `needle`
    /// (a column or index name)?
    pub fn is_unique_on(&self, needle: &str) -> bool {
        matches!(self, DbError::Unique(m) if m.contains(needle))
    }
}

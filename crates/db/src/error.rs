use thiserror::Error;

#[derive(Debug, Error)]
pub enum DbError {
    #[error("unsupported database URL scheme `{0}` (use sqlite:// or postgres://)")]
    BadUrl(String),
    /// A unique constraint refused the write; the constraint's name as PostgreSQL names it
    /// (see [`UNIQUE_CONSTRAINTS`]), on both engines.
    #[error("a record with the same value already exists ({0})")]
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

/// Every unique constraint of the schema: its name (PostgreSQL's, which SQLite does not
/// report) and the columns SQLite names instead ("UNIQUE constraint failed: t.a, t.b").
/// A test checks this list against the schema on both engines.
pub const UNIQUE_CONSTRAINTS: &[(&str, &str)] = &[
    ("places_ksh_code_key", "places.ksh_code"),
    (
        "places_unique_name",
        "places.parent_id, places.kind, places.name",
    ),
    ("organisations_unique_name", "organisations.name_folded"),
    ("programmes_code_key", "programmes.code"),
    (
        "partners_unique",
        "partners.programme_id, partners.organisation_id",
    ),
    (
        "action_areas_unique_key",
        "action_areas.programme_id, action_areas.name_key",
    ),
    (
        "target_groups_unique_key",
        "target_groups.programme_id, target_groups.name_key",
    ),
    (
        "survey_responses_user",
        "survey_responses.questionnaire_id, survey_responses.user_id",
    ),
    (
        "survey_responses_form",
        "survey_responses.questionnaire_id, survey_responses.form_key",
    ),
    ("users_email_key", "users.email"),
    ("memos_activity", "memos.activity_id"),
    ("api_tokens_token_hash_key", "api_tokens.token_hash"),
    ("residents_email_key", "residents.email"),
    ("residents_user_key", "residents.user_id"),
    (
        "initiative_supports_unique",
        "initiative_supports.initiative_id, initiative_supports.resident_id",
    ),
    (
        "comment_reports_unique",
        "comment_reports.comment_id, comment_reports.reporter_id",
    ),
];

/// The constraint a unique violation names, the same on both engines.
fn constraint_name(db: &dyn sqlx::error::DatabaseError) -> String {
    if let Some(name) = db.constraint() {
        return name.to_string();
    }
    let message = db.message();
    let columns = message
        .strip_prefix("UNIQUE constraint failed: ")
        .unwrap_or(message);
    UNIQUE_CONSTRAINTS
        .iter()
        .find(|(_, cols)| *cols == columns)
        .map(|(name, _)| name.to_string())
        .unwrap_or_else(|| message.to_string())
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            match db.kind() {
                sqlx::error::ErrorKind::UniqueViolation => {
                    return DbError::Unique(constraint_name(db.as_ref()));
                }
                sqlx::error::ErrorKind::ForeignKeyViolation => return DbError::ForeignKey,
                _ => {}
            }
        }
        DbError::Sql(e)
    }
}

impl DbError {
    /// The unique constraint this write ran into, if that is what failed.
    pub fn unique_constraint(&self) -> Option<&str> {
        match self {
            DbError::Unique(name) => Some(name),
            _ => None,
        }
    }
}

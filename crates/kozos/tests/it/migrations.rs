//! The migration runner guards the schema a database already has.

use crate::both;
use crate::harness::*;

// A migration edited after a database applied it would leave that database without what
// the edit added; kozos refuses to start on it and says which migration and why.
both!(an_edited_migration_is_refused, |t: TestApp| async move {
    assert_eq!(
        kozos_db::migrate::run(&t.app.db).await.unwrap(),
        0,
        "nothing pending"
    );
    sqlx::query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3")
        .execute(&t.app.db.pool)
        .await
        .unwrap();
    let err = kozos_db::migrate::run(&t.app.db).await.unwrap_err();
    let text = err.to_string();
    assert!(text.contains("migration 3 failed"), "{text}");
    assert!(text.contains("0003_versions_and_guards"), "{text}");
    assert!(text.contains("must not be edited"), "{text}");
    // Rows from before checksums were kept are stamped, not refused.
    sqlx::query("UPDATE schema_migrations SET checksum = NULL")
        .execute(&t.app.db.pool)
        .await
        .unwrap();
    assert_eq!(kozos_db::migrate::run(&t.app.db).await.unwrap(), 0);
    let unstamped: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM schema_migrations WHERE checksum IS NULL")
            .fetch_one(&t.app.db.pool)
            .await
            .unwrap();
    assert_eq!(unstamped, 0);
});

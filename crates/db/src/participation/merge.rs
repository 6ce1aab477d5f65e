//! Merging two records of one person: everything the dropped record holds moves to the
//! kept one (clashes kept once), in the caller's transaction.

use crate::{Conn, DbError};
use kozos_domain::time::Instant;
use kozos_domain::*;

/// What a merge moved to the person kept, for the change log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub registrations: u64,
    pub attendance: u64,
    pub consents: u64,
    pub certificates: u64,
    pub shifts: u64,
    pub distance: u64,
    pub sensitive: bool,
    /// Rows both held for one activity (registration, attendance, distance part) of which
    /// one was kept.
    pub clashes: u64,
    /// Activities both were registered for: one place may have come free.
    pub shared_activities: Vec<ActivityId>,
}

/// Registrations ranked for keeping: a confirmed place before a waiting one before a
/// cancelled one.
fn rank(column: &str) -> String {
    format!("(CASE {column} WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END)")
}

async fn exec(
    conn: &mut Conn,
    sql: &str,
    kept: PersonId,
    dropped: PersonId,
) -> Result<u64, DbError> {
    Ok(sqlx::query(sql)
        .bind(kept.0)
        .bind(dropped.0)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

/// Merge `dropped` into `kept`, in the caller's transaction: every registration,
/// attendance, consent, certificate, volunteer shift, distance-learning record and the
/// sensitive attributes move to `kept`; fields `kept` lacks are filled from `dropped`,
/// which becomes a pointer without contact data.
///
/// Where both hold a row that may exist once per activity, one is kept and the merge
/// goes on: of two registrations the live one (confirmed, then waiting, then cancelled;
/// `kept`'s when equal), of two attendances `kept`'s. A certificate both were issued for
/// one training stays with the pointer: a certificate is never deleted, its number may be
/// printed somewhere. Of two sets of sensitive attributes `kept`'s stand (each rests on
/// its own legal basis).
pub async fn merge(
    conn: &mut Conn,
    kept: PersonId,
    dropped: PersonId,
    now: Instant,
) -> Result<Merged, DbError> {
    let mut m = Merged::default();
    // Indicators count both before; after, the kept one once, where either took part.
    let mut programmes = crate::indicators::maintain::programmes_of_person(conn, kept).await?;
    programmes.extend(crate::indicators::maintain::programmes_of_person(conn, dropped).await?);
    programmes.sort();
    programmes.dedup();
    let shared: Vec<i64> = sqlx::query_scalar(
        "SELECT r.activity_id FROM registrations r WHERE r.person_id = $2 AND EXISTS \
         (SELECT 1 FROM registrations k WHERE k.person_id = $1 AND k.activity_id = r.activity_id) \
         ORDER BY r.activity_id",
    )
    .bind(kept.0)
    .bind(dropped.0)
    .fetch_all(&mut *conn)
    .await?;
    m.shared_activities = shared.into_iter().map(ActivityId).collect();
    let worse_kept = format!(
        "DELETE FROM registrations WHERE person_id = $1 AND EXISTS (SELECT 1 FROM registrations d \
         WHERE d.person_id = $2 AND d.activity_id = registrations.activity_id AND {} < {})",
        rank("d.status"),
        rank("registrations.status")
    );
    m.clashes += exec(conn, &worse_kept, kept, dropped).await?;
    m.clashes += exec(
        conn,
        "DELETE FROM registrations WHERE person_id = $2 AND activity_id IN \
         (SELECT activity_id FROM registrations WHERE person_id = $1)",
        kept,
        dropped,
    )
    .await?;
    m.registrations = exec(
        conn,
        "UPDATE registrations SET person_id = $1 WHERE person_id = $2",
        kept,
        dropped,
    )
    .await?;
    m.clashes += exec(
        conn,
        "DELETE FROM attendance WHERE person_id = $2 AND EXISTS (SELECT 1 FROM attendance k \
         WHERE k.person_id = $1 AND k.activity_id = attendance.activity_id AND k.session_id = attendance.session_id)",
        kept,
        dropped,
    )
    .await?;
    m.attendance = exec(
        conn,
        "UPDATE attendance SET person_id = $1 WHERE person_id = $2",
        kept,
        dropped,
    )
    .await?;
    // An attendance whose registration was the one let go names the one kept.
    exec(
        conn,
        "UPDATE attendance SET registration_id = (SELECT r.id FROM registrations r \
           WHERE r.activity_id = attendance.activity_id AND r.person_id = $1) \
         WHERE person_id = $1 AND registration_id IS NULL AND $2 = $2 AND EXISTS (SELECT 1 FROM registrations r \
           WHERE r.activity_id = attendance.activity_id AND r.person_id = $1 AND r.status <> 'cancelled')",
        kept,
        dropped,
    )
    .await?;
    m.clashes += exec(
        conn,
        "DELETE FROM training_distance WHERE person_id = $2 AND activity_id IN \
         (SELECT activity_id FROM training_distance WHERE person_id = $1)",
        kept,
        dropped,
    )
    .await?;
    m.distance = exec(
        conn,
        "UPDATE training_distance SET person_id = $1 WHERE person_id = $2",
        kept,
        dropped,
    )
    .await?;
    m.certificates = exec(
        conn,
        "UPDATE certificates SET person_id = $1 WHERE person_id = $2 AND activity_id NOT IN \
         (SELECT activity_id FROM certificates WHERE person_id = $1)",
        kept,
        dropped,
    )
    .await?;
    m.consents = exec(
        conn,
        "UPDATE consents SET person_id = $1 WHERE person_id = $2",
        kept,
        dropped,
    )
    .await?;
    m.shifts = exec(
        conn,
        "UPDATE volunteer_shifts SET person_id = $1 WHERE person_id = $2",
        kept,
        dropped,
    )
    .await?;
    m.sensitive = exec(
        conn,
        "UPDATE person_sensitive SET person_id = $1 WHERE person_id = $2 AND NOT EXISTS \
         (SELECT 1 FROM person_sensitive k WHERE k.person_id = $1)",
        kept,
        dropped,
    )
    .await?
        > 0;
    exec(
        conn,
        "DELETE FROM person_sensitive WHERE person_id = $2 AND $1 = $1",
        kept,
        dropped,
    )
    .await?;
    sqlx::query(
        "UPDATE people SET \
            programme_id = COALESCE(programme_id, (SELECT d.programme_id FROM people d WHERE d.id = $2)), \
            email = COALESCE(email, (SELECT d.email FROM people d WHERE d.id = $2)), \
            phone = COALESCE(phone, (SELECT d.phone FROM people d WHERE d.id = $2)), \
            birth_year = COALESCE(birth_year, (SELECT d.birth_year FROM people d WHERE d.id = $2)), \
            age_band = CASE WHEN birth_year IS NULL AND (SELECT d.birth_year FROM people d WHERE d.id = $2) IS NULL \
                THEN COALESCE(age_band, (SELECT d.age_band FROM people d WHERE d.id = $2)) ELSE NULL END, \
            place_id = COALESCE(place_id, (SELECT d.place_id FROM people d WHERE d.id = $2)), \
            organisation_id = COALESCE(organisation_id, (SELECT d.organisation_id FROM people d WHERE d.id = $2)), \
            user_id = COALESCE(user_id, (SELECT d.user_id FROM people d WHERE d.id = $2)), \
            updated_at = $3, version = version + 1 \
         WHERE id = $1",
    )
    .bind(kept.0)
    .bind(dropped.0)
    .bind(now.stored())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE people SET merged_into = $1, email = NULL, phone = NULL, user_id = NULL, \
         updated_at = $3, version = version + 1 WHERE id = $2",
    )
    .bind(kept.0)
    .bind(dropped.0)
    .bind(now.stored())
    .execute(&mut *conn)
    .await?;
    for p in programmes {
        for person in [kept, dropped] {
            use crate::indicators::{touch, Touch};
            touch(conn, p, Touch::Attendance(person)).await?;
            touch(conn, p, Touch::Person(person)).await?;
            touch(conn, p, Touch::Certificates(person)).await?;
        }
    }
    Ok(m)
}

/// Lock both people's rows for a merge (in id order, so two merges of the same pair
/// cannot wait on each other), and say whether both are still live records.
pub async fn lock_live_pair(conn: &mut Conn, a: PersonId, b: PersonId) -> Result<bool, DbError> {
    let mut n = 0;
    for id in [a.0.min(b.0), a.0.max(b.0)] {
        n += sqlx::query(
            "UPDATE people SET version = version WHERE id = $1 AND merged_into IS NULL",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    Ok(n == 2)
}

//! The people registry. A person is visible to a programme's staff when it was entered
//! under the programme or takes part in one of its activities; merged records stay as
//! pointers to the record kept.

use crate::row::*;
use crate::{like_contains, Conn, DbError};
use kozos_domain::participation::*;
use kozos_domain::text::name_key;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use sqlx::any::AnyRow;

const SELECT: &str = "SELECT p.id, p.programme_id, p.name, p.email, p.phone, p.birth_year, p.age_band, \
    p.place_id, pl.name AS place_name, p.organisation_id, o.name AS organisation_name, p.user_id, \
    p.merged_into, p.version \
    FROM people p LEFT JOIN places pl ON pl.id = p.place_id LEFT JOIN organisations o ON o.id = p.organisation_id";

/// People visible to programme `$P`: entered under it, or registered for or attending
/// one of its activities.
const VISIBLE: &str = "(p.programme_id = $P \
    OR EXISTS (SELECT 1 FROM registrations r JOIN activities a ON a.id = r.activity_id \
               WHERE r.person_id = p.id AND a.programme_id = $P) \
    OR EXISTS (SELECT 1 FROM attendance t JOIN activities a ON a.id = t.activity_id \
               WHERE t.person_id = p.id AND a.programme_id = $P))";

fn visible(placeholder: usize) -> String {
    VISIBLE.replace("$P", &format!("${placeholder}"))
}

fn from_row(r: &AnyRow) -> Result<Person, DbError> {
    Ok(Person {
        id: PersonId(i(r, "id")?),
        programme_id: oi(r, "programme_id")?.map(ProgrammeId),
        name: s(r, "name")?,
        email: os(r, "email")?,
        phone: os(r, "phone")?,
        birth_year: oi(r, "birth_year")?.map(|y| y as i32),
        age_band: oe(r, "age_band", AgeBand::parse)?,
        place_id: oi(r, "place_id")?.map(PlaceId),
        place_name: os(r, "place_name")?,
        organisation_id: oi(r, "organisation_id")?.map(OrganisationId),
        organisation_name: os(r, "organisation_name")?,
        user_id: oi(r, "user_id")?.map(UserId),
        merged_into: oi(r, "merged_into")?.map(PersonId),
        version: i(r, "version")?,
    })
}

/// A person's data with the settlement found.
pub struct NewPerson<'a> {
    pub input: &'a PersonInput,
    pub place: Option<PlaceId>,
    pub user: Option<UserId>,
}

pub async fn insert(
    conn: &mut Conn,
    programme: Option<ProgrammeId>,
    p: NewPerson<'_>,
    now: Instant,
) -> Result<PersonId, DbError> {
    let i = p.input;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO people (programme_id, name, name_key, email, phone, birth_year, age_band, place_id, \
         organisation_id, user_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    )
    .bind(programme.map(|p| p.0))
    .bind(&i.name)
    .bind(name_key(&i.name))
    .bind(&i.email)
    .bind(&i.phone)
    .bind(i.birth_year.map(i64::from))
    .bind(i.age_band.map(|b| b.as_str()))
    .bind(p.place.map(|p| p.0))
    .bind(i.organisation_id.map(|o| o.0))
    .bind(p.user.map(|u| u.0))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(PersonId(id))
}

/// Save an edit made from `version` (`None`: whatever it is at); `Stale` when someone
/// saved in between.
pub async fn update(
    conn: &mut Conn,
    id: PersonId,
    version: Option<i64>,
    p: NewPerson<'_>,
    now: Instant,
) -> Result<crate::Saved, DbError> {
    let i = p.input;
    let done = sqlx::query(
        "UPDATE people SET name = $1, name_key = $2, email = $3, phone = $4, birth_year = $5, age_band = $6, \
         place_id = $7, organisation_id = $8, updated_at = $9, version = version + 1 \
         WHERE id = $10 AND version = COALESCE($11, version) AND merged_into IS NULL",
    )
    .bind(&i.name)
    .bind(name_key(&i.name))
    .bind(&i.email)
    .bind(&i.phone)
    .bind(i.birth_year.map(i64::from))
    .bind(i.age_band.map(|b| b.as_str()))
    .bind(p.place.map(|p| p.0))
    .bind(i.organisation_id.map(|o| o.0))
    .bind(now.stored())
    .bind(id.0)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let saved = crate::saved(
        conn,
        done,
        "SELECT COUNT(*) FROM people WHERE id = $1 AND merged_into IS NULL AND $2 = $2",
        id.0,
        0,
    )
    .await?;
    if saved == crate::Saved::Done {
        crate::indicators::touch_person(conn, id).await?;
    }
    Ok(saved)
}

/// How many people a programme's registry holds.
pub async fn count_in_programme(conn: &mut Conn, programme: ProgrammeId) -> Result<i64, DbError> {
    let r = sqlx::query("SELECT COUNT(*) AS n FROM people WHERE programme_id = $1")
        .bind(programme.0)
        .fetch_one(&mut *conn)
        .await?;
    i(&r, "n")
}

pub async fn get(conn: &mut Conn, id: PersonId) -> Result<Option<Person>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE p.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Is the person one programme `programme`'s staff may see?
pub async fn visible_to(
    conn: &mut Conn,
    id: PersonId,
    programme: ProgrammeId,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM people p WHERE p.id = $1 AND {}",
        visible(2)
    ))
    .bind(id.0)
    .bind(programme.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// The programmes a person is visible to (for authorising a person's page).
pub async fn programmes_of(conn: &mut Conn, id: PersonId) -> Result<Vec<ProgrammeId>, DbError> {
    let rows: Vec<i64> = sqlx::query_scalar(
        "SELECT programme_id FROM people WHERE id = $1 AND programme_id IS NOT NULL \
         UNION SELECT a.programme_id FROM registrations r JOIN activities a ON a.id = r.activity_id WHERE r.person_id = $1 \
         UNION SELECT a.programme_id FROM attendance t JOIN activities a ON a.id = t.activity_id WHERE t.person_id = $1",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(ProgrammeId).collect())
}

/// People of a programme whose name (accent-blind) or e-mail contains `q`; all of them
/// without `q`. Merged records are left out.
pub async fn search(
    conn: &mut Conn,
    programme: ProgrammeId,
    q: Option<&str>,
    limit: i64,
) -> Result<Vec<Person>, DbError> {
    let mut sql = format!("{SELECT} WHERE p.merged_into IS NULL AND {}", visible(1));
    let pattern = q.map(|q| like_contains(&name_key(q)));
    if pattern.is_some() {
        sql.push_str(" AND (p.name_key LIKE $2 ESCAPE '\\' OR p.email LIKE $2 ESCAPE '\\')");
    }
    sql.push_str(&format!(
        " ORDER BY p.name_key, p.id LIMIT {}",
        limit.clamp(1, 1000)
    ));
    let mut query = sqlx::query(&sql).bind(programme.0);
    if let Some(p) = pattern {
        query = query.bind(p);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter().map(from_row).collect()
}

/// Records that may be the same person as the one described: the same name, birth year
/// and settlement, or the same e-mail address.
pub async fn possible_duplicates(
    conn: &mut Conn,
    name: &str,
    birth_year: Option<i32>,
    place: Option<PlaceId>,
    email: Option<&str>,
    except: Option<PersonId>,
) -> Result<Vec<Person>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE p.merged_into IS NULL AND p.id <> $5 AND \
         ((p.name_key = $1 AND COALESCE(p.birth_year, 0) = $2 AND COALESCE(p.place_id, 0) = $3) \
          OR (p.email IS NOT NULL AND p.email = $4)) ORDER BY p.id LIMIT 20"
    ))
    .bind(name_key(name))
    .bind(birth_year.map(i64::from).unwrap_or(0))
    .bind(place.map(|p| p.0).unwrap_or(0))
    .bind(email)
    .bind(except.map(|p| p.0).unwrap_or(0))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// The person a signed-in account registers as.
pub async fn of_user(conn: &mut Conn, user: UserId) -> Result<Option<Person>, DbError> {
    let row = sqlx::query(&format!(
        "{SELECT} WHERE p.user_id = $1 AND p.merged_into IS NULL ORDER BY p.id LIMIT 1"
    ))
    .bind(user.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// A guest who registered before with this e-mail address and name.
pub async fn by_email_and_name(
    conn: &mut Conn,
    email: &str,
    name: &str,
) -> Result<Option<Person>, DbError> {
    let row = sqlx::query(&format!(
        "{SELECT} WHERE p.email = $1 AND p.name_key = $2 AND p.merged_into IS NULL ORDER BY p.id LIMIT 1"
    ))
    .bind(email)
    .bind(name_key(name))
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn sensitive(conn: &mut Conn, id: PersonId) -> Result<Option<Sensitive>, DbError> {
    let row = sqlx::query(
        "SELECT disadvantaged, roma, disability, legal_basis, basis_note, version FROM person_sensitive WHERE person_id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        Ok(Sensitive {
            disadvantaged: i(&r, "disadvantaged")? != 0,
            roma: i(&r, "roma")? != 0,
            disability: i(&r, "disability")? != 0,
            legal_basis: e(&r, "legal_basis", LegalBasis::parse)?,
            basis_note: s(&r, "basis_note")?,
            version: i(&r, "version")?,
        })
    })
    .transpose()
}

pub async fn save_sensitive(
    conn: &mut Conn,
    id: PersonId,
    s: &SensitiveInput,
    by: UserId,
    now: Instant,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO person_sensitive (person_id, disadvantaged, roma, disability, legal_basis, basis_note, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (person_id) DO UPDATE SET \
         disadvantaged = $2, roma = $3, disability = $4, legal_basis = $5, basis_note = $6, recorded_by = $7, \
         recorded_at = $8, version = person_sensitive.version + 1",
    )
    .bind(id.0)
    .bind(i64::from(s.disadvantaged))
    .bind(i64::from(s.roma))
    .bind(i64::from(s.disability))
    .bind(s.legal_basis.as_str())
    .bind(&s.basis_note)
    .bind(by.0)
    .bind(now.stored())
    .execute(&mut *conn)
    .await?;
    crate::indicators::touch_person(conn, id).await
}

pub async fn delete_sensitive(conn: &mut Conn, id: PersonId) -> Result<(), DbError> {
    sqlx::query("DELETE FROM person_sensitive WHERE person_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    crate::indicators::touch_person(conn, id).await
}

/// How many of the given people have each sensitive attribute: what a role not entitled
/// to the attributes sees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SensitiveCounts {
    pub disadvantaged: i64,
    pub roma: i64,
    pub disability: i64,
}

/// Counts over the people taking part in an activity (attending, or registered and not
/// cancelled).
pub async fn sensitive_counts_for_activity(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<SensitiveCounts, DbError> {
    let r = sqlx::query(
        // SUM of BIGINT is NUMERIC on PostgreSQL: cast back for the Any driver.
        "SELECT CAST(COALESCE(SUM(disadvantaged), 0) AS BIGINT) AS d, CAST(COALESCE(SUM(roma), 0) AS BIGINT) AS r, \
         CAST(COALESCE(SUM(disability), 0) AS BIGINT) AS x \
         FROM person_sensitive WHERE person_id IN \
         (SELECT person_id FROM registrations WHERE activity_id = $1 AND status <> 'cancelled' \
          UNION SELECT person_id FROM attendance WHERE activity_id = $1)",
    )
    .bind(activity.0)
    .fetch_one(&mut *conn)
    .await?;
    Ok(SensitiveCounts {
        disadvantaged: i(&r, "d")?,
        roma: i(&r, "r")?,
        disability: i(&r, "x")?,
    })
}

pub async fn consents(conn: &mut Conn, id: PersonId) -> Result<Vec<Consent>, DbError> {
    let rows = sqlx::query(
        "SELECT id, person_id, purpose, given_on, given_by, withdrawn_on FROM consents WHERE person_id = $1 ORDER BY given_on, id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Consent {
                id: ConsentId(i(r, "id")?),
                person_id: PersonId(i(r, "person_id")?),
                purpose: e(r, "purpose", ConsentPurpose::parse)?,
                given_on: od(r, "given_on")?.ok_or_else(|| DbError::Corrupt("given_on".into()))?,
                given_by: s(r, "given_by")?,
                withdrawn_on: od(r, "withdrawn_on")?,
            })
        })
        .collect()
}

pub async fn add_consent(
    conn: &mut Conn,
    id: PersonId,
    c: &ConsentInput,
    by: Option<UserId>,
    now: Instant,
) -> Result<ConsentId, DbError> {
    let cid: i64 = sqlx::query_scalar(
        "INSERT INTO consents (person_id, purpose, given_on, given_by, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(id.0)
    .bind(c.purpose.as_str())
    .bind(c.given_on.stored())
    .bind(&c.given_by)
    .bind(by.map(|u| u.0))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(ConsentId(cid))
}

/// Withdraw a consent of this person; false when there is no such (unwithdrawn) consent.
pub async fn withdraw_consent(
    conn: &mut Conn,
    person: PersonId,
    consent: ConsentId,
    on: Date,
) -> Result<bool, DbError> {
    let n = sqlx::query(
        "UPDATE consents SET withdrawn_on = $1 WHERE id = $2 AND person_id = $3 AND withdrawn_on IS NULL",
    )
    .bind(on.stored())
    .bind(consent.0)
    .bind(person.0)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Whose people a reader may list: everyone's (a country-wide grant), or those visible
/// to any of some programmes.
#[derive(Debug, Clone, Copy)]
pub enum Among<'a> {
    Everyone,
    Programmes(&'a [ProgrammeId]),
}

/// [`VISIBLE`] for a list of programmes (ids are numbers, written into the SQL).
fn visible_any(programmes: &[ProgrammeId]) -> String {
    let list = programmes
        .iter()
        .map(|p| p.0.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    VISIBLE.replace("= $P", &format!("IN ({list})"))
}

/// Live people's ids and names among those a reader may see whose name (accent-blind)
/// or e-mail contains `q`: the list is ordered (Hungarian order) and paged by the caller.
pub async fn names(
    conn: &mut Conn,
    among: Among<'_>,
    q: Option<&str>,
) -> Result<Vec<(PersonId, String)>, DbError> {
    let mut sql = "SELECT p.id, p.name FROM people p WHERE p.merged_into IS NULL".to_string();
    match among {
        Among::Everyone => {}
        Among::Programmes([]) => return Ok(Vec::new()),
        Among::Programmes(list) => {
            sql.push_str(" AND ");
            sql.push_str(&visible_any(list));
        }
    }
    let pattern = q.map(|q| like_contains(&name_key(q)));
    if pattern.is_some() {
        sql.push_str(" AND (p.name_key LIKE $1 ESCAPE '\\' OR p.email LIKE $1 ESCAPE '\\')");
    }
    let mut query = sqlx::query(&sql);
    if let Some(p) = pattern {
        query = query.bind(p);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| Ok((PersonId(i(r, "id")?), s(r, "name")?)))
        .collect()
}

/// These people, in no particular order.
pub async fn get_many(conn: &mut Conn, ids: &[PersonId]) -> Result<Vec<Person>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids
        .iter()
        .map(|p| p.0.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let rows = sqlx::query(&format!("{SELECT} WHERE p.id IN ({list})"))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row).collect()
}

/// What a person did at one activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Took {
    Registered(RegistrationStatus),
    Attended(AttendanceRoute),
    Certified { number: String, revoked: bool },
}

/// One of a person's records, with the activity it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub activity_id: ActivityId,
    pub title: String,
    pub programme_id: ProgrammeId,
    pub starts_at: Instant,
    pub took: Took,
}

/// A person's registrations, attendance (once per activity) and certificates, latest
/// activity first.
pub async fn records(conn: &mut Conn, id: PersonId) -> Result<Vec<Taken>, DbError> {
    use crate::programmes::activities::instant;
    let rows = sqlx::query(
        "SELECT a.id, a.title, a.programme_id, a.starts_at, 'registered' AS kind, r.status AS detail, '' AS extra \
           FROM registrations r JOIN activities a ON a.id = r.activity_id WHERE r.person_id = $1 \
         UNION ALL SELECT a.id, a.title, a.programme_id, a.starts_at, 'attended', MIN(t.route), '' \
           FROM attendance t JOIN activities a ON a.id = t.activity_id WHERE t.person_id = $1 \
           GROUP BY a.id, a.title, a.programme_id, a.starts_at \
         UNION ALL SELECT a.id, a.title, a.programme_id, a.starts_at, 'certified', c.number, \
           CASE WHEN c.revoked_at IS NULL THEN '' ELSE 'revoked' END \
           FROM certificates c JOIN activities a ON a.id = c.activity_id WHERE c.person_id = $1",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .iter()
        .map(|r| {
            let detail = s(r, "detail")?;
            let took = match s(r, "kind")?.as_str() {
                "registered" => Took::Registered(
                    RegistrationStatus::parse(&detail)
                        .ok_or_else(|| DbError::Corrupt("registration status".into()))?,
                ),
                "attended" => Took::Attended(
                    AttendanceRoute::parse(&detail)
                        .ok_or_else(|| DbError::Corrupt("attendance route".into()))?,
                ),
                _ => Took::Certified {
                    number: detail,
                    revoked: s(r, "extra")? == "revoked",
                },
            };
            Ok(Taken {
                activity_id: ActivityId(i(r, "id")?),
                title: s(r, "title")?,
                programme_id: ProgrammeId(i(r, "programme_id")?),
                starts_at: instant(r, "starts_at")?,
                took,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    out.sort_by(|a, b| {
        b.starts_at
            .cmp(&a.starts_at)
            .then(a.activity_id.cmp(&b.activity_id))
    });
    Ok(out)
}

/// The names of the action areas of these programmes that the place (or the settlement
/// a settlement part belongs to) lies in.
pub async fn action_areas_at(
    conn: &mut Conn,
    place: PlaceId,
    programmes: &[ProgrammeId],
) -> Result<Vec<String>, DbError> {
    if programmes.is_empty() {
        return Ok(Vec::new());
    }
    let list = programmes
        .iter()
        .map(|p| p.0.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(sqlx::query_scalar(&format!(
        "SELECT DISTINCT a.name FROM action_areas a JOIN action_area_places ap ON ap.action_area_id = a.id \
         WHERE a.programme_id IN ({list}) AND (ap.place_id = $1 OR ap.place_id = \
         (SELECT pl.parent_id FROM places pl WHERE pl.id = $1 AND pl.kind = 'settlement_part')) ORDER BY a.name"
    ))
    .bind(place.0)
    .fetch_all(&mut *conn)
    .await?)
}

/// A consent of this person (ids from a URL are hostile: another person's is `None`).
pub async fn consent(
    conn: &mut Conn,
    person: PersonId,
    id: ConsentId,
) -> Result<Option<Consent>, DbError> {
    Ok(consents(conn, person)
        .await?
        .into_iter()
        .find(|c| c.id == id))
}

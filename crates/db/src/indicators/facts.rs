//! The facts an indicator is computed from, read for one programme: all of them, or only
//! one person's (after a check-in, a certificate or an edit of that person), which is
//! what keeps maintenance cheap on the hot path.

use crate::row::*;
use crate::{Conn, DbError};
use kozos_domain::activity::{ActivityKind, WorkshopPhase};
use kozos_domain::indicator::compute::*;
use kozos_domain::indicator::SourceKind;
use kozos_domain::participation::{progress, AgeBand, Training};
use kozos_domain::place::decode_lineage;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use std::collections::{HashMap, HashSet};

fn day_of(stored: &str) -> Result<Date, DbError> {
    Instant::parse_stored(stored)
        .map(Instant::date)
        .ok_or_else(|| DbError::Corrupt(format!("instant={stored}")))
}

fn minutes_between(start: &str, end: &str) -> Result<i64, DbError> {
    let (Some(a), Some(b)) = (Instant::parse_stored(start), Instant::parse_stored(end)) else {
        return Err(DbError::Corrupt(format!("instant={start}..{end}")));
    };
    Ok(b.minutes_since(a).max(0))
}

/// The settlement of a lineage (country, county, district, settlement …), if it reaches
/// that deep.
pub fn settlement_of(lineage: &[PlaceId]) -> Option<PlaceId> {
    lineage.get(3).copied()
}

fn person_clause(person: Option<PersonId>, column: &str) -> String {
    // An id from our own rows, written as a literal (an integer, never text).
    person
        .map(|p| format!(" AND {column} = {}", p.0))
        .unwrap_or_default()
}

/// Load what indicators of these source kinds count from, for `programme`: one load
/// serves every indicator a write touches. With `person`, only that person's rows (and
/// the activities and trainings they attended), which is what a check-in needs.
pub async fn load(
    conn: &mut Conn,
    programme: ProgrammeId,
    kinds: &HashSet<SourceKind>,
    person: Option<PersonId>,
) -> Result<Facts, DbError> {
    let mut facts = Facts::default();
    let row =
        sqlx::query("SELECT place_id, beneficiary_id, start_date FROM programmes WHERE id = $1")
            .bind(programme.0)
            .fetch_one(&mut *conn)
            .await?;
    facts.programme_place = oi(&row, "place_id")?.map(PlaceId);
    facts.beneficiary = oi(&row, "beneficiary_id")?.map(OrganisationId);
    let programme_start = od(&row, "start_date")?;
    let has = |k: SourceKind| kinds.contains(&k);
    let computed = kinds
        .iter()
        .any(|k| !matches!(k, SourceKind::Manual | SourceKind::Ratio));
    if !computed {
        return Ok(facts);
    }
    activities(conn, programme, person, &mut facts).await?;
    if has(SourceKind::Participants)
        || has(SourceKind::Organisations)
        || has(SourceKind::Settlements)
    {
        attendance(conn, programme, person, &mut facts).await?;
        people(conn, programme, &mut facts).await?;
    }
    if has(SourceKind::TrainingCompleters) {
        completions(conn, programme, person, &mut facts).await?;
    }
    if has(SourceKind::Certificates) {
        let rows = sqlx::query(&format!(
            "SELECT c.id, c.activity_id, c.issued_at FROM certificates c JOIN activities a ON a.id = c.activity_id \
             WHERE a.programme_id = $1 AND c.revoked_at IS NULL{}",
            person_clause(person, "c.person_id")
        ))
        .bind(programme.0)
        .fetch_all(&mut *conn)
        .await?;
        for r in &rows {
            facts.certificates.push(CertificateFact {
                id: CertificateId(i(r, "id")?),
                activity: ActivityId(i(r, "activity_id")?),
                day: day_of(&s(r, "issued_at")?)?,
            });
        }
    }
    if has(SourceKind::SurveysAnswered) {
        let rows = sqlx::query(
            "SELECT r.id, r.interviewed_on, r.submitted_at FROM survey_responses r \
             JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.programme_id = $1",
        )
        .bind(programme.0)
        .fetch_all(&mut *conn)
        .await?;
        for r in &rows {
            let day = match od(r, "interviewed_on")? {
                Some(d) => d,
                None => day_of(&s(r, "submitted_at")?)?,
            };
            facts.responses.push((ResponseId(i(r, "id")?), day));
        }
    }
    if has(SourceKind::VolunteerHours) {
        let rows = sqlx::query(
            "SELECT v.id, v.activity_id, v.minutes FROM volunteer_shifts v JOIN activities a ON a.id = v.activity_id \
             WHERE a.programme_id = $1",
        )
        .bind(programme.0)
        .fetch_all(&mut *conn)
        .await?;
        for r in &rows {
            facts.shifts.push(ShiftFact {
                id: ShiftId(i(r, "id")?),
                activity: ActivityId(i(r, "activity_id")?),
                minutes: i(r, "minutes")?,
            });
        }
    }
    if has(SourceKind::Organisations) {
        organisations(conn, programme, programme_start, &mut facts).await?;
    }
    if has(SourceKind::InitiativesAtStage)
        || has(SourceKind::InitiativesSupported)
        || has(SourceKind::OrganisationsFounded)
    {
        facts.initiatives = initiatives(conn, programme).await?;
    }
    Ok(facts)
}

/// The programme's initiatives with their moves, first support given and outcome.
async fn initiatives(
    conn: &mut Conn,
    programme: ProgrammeId,
) -> Result<Vec<kozos_domain::indicator::initiatives::InitiativeFact>, DbError> {
    use kozos_domain::indicator::initiatives::InitiativeFact;
    use kozos_domain::initiative::{Outcome, Stage};
    let rows = sqlx::query(
        "SELECT i.id, i.stage, i.created_at, i.outcome, i.outcome_on, \
         (SELECT MIN(a.given_on) FROM initiative_assistance a WHERE a.initiative_id = i.id) AS first_assistance \
         FROM initiatives i WHERE i.programme_id = $1 ORDER BY i.id",
    )
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<InitiativeFact> = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(InitiativeFact {
            id: InitiativeId(i(r, "id")?),
            stage: e(r, "stage", Stage::parse)?,
            proposed: day_of(&s(r, "created_at")?)?,
            moves: Vec::new(),
            first_assistance: od(r, "first_assistance")?,
            outcome: e(r, "outcome", Outcome::parse)?,
            outcome_on: od(r, "outcome_on")?,
        });
    }
    let moves = sqlx::query(
        "SELECT m.initiative_id, m.to_stage, m.moved_at FROM initiative_moves m \
         JOIN initiatives i ON i.id = m.initiative_id WHERE i.programme_id = $1 ORDER BY m.moved_at, m.id",
    )
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    let index: HashMap<i64, usize> = out.iter().enumerate().map(|(n, f)| (f.id.0, n)).collect();
    for r in &moves {
        if let Some(n) = index.get(&i(r, "initiative_id")?) {
            let to = e(r, "to_stage", Stage::parse)?;
            out[*n].moves.push((day_of(&s(r, "moved_at")?)?, to));
        }
    }
    Ok(out)
}

/// A manual indicator's values.
pub async fn manual(conn: &mut Conn, indicator: IndicatorId) -> Result<Vec<ManualFact>, DbError> {
    let rows = sqlx::query(
        "SELECT id, on_date, amount FROM indicator_manual_values WHERE indicator_id = $1",
    )
    .bind(indicator.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ManualFact {
                id: ManualValueId(i(r, "id")?),
                day: od(r, "on_date")?.ok_or_else(|| DbError::Corrupt("on_date".into()))?,
                amount: i(r, "amount")?,
            })
        })
        .collect()
}

/// Partners (from their first agreement, or the programme's start) and where the
/// organisations reached are.
async fn organisations(
    conn: &mut Conn,
    programme: ProgrammeId,
    programme_start: Option<Date>,
    facts: &mut Facts,
) -> Result<(), DbError> {
    let rows = sqlx::query(
        "SELECT p.organisation_id, MIN(g.signed_on) AS signed FROM partners p \
         LEFT JOIN agreements g ON g.partner_id = p.id WHERE p.programme_id = $1 GROUP BY p.organisation_id",
    )
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        if let Some(day) = od(r, "signed")?.or(programme_start) {
            facts.partners.push(PartnerFact {
                organisation: OrganisationId(i(r, "organisation_id")?),
                day,
            });
        }
    }
    let mut orgs: HashSet<i64> = facts.partners.iter().map(|p| p.organisation.0).collect();
    for a in facts.activities.values() {
        orgs.extend(a.organiser.iter().chain(&a.partners).map(|o| o.0));
    }
    orgs.extend(
        facts
            .people
            .values()
            .filter_map(|p| p.organisation)
            .map(|o| o.0),
    );
    if orgs.is_empty() {
        return Ok(());
    }
    let rows = sqlx::query(&format!(
        "SELECT id, settlement_id FROM organisations WHERE id IN ({}) AND settlement_id IS NOT NULL",
        super::id_list(orgs)
    ))
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        facts
            .organisation_places
            .insert(OrganisationId(i(r, "id")?), PlaceId(i(r, "settlement_id")?));
    }
    Ok(())
}

/// Only a person's activities: those they attended or hold a certificate of.
fn attended_by(person: Option<PersonId>, column: &str) -> String {
    person
        .map(|p| {
            format!(
                " AND {column} IN (SELECT activity_id FROM attendance WHERE person_id = {0} \
                 UNION SELECT activity_id FROM certificates WHERE person_id = {0})",
                p.0
            )
        })
        .unwrap_or_default()
}

async fn activities(
    conn: &mut Conn,
    programme: ProgrammeId,
    person: Option<PersonId>,
    facts: &mut Facts,
) -> Result<(), DbError> {
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.kind, a.phase, a.series_id, a.starts_at, a.place_id, a.organiser_id, pl.lineage \
         FROM activities a LEFT JOIN places pl ON pl.id = a.place_id WHERE a.programme_id = $1{}",
        attended_by(person, "a.id")
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        let lineage = os(r, "lineage")?
            .map(|l| decode_lineage(&l))
            .unwrap_or_default();
        let a = ActivityFact {
            id: ActivityId(i(r, "id")?),
            kind: e(r, "kind", ActivityKind::parse)?,
            phase: oe(r, "phase", WorkshopPhase::parse)?,
            series: oi(r, "series_id")?.map(SeriesId),
            day: day_of(&s(r, "starts_at")?)?,
            place: oi(r, "place_id")?.map(PlaceId),
            settlement: settlement_of(&lineage),
            organiser: oi(r, "organiser_id")?.map(OrganisationId),
            partners: Vec::new(),
        };
        facts.activities.insert(a.id, a);
    }
    let rows = sqlx::query(&format!(
        "SELECT ap.activity_id, ap.organisation_id FROM activity_partners ap JOIN activities a ON a.id = ap.activity_id \
         WHERE a.programme_id = $1{}",
        attended_by(person, "a.id")
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        if let Some(a) = facts.activities.get_mut(&ActivityId(i(r, "activity_id")?)) {
            a.partners.push(OrganisationId(i(r, "organisation_id")?));
        }
    }
    Ok(())
}

async fn attendance(
    conn: &mut Conn,
    programme: ProgrammeId,
    person: Option<PersonId>,
    facts: &mut Facts,
) -> Result<(), DbError> {
    let rows = sqlx::query(&format!(
        "SELECT t.activity_id, t.person_id, a.starts_at, a.ends_at, s.starts_at AS s_start, s.contact_minutes \
         FROM attendance t JOIN activities a ON a.id = t.activity_id \
         LEFT JOIN training_sessions s ON s.id = t.session_id AND t.session_id <> 0 \
         WHERE a.programme_id = $1{}",
        person_clause(person, "t.person_id")
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    for r in &rows {
        let (day, minutes) = match os(r, "s_start")? {
            Some(start) => (day_of(&start)?, i(r, "contact_minutes")?),
            None => {
                let (start, end) = (s(r, "starts_at")?, s(r, "ends_at")?);
                (day_of(&start)?, minutes_between(&start, &end)?)
            }
        };
        facts.attendance.push(AttendanceFact {
            activity: ActivityId(i(r, "activity_id")?),
            person: PersonId(i(r, "person_id")?),
            day,
            minutes,
        });
    }
    Ok(())
}

/// The people in the loaded attendance, as the filters see them.
async fn people(conn: &mut Conn, programme: ProgrammeId, facts: &mut Facts) -> Result<(), DbError> {
    let ids: HashSet<i64> = facts.attendance.iter().map(|a| a.person.0).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let areas: HashSet<PlaceId> = sqlx::query_scalar::<_, i64>(
        "SELECT ap.place_id FROM action_area_places ap JOIN action_areas aa ON aa.id = ap.action_area_id \
         WHERE aa.programme_id = $1",
    )
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(PlaceId)
    .collect();
    let ids: Vec<i64> = ids.into_iter().collect();
    for chunk in ids.chunks(500) {
        let list = super::id_list(chunk.iter().copied());
        // Sensitive attributes are held only with a legal basis (a withdrawn consent
        // removes the row), so a row present is one that may be counted.
        let rows = sqlx::query(&format!(
            "SELECT p.id, p.birth_year, p.age_band, p.organisation_id, pl.lineage, ps.disadvantaged \
             FROM people p LEFT JOIN places pl ON pl.id = p.place_id \
             LEFT JOIN person_sensitive ps ON ps.person_id = p.id WHERE p.id IN ({list})"
        ))
        .fetch_all(&mut *conn)
        .await?;
        for r in &rows {
            let residence = os(r, "lineage")?
                .map(|l| decode_lineage(&l))
                .unwrap_or_default();
            let fact = PersonFact {
                birth_year: oi(r, "birth_year")?.map(|y| y as i32),
                age_band: oe(r, "age_band", AgeBand::parse)?,
                settlement: settlement_of(&residence),
                in_action_area: residence.iter().any(|p| areas.contains(p)),
                residence,
                organisation: oi(r, "organisation_id")?.map(OrganisationId),
                disadvantaged: oi(r, "disadvantaged")?.unwrap_or(0) != 0,
            };
            facts.people.insert(PersonId(i(r, "id")?), fact);
        }
    }
    Ok(())
}

/// Who completed the programme's trainings, by the completion rule, and when: the day the
/// training (its last session) ended, or the day the distance part was done if later.
async fn completions(
    conn: &mut Conn,
    programme: ProgrammeId,
    person: Option<PersonId>,
    facts: &mut Facts,
) -> Result<(), DbError> {
    // One person's check-in: only the trainings they attended.
    let trainings: Vec<(ActivityId, String, String)> = sqlx::query(&format!(
        "SELECT id, starts_at, ends_at FROM activities WHERE programme_id = $1 AND kind = 'training'{}",
        attended_by(person, "id")
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok((ActivityId(i(r, "id")?), s(r, "starts_at")?, s(r, "ends_at")?)))
    .collect::<Result<_, DbError>>()?;
    for (activity, starts, ends) in trainings {
        let settings = sqlx::query(
            "SELECT distance_minutes, completion_percent FROM trainings WHERE activity_id = $1",
        )
        .bind(activity.0)
        .fetch_optional(&mut *conn)
        .await?;
        let training = match settings {
            Some(r) => Training {
                distance_minutes: i(&r, "distance_minutes")?,
                completion_percent: i(&r, "completion_percent")?,
                ..Training::unsaved(activity)
            },
            None => Training::unsaved(activity),
        };
        let rows = sqlx::query(
            "SELECT id, contact_minutes, ends_at FROM training_sessions WHERE activity_id = $1",
        )
        .bind(activity.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut sessions = Vec::new();
        let mut last_end = ends.clone();
        for r in &rows {
            sessions.push((SessionId(i(r, "id")?), i(r, "contact_minutes")?));
            let end = s(r, "ends_at")?;
            if sessions.len() == 1 || end > last_end {
                last_end = end;
            }
        }
        if sessions.is_empty() {
            sessions.push((SessionId(0), minutes_between(&starts, &ends)?));
        }
        let ended = day_of(&last_end)?;
        let rows = sqlx::query(&format!(
            "SELECT person_id, session_id FROM attendance WHERE activity_id = $1{}",
            person_clause(person, "person_id")
        ))
        .bind(activity.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut attended: HashMap<i64, Vec<SessionId>> = HashMap::new();
        for r in &rows {
            attended
                .entry(i(r, "person_id")?)
                .or_default()
                .push(SessionId(i(r, "session_id")?));
        }
        let rows = sqlx::query(&format!(
            "SELECT person_id, done_on FROM training_distance WHERE activity_id = $1{}",
            person_clause(person, "person_id")
        ))
        .bind(activity.0)
        .fetch_all(&mut *conn)
        .await?;
        let distance: HashMap<i64, Date> = rows
            .iter()
            .map(|r| Ok((i(r, "person_id")?, od(r, "done_on")?.unwrap_or(ended))))
            .collect::<Result<_, DbError>>()?;
        for (who, sessions_attended) in attended {
            let done = distance.get(&who).copied();
            let p = progress(&training, &sessions, &sessions_attended, done.is_some());
            if p.completed {
                let day = done.filter(|d| *d > ended).unwrap_or(ended);
                facts.completions.push(CompletionFact {
                    activity,
                    person: PersonId(who),
                    day,
                });
            }
        }
    }
    Ok(())
}

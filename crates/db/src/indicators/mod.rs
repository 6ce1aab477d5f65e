//! Indicators: definitions (a programme's own, or adopted from a call's template),
//! manual values with their evidence, explanations for the progress report; the facts
//! they are computed from (`facts`), the value tables kept current in every writing
//! transaction (`maintain`), and the reads behind dashboards, reports and drill-downs
//! (`read`).

pub mod bulk;
pub mod facts;
pub mod maintain;
pub mod read;
pub mod report;

use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::indicator::*;
use kozos_domain::time::{Date, Instant};
use kozos_domain::*;
use sqlx::any::AnyRow;

/// Ids from our own rows, written into SQL as a list of integers (never text).
pub(crate) fn id_list(ids: impl IntoIterator<Item = i64>) -> String {
    ids.into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// `($1, $2, …), ($7, …)`: placeholders for a multi-row INSERT of `rows` × `cols`.
pub(crate) fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub use maintain::{touch, touch_activity, touch_person, Touch};

/// The id of a roll-up key, made on first use.
pub async fn ensure_key(
    conn: &mut Conn,
    rollup_key: &str,
    item: Option<ItemKind>,
    unit: Unit,
) -> Result<i64, DbError> {
    if let Some(id) =
        sqlx::query_scalar::<_, i64>("SELECT id FROM indicator_keys WHERE rollup_key = $1")
            .bind(rollup_key)
            .fetch_optional(&mut *conn)
            .await?
    {
        return Ok(id);
    }
    Ok(sqlx::query_scalar(
        "INSERT INTO indicator_keys (rollup_key, item_kind, unit) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(rollup_key)
    .bind(item.map(|i| i.as_str()))
    .bind(unit.as_str())
    .fetch_one(&mut *conn)
    .await?)
}

const TEMPLATE_COLS: &str = "t.id, t.key_id, k.rollup_key, t.call_code, t.code, t.name_hu, t.name_en, t.description, t.definition";

fn template_row(r: &AnyRow) -> Result<Template, DbError> {
    let def = s(r, "definition")?;
    Ok(Template {
        id: TemplateId(i(r, "id")?),
        key_id: i(r, "key_id")?,
        call_code: s(r, "call_code")?,
        key: s(r, "rollup_key")?,
        code: s(r, "code")?,
        name_hu: s(r, "name_hu")?,
        name_en: s(r, "name_en")?,
        description: s(r, "description")?,
        source: Source::from_json(&def)
            .ok_or_else(|| DbError::Corrupt(format!("definition={def}")))?,
    })
}

/// A call's template: its key is `CALL/CODE`.
#[allow(clippy::too_many_arguments)]
pub async fn insert_template(
    conn: &mut Conn,
    call_code: &str,
    code: &str,
    name_hu: &str,
    name_en: &str,
    description: &str,
    source: &Source,
    position: i64,
) -> Result<TemplateId, DbError> {
    let key = format!("{call_code}/{code}");
    let key_id = ensure_key(conn, &key, source.kind().item(), source.unit()).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO indicator_templates (call_code, key_id, code, name_hu, name_en, description, definition, position) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(call_code)
    .bind(key_id)
    .bind(code)
    .bind(name_hu)
    .bind(name_en)
    .bind(description)
    .bind(source.to_json())
    .bind(position)
    .fetch_one(&mut *conn)
    .await?;
    Ok(TemplateId(id))
}

/// The templates of a call, in the call's order.
pub async fn templates_of_call(conn: &mut Conn, call_code: &str) -> Result<Vec<Template>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {TEMPLATE_COLS} FROM indicator_templates t JOIN indicator_keys k ON k.id = t.key_id \
         WHERE t.call_code = $1 ORDER BY t.position, t.id"
    ))
    .bind(call_code)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(template_row).collect()
}

pub async fn template(conn: &mut Conn, id: TemplateId) -> Result<Option<Template>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {TEMPLATE_COLS} FROM indicator_templates t JOIN indicator_keys k ON k.id = t.key_id WHERE t.id = $1"
    ))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(template_row).transpose()
}

/// Every template, for the roll-up dashboards (their keys are what places sum).
pub async fn all_templates(conn: &mut Conn) -> Result<Vec<Template>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {TEMPLATE_COLS} FROM indicator_templates t JOIN indicator_keys k ON k.id = t.key_id \
         ORDER BY t.call_code, t.position, t.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(template_row).collect()
}

const COLS: &str =
    "i.id, i.programme_id, i.template_id, i.key_id, k.rollup_key, i.code, i.name_hu, i.name_en, \
    i.description, i.definition, i.baseline, i.target, i.deadline, i.milestones, i.version";

fn from_row(r: &AnyRow) -> Result<Indicator, DbError> {
    let def = s(r, "definition")?;
    let milestones = s(r, "milestones")?;
    Ok(Indicator {
        id: IndicatorId(i(r, "id")?),
        programme_id: ProgrammeId(i(r, "programme_id")?),
        template_id: oi(r, "template_id")?.map(TemplateId),
        rollup_key: s(r, "rollup_key")?,
        key_id: i(r, "key_id")?,
        code: s(r, "code")?,
        name_hu: s(r, "name_hu")?,
        name_en: s(r, "name_en")?,
        description: s(r, "description")?,
        source: Source::from_json(&def)
            .ok_or_else(|| DbError::Corrupt(format!("definition={def}")))?,
        baseline: i(r, "baseline")?,
        target: i(r, "target")?,
        deadline: od(r, "deadline")?,
        milestones: serde_json::from_str(&milestones)
            .map_err(|_| DbError::Corrupt(format!("milestones={milestones}")))?,
        version: i(r, "version")?,
    })
}

/// A programme's indicators, in the order they were committed to.
pub async fn of_programme(
    conn: &mut Conn,
    programme: ProgrammeId,
) -> Result<Vec<Indicator>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM indicators i JOIN indicator_keys k ON k.id = i.key_id \
         WHERE i.programme_id = $1 ORDER BY i.id"
    ))
    .bind(programme.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// The indicators of the programme an activity belongs to.
pub async fn of_activity_programme(
    conn: &mut Conn,
    activity: ActivityId,
) -> Result<Vec<Indicator>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM indicators i JOIN indicator_keys k ON k.id = i.key_id \
         WHERE i.programme_id = (SELECT programme_id FROM activities WHERE id = $1) ORDER BY i.id"
    ))
    .bind(activity.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// An indicator of this programme (another programme's is `None`).
pub async fn get(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: IndicatorId,
) -> Result<Option<Indicator>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {COLS} FROM indicators i JOIN indicator_keys k ON k.id = i.key_id \
         WHERE i.id = $1 AND i.programme_id = $2"
    ))
    .bind(id.0)
    .bind(programme.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// The programme an indicator belongs to (for the API's `/indicators/{id}` reads).
pub async fn programme_of(
    conn: &mut Conn,
    id: IndicatorId,
) -> Result<Option<ProgrammeId>, DbError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT programme_id FROM indicators WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?
            .map(ProgrammeId),
    )
}

/// The indicators summed under one key, with their programmes (for roll-up targets).
pub async fn of_key(conn: &mut Conn, key_id: i64) -> Result<Vec<Indicator>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM indicators i JOIN indicator_keys k ON k.id = i.key_id WHERE i.key_id = $1 ORDER BY i.id"
    ))
    .bind(key_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

fn milestones_json(m: &[Milestone]) -> String {
    serde_json::to_string(m).expect("milestones serialise")
}

/// Save a new indicator (from a template, its key is the template's). Its values are
/// computed before the transaction ends ([`maintain::touch`] with `Definition`).
pub async fn insert(
    conn: &mut Conn,
    programme: ProgrammeId,
    input: &IndicatorInput,
    template: Option<&Template>,
    now: Instant,
) -> Result<IndicatorId, DbError> {
    let key_id = match template {
        Some(t) => t.key_id,
        None => {
            ensure_key(
                conn,
                &own_rollup_key(programme, &input.code),
                input.source.kind().item(),
                input.source.unit(),
            )
            .await?
        }
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO indicators (programme_id, template_id, key_id, code, name_hu, name_en, description, definition, unit, \
         baseline, target, deadline, milestones, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
    )
    .bind(programme.0)
    .bind(template.map(|t| t.id.0))
    .bind(key_id)
    .bind(&input.code)
    .bind(&input.name_hu)
    .bind(&input.name_en)
    .bind(&input.description)
    .bind(input.source.to_json())
    .bind(input.source.unit().as_str())
    .bind(input.baseline)
    .bind(input.target)
    .bind(input.deadline.map(Date::stored))
    .bind(milestones_json(&input.milestones))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(IndicatorId(id))
}

/// Save an edit made from `version`. The code of an own indicator names its key, so a new
/// code moves it to a new key (the old key keeps no members: maintenance empties it).
pub async fn update(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: IndicatorId,
    input: &IndicatorInput,
    template: Option<TemplateId>,
    version: i64,
    now: Instant,
) -> Result<Saved, DbError> {
    let key_id = match template {
        Some(_) => None,
        None => Some(
            ensure_key(
                conn,
                &own_rollup_key(programme, &input.code),
                input.source.kind().item(),
                input.source.unit(),
            )
            .await?,
        ),
    };
    let done = sqlx::query(
        "UPDATE indicators SET code = $1, name_hu = $2, name_en = $3, description = $4, definition = $5, unit = $6, \
         baseline = $7, target = $8, deadline = $9, milestones = $10, key_id = COALESCE($11, key_id), \
         updated_at = $12, version = version + 1 \
         WHERE id = $13 AND programme_id = $14 AND version = $15",
    )
    .bind(&input.code)
    .bind(&input.name_hu)
    .bind(&input.name_en)
    .bind(&input.description)
    .bind(input.source.to_json())
    .bind(input.source.unit().as_str())
    .bind(input.baseline)
    .bind(input.target)
    .bind(input.deadline.map(Date::stored))
    .bind(milestones_json(&input.milestones))
    .bind(key_id)
    .bind(now.stored())
    .bind(id.0)
    .bind(programme.0)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    crate::saved(
        conn,
        done.rows_affected(),
        "SELECT 1 FROM indicators WHERE id = $1 AND programme_id = $2",
        id.0,
        programme.0,
    )
    .await
}

/// Remove an indicator with everything computed for it. Returns false when it was not
/// this programme's.
pub async fn delete(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: IndicatorId,
) -> Result<bool, DbError> {
    let Some(ind) = get(conn, programme, id).await? else {
        return Ok(false);
    };
    maintain::forget(conn, &ind).await?;
    for table in ["indicator_manual_values", "indicator_explanations"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE indicator_id = $1"))
            .bind(id.0)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM indicators WHERE id = $1 AND programme_id = $2")
        .bind(id.0)
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// A manual value with its evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualValue {
    pub id: ManualValueId,
    pub on: Date,
    pub amount: i64,
    pub note: String,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub recorded_at: String,
}

pub struct NewManualValue<'a> {
    pub on: Date,
    pub amount: i64,
    pub note: &'a str,
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub data: &'a [u8],
}

pub async fn insert_manual(
    conn: &mut Conn,
    indicator: IndicatorId,
    v: &NewManualValue<'_>,
    by: Option<UserId>,
    now: Instant,
) -> Result<ManualValueId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO indicator_manual_values (indicator_id, on_date, amount, note, file_name, media_type, size, sha256, data, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(indicator.0)
    .bind(v.on.stored())
    .bind(v.amount)
    .bind(v.note)
    .bind(v.file_name)
    .bind(v.media_type)
    .bind(v.data.len() as i64)
    .bind(v.sha256)
    .bind(v.data.to_vec())
    .bind(by.map(|u| u.0))
    .bind(now.stored())
    .fetch_one(&mut *conn)
    .await?;
    Ok(ManualValueId(id))
}

pub async fn manual_values(
    conn: &mut Conn,
    indicator: IndicatorId,
) -> Result<Vec<ManualValue>, DbError> {
    let rows = sqlx::query(
        "SELECT id, on_date, amount, note, file_name, media_type, size, sha256, recorded_at \
         FROM indicator_manual_values WHERE indicator_id = $1 ORDER BY on_date, id",
    )
    .bind(indicator.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ManualValue {
                id: ManualValueId(i(r, "id")?),
                on: od(r, "on_date")?.ok_or_else(|| DbError::Corrupt("on_date".into()))?,
                amount: i(r, "amount")?,
                note: s(r, "note")?,
                file_name: s(r, "file_name")?,
                media_type: s(r, "media_type")?,
                size: i(r, "size")?,
                sha256: s(r, "sha256")?,
                recorded_at: s(r, "recorded_at")?,
            })
        })
        .collect()
}

/// A manual value's file (name, type, bytes), looked up with its indicator.
pub async fn manual_file(
    conn: &mut Conn,
    indicator: IndicatorId,
    id: ManualValueId,
) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    let row = sqlx::query(
        "SELECT file_name, media_type, data FROM indicator_manual_values WHERE id = $1 AND indicator_id = $2",
    )
    .bind(id.0)
    .bind(indicator.0)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        use sqlx::Row;
        Ok((
            s(&r, "file_name")?,
            s(&r, "media_type")?,
            r.try_get::<Vec<u8>, _>("data")?,
        ))
    })
    .transpose()
}

pub async fn delete_manual(
    conn: &mut Conn,
    indicator: IndicatorId,
    id: ManualValueId,
) -> Result<bool, DbError> {
    let done =
        sqlx::query("DELETE FROM indicator_manual_values WHERE id = $1 AND indicator_id = $2")
            .bind(id.0)
            .bind(indicator.0)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// The explanation of an indicator's deviation in a report period, with its version.
pub async fn explanation(
    conn: &mut Conn,
    indicator: IndicatorId,
    period: &str,
) -> Result<Option<(String, i64)>, DbError> {
    let row = sqlx::query(
        "SELECT body, version FROM indicator_explanations WHERE indicator_id = $1 AND period = $2",
    )
    .bind(indicator.0)
    .bind(period)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| Ok((s(&r, "body")?, i(&r, "version")?)))
        .transpose()
}

/// Save an explanation made from `version` (0: there was none).
pub async fn save_explanation(
    conn: &mut Conn,
    indicator: IndicatorId,
    period: &str,
    body: &str,
    version: i64,
    by: UserId,
    now: Instant,
) -> Result<Saved, DbError> {
    if version == 0 {
        let done = sqlx::query(
            "INSERT INTO indicator_explanations (indicator_id, period, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (indicator_id, period) DO NOTHING",
        )
        .bind(indicator.0)
        .bind(period)
        .bind(body)
        .bind(by.0)
        .bind(now.stored())
        .execute(&mut *conn)
        .await?;
        return Ok(if done.rows_affected() > 0 {
            Saved::Done
        } else {
            Saved::Stale
        });
    }
    let done = sqlx::query(
        "UPDATE indicator_explanations SET body = $1, updated_by = $2, updated_at = $3, version = version + 1 \
         WHERE indicator_id = $4 AND period = $5 AND version = $6",
    )
    .bind(body)
    .bind(by.0)
    .bind(now.stored())
    .bind(indicator.0)
    .bind(period)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    Ok(if done.rows_affected() > 0 {
        Saved::Done
    } else {
        Saved::Stale
    })
}

/// The explanations of a programme's indicators for a period, with their versions.
pub async fn explanations(
    conn: &mut Conn,
    programme: ProgrammeId,
    period: &str,
) -> Result<std::collections::HashMap<IndicatorId, (String, i64)>, DbError> {
    let rows = sqlx::query(
        "SELECT e.indicator_id, e.body, e.version FROM indicator_explanations e JOIN indicators i ON i.id = e.indicator_id \
         WHERE i.programme_id = $1 AND e.period = $2",
    )
    .bind(programme.0)
    .bind(period)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                IndicatorId(i(r, "indicator_id")?),
                (s(r, "body")?, i(r, "version")?),
            ))
        })
        .collect()
}

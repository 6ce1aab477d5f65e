//! A programme's situation pictures, every version kept.

use super::owned::PICTURES;
use crate::row::*;
use crate::{Conn, DbError, Saved};
use kozos_domain::plan::*;
use kozos_domain::*;

/// The programme's pictures, newest first; `id` narrows to one.
pub async fn pictures(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: Option<PictureId>,
) -> Result<Vec<SituationPicture>, DbError> {
    let rows = sqlx::query(
        "SELECT id, title, as_of, settlement, needs, resources, relationships, baseline, version \
         FROM situation_pictures WHERE programme_id = $1 AND id = COALESCE($2, id) ORDER BY as_of DESC, id DESC",
    )
    .bind(programme.0)
    .bind(id.map(|x| x.0))
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let pid = PictureId(i(r, "id")?);
        let sources = sqlx::query(
            "SELECT q.id, q.title FROM situation_picture_sources s JOIN questionnaires q ON q.id = s.questionnaire_id \
             WHERE s.picture_id = $1 ORDER BY q.id",
        )
        .bind(pid.0)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|x| Ok((QuestionnaireId(i(x, "id")?), s(x, "title")?)))
        .collect::<Result<Vec<_>, DbError>>()?;
        out.push(SituationPicture {
            id: pid,
            programme_id: programme,
            title: s(r, "title")?,
            as_of: od(r, "as_of")?.ok_or_else(|| DbError::Corrupt("as_of".into()))?,
            settlement: s(r, "settlement")?,
            needs: s(r, "needs")?,
            resources: s(r, "resources")?,
            relationships: s(r, "relationships")?,
            sources,
            baseline: i(r, "baseline")? != 0,
            version: i(r, "version")?,
        });
    }
    Ok(out)
}

async fn sources_and_baseline(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PictureId,
    p: &PictureInput,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM situation_picture_sources WHERE picture_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    for q in &p.sources {
        sqlx::query(
            "INSERT INTO situation_picture_sources (picture_id, questionnaire_id) VALUES ($1, $2)",
        )
        .bind(id.0)
        .bind(q.0)
        .execute(&mut *conn)
        .await?;
    }
    if p.baseline {
        // one baseline per programme
        sqlx::query("UPDATE situation_pictures SET baseline = 0, version = version + 1 WHERE programme_id = $1 AND id <> $2 AND baseline = 1")
            .bind(programme.0)
            .bind(id.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_picture(
    conn: &mut Conn,
    programme: ProgrammeId,
    p: &PictureInput,
) -> Result<PictureId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO situation_pictures (programme_id, title, as_of, settlement, needs, resources, relationships, baseline) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(programme.0)
    .bind(&p.title)
    .bind(p.as_of.stored())
    .bind(&p.settlement)
    .bind(&p.needs)
    .bind(&p.resources)
    .bind(&p.relationships)
    .bind(p.baseline as i64)
    .fetch_one(&mut *conn)
    .await?;
    let id = PictureId(id);
    sources_and_baseline(conn, programme, id, p).await?;
    Ok(id)
}

pub async fn update_picture(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PictureId,
    p: &PictureInput,
    version: Option<i64>,
) -> Result<Saved, DbError> {
    let sql = PICTURES.update_sql(&[
        "title",
        "as_of",
        "settlement",
        "needs",
        "resources",
        "relationships",
        "baseline",
    ]);
    let done = sqlx::query(&sql)
        .bind(&p.title)
        .bind(p.as_of.stored())
        .bind(&p.settlement)
        .bind(&p.needs)
        .bind(&p.resources)
        .bind(&p.relationships)
        .bind(p.baseline as i64)
        .bind(id.0)
        .bind(programme.0)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let saved = PICTURES
        .saved(conn, done.rows_affected(), id.0, programme)
        .await?;
    if saved == Saved::Done {
        sources_and_baseline(conn, programme, id, p).await?;
    }
    Ok(saved)
}

pub async fn delete_picture(
    conn: &mut Conn,
    programme: ProgrammeId,
    id: PictureId,
) -> Result<bool, DbError> {
    PICTURES.delete(conn, id.0, programme).await
}

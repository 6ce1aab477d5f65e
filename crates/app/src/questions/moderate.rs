//! Moderating questions to the experts (`ModerateQuestions` where the question is): the
//! queue of waiting questions, publishing, refusing with a reason (mailed to the asker,
//! and shown on their own list), correcting a question or filing it under another
//! programme (authorised there too), removing an answer, blocking an asker from writing.

use super::answer::{enqueue_mail, MailWhat};
use super::{log, stored, target, Filter, Order};
use crate::initiatives::moderation::reason;
use crate::residents::finish;
use crate::write::saved;
use crate::{App, AppError, Result};
use kozos_db::initiatives::residents as rdb;
use kozos_db::questions as db;
use kozos_db::DbError;
use kozos_domain::community::questions::*;
use kozos_domain::policy::{allows, Action};
use kozos_domain::user::User;
use kozos_domain::*;

/// The question, if `user` moderates where it is (403 otherwise, 404 when there is none).
pub async fn moderated(app: &App, user: &User, id: ExpertQuestionId) -> Result<ExpertQuestion> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let q = stored(&mut conn, id).await?;
    drop(conn);
    authorise(app, user, q.programme_id).await?;
    Ok(q)
}

async fn authorise(app: &App, user: &User, programme: Option<ProgrammeId>) -> Result<()> {
    if allows(
        &user.grants,
        Action::ModerateQuestions,
        &target(app, programme).await?,
    ) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The questions waiting in the user's scope, oldest first.
pub async fn queue(app: &App, user: &User) -> Result<Vec<ExpertQuestion>> {
    let within = crate::programmes::covered(app, user, Action::ModerateQuestions).await?;
    let f = Filter {
        status: Some(QuestionStatus::Waiting),
        within,
        order: Order::Oldest,
        ..Default::default()
    };
    Ok(db::list(&app.db, &f, 200, 0).await?.0)
}

/// Publish a question (again, if it was refused).
pub async fn publish(app: &App, user: &User, id: ExpertQuestionId) -> Result<()> {
    let q = moderated(app, user, id).await?;
    let mut tx = app.db.begin().await?;
    db::set_status(&mut tx, id, None, user.id, app.clock.instant()).await?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "publish_question",
        (id, q.programme_id),
        &q.title,
    )
    .await?;
    finish(app, tx, ()).await
}

/// Refuse a question with a reason: it leaves the public pages and the index; its asker
/// is told why.
pub async fn refuse(app: &App, user: &User, id: ExpertQuestionId, typed: &str) -> Result<()> {
    let q = moderated(app, user, id).await?;
    let why = reason(typed)?;
    let mut tx = app.db.begin().await?;
    db::set_status(&mut tx, id, Some(&why), user.id, app.clock.instant()).await?;
    let key = format!("question-refused:{id}:{}", q.version);
    enqueue_mail(app, &mut tx, id, MailWhat::Refused, &key).await?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "refuse_question",
        (id, q.programme_id),
        &format!("{}: {why}", q.title),
    )
    .await?;
    finish(app, tx, ()).await
}

/// Correct a question or file it elsewhere, from the version the form was opened at. A
/// move is authorised where the question would go too; unchanged input writes nothing.
pub async fn edit(
    app: &App,
    user: &User,
    id: ExpertQuestionId,
    form: &QuestionForm,
    version: Option<i64>,
) -> Result<()> {
    let before = moderated(app, user, id).await?;
    let input = form.validate().map_err(AppError::Invalid)?;
    if input.programme_id != before.programme_id {
        authorise(app, user, input.programme_id).await?;
    }
    if QuestionForm::from_question(&before)
        .validate()
        .ok()
        .as_ref()
        == Some(&input)
    {
        return Ok(());
    }
    let place = crate::records::settlement(app, input.settlement.as_deref()).await?;
    let mut tx = app.db.begin().await?;
    saved(db::update(&mut tx, id, &input, place, version, app.clock.instant()).await?)?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "correct_question",
        (id, before.programme_id),
        &input.title,
    )
    .await?;
    if input.programme_id != before.programme_id {
        // Its new programme's pages change too.
        log(
            app,
            &mut tx,
            Some(user.id),
            "correct_question",
            (id, input.programme_id),
            &input.title,
        )
        .await?;
    }
    finish(app, tx, ()).await
}

/// A question's answer, for the removal's confirmation (moderators where it is).
pub async fn answer_to_remove(
    app: &App,
    user: &User,
    id: ExpertQuestionId,
    answer: ExpertAnswerId,
) -> Result<(ExpertQuestion, ExpertAnswer)> {
    let q = moderated(app, user, id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let a = db::answer(&mut conn, id, answer)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((q, a))
}

/// Remove an answer (confirmed on its own page); logged with its author.
pub async fn remove_answer(
    app: &App,
    user: &User,
    id: ExpertQuestionId,
    answer: ExpertAnswerId,
) -> Result<()> {
    let (q, a) = answer_to_remove(app, user, id, answer).await?;
    let mut tx = app.db.begin().await?;
    if !db::delete_answer(&mut tx, id, answer).await? {
        return Err(AppError::NotFound);
    }
    log(
        app,
        &mut tx,
        Some(user.id),
        "remove_answer",
        (id, q.programme_id),
        &format!("{} ({}, {})", q.title, a.author_name, a.created_at),
    )
    .await?;
    finish(app, tx, ()).await
}

/// Block the asker of a question in the moderator's scope from writing (asking,
/// proposing, commenting), with a reason.
pub async fn block_asker(app: &App, user: &User, id: ExpertQuestionId, typed: &str) -> Result<()> {
    let q = moderated(app, user, id).await?;
    let why = reason(typed)?;
    let now = app.clock.instant();
    let mut tx = app.db.begin().await?;
    rdb::set_blocked(&mut tx, q.asker, Some(&why), user.id, now).await?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "block_resident",
        (id, q.programme_id),
        &format!("{}: {why}", q.asker_name),
    )
    .await?;
    finish(app, tx, ()).await
}

//! Experts answer published questions in public, signed with their name and the role
//! they answer in; they edit their own answers (while they are still experts). The
//! asker is mailed when their question gets its first answer, and when it is refused
//! (with the reason): a job composes the mail in their language (`mail.question`,
//! registered by the web layer), so the change and the mail commit together.

use super::{expert_role, log, stored};
use crate::jobs::{self, NewJob};
use crate::residents::finish;
use crate::write::{saved, Once};
use crate::{App, AppError, Result};
use kozos_db::questions as db;
use kozos_db::{Conn, DbError};
use kozos_domain::community::questions::*;
use kozos_domain::policy::{allows_somewhere, Action};
use kozos_domain::user::User;
use kozos_domain::*;
use serde::{Deserialize, Serialize};

/// The job that composes a mail to a question's asker ([`QuestionMail`]).
pub const MAIL: &str = "mail.question";

/// What a mail to the asker tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailWhat {
    /// The question got its first answer.
    Answered,
    /// A moderator did not publish it (the reason is in the mail).
    Refused,
}

/// The payload of a [`MAIL`] job: `{"question": 12, "what": "answered"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionMail {
    pub question: i64,
    pub what: MailWhat,
}

/// Ask for the mail in the caller's transaction. `dedupe` names the event, so a job run
/// twice (or an answer removed and given again) mails once.
pub(crate) async fn enqueue_mail(
    app: &App,
    conn: &mut Conn,
    id: ExpertQuestionId,
    what: MailWhat,
    dedupe: &str,
) -> Result<()> {
    let job = NewJob::new(MAIL)
        .payload(&QuestionMail {
            question: id.0,
            what,
        })?
        .dedupe_key(dedupe);
    jobs::enqueue(app, conn, &job).await?;
    Ok(())
}

/// What the composing job needs: the question, and its asker's address, name and
/// language. `None` when the mail would no longer be true (the question was removed,
/// published again, or lost its answers meanwhile).
pub struct MailFacts {
    pub question: ExpertQuestion,
    pub to: String,
    pub name: String,
    pub lang: String,
}

pub async fn mail_facts(app: &App, m: &QuestionMail) -> Result<Option<MailFacts>> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let id = ExpertQuestionId(m.question);
    let Some(q) = db::get(&mut conn, id).await? else {
        return Ok(None);
    };
    let still = match m.what {
        MailWhat::Answered => q.is_public() && q.answered_at.is_some(),
        MailWhat::Refused => q.status == QuestionStatus::Refused,
    };
    if !still {
        return Ok(None);
    }
    Ok(db::asker_contact(&mut conn, id)
        .await?
        .map(|(to, name, lang)| MailFacts {
            question: q,
            to,
            name,
            lang,
        }))
}

/// Answer a published question (an expert in its scope; see the module `questions`).
pub async fn answer(
    app: &App,
    user: &User,
    id: ExpertQuestionId,
    form: &AnswerForm,
    once: Option<&str>,
) -> Result<ExpertAnswerId> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let q = stored(&mut conn, id).await?;
    drop(conn);
    if !q.is_public() {
        return Err(AppError::NotFound);
    }
    let role = expert_role(app, user, q.programme_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    let body = form.validate().map_err(AppError::Invalid)?;
    let once = Once::new("question_answer", once, &(id, &body));
    let mut tx = app.db.begin().await?;
    if let Some(a) = once.claim(app, &mut tx, user).await? {
        return Ok(ExpertAnswerId(a));
    }
    // Refused meanwhile: there is nothing to answer.
    if !stored(&mut tx, id).await?.is_public() {
        return Err(AppError::NotFound);
    }
    let (a, first) =
        db::insert_answer(&mut tx, id, &body, (user.id, role), app.clock.instant()).await?;
    if first {
        let key = format!("question-answered:{id}");
        enqueue_mail(app, &mut tx, id, MailWhat::Answered, &key).await?;
    }
    once.complete(&mut tx, user, a.0).await?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "answer_question",
        (id, q.programme_id),
        &q.title,
    )
    .await?;
    finish(app, tx, a).await
}

/// The user's own answer, for its edit form: its author, while they are still an expert
/// (403 for anyone else's).
pub async fn own_answer(
    app: &App,
    user: &User,
    id: ExpertQuestionId,
    answer: ExpertAnswerId,
) -> Result<(ExpertQuestion, ExpertAnswer)> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let q = stored(&mut conn, id).await?;
    let a = db::answer(&mut conn, id, answer)
        .await?
        .ok_or(AppError::NotFound)?;
    if a.author != user.id || !allows_somewhere(&user.grants, Action::AnswerQuestions) {
        return Err(AppError::Forbidden);
    }
    Ok((q, a))
}

/// Save an edit of one's answer started at `version`; unchanged text writes nothing.
pub async fn edit_answer(
    app: &App,
    user: &User,
    id: ExpertQuestionId,
    answer: ExpertAnswerId,
    form: &AnswerForm,
    version: Option<i64>,
) -> Result<()> {
    let (q, before) = own_answer(app, user, id, answer).await?;
    let body = form.validate().map_err(AppError::Invalid)?;
    if body == before.body {
        return Ok(());
    }
    let mut tx = app.db.begin().await?;
    saved(db::update_answer(&mut tx, id, answer, &body, version, app.clock.instant()).await?)?;
    log(
        app,
        &mut tx,
        Some(user.id),
        "update_answer",
        (id, q.programme_id),
        &q.title,
    )
    .await?;
    finish(app, tx, ()).await
}

//! Ask the experts ("szakértőnk válaszol").
//!
//! - reading (here): the published questions with their answers for anyone; a question
//!   that is waiting or refused exists only for its moderators (a 404 for anyone else)
//!   and, on their own list, for its asker, who sees a refusal's reason there;
//! - [`ask`]: asking, signed in at once, as a visitor once the mailed link is opened;
//! - [`moderate`]: the queue, publishing, refusing with a reason, correcting or re-filing
//!   a question, removing an answer, blocking an asker;
//! - [`answer`]: answering, an expert's edits of their own answer, the asker's mails.
//!
//! Who may do what (`ModerateQuestions`, `AnswerQuestions` in the policy): a question of
//! a programme is moderated and answered within the grants that cover the programme. A
//! question of no programme is the whole network's: it is moderated with a country-wide
//! grant, and answered by any expert, wherever their grant is (the mentors of a county
//! are the network's experts for the country's questions too).

pub mod answer;
pub mod ask;
pub mod moderate;

pub(crate) use ask::perform;

use crate::{App, AppError, Result};
use kozos_db::questions as db;
pub use kozos_db::questions::{Filter, Of, Order};
use kozos_db::{audit, programmes, Conn, DbError};
use kozos_domain::community::questions::*;
use kozos_domain::policy::{allows, allows_somewhere, role_allows, scope_covers, Action, Target};
use kozos_domain::user::{Role, User};
use kozos_domain::*;

pub const PER_PAGE: i64 = 20;

/// Where a question of `programme` sits for the policy: its programme, or the country.
/// A programme that does not exist is a bad choice in the form.
pub(crate) async fn target(app: &App, programme: Option<ProgrammeId>) -> Result<Target> {
    match programme {
        None => Ok(Target::country()),
        Some(p) => programmes::target(&app.db, p)
            .await?
            .ok_or_else(|| AppError::invalid("programme_id", "err-choice")),
    }
}

/// The role `user` answers a question of `programme` in: that of their first grant that
/// lets them answer there (for a question of no programme, any expert's grant).
pub(crate) async fn expert_role(
    app: &App,
    user: &User,
    programme: Option<ProgrammeId>,
) -> Result<Option<Role>> {
    if !allows_somewhere(&user.grants, Action::AnswerQuestions) {
        return Ok(None);
    }
    let t = match programme {
        None => None,
        Some(p) => Some(target(app, Some(p)).await?),
    };
    Ok(user
        .grants
        .iter()
        .find(|g| {
            role_allows(g.role, Action::AnswerQuestions)
                && t.as_ref().is_none_or(|t| scope_covers(g.scope, t))
        })
        .map(|g| g.role))
}

/// May `user` moderate the questions of `programme`?
pub(crate) async fn moderates(
    app: &App,
    user: Option<&User>,
    programme: Option<ProgrammeId>,
) -> Result<bool> {
    let Some(u) = user else { return Ok(false) };
    if !allows_somewhere(&u.grants, Action::ModerateQuestions) {
        return Ok(false);
    }
    Ok(allows(
        &u.grants,
        Action::ModerateQuestions,
        &target(app, programme).await?,
    ))
}

/// The audit entry of a change to a question: under its programme (whose public page
/// lists its answered questions), or as a question of no programme.
pub(crate) async fn log(
    app: &App,
    conn: &mut Conn,
    by: Option<UserId>,
    action: &str,
    q: (ExpertQuestionId, Option<ProgrammeId>),
    detail: &str,
) -> Result<()> {
    let (entity, id) = match q.1 {
        Some(p) => ("programme", p.0),
        None => ("question", q.0 .0),
    };
    audit::record(
        conn,
        &app.now_text(),
        by,
        action,
        entity,
        Some(id),
        &format!("{detail} #{}", q.0),
    )
    .await?;
    Ok(())
}

/// The question, in the caller's transaction or connection (a 404 when there is none).
pub(crate) async fn stored(conn: &mut Conn, id: ExpertQuestionId) -> Result<ExpertQuestion> {
    db::get(conn, id).await?.ok_or(AppError::NotFound)
}

async fn read(app: &App, id: ExpertQuestionId) -> Result<ExpertQuestion> {
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    stored(&mut conn, id).await
}

/// A page of published questions (a programme filter must name a programme).
pub async fn public_list(
    app: &App,
    mut f: Filter,
    page: i64,
) -> Result<(Vec<ExpertQuestion>, i64)> {
    if let Some(Of::Programme(p)) = f.of {
        programmes::get(&app.db, p)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    f.status = Some(QuestionStatus::Published);
    Ok(db::list(&app.db, &f, PER_PAGE, (page.max(1) - 1) * PER_PAGE).await?)
}

/// A page of published questions with their answers (two queries, whatever the page's
/// size).
pub async fn public_list_answered(
    app: &App,
    f: Filter,
    page: i64,
) -> Result<(Vec<(ExpertQuestion, Vec<ExpertAnswer>)>, i64)> {
    let (list, total) = public_list(app, f, page).await?;
    let ids: Vec<ExpertQuestionId> = list.iter().map(|q| q.id).collect();
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let mut by: std::collections::HashMap<ExpertQuestionId, Vec<ExpertAnswer>> = Default::default();
    for a in db::answers(&mut conn, &ids).await? {
        by.entry(a.question_id).or_default().push(a);
    }
    let out = list
        .into_iter()
        .map(|q| {
            let answers = by.remove(&q.id).unwrap_or_default();
            (q, answers)
        })
        .collect();
    Ok((out, total))
}

/// The tags in use on published questions.
pub async fn tags(app: &App) -> Result<Vec<(String, i64)>> {
    Ok(db::tags(&app.db).await?)
}

/// A published question with its answers (for the API: nothing else exists there).
pub async fn public_question(
    app: &App,
    id: ExpertQuestionId,
) -> Result<(ExpertQuestion, Vec<ExpertAnswer>)> {
    let q = read(app, id).await?;
    if !q.is_public() {
        return Err(AppError::NotFound);
    }
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let answers = db::answers(&mut conn, &[id]).await?;
    Ok((q, answers))
}

/// Everything a question's page shows, and what the viewer may do there.
#[derive(Debug, Clone)]
pub struct Page {
    pub question: ExpertQuestion,
    pub answers: Vec<ExpertAnswer>,
    /// The viewer may answer (an expert in scope, the question published).
    pub can_answer: bool,
    /// The viewer moderates this question's programme (or the country's questions).
    pub can_moderate: bool,
    /// The viewer's account (their own answers can be edited).
    pub viewer: Option<UserId>,
}

/// A question's page: a published one for anyone, a waiting or refused one only for its
/// moderators.
pub async fn page(app: &App, viewer: Option<&User>, id: ExpertQuestionId) -> Result<Page> {
    let question = read(app, id).await?;
    let can_moderate = moderates(app, viewer, question.programme_id).await?;
    if !question.is_public() && !can_moderate {
        return Err(AppError::NotFound);
    }
    let can_answer = match viewer {
        Some(u) if question.is_public() => {
            expert_role(app, u, question.programme_id).await?.is_some()
        }
        _ => false,
    };
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let answers = db::answers(&mut conn, &[id]).await?;
    Ok(Page {
        question,
        answers,
        can_answer,
        can_moderate,
        viewer: viewer.map(|u| u.id),
    })
}

/// The signed-in person's own questions, whatever their state, newest first (a refused
/// one with its reason).
pub async fn mine(app: &App, user: &User) -> Result<Vec<ExpertQuestion>> {
    let Some(me) = crate::residents::current(app, Some(user)).await? else {
        return Ok(Vec::new());
    };
    let f = Filter {
        asker: Some(me.id),
        order: Order::Newest,
        ..Default::default()
    };
    Ok(db::list(&app.db, &f, 200, 0).await?.0)
}

/// A programme's answered questions, most recently answered first (its public page).
pub async fn answered_of(
    app: &App,
    programme: ProgrammeId,
    limit: i64,
) -> Result<Vec<ExpertQuestion>> {
    let f = Filter {
        status: Some(QuestionStatus::Published),
        of: Some(Of::Programme(programme)),
        answered: Some(true),
        ..Default::default()
    };
    Ok(db::list(&app.db, &f, limit, 0).await?.0)
}

/// The programmes a new question may be asked of (the form's pick list).
pub async fn programme_choices(app: &App) -> Result<Vec<(ProgrammeId, String)>> {
    Ok(crate::catalogue::search_programmes(app, None)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect())
}

//! Asking the experts. A signed-in account (a resident, or staff asking as themselves)
//! asks at once as its resident; a visitor's question is held until they open the link
//! mailed to them (see `crate::residents`: at most a few held per address, a blocked
//! resident refused). Either way the question then waits for a moderator.

use super::{log, target};
use crate::residents::{self as who, errors, finish, visitor, Acted, Acting, Done, PendingAction};
use crate::write::Once;
use crate::{App, AppError, Result};
use kozos_db::questions as db;
use kozos_db::Conn;
use kozos_domain::community::questions::*;
use kozos_domain::initiative::Resident;
use kozos_domain::*;
use serde::{Deserialize, Serialize};

pub(crate) const ASK: &str = "question.ask";

/// What a visitor's held question carries (JSON in `resident_actions.payload`). The
/// settlement is found when it is asked, so confirming reads nothing outside its
/// transaction.
#[derive(Debug, Serialize, Deserialize)]
struct Held {
    title: String,
    body: String,
    #[serde(default)]
    programme: Option<i64>,
    #[serde(default)]
    place: Option<i64>,
    #[serde(default)]
    tags: String,
    #[serde(default)]
    lang: String,
}

fn lang_of(lang: &str) -> &'static str {
    if lang.eq_ignore_ascii_case("en") {
        "en"
    } else {
        "hu"
    }
}

async fn insert(
    app: &App,
    conn: &mut Conn,
    input: &QuestionInput,
    place: Option<PlaceId>,
    r: &Resident,
    lang: &str,
) -> Result<ExpertQuestionId> {
    let id = db::insert(
        conn,
        input,
        place,
        (r.id, lang_of(lang)),
        app.clock.instant(),
    )
    .await?;
    log(
        app,
        conn,
        r.user_id,
        "ask_question",
        (id, input.programme_id),
        &input.title,
    )
    .await?;
    Ok(id)
}

/// Ask a question (of a programme's experts, or with no programme of the network's).
pub async fn ask(
    app: &App,
    who: Acting<'_>,
    form: &QuestionForm,
    once: Option<&str>,
    lang: &str,
) -> Result<Acted<ExpertQuestionId>> {
    let (input, e) = errors(form.validate());
    let visitor = visitor(who, e)?;
    let input = input.expect("no errors");
    // The programme must exist, and the settlement be one.
    target(app, input.programme_id).await?;
    let place = crate::records::settlement(app, input.settlement.as_deref()).await?;
    let mut tx = app.db.begin().await?;
    match who {
        Acting::User(user) => {
            let once = Once::new("question", once, &input);
            if let Some(id) = once.claim(app, &mut tx, user).await? {
                return Ok(Acted::Done(ExpertQuestionId(id)));
            }
            let r = who::of_user(&mut tx, user, app.clock.instant()).await?;
            let id = insert(app, &mut tx, &input, place, &r, lang).await?;
            once.complete(&mut tx, user, id.0).await?;
            finish(app, tx, Acted::Done(id)).await
        }
        Acting::Visitor(_) => {
            let held = Held {
                title: input.title.clone(),
                body: input.body.clone(),
                programme: input.programme_id.map(|p| p.0),
                place: place.map(|p| p.0),
                tags: input.tags.join(", "),
                lang: lang_of(lang).into(),
            };
            who::hold(app, &mut tx, ASK, &held, &visitor.expect("validated"), lang).await?;
            finish(app, tx, Acted::MailSent).await
        }
    }
}

/// Ask a visitor's held question as `resident`, in the confirming transaction. The text
/// is validated again (the payload is data like any other).
pub(crate) async fn perform(
    app: &App,
    conn: &mut Conn,
    p: &PendingAction,
    resident: &Resident,
) -> Result<(Option<i64>, Option<Done>)> {
    if p.kind != ASK {
        return Err(AppError::Internal(format!(
            "unknown question action {}",
            p.kind
        )));
    }
    let h: Held =
        serde_json::from_str(&p.payload).map_err(|e| AppError::Internal(e.to_string()))?;
    let input = QuestionForm {
        title: h.title,
        body: h.body,
        programme_id: h.programme.map(|p| p.to_string()).unwrap_or_default(),
        settlement: String::new(),
        tags: h.tags,
    }
    .validate()
    .map_err(AppError::Invalid)?;
    let id = insert(app, conn, &input, h.place.map(PlaceId), resident, &h.lang).await?;
    Ok((Some(id.0), Some(Done::Question(id))))
}

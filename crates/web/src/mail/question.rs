//! The mails to a question's asker (job kind `mail.question`): its first answer has come,
//! or a moderator did not publish it (with the reason). Composed in the language the
//! question was asked in, queued in the outbox with the job's id as dedupe key (a job run
//! twice mails once), and only while the mail is still true.

use crate::i18n::Lang;
use kozos_app::jobs::{self, Job, JobResult};
use kozos_app::mail::{self, NewMail};
use kozos_app::questions::answer::{mail_facts, MailFacts, MailWhat, QuestionMail, MAIL};
use kozos_app::App;
use maud::{html, DOCTYPE};

pub(super) fn register(app: &App, base_url: String) {
    app.jobs().register(MAIL, move |app: App, job: Job| {
        let base_url = base_url.clone();
        async move { run(&app, &job, &base_url).await }
    });
}

async fn run(app: &App, job: &Job, base_url: &str) -> JobResult {
    let m: QuestionMail = jobs::payload(job)?;
    let Some(facts) = mail_facts(app, &m).await? else {
        tracing::debug!(question = m.question, "the question changed since; no mail");
        return Ok(());
    };
    mail::queue_alone(
        app,
        compose(&facts, m.what, base_url, &format!("job:{}", job.id)),
    )
    .await?;
    Ok(())
}

fn compose(f: &MailFacts, what: MailWhat, base_url: &str, dedupe: &str) -> NewMail {
    let lang = Lang::parse(&f.lang).unwrap_or(Lang::Hu);
    let t = |k: &str| lang.t(k);
    let q = &f.question;
    let (kind, subject, lead) = match what {
        MailWhat::Answered => (
            "answered",
            "questions-mail-answered-subject",
            "questions-mail-answered",
        ),
        MailWhat::Refused => (
            "refused",
            "questions-mail-refused-subject",
            "questions-mail-refused",
        ),
    };
    let subject = t(subject);
    let greeting = lang.t_with("mail-greeting", &[("name", f.name.clone())]);
    let lead = lang.t_with(lead, &[("title", q.title.clone())]);
    let reason = match what {
        MailWhat::Refused => q.refused_reason.clone(),
        MailWhat::Answered => None,
    };
    let (link_text, url) = match what {
        MailWhat::Answered => (
            t("questions-mail-read"),
            format!("{base_url}/questions/{}", q.id),
        ),
        MailWhat::Refused => (
            t("questions-mail-ask-again"),
            format!("{base_url}/questions/new"),
        ),
    };
    let reason_line = reason
        .as_ref()
        .map(|r| format!("{}: {r}\n\n", t("questions-refused-reason")))
        .unwrap_or_default();
    let text = format!(
        "{greeting}\n\n{lead}\n\n{reason_line}{link_text}\n{url}\n\n-- \n{}\n",
        t("confirm-mail-footer")
    );
    let html = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (subject) }
            }
            body {
                p { (greeting) }
                p { (lead) }
                @if let Some(r) = &reason { p { strong { (t("questions-refused-reason")) ": " } (r) } }
                p { a href=(url) { (link_text) } }
                hr;
                p { small { (t("confirm-mail-footer")) } }
            }
        }
    };
    NewMail {
        kind: format!("question.{kind}"),
        to: f.to.clone(),
        subject,
        body_text: text,
        body_html: html.into_string(),
        registration: None,
        dedupe_key: Some(dedupe.to_string()),
    }
}

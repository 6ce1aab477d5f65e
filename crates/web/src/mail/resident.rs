//! The mail that confirms a visitor's action (job kind `mail.resident_confirm`): what
//! they asked for, and the one-time link that does it. The token is made here, by
//! `kozos_app::residents::issue`, in the transaction that queues this mail: it exists in
//! the mail alone (the database keeps its hash), and a job that runs twice sends one.

use crate::i18n::Lang;
use kozos_app::jobs::{self, Job, JobResult};
use kozos_app::mail::NewMail;
use kozos_app::residents::{self, ConfirmMail, PendingAction, CONFIRM_MAIL};
use kozos_app::App;
use kozos_domain::initiative::CONFIRM_HOURS;
use kozos_domain::PendingActionId;
use maud::{html, DOCTYPE};

pub(super) fn register(app: &App, base_url: String) {
    app.jobs()
        .register(CONFIRM_MAIL, move |app: App, job: Job| {
            let base_url = base_url.clone();
            async move { run(&app, &job, &base_url).await }
        });
}

async fn run(app: &App, job: &Job, base_url: &str) -> JobResult {
    let p: ConfirmMail = jobs::payload(job)?;
    let dedupe = format!("job:{}", job.id);
    residents::issue(app, PendingActionId(p.action), |action, token| {
        compose(action, token, base_url, &dedupe)
    })
    .await?;
    Ok(())
}

/// The confirmation link for a token.
pub fn link(base_url: &str, token: &str) -> String {
    format!("{base_url}/confirm/{token}")
}

fn compose(p: &PendingAction, token: &str, base_url: &str, dedupe: &str) -> NewMail {
    let lang = Lang::parse(&p.lang).unwrap_or(Lang::Hu);
    let t = |k: &str| lang.t(k);
    // "initiative.propose" → "confirm-mail-initiative-propose"
    let what = format!("confirm-mail-{}", p.kind.replace('.', "-"));
    let subject = t("confirm-mail-subject");
    let greeting = lang.t_with("mail-greeting", &[("name", p.display_name.clone())]);
    let lead = t(&what);
    let url = link(base_url, token);
    let hours = lang.t_with("confirm-mail-expiry", &[("h", CONFIRM_HOURS.to_string())]);
    let text = format!(
        "{greeting}\n\n{lead}\n\n{}\n{url}\n\n{hours}\n{}\n\n-- \n{}\n",
        t("confirm-mail-link"),
        t("confirm-mail-ignore"),
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
                p { a href=(url) { (t("confirm-mail-link")) } }
                p { (hours) " " (t("confirm-mail-ignore")) }
                hr;
                p { small { (t("confirm-mail-footer")) } }
            }
        }
    };
    NewMail {
        kind: format!("confirm.{}", p.kind),
        to: p.email.clone(),
        subject,
        body_text: text,
        body_html: html.into_string(),
        registration: None,
        dedupe_key: Some(dedupe.to_string()),
    }
}

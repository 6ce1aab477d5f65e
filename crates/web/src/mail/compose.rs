//! The mails about a registration (job kind `mail.registration`), composed in the
//! recipient's language: a subject, a plain-text body and a simple HTML alternative (all
//! text escaped, no remote images), queued in the outbox with the job's id as dedupe key,
//! so a job that runs twice queues one mail.
//!
//! The registration use cases enqueue `{"registration": ID, "kind": KIND, "lang": "hu"|"en"}`
//! in their write transaction. A mail is composed only while the registration is still in
//! the state the mail tells about (a confirmation that runs after a cancellation sends
//! nothing: the cancellation mail says what is true).

use crate::i18n::Lang;
use kozos_app::jobs::{self, Job, JobResult};
use kozos_app::mail::{
    self, NewMail, RegistrationFacts, RegistrationMail, RegistrationMailKind as Kind, REGISTRATION,
};
use kozos_app::App;
use kozos_domain::activity::Activity;
use kozos_domain::participation::Ticket;
use kozos_domain::time::Instant;
use kozos_domain::RegistrationId;
use maud::{html, Markup, DOCTYPE};

pub(super) fn register(app: &App, base_url: String) {
    app.jobs()
        .register(REGISTRATION, move |app: App, job: Job| {
            let base_url = base_url.clone();
            async move { run(&app, &job, &base_url).await }
        });
}

async fn run(app: &App, job: &Job, base_url: &str) -> JobResult {
    let p: RegistrationMail = jobs::payload(job)?;
    // A language kozos does not have gets the catalogue's own, Hungarian: a mail in the
    // wrong language serves the person better than none.
    let lang = p.lang.as_deref().map_or(Lang::Hu, |code| {
        Lang::parse(code).unwrap_or_else(|| {
            tracing::warn!(
                job = job.id,
                code,
                "unknown language in a mail job; Hungarian used"
            );
            Lang::Hu
        })
    });
    let Some(facts) = mail::registration_facts(app, RegistrationId(p.registration)).await? else {
        tracing::debug!(registration = p.registration, "registration gone; no mail");
        return Ok(());
    };
    let Some(to) = facts
        .registration
        .email
        .clone()
        .filter(|e| !e.trim().is_empty())
    else {
        return Ok(()); // registered without an address: nobody to tell
    };
    if facts.registration.status != p.kind.status() {
        tracing::debug!(
            registration = p.registration,
            kind = p.kind.as_str(),
            status = facts.registration.status.as_str(),
            "the registration changed since; this mail would no longer be true"
        );
        return Ok(());
    }
    let composed = compose(lang, p.kind, &facts, base_url);
    mail::queue_alone(
        app,
        NewMail {
            kind: format!("registration.{}", p.kind.as_str()),
            to,
            subject: composed.subject,
            body_text: composed.text,
            body_html: composed.html,
            registration: Some(facts.registration.id),
            dedupe_key: Some(format!("job:{}", job.id)),
        },
    )
    .await?;
    Ok(())
}

/// A mail's subject and bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn hm(t: Instant) -> String {
    t.budapest().format("%H:%M").to_string()
}

/// "2026. 11. 28. 18:00–20:00", or with the end's date when it ends on another day.
pub(crate) fn when(lang: Lang, starts: Instant, ends: Instant) -> String {
    if starts.date() == ends.date() {
        format!("{}–{}", lang.datetime(starts), hm(ends))
    } else {
        format!("{} – {}", lang.datetime(starts), lang.datetime(ends))
    }
}

/// The activity's address and settlement, as far as they are known.
pub(crate) fn place(a: &Activity) -> Option<String> {
    let parts: Vec<&str> = [
        a.address.trim(),
        a.place_name.as_deref().unwrap_or("").trim(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The mail about `f` in `lang`, linking to the ticket pages under `base_url`.
pub fn compose(lang: Lang, kind: Kind, f: &RegistrationFacts, base_url: &str) -> Composed {
    let t = |k: &str| lang.t(k);
    let a = &f.activity;
    let r = &f.registration;
    let k = kind.as_str();
    let subject = lang.t_with(&format!("mail-subject-{k}"), &[("title", a.title.clone())]);
    let greeting = lang.t_with("mail-greeting", &[("name", r.person_name.clone())]);
    let lead = t(&format!("mail-lead-{k}"));
    let when = when(lang, a.starts_at, a.ends_at);
    let place = place(a);
    let code = Ticket::parse(&r.token)
        .map(|t| t.display())
        .unwrap_or_else(|_| r.token.clone());
    let ticket_url = format!("{base_url}/tickets/{}", r.token);
    let cancel_url = format!("{base_url}/tickets/{}/cancel", r.token);
    let public_url = a
        .public
        .then(|| format!("{base_url}/activities/{}", a.id.0));
    // What follows the facts, by kind.
    let note: Option<String> = match kind {
        Kind::Waiting => Some(t("mail-waiting-note")),
        Kind::Confirmation | Kind::Promotion | Kind::Reminder => Some(t("mail-ticket-hint")),
        Kind::Cancellation => None,
    };
    let cancel = kind != Kind::Cancellation;
    let signed = a
        .organiser_name
        .clone()
        .unwrap_or_else(|| f.programme.title.clone());

    let mut text = String::new();
    let mut line = |s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    line(&greeting);
    line("");
    line(&lead);
    line("");
    line(&a.title);
    line(&format!("{}: {when}", t("mail-when")));
    if let Some(p) = &place {
        line(&format!("{}: {p}", t("mail-where")));
    }
    line(&format!("{}: {}", t("mail-programme"), f.programme.title));
    line("");
    if let Some(n) = &note {
        line(n);
        line("");
    }
    line(&format!("{}: {code}", t("mail-ticket-code")));
    line(&format!("{}: {ticket_url}", t("mail-ticket-link")));
    line("");
    if cancel {
        line(&t("mail-cancel-hint"));
        line(&cancel_url);
        line("");
    } else {
        match &public_url {
            Some(u) => {
                line(&t("mail-cancelled-note"));
                line(u);
            }
            None => line(&t("mail-cancelled-note-internal")),
        }
        line("");
    }
    line(&t("mail-signature"));
    line(&signed);
    line("");
    line("-- ");
    line(&t("mail-footer"));

    let html: Markup = html! {
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
                h1 { (a.title) }
                table role="presentation" {
                    tr { th scope="row" align="left" { (t("mail-when")) } td { (when) } }
                    @if let Some(p) = &place {
                        tr { th scope="row" align="left" { (t("mail-where")) } td { (p) } }
                    }
                    tr { th scope="row" align="left" { (t("mail-programme")) } td { (f.programme.title) } }
                }
                @if let Some(n) = &note { p { (n) } }
                p {
                    (t("mail-ticket-code")) ": "
                    strong { code { (code) } }
                }
                p { a href=(ticket_url) { (t("mail-ticket-link")) } }
                @if cancel {
                    p { (t("mail-cancel-hint")) " " a href=(cancel_url) { (t("mail-cancel-link")) } }
                } @else {
                    @if let Some(u) = &public_url {
                        p { (t("mail-cancelled-note")) " " a href=(u) { (a.title) } }
                    } @else {
                        p { (t("mail-cancelled-note-internal")) }
                    }
                }
                p { (t("mail-signature")) br; (signed) }
                hr;
                p { small { (t("mail-footer")) } }
            }
        }
    };
    Composed {
        subject,
        text,
        html: html.into_string(),
    }
}

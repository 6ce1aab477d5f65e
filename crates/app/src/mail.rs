//! Mail: every mail kozos sends is a row in the outbox first, and a `mail.send` job
//! delivers it.
//!
//! - A use case (or a job handler that composes a mail) calls [`queue`] inside its write
//!   transaction: the mail and the job that sends it exist exactly when the change
//!   committed. With a dedupe key, a composer that runs twice (jobs are at least once)
//!   writes one mail.
//! - The `mail.send` handler delivers over SMTP ([`SmtpConfig`], set once at start with
//!   [`App::set_smtp`]) and marks the mail sent. Without SMTP the mail stays `queued` in
//!   the outbox, readable by administrators at `/admin/outbox`; [`flush`] (run by
//!   `kozos serve` when SMTP is configured) sends those that waited.
//! - An SMTP failure is kept as the mail's last error and retried by the queue with its
//!   backoff; when the job's last attempt fails, the mail is `failed`.
//! - Composing (subject and bodies in the recipient's language) is the web layer's: the
//!   message catalogue lives there.

use crate::jobs::{self, JobResult, NewJob, Permanent};
use crate::{App, AppError, Result};
use kozos_db::participation::outbox as store;
use kozos_db::programmes::activities as activities_db;
use kozos_db::DbError;
use kozos_domain::activity::Activity;
use kozos_domain::participation::{Registration, RegistrationStatus};
use kozos_domain::programme::Programme;
use kozos_domain::user::User;
use kozos_domain::{MailId, RegistrationId};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

pub use kozos_db::participation::outbox::Mail;

/// The job that delivers one mail of the outbox: `{"mail": id}`.
pub const SEND: &str = "mail.send";

/// The job that composes a mail about a registration ([`RegistrationMail`]); registered
/// by the web layer, which holds the message catalogue.
pub const REGISTRATION: &str = "mail.registration";

/// What a mail about a registration tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegistrationMailKind {
    /// You have a place.
    Confirmation,
    /// You are on the waiting list.
    Waiting,
    /// A place freed up: you moved from the waiting list to confirmed.
    Promotion,
    /// The activity is tomorrow.
    Reminder,
    /// Your registration was cancelled.
    Cancellation,
}

impl RegistrationMailKind {
    pub const ALL: [RegistrationMailKind; 5] = [
        RegistrationMailKind::Confirmation,
        RegistrationMailKind::Waiting,
        RegistrationMailKind::Promotion,
        RegistrationMailKind::Reminder,
        RegistrationMailKind::Cancellation,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationMailKind::Confirmation => "confirmation",
            RegistrationMailKind::Waiting => "waiting",
            RegistrationMailKind::Promotion => "promotion",
            RegistrationMailKind::Reminder => "reminder",
            RegistrationMailKind::Cancellation => "cancellation",
        }
    }
    /// The registration status this mail is true for.
    pub fn status(self) -> RegistrationStatus {
        match self {
            RegistrationMailKind::Confirmation
            | RegistrationMailKind::Promotion
            | RegistrationMailKind::Reminder => RegistrationStatus::Confirmed,
            RegistrationMailKind::Waiting => RegistrationStatus::Waiting,
            RegistrationMailKind::Cancellation => RegistrationStatus::Cancelled,
        }
    }
}

/// The payload of a [`REGISTRATION`] job:
/// `{"registration": 12, "kind": "confirmation", "lang": "hu"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationMail {
    pub registration: i64,
    pub kind: RegistrationMailKind,
    /// `hu` or `en`; Hungarian when missing.
    #[serde(default)]
    pub lang: Option<String>,
}

/// How long one SMTP command may take before the attempt counts as failed.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text (a relay on the same host or network only).
    None,
    /// Plain connection upgraded with STARTTLS, which is required (submission, port 587).
    StartTls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
}

impl SmtpTls {
    pub fn parse(s: &str) -> Option<SmtpTls> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" => Some(SmtpTls::None),
            "starttls" => Some(SmtpTls::StartTls),
            "tls" => Some(SmtpTls::Tls),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            SmtpTls::None => "none",
            SmtpTls::StartTls => "starttls",
            SmtpTls::Tls => "tls",
        }
    }
}

/// Where and as whom mail is sent.
#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `kozos <noreply@example.hu>`.
    pub from: String,
    pub tls: SmtpTls,
}

impl std::fmt::Debug for SmtpConfig {
    /// Never prints the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "…"))
            .field("from", &self.from)
            .field("tls", &self.tls)
            .finish()
    }
}

impl SmtpConfig {
    /// Is the configuration usable? (The sender must be an address; checked at start so a
    /// typo stops `kozos serve` instead of failing every mail.)
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.host.trim().is_empty() {
            return Err("the SMTP host is empty".into());
        }
        self.from
            .parse::<Mailbox>()
            .map_err(|e| format!("the sender `{}` is not a mail address: {e}", self.from))?;
        Ok(())
    }

    fn transport(&self) -> std::result::Result<AsyncSmtpTransport<Tokio1Executor>, String> {
        let builder = match self.tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&self.host),
            SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&self.host)
                .map_err(|e| format!("TLS for {}: {e}", self.host))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&self.host)
                .map_err(|e| format!("TLS for {}: {e}", self.host))?,
        };
        let mut builder = builder
            .port(self.port)
            .timeout(Some(SMTP_TIMEOUT))
            .hello_name(ClientId::Domain(hostname()));
        if let Some(user) = &self.username {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                self.password.clone().unwrap_or_default(),
            ));
        }
        Ok(builder.build())
    }
}

/// This machine's name for the SMTP greeting.
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty() && h.is_ascii())
        .unwrap_or_else(|| "localhost".into())
}

/// A mail to queue; see [`queue`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewMail {
    /// What the mail is about, e.g. `registration.confirmation`.
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub body_text: String,
    /// Empty: a plain-text mail. Else sent as the alternative to the text.
    pub body_html: String,
    pub registration: Option<RegistrationId>,
    /// What made the mail (e.g. `job:12`): a second mail with the same key is not queued,
    /// the first one's id is answered.
    pub dedupe_key: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SendPayload {
    mail: i64,
}

/// Put `mail` in the outbox in the caller's write transaction (`conn`), with the job that
/// sends it: both exist exactly when the transaction commits. Returns the mail's id (with
/// a dedupe key already used, that earlier mail's; `None` if it has been removed). Call
/// `app.jobs().poke()` after the commit to send it at once.
pub async fn queue(app: &App, conn: &mut kozos_db::Conn, mail: NewMail) -> Result<Option<MailId>> {
    let id = store::insert(
        conn,
        store::NewMail {
            kind: &mail.kind,
            to: &mail.to,
            subject: &mail.subject,
            body_text: &mail.body_text,
            body_html: &mail.body_html,
            registration: mail.registration,
            dedupe_key: mail.dedupe_key.as_deref(),
        },
        app.clock.instant(),
    )
    .await?;
    if let Some(id) = id {
        let job = NewJob::new(SEND)
            .payload(&SendPayload { mail: id.0 })?
            .dedupe_key(&format!("mail-send:{}", id.0));
        jobs::enqueue(app, conn, &job).await?;
    }
    Ok(id)
}

/// [`queue`] in a transaction of its own, committed, and the worker woken: for a job
/// handler whose only write is the mail it composed.
pub async fn queue_alone(app: &App, mail: NewMail) -> Result<Option<MailId>> {
    let mut tx = app.db.begin().await?;
    let id = queue(app, &mut tx, mail).await?;
    tx.commit().await.map_err(DbError::from)?;
    app.jobs.poke();
    Ok(id)
}

/// Enqueue a `mail.send` for every mail still queued (those that waited in the outbox
/// while SMTP was not configured). Called by `kozos serve` at start when SMTP is set; the
/// dedupe keys name this call's instant, so they never collide with the first job of a
/// mail, and a mail already sent by then is skipped by its handler. Returns how many
/// jobs were enqueued.
pub async fn flush(app: &App) -> Result<usize> {
    let ids = store::queued_ids(&app.db, i64::MAX).await?;
    if ids.is_empty() {
        return Ok(0);
    }
    let at = kozos_db::timestamp(app.clock.now());
    let mut enqueued = 0;
    let mut tx = app.db.begin().await?;
    for id in ids {
        let job = NewJob::new(SEND)
            .payload(&SendPayload { mail: id.0 })?
            .dedupe_key(&format!("mail-send:{}@{at}", id.0));
        if jobs::enqueue(app, &mut tx, &job).await?.is_some() {
            enqueued += 1;
        }
    }
    tx.commit().await.map_err(DbError::from)?;
    app.jobs.poke();
    Ok(enqueued)
}

/// The `mail.send` handler: deliver one mail of the outbox, once.
pub(crate) async fn send_job(app: App, job: jobs::Job) -> JobResult {
    let p: SendPayload = jobs::payload(&job)?;
    let id = MailId(p.mail);
    let Some(mail) = store::get(&app.db, id).await? else {
        // Removed since (its registration's data was erased): nothing to send.
        return Ok(());
    };
    if mail.state == "sent" {
        return Ok(()); // the job ran before (at least once)
    }
    let Some(smtp) = app.smtp() else {
        tracing::debug!(
            mail = id.0,
            "no SMTP configured; the mail waits in the outbox"
        );
        return Ok(());
    };
    let message = match message(smtp, &mail) {
        Ok(m) => m,
        Err(e) => {
            // An address that does not parse will not parse on a retry either.
            store::mark_error(&app.db, id, &e, true).await?;
            return Err(Box::new(Permanent(e)));
        }
    };
    let sent = match smtp.transport() {
        Ok(transport) => transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("SMTP {}:{}: {e}", smtp.host, smtp.port)),
        Err(e) => Err(e),
    };
    match sent {
        Ok(()) => {
            store::mark_sent(&app.db, id, app.clock.instant()).await?;
            tracing::info!(mail = id.0, kind = %mail.kind, "mail sent");
            Ok(())
        }
        Err(e) => {
            let last_attempt = job.attempts >= job.max_attempts;
            store::mark_error(&app.db, id, &e, last_attempt).await?;
            Err(e.into())
        }
    }
}

/// The message as sent: UTF-8 throughout (the subject as encoded words), plain text, or
/// text and HTML as alternatives. The Message-ID names the mail, so a copy delivered twice
/// (a worker that died after the server took it) is recognisably the same message.
fn message(smtp: &SmtpConfig, mail: &Mail) -> std::result::Result<Message, String> {
    let from: Mailbox = smtp
        .from
        .parse()
        .map_err(|e| format!("the sender `{}` is not a mail address: {e}", smtp.from))?;
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| format!("the recipient `{}` is not a mail address: {e}", mail.to))?;
    let domain = from.email.domain().to_string();
    let builder = Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!(
            "<kozos-mail-{}.{}@{domain}>",
            mail.id.0,
            mail.created_at.utc().timestamp()
        )));
    let built = if mail.body_html.is_empty() {
        builder.singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(mail.body_text.clone()),
        )
    } else {
        builder.multipart(MultiPart::alternative_plain_html(
            mail.body_text.clone(),
            mail.body_html.clone(),
        ))
    };
    built.map_err(|e| format!("the message cannot be built: {e}"))
}

// ---- what composers read ----

/// What a mail about a registration tells: the registration, its activity and programme.
#[derive(Debug, Clone)]
pub struct RegistrationFacts {
    pub registration: Registration,
    pub activity: Activity,
    pub programme: Programme,
}

/// The facts a registration mail is composed from; `None` when the registration (or its
/// activity) no longer exists. For job handlers, not for people: nothing is authorised.
pub async fn registration_facts(
    app: &App,
    id: RegistrationId,
) -> Result<Option<RegistrationFacts>> {
    use kozos_db::participation::registrations;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let Some(registration) = registrations::get(&mut conn, id).await? else {
        return Ok(None);
    };
    let Some(activity) = activities_db::activity(&mut conn, registration.activity_id).await? else {
        return Ok(None);
    };
    drop(conn);
    let Some(programme) = kozos_db::programmes::get(&app.db, activity.programme_id).await? else {
        return Ok(None);
    };
    Ok(Some(RegistrationFacts {
        registration,
        activity,
        programme,
    }))
}

// ---- administrators ----

/// Where a mail is: waiting, delivered, or given up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailState {
    Queued,
    Sent,
    Failed,
}

impl MailState {
    pub const ALL: [MailState; 3] = [MailState::Queued, MailState::Sent, MailState::Failed];
    pub fn parse(s: &str) -> Option<MailState> {
        match s {
            "queued" => Some(MailState::Queued),
            "sent" => Some(MailState::Sent),
            "failed" => Some(MailState::Failed),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            MailState::Queued => "queued",
            MailState::Sent => "sent",
            MailState::Failed => "failed",
        }
    }
}

/// How many mails the outbox page lists.
pub const OUTBOX_LIMIT: i64 = 200;

/// The outbox, newest first (all, or those in one state): for the administrators who see
/// the job queue.
pub async fn outbox(app: &App, actor: &User, state: Option<MailState>) -> Result<Vec<Mail>> {
    jobs::authorise(actor)?;
    Ok(store::list(&app.db, state.map(MailState::as_str), OUTBOX_LIMIT).await?)
}

/// One mail of the outbox, as it was (or will be) sent.
pub async fn mail(app: &App, actor: &User, id: MailId) -> Result<Mail> {
    jobs::authorise(actor)?;
    store::get(&app.db, id).await?.ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kozos_domain::time::Instant;

    fn smtp() -> SmtpConfig {
        SmtpConfig {
            host: "127.0.0.1".into(),
            port: 2525,
            username: Some("kozos".into()),
            password: Some("titok".into()),
            from: "kozos <noreply@example.hu>".into(),
            tls: SmtpTls::StartTls,
        }
    }

    fn mail(html: &str) -> Mail {
        Mail {
            id: MailId(7),
            kind: "registration.confirmation".into(),
            to: "kiss.anna@example.hu".into(),
            subject: "Helyed van: Őszi közösségi beszélgetés".into(),
            body_text: "Szia Anna!\nŐrülünk, hogy jössz.\n".into(),
            body_html: html.into(),
            registration_id: None,
            state: "queued".into(),
            created_at: Instant::parse_stored("2026-11-21T10:00:00Z").unwrap(),
            sent_at: None,
            last_error: None,
        }
    }

    #[test]
    fn the_subject_travels_as_encoded_words_and_bodies_as_alternatives() {
        let raw = String::from_utf8(
            message(&smtp(), &mail("<p>Őrülünk</p>"))
                .unwrap()
                .formatted(),
        )
        .unwrap();
        let subject = raw.lines().find(|l| l.starts_with("Subject:")).unwrap();
        assert!(subject.is_ascii(), "{subject}");
        assert!(subject.contains("=?utf-8?"), "{subject}");
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.contains("Message-ID: <kozos-mail-7.1795255200@example.hu>"));
        let plain = String::from_utf8(message(&smtp(), &mail("")).unwrap().formatted()).unwrap();
        assert!(!plain.contains("multipart"));
        assert!(plain.contains("Content-Type: text/plain; charset=utf-8"));
    }

    #[test]
    fn a_bad_address_is_refused_before_any_connection() {
        let mut m = mail("");
        m.to = "nem cím".into();
        assert!(message(&smtp(), &m).unwrap_err().contains("recipient"));
        let mut s = smtp();
        s.from = "kozos".into();
        assert!(s.check().is_err());
        assert!(smtp().check().is_ok());
    }

    #[test]
    fn every_tls_mode_makes_a_transport_with_the_ring_provider() {
        for tls in [SmtpTls::None, SmtpTls::StartTls, SmtpTls::Tls] {
            let cfg = SmtpConfig { tls, ..smtp() };
            assert!(cfg.transport().is_ok(), "{tls:?}");
        }
    }

    #[test]
    fn the_password_is_never_printed() {
        let shown = format!("{:?}", smtp());
        assert!(!shown.contains("titok"), "{shown}");
        assert_eq!(SmtpTls::parse("STARTTLS"), Some(SmtpTls::StartTls));
        assert_eq!(SmtpTls::parse("ssl"), None);
    }
}

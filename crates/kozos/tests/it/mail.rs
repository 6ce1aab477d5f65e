//! Mail, end to end against a real SMTP server: a registration's job composes the mail in
//! the person's language, the outbox keeps it, and `mail.send` delivers it to
//! `scripts/lib/smtp_sink.py` (aiosmtpd), whose copy Python's own `email` package reads
//! back. Without SMTP the mail waits in the outbox, where administrators (only) read it;
//! jobs that run twice send one mail; SMTP failures are kept and end in `failed`.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use chrono::Duration;
use kozos_app::jobs::{self, NewJob, Outcome};
use kozos_app::mail::{SmtpConfig, SmtpTls};
use kozos_db::participation::outbox::{self, Mail};
use kozos_db::participation::people::{self, NewPerson};
use kozos_db::participation::registrations::{self, NewRegistration};
use kozos_domain::activity::Activity;
use kozos_domain::participation::{PersonInput, RegistrationSource, RegistrationStatus, Ticket};
use kozos_domain::{ProgrammeId, RegistrationId};
use kozos_web::i18n::Lang;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

// ---- the SMTP sink ----

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The sink's python, its environment made by `scripts/lib/smtp-sink-venv.sh` when it
/// is not there yet (as `scripts/test.sh` does before the tests).
fn sink_python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let script = repo().join("scripts/lib/smtp-sink-venv.sh");
        let out = Command::new("bash")
            .arg(&script)
            .stderr(Stdio::inherit())
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", script.display()));
        assert!(
            out.status.success(),
            "the SMTP sink needs Python's aiosmtpd in a virtual environment, and \
             {} could not make it (it runs `python3 -m venv` and pip; see its output \
             above). Run it by hand to see why.",
            script.display()
        );
        let python = String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .unwrap_or_default()
            .trim()
            .to_string();
        PathBuf::from(python)
    })
}

/// One SMTP sink on a free loopback port, stopped (and its folder removed) when dropped.
struct Sink {
    child: Child,
    dir: PathBuf,
    port: u16,
}

/// A message the sink received: the bytes, and what Python's `email` read in them.
struct Received {
    raw: String,
    parsed: Value,
}

impl Sink {
    fn start(login: Option<(&str, &str)>) -> Sink {
        let dir = std::env::temp_dir().join(format!(
            "kozos-smtp-sink-{}",
            kozos_app::auth::random_token()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(12)
                .collect::<String>()
        ));
        let mut cmd = Command::new(sink_python());
        cmd.arg(repo().join("scripts/lib/smtp_sink.py"))
            .arg("--dir")
            .arg(&dir);
        if let Some((user, password)) = login {
            cmd.args(["--user", user, "--password", password]);
        }
        let mut child = cmd
            .stdin(Stdio::piped()) // the sink stops when this closes
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the SMTP sink");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("sink stdout"))
            .read_line(&mut line)
            .expect("read the sink's first line");
        let port = line
            .trim()
            .strip_prefix("ready ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the SMTP sink did not start: {line:?}"));
        Sink { child, dir, port }
    }

    fn smtp(&self, login: Option<(&str, &str)>) -> SmtpConfig {
        SmtpConfig {
            host: "127.0.0.1".into(),
            port: self.port,
            username: login.map(|l| l.0.to_string()),
            password: login.map(|l| l.1.to_string()),
            from: "kozos <noreply@kozos.example.hu>".into(),
            tls: SmtpTls::None,
        }
    }

    /// Every message received so far, in order.
    fn received(&self) -> Vec<Received> {
        let mut emls: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        emls.retain(|p| p.extension().is_some_and(|x| x == "eml"));
        emls.sort();
        emls.into_iter()
            .map(|eml| Received {
                raw: std::fs::read_to_string(&eml).expect("read .eml"),
                parsed: serde_json::from_str(
                    &std::fs::read_to_string(eml.with_extension("json")).expect("read .json"),
                )
                .expect("the sink's JSON"),
            })
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

// ---- fixtures ----

struct Fixture {
    registration: RegistrationId,
    token: String,
    email: Option<String>,
    activity: Activity,
}

/// A person registered for a demo activity of the Kisbér programme whose title has
/// Hungarian accents, as the registration use cases would leave it.
async fn registered(
    t: &TestApp,
    status: RegistrationStatus,
    email: Option<&str>,
    seed: u8,
) -> Fixture {
    let admin = t.user("admin@demo.kozos.hu").await;
    let programme = ProgrammeId(t.kisber());
    let list = kozos_app::activities::for_programme(&t.app, &admin, programme)
        .await
        .unwrap();
    let activity = list
        .activities
        .into_iter()
        .find(|a| a.title.chars().any(|c| "őűáéíóöüú".contains(c)) && !a.address.is_empty())
        .expect("a demo activity with accents in its title and an address");
    let now = t.app.clock.instant();
    let token = Ticket::from_random([seed; 10]).as_str().to_string();
    let mut tx = t.app.db.begin().await.unwrap();
    let person = people::insert(
        &mut tx,
        Some(programme),
        NewPerson {
            input: &PersonInput {
                name: "Kovács Őrs".into(),
                email: email.map(str::to_string),
                phone: None,
                birth_year: None,
                age_band: None,
                settlement: None,
                organisation_id: None,
            },
            place: None,
            user: None,
        },
        now,
    )
    .await
    .unwrap();
    let registration = registrations::insert(
        &mut tx,
        NewRegistration {
            activity: activity.id,
            person,
            status,
            token: &token,
            source: RegistrationSource::Staff,
            by: None,
            lang: "hu",
        },
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    Fixture {
        registration,
        token,
        email: email.map(str::to_string),
        activity,
    }
}

/// What the registration use cases do: enqueue `mail.registration` in a transaction.
async fn ask_for_mail(t: &TestApp, f: &Fixture, kind: &str, lang: &str) -> i64 {
    let job = NewJob::new(kozos_app::mail::REGISTRATION)
        .payload(&json!({"registration": f.registration.0, "kind": kind, "lang": lang}))
        .unwrap();
    let mut tx = t.app.db.begin().await.unwrap();
    let id = jobs::enqueue(&t.app, &mut tx, &job).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    id
}

async fn mails_of(t: &TestApp, f: &Fixture) -> Vec<Mail> {
    outbox::to_address(&t.app.db, f.email.as_deref().unwrap())
        .await
        .unwrap()
}

async fn count(t: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap()
}

/// A mail waiting in the outbox (no SMTP), for the pages that show one.
pub async fn queued_mail(t: &TestApp) -> i64 {
    let mut tx = t.app.db.begin().await.unwrap();
    let id = kozos_app::mail::queue(
        &t.app,
        &mut tx,
        kozos_app::mail::NewMail {
            kind: "test".into(),
            to: "valaki@example.hu".into(),
            subject: "Próbalevél".into(),
            body_text: "Szia!".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    id.0
}

fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const BASE: &str = "http://localhost:8080"; // the harness's WebConfig has no public URL

// ---- tests ----

both!(
    a_registration_mail_goes_out_over_smtp_in_the_persons_language,
    |t: TestApp| async move {
        let login = Some(("kozos", "sink-jelszó"));
        let sink = Sink::start(login);
        t.app.set_smtp(sink.smtp(login)).unwrap();
        let f = registered(
            &t,
            RegistrationStatus::Confirmed,
            Some("kovacs.ors@example.hu"),
            7,
        )
        .await;
        ask_for_mail(&t, &f, "confirmation", "hu").await;
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran.len(), 2, "{ran:?}");
        assert!(ran.iter().all(|r| r.outcome == Outcome::Done), "{ran:?}");

        let got = sink.received();
        assert_eq!(got.len(), 1);
        let (raw, m) = (&got[0].raw, &got[0].parsed);
        let title = &f.activity.title;
        assert_eq!(m["login"], "kozos");
        assert_eq!(m["rcpt_tos"], json!(["kovacs.ors@example.hu"]));
        assert_eq!(m["to"], "kovacs.ors@example.hu");
        assert_eq!(m["from"], "kozos <noreply@kozos.example.hu>");
        // the subject went as encoded words and reads back with its accents
        assert_eq!(m["subject"], format!("Helyed van: {title}"));
        let raw_subject = m["subject_raw"].as_str().unwrap();
        assert!(
            raw_subject.is_ascii() && raw_subject.contains("=?utf-8?"),
            "{raw_subject}"
        );
        assert!(raw.is_ascii(), "the message is 7-bit on the wire");
        assert_eq!(m["content_type"], "multipart/alternative");
        let text = m["text"].as_str().unwrap();
        let html = m["html"].as_str().unwrap();
        let code = Ticket::parse(&f.token).unwrap().display();
        let ticket = format!("{BASE}/tickets/{}", f.token);
        let cancel = format!("{BASE}/tickets/{}/cancel", f.token);
        for part in [text, html] {
            assert!(part.contains(&code), "ticket code {code} in:\n{part}");
            assert!(part.contains(&ticket), "ticket link in:\n{part}");
            assert!(part.contains(&cancel), "cancel link in:\n{part}");
            assert!(part.contains("Kovács Őrs"), "{part}");
        }
        assert!(text.contains(title.as_str()), "{text}");
        assert!(
            text.contains(&Lang::Hu.datetime(f.activity.starts_at)),
            "Budapest time in:\n{text}"
        );
        assert!(text.contains(f.activity.address.as_str()), "{text}");
        assert!(html.contains(&escaped(title)), "{html}");
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );

        let mails = mails_of(&t, &f).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].state, "sent");
        assert!(mails[0].sent_at.is_some());
        assert_eq!(mails[0].registration_id, Some(f.registration));
        assert_eq!(mails[0].kind, "registration.confirmation");

        // cancelled, told in English: no cancel link any more
        let mut tx = t.app.db.begin().await.unwrap();
        registrations::cancel(&mut tx, f.registration, t.app.clock.instant())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        ask_for_mail(&t, &f, "cancellation", "en").await;
        jobs::drain(&t.app).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 2);
        let m = &got[1].parsed;
        assert_eq!(
            m["subject"],
            format!("Your registration is cancelled: {title}")
        );
        let text = m["text"].as_str().unwrap();
        assert!(text.contains(&ticket) && text.contains(&code), "{text}");
        assert!(!text.contains("/cancel"), "{text}");
        assert!(!m["html"].as_str().unwrap().contains("/cancel"));
        assert!(
            text.contains(&Lang::En.datetime(f.activity.starts_at)),
            "{text}"
        );
    }
);

both!(
    without_smtp_mail_waits_in_the_outbox_for_administrators_only,
    |t: TestApp| async move {
        let f = registered(
            &t,
            RegistrationStatus::Waiting,
            Some("varolista@example.hu"),
            9,
        )
        .await;
        ask_for_mail(&t, &f, "waiting", "hu").await;
        let ran = jobs::drain(&t.app).await.unwrap();
        assert!(ran.iter().all(|r| r.outcome == Outcome::Done), "{ran:?}");
        let mails = mails_of(&t, &f).await;
        assert_eq!(mails.len(), 1);
        let m = &mails[0];
        assert_eq!(m.state, "queued");
        assert!(m.last_error.is_none());
        assert!(
            m.subject.starts_with("Várólistára kerültél: "),
            "{}",
            m.subject
        );
        assert!(
            m.body_text.contains("Ha felszabadul egy hely"),
            "{}",
            m.body_text
        );

        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let list = admin.get("/admin/outbox").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains(&escaped(&m.subject)));
        assert!(list.body.contains(&format!("/admin/outbox/{}", m.id.0)));
        assert!(list.body.contains("varolista@example.hu"));
        assert!(list.body.contains("várakozik"));
        let queued = admin.get("/admin/outbox?state=queued").await.body;
        assert!(queued.contains(&escaped(&m.subject)));
        let sent = admin.get("/admin/outbox?state=sent").await.body;
        assert!(!sent.contains(&escaped(&m.subject)));
        let page = admin.get(&format!("/admin/outbox/{}", m.id.0)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<pre"));
        assert!(page.body.contains(&escaped(&f.token)));
        // the HTML body only as inert, escaped text: in a sandboxed frame and as source
        assert!(page.body.contains(r#"sandbox="""#));
        assert!(page.body.contains("srcdoc=\"&lt;!DOCTYPE html&gt;"));
        assert_eq!(
            page.body.matches("<!DOCTYPE").count(),
            1,
            "the mail's document is not the page's"
        );
        assert_eq!(
            admin.get("/admin/outbox/987654321").await.status,
            StatusCode::NOT_FOUND
        );
        // the menu leads there
        assert!(admin
            .get("/admin")
            .await
            .body
            .contains(r#"href="/admin/outbox""#));

        let mut pm = t.signed_in("projektmenedzser@demo.kozos.hu").await;
        assert_eq!(pm.get("/admin/outbox").await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            pm.get(&format!("/admin/outbox/{}", m.id.0)).await.status,
            StatusCode::FORBIDDEN
        );
        let anonymous = t.client().get("/admin/outbox").await;
        assert!(anonymous.location().starts_with("/signin"), "{anonymous:?}");

        // SMTP set at the next start: what waited goes out
        let sink = Sink::start(None);
        t.app.set_smtp(sink.smtp(None)).unwrap();
        assert_eq!(kozos_app::mail::flush(&t.app).await.unwrap(), 1);
        let ran = jobs::drain(&t.app).await.unwrap();
        assert!(ran.iter().all(|r| r.outcome == Outcome::Done), "{ran:?}");
        let got = sink.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].parsed["subject"], m.subject.as_str());
        assert_eq!(mails_of(&t, &f).await[0].state, "sent");
        let sent = admin.get("/admin/outbox?state=sent").await.body;
        assert!(sent.contains(&escaped(&m.subject)));
        // a second flush finds nothing waiting
        assert_eq!(kozos_app::mail::flush(&t.app).await.unwrap(), 0);
    }
);

both!(
    mail_jobs_that_run_twice_queue_and_send_one_mail,
    |t: TestApp| async move {
        let sink = Sink::start(None);
        t.app.set_smtp(sink.smtp(None)).unwrap();
        let f = registered(
            &t,
            RegistrationStatus::Confirmed,
            Some("ketszer@example.hu"),
            11,
        )
        .await;
        let job = ask_for_mail(&t, &f, "reminder", "hu").await;
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran.len(), 2, "{ran:?}");
        assert_eq!(sink.received().len(), 1);
        // Both jobs run again, as after a worker that died before recording them.
        sqlx::query(
            "UPDATE jobs SET state = 'queued', finished_at = NULL, locked_by = NULL, \
             locked_until = NULL, run_at = created_at WHERE kind LIKE 'mail.%'",
        )
        .execute(&t.app.db.pool)
        .await
        .unwrap();
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran.len(), 2, "{ran:?}");
        assert!(ran.iter().all(|r| r.outcome == Outcome::Done), "{ran:?}");
        let mails = mails_of(&t, &f).await;
        assert_eq!(mails.len(), 1, "one outbox row for job {job}");
        assert_eq!(mails[0].state, "sent");
        assert_eq!(
            count(&t, "SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'").await,
            1
        );
        assert_eq!(sink.received().len(), 1, "sent once");
        assert!(sink.received()[0].parsed["subject"]
            .as_str()
            .unwrap()
            .starts_with("Holnap találkozunk: "));

        // A mail that is no longer true is not composed (confirmed, then cancelled), and
        // a person registered without an address gets none.
        ask_for_mail(&t, &f, "waiting", "hu").await;
        let nobody = registered(&t, RegistrationStatus::Confirmed, None, 12).await;
        ask_for_mail(&t, &nobody, "confirmation", "hu").await;
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran.len(), 2, "{ran:?}");
        assert!(ran.iter().all(|r| r.outcome == Outcome::Done), "{ran:?}");
        assert_eq!(count(&t, "SELECT COUNT(*) FROM mail_outbox").await, 1);
    }
);

both!(
    an_smtp_failure_is_kept_retried_and_ends_failed,
    |t: TestApp| async move {
        // a loopback port nobody listens on
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        t.app
            .set_smtp(SmtpConfig {
                host: "127.0.0.1".into(),
                port,
                username: None,
                password: None,
                from: "kozos <noreply@kozos.example.hu>".into(),
                tls: SmtpTls::None,
            })
            .unwrap();
        let f = registered(
            &t,
            RegistrationStatus::Confirmed,
            Some("hiba@example.hu"),
            13,
        )
        .await;
        ask_for_mail(&t, &f, "confirmation", "en").await;
        let ran = jobs::drain(&t.app).await.unwrap();
        let send = ran.iter().find(|r| r.kind == "mail.send").unwrap();
        assert!(matches!(send.outcome, Outcome::Retry { .. }), "{ran:?}");
        let m = &mails_of(&t, &f).await[0];
        assert_eq!(m.state, "queued");
        let error = m.last_error.clone().unwrap_or_default();
        assert!(error.contains(&format!("127.0.0.1:{port}")), "{error}");
        let mut last = send.outcome.clone();
        for _ in 0..10 {
            if matches!(last, Outcome::Failed { .. }) {
                break;
            }
            t.app.clock.advance(Duration::hours(2));
            let ran = jobs::drain(&t.app).await.unwrap();
            last = ran.last().unwrap().outcome.clone();
        }
        assert!(matches!(last, Outcome::Failed { .. }), "{last:?}");
        let m = &mails_of(&t, &f).await[0];
        assert_eq!(m.state, "failed");
        assert!(m.last_error.is_some());
        assert!(m.sent_at.is_none());
    }
);

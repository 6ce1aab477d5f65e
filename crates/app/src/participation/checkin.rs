//! QR check-in: a scanner (the check-in page, online or syncing what it queued offline,
//! or another system) sends ticket codes; each becomes one attendance or a refusal with a
//! reason. A repeat of the same code, or of the same scan (its client id), is the same
//! attendance, so a sync can be sent again safely. Every recorded scan is committed
//! before the answer.

use super::activity_for;
use crate::{App, AppError, Result};
use kozos_db::participation::attendance::{self as db, NewAttendance, Recorded};
use kozos_db::participation::registrations;
use kozos_db::{cache_versions, Conn, DbError};
use kozos_domain::activity::Activity;
use kozos_domain::participation::*;
use kozos_domain::policy::Action;
use kozos_domain::time::Instant;
use kozos_domain::user::User;
use kozos_domain::*;
use std::collections::HashMap;
use tokio::sync::{mpsc, oneshot};

/// One scan as a scanner sends it.
#[derive(Debug, Clone)]
pub struct Scan {
    pub activity: ActivityId,
    pub token: String,
    pub scanned_at: Instant,
    /// The scanner's own id for this scan (unique per scan), when it has one.
    pub client_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    CheckedIn(Attendance),
    AlreadyCheckedIn(Attendance),
    Refused(CheckInRefusal),
}

/// Longest client id kept (a UUID is 36).
pub const MAX_CLIENT_ID: usize = 100;
/// Most scans in one sync.
pub const MAX_BATCH: usize = 1000;

/// Record scans, in one transaction. The user must have the check-in right on every
/// activity named (else nothing is recorded: 404 for an unknown activity, 403 otherwise).
pub async fn check_in(app: &App, user: &User, scans: &[Scan]) -> Result<Vec<Outcome>> {
    if scans.len() > MAX_BATCH {
        return Err(AppError::invalid("scans", "err-batch-too-large"));
    }
    for s in scans {
        if let Some(c) = &s.client_id {
            if c.is_empty() || c.len() > MAX_CLIENT_ID || c.chars().any(|ch| ch.is_control()) {
                return Err(AppError::invalid("client_id", "err-client-id"));
            }
        }
    }
    // Authorise every activity first (reads, outside the write transaction).
    let mut activities: HashMap<ActivityId, Activity> = HashMap::new();
    for s in scans {
        if let std::collections::hash_map::Entry::Vacant(slot) = activities.entry(s.activity) {
            slot.insert(activity_for(app, user, Action::CheckIn, s.activity).await?);
        }
    }
    let (reply, answer) = oneshot::channel();
    app.checkins.submit(
        app,
        Pending {
            user: user.id,
            scans: scans.to_vec(),
            activities,
            reply,
        },
    );
    answer
        .await
        .map_err(|_| AppError::Internal("check-in writer stopped".into()))?
}

/// Scans waiting for the writer, with the activities they were authorised for.
pub(crate) struct Pending {
    user: UserId,
    scans: Vec<Scan>,
    activities: HashMap<ActivityId, Activity>,
    reply: oneshot::Sender<Result<Vec<Outcome>>>,
}

/// Group commit: scans that arrive while a transaction is being written wait, and are
/// then written together in one transaction, one sync of the log for all of them, and
/// each is answered only after that commit. At many doors at once this is what makes
/// thousands of durable check-ins a second possible; alone, a scan is written at once.
/// It holds requests in flight, never data: every instance has its own, and the
/// database decides between them.
#[derive(Default)]
pub(crate) struct Committer(std::sync::OnceLock<mpsc::UnboundedSender<Pending>>);

/// Most scans written in one transaction.
const GROUP: usize = 512;

impl Committer {
    fn submit(&self, app: &App, p: Pending) {
        let sender = self.0.get_or_init(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            // The writer holds the database and the clock, not the App (which holds it).
            tokio::spawn(write_groups(app.db.clone(), app.clock.clone(), rx));
            tx
        });
        if let Err(mpsc::error::SendError(p)) = sender.send(p) {
            let _ = p
                .reply
                .send(Err(AppError::Internal("check-in writer stopped".into())));
        }
    }
}

async fn write_groups(
    db: kozos_db::Db,
    clock: crate::Clock,
    mut rx: mpsc::UnboundedReceiver<Pending>,
) {
    while let Some(first) = rx.recv().await {
        let mut group = vec![first];
        let mut size = group[0].scans.len();
        while size < GROUP {
            match rx.try_recv() {
                Ok(p) => {
                    size += p.scans.len();
                    group.push(p);
                }
                Err(_) => break,
            }
        }
        match write_group(&db, clock.instant(), &group).await {
            Ok(outcomes) => {
                for (p, o) in group.into_iter().zip(outcomes) {
                    let _ = p.reply.send(Ok(o));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, scans = size, "check-in group not written");
                for p in group {
                    let _ = p.reply.send(Err(AppError::Internal(e.to_string())));
                }
            }
        }
    }
}

async fn write_group(
    db: &kozos_db::Db,
    now: Instant,
    group: &[Pending],
) -> Result<Vec<Vec<Outcome>>> {
    let mut tx = db.begin().await?;
    let mut sessions = HashMap::new();
    let mut programmes = Vec::new();
    let mut all = Vec::with_capacity(group.len());
    for p in group {
        let mut out = Vec::with_capacity(p.scans.len());
        for s in &p.scans {
            let a = &p.activities[&s.activity];
            if let std::collections::hash_map::Entry::Vacant(slot) = sessions.entry(a.id) {
                slot.insert(db::sessions(&mut tx, a.id).await?);
            }
            let o = one(&mut tx, p.user, a, &sessions[&a.id], s, now).await?;
            if matches!(o, Outcome::CheckedIn(_)) && !programmes.contains(&a.programme_id) {
                programmes.push(a.programme_id);
            }
            out.push(o);
        }
        all.push(out);
    }
    // Attendance shows in counts; a scan is not an edit worth a change-log line each
    // (the attendance row itself records who, when and how).
    for p in programmes {
        cache_versions::bump(&mut tx, &cache_versions::programme(p.0)).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(all)
}

/// The session a scan belongs to: the one whose door window holds the scan time.
fn session_for(
    sessions: &[(SessionId, Instant, Instant, i64)],
    at: Instant,
    now: Instant,
) -> std::result::Result<SessionId, CheckInRefusal> {
    let mut refusal = CheckInRefusal::TooEarly;
    for (id, start, end, _) in sessions {
        match scan_window(*start, *end, at, now) {
            Ok(()) => return Ok(*id),
            Err(CheckInRefusal::Expired) => refusal = CheckInRefusal::Expired,
            Err(CheckInRefusal::FutureScan) => return Err(CheckInRefusal::FutureScan),
            Err(_) => {}
        }
    }
    Err(refusal)
}

async fn one(
    conn: &mut Conn,
    user: UserId,
    a: &Activity,
    sessions: &[(SessionId, Instant, Instant, i64)],
    s: &Scan,
    now: Instant,
) -> Result<Outcome> {
    // The same scan sent again answers as it did, whatever happened since.
    if let Some(c) = &s.client_id {
        if let Some(earlier) = db::by_client(conn, c).await? {
            return Ok(Outcome::AlreadyCheckedIn(earlier));
        }
    }
    let ticket = match Ticket::parse(&s.token) {
        Ok(t) => t,
        Err(TicketError::Malformed) => return Ok(Outcome::Refused(CheckInRefusal::Malformed)),
        Err(TicketError::Forged) => return Ok(Outcome::Refused(CheckInRefusal::Forged)),
    };
    let Some(r) = registrations::by_token(conn, ticket.as_str()).await? else {
        return Ok(Outcome::Refused(CheckInRefusal::Unknown));
    };
    if r.activity_id != a.id {
        return Ok(Outcome::Refused(CheckInRefusal::OtherActivity));
    }
    match r.status {
        RegistrationStatus::Cancelled => return Ok(Outcome::Refused(CheckInRefusal::Cancelled)),
        RegistrationStatus::Waiting => return Ok(Outcome::Refused(CheckInRefusal::Waiting)),
        RegistrationStatus::Confirmed => {}
    }
    let session = if sessions.is_empty() {
        if let Err(why) = scan_window(a.starts_at, a.ends_at, s.scanned_at, now) {
            return Ok(Outcome::Refused(why));
        }
        None
    } else {
        match session_for(sessions, s.scanned_at, now) {
            Ok(id) => Some(id),
            Err(why) => return Ok(Outcome::Refused(why)),
        }
    };
    let recorded = db::record(
        conn,
        NewAttendance {
            activity: a.id,
            session,
            person: r.person_id,
            registration: Some(r.id),
            route: AttendanceRoute::Qr,
            scanned_at: s.scanned_at,
            by: Some(user),
            client_id: s.client_id.as_deref(),
        },
        now,
    )
    .await?;
    Ok(match recorded {
        Recorded::New(x) => Outcome::CheckedIn(x),
        Recorded::Already(x) => Outcome::AlreadyCheckedIn(x),
    })
}

/// Who attended an activity (for staff who check people in).
pub async fn attendance(
    app: &App,
    user: &User,
    activity: ActivityId,
) -> Result<(Activity, Vec<Attendance>)> {
    let a = activity_for(app, user, Action::CheckIn, activity).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let list = db::list(&mut conn, a.id).await?;
    Ok((a, list))
}

//! Signing in and out, sessions, accounts and API tokens.
//!
//! Passwords are Argon2id (password-auth), hashed off the async runtime. Session and API
//! tokens are 256-bit random values; only their SHA-256 is stored. Failed sign-ins are
//! counted in the database, so the limit holds across instances.

use crate::{App, AppError, Result};
use base64::Engine;
use chrono::Duration;
use kozos_db::users;
use kozos_domain::user::{normalise_email, Grant, User};
use kozos_domain::UserId;
use sha2::{Digest, Sha256};

pub const SESSION_HOURS: i64 = 12;
/// How long a browser stays a known device of an account after its last sign-in.
pub const DEVICE_DAYS: i64 = 180;
/// Failures counted for throttling are those of the last day.
pub const WINDOW_HOURS: i64 = 24;
/// Failed attempts per account (from unknown browsers) before each further attempt waits.
pub const FREE_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed attempts per address before each further attempt waits: higher, because a
/// whole office may sign in from behind one router.
pub const FREE_FAILURES_PER_ADDRESS: i64 = 20;
/// A known device that fails this often is treated as unknown again.
pub const MAX_FAILURES_PER_DEVICE: i64 = 10;

/// How long the next attempt must wait after `failures` failures: nothing up to `free`,
/// then 1 s, 2 s, 4 s … up to `cap` seconds. Growing delays instead of a hard lock: an
/// attacker is slowed to a few guesses an hour, while nobody can lock an account (or a
/// whole office) out for long by failing on purpose.
pub fn delay_seconds(failures: i64, free: i64, cap: i64) -> i64 {
    if failures < free {
        0
    } else {
        let exp = (failures - free).min(20) as u32;
        (1i64 << exp).min(cap)
    }
}

/// The derived CSRF token of a session: only a browser holding the (HttpOnly) session
/// cookie can compute it, and it changes with every sign-in.
pub fn csrf_for_session(session_token: &str) -> String {
    let digest = Sha256::digest(format!("kozos-csrf\0{session_token}").as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

pub fn random_token() -> String {
    let mut buf = [0u8; 32];
    getrandom::getrandom(&mut buf).expect("the operating system's random source");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
}

async fn verify(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .unwrap_or(false)
}

/// A hash of a random password, verified against when the account does not exist, so an
/// attacker cannot tell unknown addresses by the response time.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// What a browser sends to sign in.
pub struct SignIn<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub ip: &'a str,
    /// The browser's known-device token, if it has one.
    pub device: Option<&'a str>,
    /// The browser's current session token, if any: it ends when the new one begins.
    pub previous_session: Option<&'a str>,
}

pub struct SignedIn {
    pub session_token: String,
    /// The browser's known-device token (new, or the one it sent), to keep in a cookie.
    pub device_token: String,
    pub user: User,
}

/// Check the password and open a session.
///
/// Throttling: after [`FREE_FAILURES_PER_ACCOUNT`] failures on an account (or
/// [`FREE_FAILURES_PER_ADDRESS`] from an address) within a day, each further attempt
/// must wait [`delay_seconds`] after the latest failure; an early attempt is refused
/// (`RateLimited`) without checking the password. A browser that signed in to the
/// account before (its known-device cookie) is not throttled by others' failures, so the
/// owner can still sign in while someone guesses at the account.
pub async fn sign_in(app: &App, req: SignIn<'_>) -> Result<SignedIn> {
    // What was typed is recorded with the attempt even when it is no address at all:
    // without control characters (PostgreSQL refuses NUL), invisible or direction-changing
    // ones (the attempts page shows it), and bounded.
    let email = normalise_email(req.email).unwrap_or_else(|| {
        req.email
            .trim()
            .to_lowercase()
            .chars()
            .filter(|&c| {
                !(c.is_control()
                    || kozos_domain::validation::is_invisible(c)
                    || kozos_domain::validation::is_bidi_control(c))
            })
            .take(254)
            .collect()
    });
    let now = app.clock.now();
    // Attempts are timed to the millisecond: a one-second wait measured from a time
    // truncated to the second could be no wait at all.
    let at = kozos_db::timestamp_millis(now);
    let since = kozos_db::timestamp_millis(now - Duration::hours(WINDOW_HOURS));
    let creds = users::credentials(&app.db, &email).await?;
    let device_hash = req.device.map(token_hash);
    let known_device = match (&device_hash, &creds) {
        (Some(h), Some(c)) => {
            users::device_user(&app.db, h).await? == Some(c.user_id)
                && users::device_failures(&app.db, h, &since).await? < MAX_FAILURES_PER_DEVICE
        }
        _ => false,
    };
    let attempt_device = device_hash.as_deref().filter(|_| known_device);
    if !known_device {
        let (by_email, by_ip) = users::recent_failures(&app.db, &email, req.ip, &since).await?;
        let wait = |f: &users::Failures, free: i64, cap: i64| -> i64 {
            let delay = delay_seconds(f.count, free, cap);
            let last = f
                .last_at
                .as_deref()
                .and_then(kozos_domain::time::Instant::parse_stored);
            match last {
                Some(last) if delay > 0 => {
                    let ready = last.utc() + Duration::seconds(delay);
                    // whole seconds, rounded up
                    ((ready - now).num_milliseconds().max(0) + 999) / 1000
                }
                _ => 0,
            }
        };
        let retry_after = wait(&by_email, FREE_FAILURES_PER_ACCOUNT, 15 * 60).max(wait(
            &by_ip,
            FREE_FAILURES_PER_ADDRESS,
            60,
        ));
        if retry_after > 0 {
            users::record_attempt(
                &app.db,
                &email,
                req.ip,
                &at,
                users::AttemptOutcome::Throttled,
                None,
            )
            .await?;
            tracing::warn!(email = %email, ip = %req.ip, retry_after, "sign-in throttled");
            return Err(AppError::RateLimited {
                retry_after: retry_after as u64,
            });
        }
    }
    let ok = match &creds {
        Some(c) if c.active => verify(req.password.to_string(), c.password_hash.clone()).await,
        _ => {
            let dummy = DUMMY_HASH
                .get_or_init(|| password_auth::generate_hash(random_token()))
                .clone();
            verify(req.password.to_string(), dummy).await;
            false
        }
    };
    let outcome = if ok {
        users::AttemptOutcome::Ok
    } else {
        users::AttemptOutcome::Failed
    };
    users::record_attempt(&app.db, &email, req.ip, &at, outcome, attempt_device).await?;
    let creds = match creds {
        Some(c) if ok => c,
        _ => {
            tracing::info!(email = %email, ip = %req.ip, "sign-in failed");
            return Err(AppError::invalid("password", "err-sign-in"));
        }
    };
    // Signing in again ends the session this browser had.
    if let Some(previous) = req.previous_session {
        users::delete_session(&app.db, &token_hash(previous)).await?;
    }
    let token = random_token();
    let created = kozos_db::timestamp(now);
    let expires = kozos_db::timestamp(now + Duration::hours(SESSION_HOURS));
    users::insert_session(
        &app.db,
        &token_hash(&token),
        creds.user_id,
        &created,
        &expires,
    )
    .await?;
    let device_token = match req.device.filter(|_| known_device) {
        Some(d) => d.to_string(),
        None => random_token(),
    };
    users::remember_device(&app.db, &token_hash(&device_token), creds.user_id, &created).await?;
    let user = users::get(&app.db, creds.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SignedIn {
        session_token: token,
        device_token,
        user,
    })
}

/// The latest sign-in attempts, for administrators.
pub async fn recent_attempts(app: &App, actor: &User, limit: i64) -> Result<Vec<users::Attempt>> {
    if !kozos_domain::policy::allows(
        &actor.grants,
        kozos_domain::policy::Action::ManageUsers,
        &kozos_domain::policy::Target::country(),
    ) {
        return Err(AppError::Forbidden);
    }
    Ok(users::recent_attempts(&app.db, limit).await?)
}

/// The signed-in user of a session cookie, if the session is live.
pub async fn session_user(app: &App, token: &str) -> Result<Option<User>> {
    let now = app.now_text();
    match users::session_user(&app.db, &token_hash(token), &now).await? {
        Some(id) => Ok(users::get(&app.db, id).await?),
        None => Ok(None),
    }
}

pub async fn sign_out(app: &App, token: &str) -> Result<()> {
    users::delete_session(&app.db, &token_hash(token)).await?;
    Ok(())
}

/// The user behind an API bearer token.
pub async fn token_user(app: &App, token: &str) -> Result<Option<User>> {
    match users::api_token_user(&app.db, &token_hash(token)).await? {
        Some(id) => Ok(users::get(&app.db, id).await?),
        None => Ok(None),
    }
}

pub async fn set_language(app: &App, user: UserId, lang: &str) -> Result<()> {
    users::set_lang(&app.db, user, lang).await?;
    Ok(())
}

/// Create an account (or reset its password) and give it grants. Used by `kozos user add`
/// and the demo loader.
pub async fn upsert_user(
    app: &App,
    email: &str,
    name: &str,
    password: &str,
    grants: &[Grant],
    demo: bool,
) -> Result<UserId> {
    kozos_domain::password::check(password, email)
        .map_err(|key| AppError::invalid("password", key))?;
    let hash = hash_password(password.to_string()).await?;
    upsert_user_with_hash(app, email, name, &hash, grants, demo).await
}

/// As [`upsert_user`], with a hash made beforehand (the demo hashes its one password once).
pub async fn upsert_user_with_hash(
    app: &App,
    email: &str,
    name: &str,
    hash: &str,
    grants: &[Grant],
    demo: bool,
) -> Result<UserId> {
    let email = normalise_email(email).ok_or_else(|| AppError::invalid("email", "err-email"))?;
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    let id = match users::id_by_email(&mut tx, &email).await? {
        Some(id) => {
            users::set_password(&mut tx, id, hash).await?;
            id
        }
        None => users::insert(&mut tx, &email, name, hash, demo, &now).await?,
    };
    for g in grants {
        users::add_grant(&mut tx, id, *g).await?;
    }
    kozos_db::audit::record(&mut tx, &now, None, "upsert", "user", Some(id.0), &email).await?;
    tx.commit().await.map_err(kozos_db::DbError::from)?;
    Ok(id)
}

/// Issue an API token for a user; the token is shown once and stored hashed.
pub async fn create_api_token(app: &App, email: &str, name: &str) -> Result<String> {
    let email = normalise_email(email).ok_or_else(|| AppError::invalid("email", "err-email"))?;
    let mut tx = app.db.begin().await?;
    let id = users::id_by_email(&mut tx, &email)
        .await?
        .ok_or(AppError::NotFound)?;
    let token = format!("kozos_{}", random_token());
    users::insert_api_token(&mut tx, id, name, &token_hash(&token), &app.now_text()).await?;
    tx.commit().await.map_err(kozos_db::DbError::from)?;
    Ok(token)
}

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
/// Failed attempts within [`WINDOW_MINUTES`] before sign-in is refused.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
pub const WINDOW_MINUTES: i64 = 15;

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

/// Check the password and open a session; returns the session token for the cookie.
pub async fn sign_in(app: &App, email: &str, password: &str, ip: &str) -> Result<(String, User)> {
    let email = normalise_email(email).unwrap_or_else(|| email.trim().to_lowercase());
    let now = app.clock.now();
    let since = kozos_db::timestamp(now - Duration::minutes(WINDOW_MINUTES));
    let (by_email, by_ip) = users::recent_failures(&app.db, &email, ip, &since).await?;
    if by_email >= MAX_FAILURES_PER_ACCOUNT || by_ip >= MAX_FAILURES_PER_ADDRESS {
        return Err(AppError::RateLimited);
    }
    let creds = users::credentials(&app.db, &email).await?;
    let ok = match &creds {
        Some(c) if c.active => verify(password.to_string(), c.password_hash.clone()).await,
        _ => {
            let dummy = DUMMY_HASH
                .get_or_init(|| password_auth::generate_hash(random_token()))
                .clone();
            verify(password.to_string(), dummy).await;
            false
        }
    };
    let at = kozos_db::timestamp(now);
    users::record_attempt(&app.db, &email, ip, &at, ok).await?;
    let creds = match creds {
        Some(c) if ok => c,
        _ => return Err(AppError::invalid("password", "err-sign-in")),
    };
    let token = random_token();
    let expires = kozos_db::timestamp(now + Duration::hours(SESSION_HOURS));
    users::insert_session(&app.db, &token_hash(&token), creds.user_id, &at, &expires).await?;
    let user = users::get(&app.db, creds.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((token, user))
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
    if password.chars().count() < 10 {
        return Err(AppError::invalid("password", "err-password-short"));
    }
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

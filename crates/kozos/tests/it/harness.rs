//! The test app: boots exactly what `kozos serve` boots (migrations, built-in places,
//! demo, router) on a database of its own, with a fixed clock, and a cookie-keeping client.
//!
//! Migrating and loading the demo is most of a test's setup, so it is done once per build
//! of this test binary and copied per test: the first test (process) to need it builds a
//! template under a lock — a SQLite file in `$TMPDIR/kozos-test-templates/`, or a
//! PostgreSQL database `kozos_tpl_<key>` — and every test copies it (a file copy, or
//! `CREATE DATABASE … TEMPLATE`). The key changes whenever the binary is rebuilt, so a
//! changed migration or demo is never served from a stale template.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kozos_app::{App, Clock};
use kozos_domain::ProgrammeId;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};
use tower::ServiceExt;

pub const PASSWORD: &str = kozos_app::demo::DEMO_PASSWORD;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Run a test body on both engines: `both!(name, |t| async move { ... })`.
///
/// The PostgreSQL variant is built only as `#[ignore]` when `KOZOS_TEST_DATABASE_URL` was
/// not set at build time (see `build.rs`): the runner then lists it as skipped, and
/// `scripts/test.sh` says how many did not run. When it is set, a database that cannot
/// be reached fails the test.
#[macro_export]
macro_rules! both {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = $crate::harness::TestApp::new($crate::harness::Engine::Sqlite).await;
                ($body)(t).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(
                not(kozos_postgres),
                ignore = "PostgreSQL not configured: set KOZOS_TEST_DATABASE_URL (.ci/run does)"
            )]
            async fn postgres() {
                let t = $crate::harness::TestApp::new($crate::harness::Engine::Postgres).await;
                ($body)(t).await;
            }
        }
    };
}

pub struct TestApp {
    pub app: App,
    pub router: Router,
    #[allow(dead_code)] // kept for engine-specific assertions
    pub engine: Engine,
    /// The demo's programmes, in the order `demo::load` returns them.
    pub programmes: Vec<ProgrammeId>,
    /// The database URL, to start a second instance on the same data.
    pub url: String,
    cleanup: Option<PathBuf>,
    /// The PostgreSQL database this test made, dropped when the test ends.
    database: Option<String>,
}

fn unique() -> String {
    format!(
        "{}_{}",
        std::process::id(),
        kozos_app::auth::random_token()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(10)
            .collect::<String>()
            .to_lowercase()
    )
}

pub fn fixed_now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z")
        .expect("valid")
        .with_timezone(&chrono::Utc)
}

/// Templates of other builds are removed once they are this old (a run of an older build
/// that is still going keeps its own; one that finds its template gone rebuilds it).
const STALE_TEMPLATE: Duration = Duration::from_secs(24 * 60 * 60);

/// Names this build of the test binary: its path, size and modification time. Anything
/// that changes the migrations, the demo or this harness rebuilds the binary.
fn template_key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        use std::hash::{Hash, Hasher};
        let exe = std::env::current_exe().expect("the test binary's path");
        let meta = std::fs::metadata(&exe).expect("the test binary's metadata");
        let mut h = std::collections::hash_map::DefaultHasher::new();
        exe.hash(&mut h);
        meta.len().hash(&mut h);
        meta.modified().ok().hash(&mut h);
        format!("{:016x}", h.finish())
    })
}

fn ids_text(ids: &[ProgrammeId]) -> String {
    ids.iter()
        .map(|p| p.0.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_ids(text: &str) -> Option<Vec<ProgrammeId>> {
    let ids = text
        .trim()
        .split(',')
        .map(|s| s.trim().parse().ok().map(ProgrammeId))
        .collect::<Option<Vec<_>>>()?;
    (!ids.is_empty()).then_some(ids)
}

/// Migrate and load the demo into an empty database at `url`, as `TestApp` used to per
/// test, and close every connection to it.
async fn build_demo(url: &str) -> Vec<ProgrammeId> {
    let app = kozos::open(url, Clock::fixed(fixed_now()))
        .await
        .expect("open the template database");
    let programmes = kozos_app::demo::load(&app).await.expect("demo");
    if app.db.backend == kozos_app::Backend::Sqlite {
        // Everything into the main file, so the file alone is the database.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&app.db.pool)
            .await
            .expect("checkpoint the template");
    }
    app.db.pool.close().await;
    programmes
}

/// A template found (or built) by this process, kept for the process's later tests
/// (`cargo test` without nextest runs them all in one).
static SQLITE_TEMPLATE: Mutex<Option<(PathBuf, Vec<ProgrammeId>)>> = Mutex::new(None);
static POSTGRES_TEMPLATE: Mutex<Option<(String, Vec<ProgrammeId>)>> = Mutex::new(None);

/// Wait for an exclusive lock on `path` (shared by every process on this machine).
async fn lock_file(path: PathBuf) -> std::fs::File {
    tokio::task::spawn_blocking(move || {
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
        f.lock()
            .unwrap_or_else(|e| panic!("lock {}: {e}", path.display()));
        f
    })
    .await
    .expect("lock task")
}

fn sqlite_template_found(db: &Path, ids: &Path) -> Option<Vec<ProgrammeId>> {
    if !db.is_file() {
        return None;
    }
    parse_ids(&std::fs::read_to_string(ids).ok()?)
}

/// The SQLite template of this build: its path and the demo's programmes. Built by the
/// first process to need it, under a file lock, into a temporary name that is then
/// renamed, so a process never sees a half-built template.
async fn sqlite_template() -> (PathBuf, Vec<ProgrammeId>) {
    if let Some(t) = SQLITE_TEMPLATE.lock().unwrap().clone() {
        return t;
    }
    let key = template_key();
    let dir = std::env::temp_dir().join("kozos-test-templates");
    std::fs::create_dir_all(&dir).expect("template directory");
    let db = dir.join(format!("demo-{key}.db"));
    let ids = dir.join(format!("demo-{key}.programmes"));
    let programmes = match sqlite_template_found(&db, &ids) {
        Some(p) => p,
        None => {
            let _lock = lock_file(dir.join(format!("demo-{key}.lock"))).await;
            match sqlite_template_found(&db, &ids) {
                Some(p) => p,
                None => {
                    let build = dir.join(format!("build-{key}-{}", unique()));
                    std::fs::create_dir_all(&build).expect("template build directory");
                    let file = build.join("kozos.db");
                    let programmes =
                        build_demo(&format!("sqlite://{}?mode=rwc", file.display())).await;
                    let wal = build.join("kozos.db-wal");
                    assert!(
                        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
                        "the template's WAL was not checkpointed into {}",
                        file.display()
                    );
                    // The programmes first: the database file appearing means both are there.
                    let ids_tmp = build.join("programmes");
                    std::fs::write(&ids_tmp, ids_text(&programmes)).expect("write programmes");
                    std::fs::rename(&ids_tmp, &ids).expect("place programmes");
                    std::fs::rename(&file, &db).expect("place template");
                    let _ = std::fs::remove_dir_all(&build);
                    remove_stale_sqlite_templates(&dir, key);
                    programmes
                }
            }
        }
    };
    let t = (db, programmes);
    *SQLITE_TEMPLATE.lock().unwrap() = Some(t.clone());
    t
}

/// Remove what other builds left (templates, their locks, abandoned build directories)
/// once it is old: a run of another build that is still going keeps its template. Called
/// under this key's lock, so a build directory of this key is an abandoned one.
fn remove_stale_sqlite_templates(dir: &Path, key: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.contains(key) {
            if name.starts_with("build-") {
                let _ = std::fs::remove_dir_all(e.path());
            }
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > STALE_TEMPLATE);
        if old {
            let path = e.path();
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        }
    }
}

/// A PostgreSQL database URL with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, rest) = url
        .rsplit_once('/')
        .expect("database URL has a database name");
    match rest.split_once('?') {
        Some((_, params)) => format!("{base}/{name}?{params}"),
        None => format!("{base}/{name}"),
    }
}

fn admin_url() -> String {
    std::env::var("KOZOS_TEST_DATABASE_URL")
        .expect("KOZOS_TEST_DATABASE_URL is set for PostgreSQL tests")
}

async fn admin_connection(url: &str) -> sqlx::AnyConnection {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    sqlx::AnyConnection::connect(url)
        .await
        .expect("connect to KOZOS_TEST_DATABASE_URL")
}

/// Serialises template builds of every process (advisory locks belong to the session).
const TEMPLATE_LOCK: i64 = 0x6b6f_7a6f_735f_7470; // "kozos_tp"

/// The comment a template database carries: when it was built and the demo's programmes.
fn template_comment(programmes: &[ProgrammeId]) -> String {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    format!(
        "kozos test template; built={now}; programmes={}",
        ids_text(programmes)
    )
}

fn comment_field<'a>(comment: &'a str, field: &str) -> Option<&'a str> {
    comment
        .split(';')
        .filter_map(|part| part.trim().split_once('='))
        .find(|(k, _)| *k == field)
        .map(|(_, v)| v)
}

async fn postgres_template_found(
    admin: &mut sqlx::AnyConnection,
    name: &str,
) -> Option<Vec<ProgrammeId>> {
    let comment: Option<Option<String>> = sqlx::query_scalar(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1",
    )
    .bind(name)
    .fetch_optional(&mut *admin)
    .await
    .expect("look for the template database");
    parse_ids(comment_field(comment.flatten().as_deref()?, "programmes")?)
}

/// Run a statement that needs a database nobody is connected to: a backend whose client
/// has just closed may take a moment to go.
async fn execute_when_alone(admin: &mut sqlx::AnyConnection, sql: &str) {
    let mut tries = 0;
    loop {
        match sqlx::query(sql).execute(&mut *admin).await {
            Ok(_) => return,
            Err(e) if tries < 20 && e.to_string().contains("being accessed by other users") => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(e) => panic!("{sql}: {e}"),
        }
    }
}

/// The PostgreSQL template database of this build and the demo's programmes. Built once
/// under an advisory lock into a temporary database, which is renamed when complete;
/// nothing stays connected to it, or `CREATE DATABASE … TEMPLATE` would refuse it.
async fn postgres_template(admin: &mut sqlx::AnyConnection) -> (String, Vec<ProgrammeId>) {
    if let Some(t) = POSTGRES_TEMPLATE.lock().unwrap().clone() {
        return t;
    }
    let key = template_key();
    let name = format!("kozos_tpl_{key}");
    let programmes = match postgres_template_found(admin, &name).await {
        Some(p) => p,
        None => {
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(TEMPLATE_LOCK)
                .execute(&mut *admin)
                .await
                .expect("template lock");
            let (programmes, leftovers) = match postgres_template_found(admin, &name).await {
                Some(p) => (p, Vec::new()),
                None => build_postgres_template(admin, &name, key).await,
            };
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(TEMPLATE_LOCK)
                .execute(&mut *admin)
                .await
                .expect("template unlock");
            // After the lock: a drop waits for a checkpoint, and tests waiting for the
            // template need not wait for that too. A failed drop is left for next time.
            for db in leftovers {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{db}\""))
                    .execute(&mut *admin)
                    .await;
            }
            programmes
        }
    };
    let t = (name, programmes);
    *POSTGRES_TEMPLATE.lock().unwrap() = Some(t.clone());
    t
}

/// Build the template (the caller holds the lock). Also answers what other builds left
/// that is to be dropped: their templates once old, and abandoned builds (a build in
/// progress holds the lock, so any seen now is abandoned).
async fn build_postgres_template(
    admin: &mut sqlx::AnyConnection,
    name: &str,
    key: &str,
) -> (Vec<ProgrammeId>, Vec<String>) {
    let existing: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT datname::TEXT, shobj_description(oid, 'pg_database') FROM pg_database \
         WHERE datname LIKE 'kozos\\_tpl\\_%'",
    )
    .fetch_all(&mut *admin)
    .await
    .expect("list template databases");
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let leftovers = existing
        .into_iter()
        .filter(|(db, comment)| {
            let built = comment
                .as_deref()
                .and_then(|c| comment_field(c, "built"))
                .and_then(|b| b.parse::<u64>().ok())
                .unwrap_or(0);
            let abandoned = db.contains("_build_");
            let stale = !db.contains(key) && now.saturating_sub(built) > STALE_TEMPLATE.as_secs();
            abandoned || stale
        })
        .map(|(db, _)| db)
        .collect();
    let building = format!("{name}_build_{}", unique());
    sqlx::query(&format!("CREATE DATABASE {building}"))
        .execute(&mut *admin)
        .await
        .expect("create the template database");
    let programmes = build_demo(&with_database(&admin_url(), &building)).await;
    sqlx::query(&format!(
        "COMMENT ON DATABASE {building} IS '{}'",
        template_comment(&programmes)
    ))
    .execute(&mut *admin)
    .await
    .expect("label the template database");
    execute_when_alone(
        admin,
        &format!("ALTER DATABASE {building} RENAME TO {name}"),
    )
    .await;
    (programmes, leftovers)
}

impl TestApp {
    /// A database of its own with the demo loaded (a copy of this build's template).
    pub async fn new(engine: Engine) -> TestApp {
        kozos_web::i18n::set_strict(true);
        crate::queries::install();
        let (url, cleanup, database, programmes) = match engine {
            Engine::Sqlite => {
                let dir = std::env::temp_dir().join(format!("kozos-test-{}", unique()));
                std::fs::create_dir_all(&dir).expect("temp dir");
                let file = dir.join("kozos.db");
                let mut retried = false;
                let programmes = loop {
                    let (template, programmes) = sqlite_template().await;
                    match std::fs::copy(&template, &file) {
                        Ok(_) => break programmes,
                        // Removed since it was found (another build's clean-up): build again.
                        Err(e) if !retried && e.kind() == std::io::ErrorKind::NotFound => {
                            SQLITE_TEMPLATE.lock().unwrap().take();
                            retried = true;
                        }
                        Err(e) => panic!("copy the template {}: {e}", template.display()),
                    }
                };
                (
                    format!("sqlite://{}?mode=rwc", file.display()),
                    Some(dir),
                    None,
                    programmes,
                )
            }
            Engine::Postgres => {
                let admin_url = admin_url();
                let mut admin = admin_connection(&admin_url).await;
                let name = format!("kozos_t_{}", unique());
                let mut retried = false;
                let programmes = loop {
                    let (template, programmes) = postgres_template(&mut admin).await;
                    match sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                        .execute(&mut admin)
                        .await
                    {
                        Ok(_) => break programmes,
                        // Dropped since it was found (another build's clean-up): build again.
                        Err(e) if !retried && e.to_string().contains("does not exist") => {
                            POSTGRES_TEMPLATE.lock().unwrap().take();
                            retried = true;
                        }
                        Err(e) => panic!("create the test database from {template}: {e}"),
                    }
                };
                use sqlx::Connection;
                let _ = admin.close().await;
                (
                    with_database(&admin_url, &name),
                    None,
                    Some(name),
                    programmes,
                )
            }
        };
        let app = kozos::open(&url, Clock::fixed(fixed_now()))
            .await
            .expect("open");
        let router = kozos_web::router(kozos_web::AppState {
            app: app.clone(),
            config: Default::default(),
        });
        TestApp {
            app,
            router,
            engine,
            programmes,
            url,
            cleanup,
            database,
        }
    }

    pub fn kisber(&self) -> i64 {
        self.programmes[0].0
    }
    pub fn kecskemet(&self) -> i64 {
        self.programmes[4].0
    }

    pub fn client(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: HashMap::new(),
            bearer: None,
            headers: Vec::new(),
        }
    }

    /// A client signed in as a demo account.
    pub async fn signed_in(&self, email: &str) -> Client {
        let mut c = self.client();
        let r = c.sign_in(email, PASSWORD).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "sign-in of {email} failed: {}",
            r.body
        );
        c
    }

    pub async fn user(&self, email: &str) -> kozos_domain::user::User {
        let users = kozos_db::users::list(&self.app.db).await.expect("users");
        users
            .into_iter()
            .find(|u| u.email == email)
            .expect("demo user")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(dir) = &self.cleanup {
            let _ = std::fs::remove_dir_all(dir);
        }
        // A test's database is dropped as the test ends (its pool's connections are cut
        // with FORCE), so runs do not pile up databases. On its own thread and runtime:
        // `drop` cannot await, and the test's runtime may be shutting down. Joined, since
        // the test process exits right after; a failed drop is swept by
        // `scripts/postgres.sh` at the next start.
        if let Some(name) = self.database.take() {
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime for the drop");
                rt.block_on(async {
                    let mut admin = admin_connection(&admin_url()).await;
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut admin)
                        .await;
                });
            })
            .join();
        }
    }
}

#[derive(Clone)]
pub struct Client {
    router: Router,
    pub cookies: HashMap<String, String>,
    pub bearer: Option<String>,
    /// Sent with every request (e.g. `Idempotency-Key`, `Origin`).
    pub headers: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent (files: PDFs, images).
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    /// The body with HTML's non-breaking spaces as plain spaces, for readable asserts.
    pub fn text(&self) -> String {
        self.body.replace('\u{a0}', " ").replace("&nbsp;", " ")
    }
}

pub fn enc(s: &str) -> String {
    kozos_web::routes::encode_query(s)
}

impl Client {
    pub async fn request(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: String,
    ) -> Resp {
        self.request_bytes(method, path, content_type, body.into_bytes())
            .await
    }

    /// As [`Client::request`], with a body of any bytes (a multipart upload).
    pub async fn request_bytes(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Resp {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "localhost");
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req = req.header(header::COOKIE, cookie);
        }
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        if let Some(b) = &self.bearer {
            req = req.header(header::AUTHORIZATION, format!("Bearer {b}"));
        }
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::from(body)).expect("request"))
            .await
            .expect("infallible");
        for v in res.headers().get_all(header::SET_COOKIE) {
            let v = v.to_str().expect("ascii cookie");
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = pair.split_once('=').expect("name=value");
            if attrs.contains("Max-Age=0") || val.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.request(Method::GET, path, None, String::new()).await
    }

    /// POST a form with the CSRF token the site gave this client (fetching a page first if needed).
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.csrf_token().await;
        let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("encode form");
        self.request(
            Method::POST,
            path,
            Some("application/x-www-form-urlencoded"),
            body,
        )
        .await
    }

    /// POST a `multipart/form-data` form (with the CSRF token), optionally with one file
    /// in the field `file`: (name, content type the browser claims, bytes).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, &[u8])>,
    ) -> Resp {
        let token = self.csrf_token().await;
        let boundary = "----kozos-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        for (k, v) in all {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        if let Some((name, ct, bytes)) = file {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {ct}\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.request_bytes(
            Method::POST,
            path,
            Some(&format!("multipart/form-data; boundary={boundary}")),
            body,
        )
        .await
    }

    /// The token the site's forms carry for this browser: derived from the session when
    /// signed in, else the visitor's CSRF cookie (fetched with a page when missing).
    pub async fn csrf_token(&mut self) -> String {
        if let Some(session) = self.cookies.get("kozos_session") {
            return kozos_app::auth::csrf_for_session(session);
        }
        if !self.cookies.contains_key("kozos_csrf") {
            self.get("/signin").await;
        }
        self.cookies.get("kozos_csrf").cloned().unwrap_or_default()
    }

    pub async fn send_json(
        &mut self,
        method: Method,
        path: &str,
        value: &serde_json::Value,
    ) -> Resp {
        self.request(method, path, Some("application/json"), value.to_string())
            .await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Resp {
        self.post_form(
            "/signin",
            &[("email", email), ("password", password), ("next", "/admin")],
        )
        .await
    }
}

/// A form on a page as a browser would submit it unchanged: its action and the values of
/// its inputs, selected options and textareas (maud's output is regular, so a small
/// reader suffices). `hint` picks the form whose action contains it.
pub fn form_values(html: &str, hint: &str) -> Option<(String, Vec<(String, String)>)> {
    let mut rest = html;
    while let Some(start) = rest.find("<form") {
        let body_end = rest[start..].find("</form>")? + start;
        let form = &rest[start..body_end];
        rest = &rest[body_end + 7..];
        let action = attr(form, "action").unwrap_or_default();
        if !action.contains(hint) || attr(form, "method").as_deref() != Some("post") {
            continue;
        }
        let mut fields = Vec::new();
        let mut i = 0;
        while let Some(off) = form[i..].find('<') {
            let at = i + off;
            let tag_end = form[at..]
                .find('>')
                .map(|e| at + e + 1)
                .unwrap_or(form.len());
            let tag = &form[at..tag_end];
            if tag.starts_with("<input") {
                if let Some(name) = attr(tag, "name") {
                    let kind = attr(tag, "type").unwrap_or_default();
                    // a browser sends a box only when it is ticked
                    let unticked = matches!(kind.as_str(), "checkbox" | "radio")
                        && !tag.split('>').next().unwrap_or("").contains(" checked");
                    if kind != "submit" && !unticked {
                        fields.push((name, attr(tag, "value").unwrap_or_default()));
                    }
                }
            } else if tag.starts_with("<textarea") {
                let close = form[tag_end..].find("</textarea>").unwrap_or(0) + tag_end;
                if let Some(name) = attr(tag, "name") {
                    fields.push((name, unescape(&form[tag_end..close])));
                }
            } else if tag.starts_with("<select") {
                let close = form[tag_end..].find("</select>").unwrap_or(0) + tag_end;
                let options = &form[tag_end..close];
                let selected = options
                    .split("<option")
                    .skip(1)
                    .find(|o| o.split('>').next().unwrap_or("").contains(" selected"))
                    .and_then(|o| attr(&format!("<option{o}"), "value"))
                    .unwrap_or_default();
                if let Some(name) = attr(tag, "name") {
                    fields.push((name, selected));
                }
            }
            i = tag_end;
        }
        return Some((unescape(&action), fields));
    }
    None
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let head = tag.split('>').next().unwrap_or(tag);
    let needle = format!(" {name}=\"");
    let start = head.find(&needle)? + needle.len();
    let end = head[start..].find('"')? + start;
    Some(unescape(&head[start..end]))
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

impl Client {
    /// Open a page, and submit the form on it (found by `hint` in its action) unchanged.
    pub async fn resubmit(&mut self, page: &str, hint: &str) -> Resp {
        let html = self.get(page).await;
        assert_eq!(html.status, StatusCode::OK, "GET {page}: {}", html.body);
        let (action, fields) = form_values(&html.body, hint)
            .unwrap_or_else(|| panic!("no form with {hint:?} on {page}"));
        let body = serde_urlencoded::to_string(&fields).expect("encode form");
        self.request(
            Method::POST,
            &action,
            Some("application/x-www-form-urlencoded"),
            body,
        )
        .await
    }
}

//! The test app: boots exactly what `kozos serve` boots (migrations, built-in places,
//! demo, router) on a fresh database, with a fixed clock, and a cookie-keeping client.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kozos_app::{App, Clock};
use std::collections::HashMap;
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
    pub programmes: Vec<kozos_domain::ProgrammeId>,
    /// The database URL, to start a second instance on the same data.
    pub url: String,
    cleanup: Option<std::path::PathBuf>,
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

impl TestApp {
    /// A fresh database with the demo loaded.
    pub async fn new(engine: Engine) -> TestApp {
        kozos_web::i18n::set_strict(true);
        crate::queries::install();
        let (url, cleanup) = match engine {
            Engine::Sqlite => {
                let dir = std::env::temp_dir().join(format!("kozos-test-{}", unique()));
                std::fs::create_dir_all(&dir).expect("temp dir");
                (
                    format!("sqlite://{}/kozos.db?mode=rwc", dir.display()),
                    Some(dir),
                )
            }
            Engine::Postgres => {
                let admin_url = std::env::var("KOZOS_TEST_DATABASE_URL")
                    .expect("KOZOS_TEST_DATABASE_URL is set for PostgreSQL tests");
                let name = format!("kozos_t_{}", unique());
                let admin = kozos_db::Db::connect(&admin_url)
                    .await
                    .expect("connect to KOZOS_TEST_DATABASE_URL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&admin.pool)
                    .await
                    .expect("create test database");
                admin.pool.close().await;
                let (base, _) = admin_url
                    .rsplit_once('/')
                    .expect("database URL has a database name");
                (format!("{base}/{name}"), None)
            }
        };
        let app = kozos::open(&url, Clock::fixed(fixed_now()))
            .await
            .expect("open");
        let programmes = kozos_app::demo::load(&app).await.expect("demo");
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
                    if kind != "submit" {
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

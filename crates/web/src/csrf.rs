//! CSRF protection for HTML forms.
//!
//! - A signed-in browser's token is derived from its session token (which is secret and
//!   HttpOnly), so it is bound to the session and changes at every sign-in: a token an
//!   attacker planted, or one from before sign-in, is refused.
//! - A visitor without a session gets a random token in an HttpOnly, SameSite=Lax cookie
//!   (double submit), for the sign-in form.
//! - Unsafe requests whose `Origin` (scheme and host) is not this site, or whose
//!   `Sec-Fetch-Site` says another site, are refused before any handler runs.
//!
//! The JSON API authenticates with bearer tokens, not cookies, and is exempt.
//! [`CsrfForm`], [`EditForm`] and [`read_upload`] (file uploads) are the only ways handlers
//! read form input, so no handler can skip the check.

use crate::cookies;
use crate::error::WebError;
use crate::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

/// The token the forms of one response carry. Known from the session or the visitor's
/// cookie; for a visitor with neither it is made on first use — when a view renders a
/// form's `_csrf` field — and [`layer`] then sets it as a cookie. Pages, API answers and
/// files without forms make none, so they go out without a `Set-Cookie` (and can be
/// cached as public) and cost no random bytes.
#[derive(Clone, Default)]
pub struct Token(Arc<TokenCell>);

#[derive(Default)]
struct TokenCell {
    value: OnceLock<String>,
    /// Make a new token on first use (else an unknown token is empty).
    mint: bool,
}

impl Token {
    pub fn known(value: String) -> Token {
        Token(Arc::new(TokenCell {
            value: OnceLock::from(value),
            mint: false,
        }))
    }
    /// A token made when first used.
    pub fn lazy() -> Token {
        Token(Arc::new(TokenCell {
            value: OnceLock::new(),
            mint: true,
        }))
    }
    pub fn as_str(&self) -> &str {
        self.0.value.get_or_init(|| {
            if self.0.mint {
                kozos_app::auth::random_token()
            } else {
                String::new()
            }
        })
    }
    /// Whether a lazy token was made (a form on the page needed one).
    pub(crate) fn was_minted(&self) -> bool {
        self.minted().is_some()
    }
    /// The token, when a lazy one was made.
    fn minted(&self) -> Option<&str> {
        self.0
            .value
            .get()
            .filter(|_| self.0.mint)
            .map(String::as_str)
    }
}

impl maud::Render for Token {
    fn render_to(&self, buffer: &mut String) {
        self.as_str().render_to(buffer)
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

/// A visitor without a CSRF cookie: the token their forms would carry (see [`Token`]).
#[derive(Clone, Debug)]
pub struct CsrfToken(pub Token);

/// The largest form body read, in bytes.
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// The token a form on this request must carry: bound to the session when there is one.
pub fn expected_token(headers: &HeaderMap) -> Option<String> {
    match cookies::get(headers, cookies::SESSION) {
        Some(session) => Some(kozos_app::auth::csrf_for_session(session)),
        None => cookies::get(headers, cookies::CSRF).map(str::to_string),
    }
}

/// What the CSRF layer needs to know of the site (small and `Copy`: middleware state is
/// cloned for every request).
#[derive(Clone, Copy, Debug)]
pub struct Site {
    secure_cookies: bool,
    trust_forwarded_for: bool,
}

impl Site {
    pub fn of(state: &AppState) -> Site {
        Site {
            secure_cookies: state.config.secure_cookies,
            trust_forwarded_for: state.config.trust_forwarded_for,
        }
    }
}

/// Middleware: refuse cross-site unsafe requests; give a visitor without a token the one
/// a form on the page was rendered with.
pub async fn layer(State(site): State<Site>, mut req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !req.uri().path().starts_with("/api/") && cross_site(&req, &site) {
        let lang = crate::ctx::lang_of(req.headers());
        return WebError::csrf(lang).into_response_page();
    }
    let new_token = if cookies::get(req.headers(), cookies::CSRF).is_none() {
        let t = Token::lazy();
        req.extensions_mut().insert(CsrfToken(t.clone()));
        Some(t)
    } else {
        None
    };
    let mut res = next.run(req).await;
    // Only pages carry forms; a stylesheet or an API answer sent with a cookie could not
    // be cached as public.
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let (Some(t), true) = (new_token.as_ref().and_then(Token::minted), is_page) {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(
                cookies::CSRF,
                t,
                60 * 60 * 24 * 30,
                true,
                site.secure_cookies,
            ),
        );
    }
    res
}

/// The scheme this site is served on, as the browser sees it.
fn site_scheme(headers: &HeaderMap, site: &Site) -> String {
    if site.trust_forwarded_for {
        if let Some(p) = headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
        {
            return p.trim().to_ascii_lowercase();
        }
    }
    if site.secure_cookies {
        "https".into()
    } else {
        "http".into()
    }
}

fn cross_site(req: &Request, site: &Site) -> bool {
    let h = req.headers();
    // `same-site` is a sibling host (another subdomain), which may not be ours.
    if matches!(
        h.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
        Some("cross-site" | "same-site")
    ) {
        return true;
    }
    match (
        h.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        h.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => {
            let expected = format!("{}://{}", site_scheme(h, site), host);
            !origin.eq_ignore_ascii_case(&expected)
        }
        (Some(_), None) => true,
        // Browsers send Origin on every cross-origin POST; without it the token decides.
        (None, _) => false,
    }
}

/// For scripts posting JSON with the session: the page's token in `X-CSRF-Token`.
pub fn header_token_ok(headers: &HeaderMap) -> bool {
    let expected = expected_token(headers).unwrap_or_default();
    let sent = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    !expected.is_empty() && constant_time_eq(sent.as_bytes(), expected.as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What every form may carry beside its own fields.
#[derive(Debug, Clone, Default)]
pub struct FormMeta {
    /// The version of the record the edit form was opened at (`_version`).
    pub version: Option<i64>,
    /// The record's values when the form was opened, as JSON (`_was`), to show what
    /// someone else changed meanwhile.
    pub was: Option<String>,
    /// The create form's one-time key (`_once`): a second submission of the same form
    /// creates nothing new.
    pub once: Option<String>,
}

/// Read, check and parse a form body. Only `application/x-www-form-urlencoded` is a form
/// (415 otherwise); bodies over [`MAX_FORM_BYTES`] are 413; a body that does not parse
/// into the form's fields (a repeated single field, say) is 400; only a missing or wrong
/// token is the CSRF error.
async fn read<T: DeserializeOwned>(req: Request<Body>) -> Result<(T, FormMeta), WebError> {
    let (parts, body) = req.into_parts();
    let lang = crate::ctx::lang_of(&parts.headers);
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if content_type.as_deref() != Some("application/x-www-form-urlencoded") {
        return Err(WebError::unsupported_media_type(lang));
    }
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| WebError::too_large(lang, MAX_FORM_BYTES))?;
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&bytes).map_err(|_| WebError::malformed_form(lang))?;
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let expected = expected_token(&parts.headers).unwrap_or_default();
    let sent = value("_csrf").unwrap_or("");
    if expected.is_empty() || !constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
        return Err(WebError::csrf(lang));
    }
    let meta = FormMeta {
        version: value("_version").and_then(|v| v.trim().parse().ok()),
        was: value("_was").map(str::to_string),
        once: value("_once")
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.len() <= 100)
            .map(str::to_string),
    };
    let form = serde_html_form::from_bytes(&bytes).map_err(|_| WebError::malformed_form(lang))?;
    Ok((form, meta))
}

/// A form whose `_csrf` field matched.
pub struct CsrfForm<T>(pub T);

/// A form with no fields of its own (only the CSRF token): a delete, a sign-out.
#[derive(Deserialize, Default)]
pub struct Empty {}

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request<Body>, _state: &AppState) -> Result<Self, Self::Rejection> {
        read(req).await.map(|(f, _)| CsrfForm(f))
    }
}

/// A checked form with its meta fields (version, original values, one-time key).
pub struct EditForm<T> {
    pub form: T,
    pub meta: FormMeta,
}

impl<T: DeserializeOwned> FromRequest<AppState> for EditForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request<Body>, _state: &AppState) -> Result<Self, Self::Rejection> {
        read(req).await.map(|(form, meta)| EditForm { form, meta })
    }
}

/// A file sent with a form (`multipart/form-data`).
pub struct UploadedFile {
    /// The name the browser gave it: untrusted, cleaned by the use case.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A checked file upload form: its text fields and at most one file (field `file`).
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub file: Option<UploadedFile>,
}

impl Upload {
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// The largest text field of an upload form, in bytes.
const MAX_UPLOAD_FIELD_BYTES: usize = 4 * 1024;

/// Read a `multipart/form-data` upload and check its `_csrf` field like [`CsrfForm`]
/// does. The body limit is the route's (`DefaultBodyLimit` on it); a body over it is
/// [`WebErrorKind::TooLarge`](crate::error::WebErrorKind::TooLarge) with `limit`, so the
/// handler can say what the limit is. Handlers call this only after they have checked
/// that the user may upload at all, so nobody else makes the server read a large body.
pub async fn read_upload(
    req: Request<Body>,
    state: &AppState,
    limit: usize,
) -> Result<Upload, WebError> {
    use axum::extract::multipart::Multipart;
    let lang = crate::ctx::lang_of(req.headers());
    let expected = expected_token(req.headers()).unwrap_or_default();
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if content_type.as_deref() != Some("multipart/form-data") {
        return Err(WebError::unsupported_media_type(lang));
    }
    let mut form = Multipart::from_request(req, state)
        .await
        .map_err(|_| WebError::malformed_form(lang))?;
    let failed = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            WebError::too_large(lang, limit)
        } else {
            WebError::malformed_form(lang)
        }
    };
    let mut upload = Upload {
        fields: Vec::new(),
        file: None,
    };
    while let Some(field) = form.next_field().await.map_err(failed)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            if upload.file.is_some() {
                return Err(WebError::malformed_form(lang));
            }
            let file_name = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(failed)?;
            // A file input left empty is sent as a part without a name or bytes.
            if !(file_name.is_empty() && bytes.is_empty()) {
                upload.file = Some(UploadedFile {
                    name: file_name,
                    bytes: bytes.to_vec(),
                });
            }
        } else {
            let bytes = field.bytes().await.map_err(failed)?;
            if bytes.len() > MAX_UPLOAD_FIELD_BYTES || upload.fields.iter().any(|(k, _)| *k == name)
            {
                return Err(WebError::malformed_form(lang));
            }
            let value =
                String::from_utf8(bytes.to_vec()).map_err(|_| WebError::malformed_form(lang))?;
            upload.fields.push((name, value));
        }
    }
    let sent = upload.field("_csrf");
    if expected.is_empty() || !constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
        return Err(WebError::csrf(lang));
    }
    Ok(upload)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Roster {
        #[serde(default)]
        present: Vec<String>,
        note: String,
    }

    /// Checkbox groups send one key many times; the form parser takes them as a list.
    #[test]
    fn repeated_keys_are_a_list() {
        let r: Roster = serde_html_form::from_bytes(b"present=3&present=7&note=ok").unwrap();
        assert_eq!(r.present, vec!["3", "7"]);
        assert_eq!(r.note, "ok");
        // a single field sent twice does not parse (and is reported as a malformed form)
        assert!(serde_html_form::from_bytes::<Roster>(b"note=a&note=b").is_err());
    }
}

//! The link in a visitor's confirmation mail. Opening it (GET) only shows what was asked
//! for and a button: mail scanners and link previews open links, and must not propose,
//! support or report anything in the visitor's name. The button (POST) does it, once;
//! sent again it says so and leads to the same page. Kept out of search engines and
//! sends no Referer, since the token is in the address.

use crate::csrf::{CsrfForm, Empty};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::Path;
use crate::routes::{r, RouteDef};
use crate::ui::components::csrf;
use crate::ui::{done, layout};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method as M, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use kozos_app::residents::{self as who, Done};
use kozos_app::AppError;

pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/confirm/{token}", get(page)),
        r(M::POST, "/confirm/{token}", post(confirm)),
    ]
}

fn private(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn refused(ctx: &Ctx, key: &str) -> Response {
    let title = ctx.t("initiatives-confirm-title");
    let body = maud::html! { h1 { (title) } p.error role="alert" { (ctx.t(key)) } };
    layout::page_with_status(ctx, StatusCode::UNPROCESSABLE_ENTITY, &title, body)
}

pub async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let p = who::held(&s.app, &token).await.map_err(ctx.err())?;
    if p.done_at.is_some() {
        // Done before: the button would change nothing; go where it led.
        return confirm(State(s), ctx, Path(token), CsrfForm(Empty {})).await;
    }
    if p.expires_at < s.app.clock.instant().stored() {
        return Ok(private(refused(&ctx, "err-confirm-expired")));
    }
    let title = ctx.t("initiatives-confirm-title");
    let what = format!("confirm-mail-{}", p.kind.replace('.', "-"));
    let body = maud::html! {
        h1 { (title) }
        p { (ctx.t(&what)) }
        form method="post" action={ "/confirm/" (token) } {
            (csrf(&ctx))
            button type="submit" { (ctx.t("confirm-mail-link")) }
        }
        p.hint { (ctx.t("confirm-mail-ignore")) }
    };
    Ok(private(layout::page(&ctx, &title, body)))
}

pub async fn confirm(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    match who::confirm(&s.app, &token).await {
        Ok(c) => {
            let (to, flash) = match c.done {
                Some(Done::Initiative(p, i)) => {
                    (format!("/programmes/{p}/initiatives/{i}"), "confirmed")
                }
                // A question waits for its moderator: the list says it was asked.
                Some(Done::Question(_)) => ("/questions".to_string(), "asked"),
                None => ("/".to_string(), "confirmed"),
            };
            let flash = if c.again { "confirmed-again" } else { flash };
            Ok(private(done(&to, flash, ctx.secure_cookies)))
        }
        Err(AppError::Invalid(e)) => {
            let key = e.0.first().map_or("err-confirm-expired", |f| f.key);
            Ok(private(refused(&ctx, key)))
        }
        Err(e) => Err(ctx.err()(e)),
    }
}

use super::signin_view;
use crate::csrf::CsrfForm;
use crate::ctx::{client_ip, Ctx};
use crate::error::WebError;
use crate::extract::Query;
use crate::public::pages::safe_next;
use crate::ui::layout;
use crate::{cookies, AppState};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use kozos_app::AppError;
use kozos_domain::FieldErrors;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

pub async fn form(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    let next = safe_next(&q.next, "/admin");
    layout::page(
        &ctx,
        &ctx.t("signin-title"),
        signin_view::signin(&ctx, "", &next, &FieldErrors::new(), None),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
    pub next: String,
}

pub async fn submit(
    State(s): State<AppState>,
    ctx: Ctx,
    req: Request,
) -> Result<Response, WebError> {
    let ip = client_ip(
        req.headers(),
        req.extensions(),
        s.config.trust_forwarded_for,
    );
    let device = cookies::get(req.headers(), cookies::DEVICE).map(str::to_string);
    let previous = cookies::get(req.headers(), cookies::SESSION).map(str::to_string);
    let CsrfForm(f) =
        <CsrfForm<SignInForm> as axum::extract::FromRequest<AppState>>::from_request(req, &s)
            .await?;
    let next = safe_next(&f.next, "/admin");
    let attempt = kozos_app::auth::SignIn {
        email: &f.email,
        password: &f.password,
        ip: &ip,
        device: device.as_deref(),
        previous_session: previous.as_deref(),
    };
    match kozos_app::auth::sign_in(&s.app, attempt).await {
        Ok(signed) => {
            let mut res = Redirect::to(&next).into_response();
            let secure = s.config.secure_cookies;
            let h = res.headers_mut();
            h.append(
                header::SET_COOKIE,
                cookies::set(
                    cookies::SESSION,
                    &signed.session_token,
                    kozos_app::auth::SESSION_HOURS * 3600,
                    true,
                    secure,
                ),
            );
            h.append(
                header::SET_COOKIE,
                cookies::set(
                    cookies::DEVICE,
                    &signed.device_token,
                    kozos_app::auth::DEVICE_DAYS * 24 * 3600,
                    true,
                    secure,
                ),
            );
            Ok(res)
        }
        Err(AppError::Invalid(errors)) => Ok(layout::page_with_status(
            &ctx,
            StatusCode::UNAUTHORIZED,
            &ctx.t("signin-title"),
            signin_view::signin(&ctx, &f.email, &next, &errors, None),
        )),
        Err(AppError::RateLimited { retry_after }) => {
            let mut res = layout::page_with_status(
                &ctx,
                StatusCode::TOO_MANY_REQUESTS,
                &ctx.t("signin-title"),
                signin_view::signin(
                    &ctx,
                    &f.email,
                    &next,
                    &FieldErrors::new(),
                    Some(retry_after),
                ),
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, retry_after.max(1).into());
            Ok(res)
        }
        Err(e) => Err(WebError::new(ctx.lang, e)),
    }
}

pub async fn signout(State(s): State<AppState>, req: Request) -> Result<Response, WebError> {
    let token = cookies::get(req.headers(), cookies::SESSION).map(str::to_string);
    let CsrfForm(_) =
        <CsrfForm<crate::csrf::Empty> as axum::extract::FromRequest<AppState>>::from_request(
            req, &s,
        )
        .await?;
    if let Some(t) = token {
        kozos_app::auth::sign_out(&s.app, &t).await?;
    }
    let mut res = Redirect::to("/").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(cookies::SESSION, "", 0, true, s.config.secure_cookies),
    );
    Ok(res)
}

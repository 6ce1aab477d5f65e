//! The registration box on an activity's page and the ticket page.

use crate::ctx::Ctx;
use crate::ui::components::{csrf, error_summary, input, Field};
use kozos_domain::activity::Activity;
use kozos_domain::participation::{may_register, Registration, RegistrationStatus, Ticket};
use kozos_domain::time::Instant;
use kozos_domain::FieldErrors;
use maud::{html, Markup, PreEscaped};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// What a guest typed into the registration form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub name: String,
    pub email: String,
}

pub struct RegisterBox<'a> {
    pub activity: &'a Activity,
    pub confirmed: i64,
    pub waiting: i64,
    pub own: Option<&'a Registration>,
    pub form: &'a RegisterForm,
    pub errors: &'a FieldErrors,
    pub now: Instant,
}

/// The places left and the form (or why there is none).
pub fn register_box(ctx: &Ctx, b: &RegisterBox) -> Markup {
    let a = b.activity;
    let open = may_register(a, b.now);
    let full = a.capacity.is_some_and(|c| b.confirmed >= c);
    html! {
        section.register aria-labelledby="register-title" {
            h2 #register-title { (ctx.t("register-title")) }
            @if let Some(c) = a.capacity {
                p.places {
                    @if full {
                        (ctx.t("register-full"))
                        @if b.waiting > 0 { " " (ctx.lang.tn("register-waiting-count", b.waiting)) }
                    } @else {
                        (ctx.lang.tn("register-places-left", c - b.confirmed))
                    }
                }
            }
            @match (b.own, open) {
                (Some(r), _) if r.status != RegistrationStatus::Cancelled => {
                    p { (ctx.t(if r.status == RegistrationStatus::Waiting { "register-you-wait" } else { "register-you-have-place" })) }
                    p { a href={ "/tickets/" (r.token) } { (ctx.t("register-open-ticket")) } }
                }
                (_, Err(why)) => { p { (ctx.t(why.key())) } }
                (_, Ok(())) => {
                    (error_summary(ctx, "register", b.errors))
                    form method="post" action={ "/activities/" (a.id) "/register" } novalidate {
                        (csrf(ctx))
                        @if let Some(u) = &ctx.user {
                            p { (ctx.t("register-as")) " " strong { (u.display_name) } " (" (u.email) ")" }
                        } @else {
                            (input(ctx, "register", Field::new("name", "field-person-name", &b.form.name).required(), "text", b.errors))
                            (input(ctx, "register", Field::new("email", "field-email", &b.form.email).required().hint("register-email-hint"), "email", b.errors))
                        }
                        p.hint { (ctx.t("register-privacy")) }
                        button type="submit" { (ctx.t(if full { "register-join-waiting" } else { "register-submit" })) }
                    }
                }
            }
        }
    }
}

/// The ticket's QR code as inline SVG (the code, upper case, is what a scanner reads).
pub fn qr_svg(token: &str) -> Markup {
    let svg = QrCode::with_error_correction_level(token.as_bytes(), EcLevel::M)
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(220, 220)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default();
    // The renderer writes an XML declaration; inline SVG in HTML starts at <svg.
    let start = svg.find("<svg").unwrap_or(0);
    PreEscaped(svg[start..].to_string())
}

pub fn ticket_page(ctx: &Ctx, r: &Registration, a: &Activity) -> Markup {
    let code = Ticket::parse(&r.token)
        .map(|t| t.display())
        .unwrap_or_else(|_| r.token.clone());
    html! {
        article.ticket {
            p.breadcrumb { a href={ "/activities/" (a.id) } { (a.title) } }
            h1 { (ctx.t("ticket-title")) }
            dl.facts {
                dt { (ctx.t("field-person-name")) } dd { (r.person_name) }
                dt { (ctx.t("activity-when")) }
                dd { time datetime=(a.starts_at.stored()) { (ctx.lang.datetime(a.starts_at)) } }
                @if a.place_name.is_some() || !a.address.is_empty() {
                    dt { (ctx.t("activity-where")) }
                    dd { (a.address) @if !a.address.is_empty() && a.place_name.is_some() { ", " } (a.place_name.as_deref().unwrap_or("")) }
                }
                dt { (ctx.t("ticket-status")) }
                dd.status { (ctx.t(&format!("registration-status-{}", r.status.as_str()))) }
            }
            @match r.status {
                RegistrationStatus::Confirmed => {
                    figure.qr {
                        div role="img" aria-label=(ctx.t("ticket-qr-label")) { (qr_svg(&r.token)) }
                        figcaption { (ctx.t("ticket-code")) " " code.ticket-code { (code) } }
                    }
                    p { (ctx.t("ticket-show-at-door")) }
                }
                RegistrationStatus::Waiting => { p { (ctx.t("ticket-waiting")) } }
                RegistrationStatus::Cancelled => { p { (ctx.t("ticket-cancelled")) } }
            }
            @if r.status != RegistrationStatus::Cancelled {
                p { a href={ "/tickets/" (r.token) "/cancel" } { (ctx.t("ticket-cancel-link")) } }
            }
        }
    }
}

pub fn cancel_page(ctx: &Ctx, r: &Registration, a: &Activity) -> Markup {
    html! {
        h1 { (ctx.t("cancel-title")) }
        p { (ctx.t("cancel-question")) " " strong { (a.title) } " (" (ctx.lang.datetime(a.starts_at)) ")" }
        @if r.status == RegistrationStatus::Cancelled {
            p { (ctx.t("ticket-cancelled")) }
        } @else {
            form method="post" action={ "/tickets/" (r.token) "/cancel" } {
                (csrf(ctx))
                button type="submit" { (ctx.t("cancel-submit")) }
                " "
                a href={ "/tickets/" (r.token) } { (ctx.t("cancel-keep")) }
            }
        }
    }
}

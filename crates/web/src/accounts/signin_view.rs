use crate::ctx::Ctx;
use crate::ui::components::{csrf, error_summary, input, Field};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

/// The sign-in form; `wait` is the number of seconds before the next attempt is accepted
/// when the account or address is being throttled.
pub fn signin(
    ctx: &Ctx,
    email: &str,
    next: &str,
    errors: &FieldErrors,
    wait: Option<u64>,
) -> Markup {
    html! {
        h1 { (ctx.t("signin-title")) }
        @if let Some(secs) = wait {
            div.error-summary role="alert" tabindex="-1" {
                p { strong { (ctx.lang.t_with("signin-throttled", &[("seconds", secs.to_string())])) } }
            }
        }
        (error_summary(ctx, "signin", errors))
        form.narrow method="post" action="/signin" novalidate {
            (csrf(ctx))
            input type="hidden" name="next" value=(next);
            (input(ctx, "signin", Field::new("email", "signin-email", email).required(), "email", errors))
            (input(ctx, "signin", Field::new("password", "signin-password", "").required(), "password", errors))
            button type="submit" { (ctx.t("signin-submit")) }
        }
        p.hint { (ctx.t("signin-demo-note")) }
    }
}

use crate::ctx::Ctx;
use crate::views::components::{csrf, error_summary, input, Field};
use kozos_domain::FieldErrors;
use maud::{html, Markup};

pub fn signin(ctx: &Ctx, email: &str, next: &str, errors: &FieldErrors) -> Markup {
    html! {
        h1 { (ctx.t("signin-title")) }
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

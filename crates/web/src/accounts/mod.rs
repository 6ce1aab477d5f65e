//! People and their access: signing in and out, user accounts with their role grants,
//! and the sign-in attempts administrators look back on.

mod signin;
mod signin_view;
mod users;
mod users_view;

use crate::routes::{r, RouteDef};
use axum::http::Method as M;
use axum::routing::{get, post};

#[rustfmt::skip] // one route per line: a table people read
pub fn routes() -> Vec<RouteDef> {
    vec![
        r(M::GET, "/signin", get(signin::form)),
        r(M::POST, "/signin", post(signin::submit)),
        r(M::POST, "/signout", post(signin::signout)),
        r(M::GET, "/admin/users", get(users::list)),
        r(M::GET, "/admin/users/new", get(users::new_form)),
        r(M::POST, "/admin/users/new", post(users::create)),
        r(M::POST, "/admin/users/{id}/grants", post(users::add_grant)),
        r(M::GET, "/admin/users/{id}/grants/{grant}/delete", get(users::confirm_remove_grant)),
        r(M::POST, "/admin/users/{id}/grants/{grant}/delete", post(users::remove_grant)),
        r(M::GET, "/admin/sign-in-attempts", get(users::attempts)),
    ]
}

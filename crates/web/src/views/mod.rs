//! HTML views (maud: compile-checked, escaped by default). Components are plain functions.

pub mod admin;
pub mod components;
pub mod home;
pub mod layout;
pub mod programme;
pub mod signin;
pub mod users;

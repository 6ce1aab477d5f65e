pub mod admin;
pub mod auth;
pub mod organisations;
pub mod parts;
pub mod public;
pub mod users;

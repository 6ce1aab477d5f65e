//! The kozos domain: the types and rules of community development programmes.
//!
//! No I/O lives here. Storage (`kozos-db`) and use cases (`kozos-app`) build on these types;
//! the web layer only renders them. Validation returns [`FieldErrors`] whose messages are
//! catalogue keys, so every layer above can show them in the user's language.

pub mod activity;
pub mod community;
pub mod ids;
pub mod indicator;
pub mod initiative;
pub mod money;
pub mod organisation;
pub mod participation;
pub mod password;
pub mod place;
pub mod plan;
pub mod policy;
pub mod programme;
pub mod project_code;
pub mod search;
pub mod survey;
pub mod text;
pub mod time;
pub mod user;
pub mod validation;

pub use ids::*;
pub use validation::{FieldError, FieldErrors};

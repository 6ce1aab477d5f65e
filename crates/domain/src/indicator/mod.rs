//! Indicators: what a programme promised its funder (20 workshops, 200 people trained …),
//! defined declaratively and computed from the records, never typed in (only a *manual*
//! indicator takes a value, with its evidence).
//!
//! - [`definition`]: units, counting sources and their filters, and the JSON a
//!   definition is stored as;
//! - [`form`]: the form a project manager fills in; [`manual`]: a typed value with its
//!   evidence file;
//! - [`compute`]: from the records' facts to the *members* an indicator counts (each with
//!   the day it started to count and the place where it happened);
//! - [`initiatives`]: what the initiative sources count (at or past a stage, given
//!   support, organisations founded);
//! - [`period`]: the report periods (`2022`, `2022-Q3`, `2022-03`);
//! - [`status`]: on track / at risk / behind, from the value expected at a date;
//! - [`suppression`]: which public figures must be hidden so that nobody under five
//!   people can be singled out, directly or by subtracting two published figures.

pub mod compute;
pub mod definition;
pub mod form;
pub mod initiatives;
pub mod manual;
pub mod period;
pub mod rollup;
pub mod status;
pub mod suppression;

pub use definition::*;
pub use form::*;
pub use manual::{ManualValueForm, ManualValueInput};
pub use period::ReportPeriod;
pub use status::{expected_at, Status};

//! Participation: the people registry, registrations and their tickets, attendance,
//! evidence files.
//! One file per kind of record; everything is re-exported here.

mod attendance;
mod evidence;
mod person;
mod registration;
mod ticket;

pub use attendance::*;
pub use evidence::*;
pub use person::*;
pub use registration::*;
pub use ticket::*;

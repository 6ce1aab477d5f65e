//! Participation: the people registry, registrations and their tickets, attendance,
//! volunteers' shifts, evidence files.
//! One file per kind of record; everything is re-exported here.

mod attendance;
mod certificate;
mod evidence;
mod person;
mod registration;
mod ticket;
mod training;
mod volunteer;

pub use attendance::*;
pub use certificate::*;
pub use evidence::*;
pub use person::*;
pub use registration::*;
pub use ticket::*;
pub use training::*;
pub use volunteer::*;

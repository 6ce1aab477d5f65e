//! Participation: the people registry, registrations, attendance, and the mail outbox
//! that tells people about them.

pub mod attendance;
pub mod evidence;
pub mod outbox;
pub mod people;
pub mod registrations;

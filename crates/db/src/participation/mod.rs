//! Participation: the people registry, registrations, attendance, volunteer shifts, and
//! the mail outbox that tells people about them.

pub mod attendance;
pub mod outbox;
pub mod people;
pub mod registrations;
pub mod volunteers;

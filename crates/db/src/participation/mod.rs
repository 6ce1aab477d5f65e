//! Participation: the people registry, registrations, attendance, volunteer shifts,
//! trainings and their certificates, and the mail outbox that tells people about them.

pub mod attendance;
pub mod certificates;
pub mod evidence;
pub mod merge;
pub mod outbox;
pub mod people;
pub mod registrations;
pub mod trainings;
pub mod volunteers;

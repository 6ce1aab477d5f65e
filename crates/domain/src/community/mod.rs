//! The community process's own records: memos of conversations and forums (and, next to
//! them, the knowledge library and questions to experts).

pub mod knowledge;
pub mod memo;
pub mod questions;

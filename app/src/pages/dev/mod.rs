//! Demo-only pages.

pub mod messages;

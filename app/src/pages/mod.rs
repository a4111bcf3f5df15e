//! Pages, one per route, grouped by the glossary's area names.

pub mod cartable;
pub mod change_password;
pub mod home;
pub mod login;
pub mod not_found;

//! Pages, one per route, grouped by the glossary's area names.

pub mod accounts;
pub mod admin;
pub mod applying;
pub mod cartable;
pub mod catalogue;
pub mod dev;
pub mod home;
pub mod not_found;
pub mod notice;
pub mod services;
pub mod tracking;

//! Pages, one per route, grouped by the glossary's area names.

pub mod accounts;
pub mod admin;
pub mod cartable;
pub mod catalogue;
pub mod dev;
pub mod form_memory;
pub mod home;
pub mod not_found;
pub mod notice;
pub mod requests;
pub mod services;
pub mod tracking;

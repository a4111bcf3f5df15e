//! Server functions, one per file, grouped by the same areas as the pages.
//! Each is public over HTTP, so each decides itself who may call it.

pub mod accounts;
pub mod admin;
pub mod cartable;
pub mod catalogue;
pub mod design;
pub mod dev;
#[cfg(feature = "ssr")]
pub mod form_memory;
#[cfg(feature = "ssr")]
pub mod multipart;
pub mod requests;
pub mod system;
pub mod tracking;

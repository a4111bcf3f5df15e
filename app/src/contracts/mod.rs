//! What server functions and the server agree on, one file per area: each
//! holds the types its pages receive and its forms post, and, on the server
//! build, the trait the server crate implements and provides through Leptos
//! context. Server functions stay a few lines, a change in the backend never
//! rebuilds the browser client, and nothing here imports a server function.

pub mod accounts;
pub mod admin;
pub mod cartable;
pub mod catalogue;
pub mod design;
pub mod dev;
pub mod organisation;
pub mod registration;
pub mod requests;
pub mod second_factor;
pub mod session;
pub mod system;
pub mod tracking;

#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// Takes a contract from the request's context; a missing one is a wiring
/// bug in the server, reported as an internal error rather than a panic.
#[cfg(feature = "ssr")]
pub fn contract<T: Clone + Send + Sync + 'static>() -> Result<T, AppError> {
    leptos::prelude::use_context::<T>().ok_or_else(|| AppError::Internal {
        reference: "missing-context".to_owned(),
    })
}

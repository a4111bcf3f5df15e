//! Server functions, one per file, grouped by the same areas as the pages.
//! Each is public over HTTP, so each decides itself who may call it.

pub mod accounts;
pub mod admin;
#[cfg(feature = "ssr")]
pub mod caller;
pub mod cartable;
pub mod catalogue;
pub mod design;
pub mod dev;
#[cfg(feature = "ssr")]
pub mod form_memory;

/// The header a page's script sets when it sends a form itself (to show its
/// progress), so the answer names the next page in [`NEXT_PAGE`] instead of
/// redirecting to it.
pub const SENT_BY_SCRIPT: &str = "x-sent-by-script";
/// See [`SENT_BY_SCRIPT`].
pub const NEXT_PAGE: &str = "x-next-page";
#[cfg(feature = "ssr")]
pub mod multipart;
pub mod requests;
#[cfg(feature = "ssr")]
pub mod status;
pub mod system;
pub mod tracking;

//! The error type every server function returns.
//!
//! Use `AppError` at the boundary between the browser and the server. A
//! service's own error enum converts into it, so the page can place a
//! validation message beside its field and show an apology with a reference
//! id for anything internal. Raw internal messages never reach the browser.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// What can go wrong when the browser asks the server for something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The caller must sign in first.
    #[error("برای این کار ابتدا وارد شوید")]
    Unauthenticated,
    /// The caller is signed in but may not do this.
    #[error("شما اجازه این کار را ندارید")]
    Forbidden,
    /// One input is wrong; `field` names the form field the message belongs beside.
    #[error("{message}")]
    Invalid {
        /// The form field's name.
        field: String,
        /// A Persian sentence telling what to fix.
        message: String,
    },
    /// Something failed inside the server; details are in the log under `reference`.
    #[error("خطایی در سامانه رخ داد. اگر تکرار شد، این کد پیگیری را به پشتیبانی بدهید: {reference}")]
    Internal {
        /// The id of the log entry with the details.
        reference: String,
    },
    /// The request did not reach the server or its answer could not be read.
    #[error("ارتباط با سامانه برقرار نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید")]
    Transport,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_value: ServerFnErrorErr) -> Self {
        AppError::Transport
    }
}

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
    /// What was asked for does not exist, or is not public.
    #[error("آنچه خواستید پیدا نشد؛ ممکن است برداشته یا هنوز منتشر نشده باشد")]
    NotFound,
    /// One input is wrong; `field` names the form field the message belongs beside.
    #[error("{message}")]
    Invalid {
        /// The form field's name.
        field: String,
        /// A Persian sentence telling what to fix.
        message: String,
    },
    /// Several inputs are wrong: each message goes beside its own field.
    #[error("{}", .0.first().map(|f| f.message.as_str()).unwrap_or_default())]
    Fields(Vec<FieldMessage>),
    /// A staff member must pass the second factor first.
    #[error("برای ادامه، کد برنامه تأیید هویت (ورود دومرحله‌ای) را وارد کنید")]
    SecondFactorRequired,
    /// Too many tries in a short time; the person must wait before trying again.
    #[error("تعداد تلاش‌ها بیش از حد مجاز است؛ چند دقیقه دیگر دوباره تلاش کنید")]
    TooManyAttempts,
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

/// One field's validation message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    /// The form field's name.
    pub field: String,
    /// A Persian sentence telling what to fix.
    pub message: String,
}

impl From<Vec<crate::domain::signup::FieldProblem>> for AppError {
    fn from(problems: Vec<crate::domain::signup::FieldProblem>) -> Self {
        AppError::Fields(
            problems
                .into_iter()
                .map(|p| FieldMessage {
                    field: p.field.to_owned(),
                    message: p.message,
                })
                .collect(),
        )
    }
}

impl From<crate::domain::catalogue::form::Problem> for FieldMessage {
    fn from(problem: crate::domain::catalogue::form::Problem) -> Self {
        FieldMessage {
            field: problem.field,
            message: problem.message,
        }
    }
}

/// The problems of an editor or a request form, each beside its input.
impl From<Vec<crate::domain::catalogue::form::Problem>> for AppError {
    fn from(problems: Vec<crate::domain::catalogue::form::Problem>) -> Self {
        AppError::Fields(problems.into_iter().map(FieldMessage::from).collect())
    }
}

impl AppError {
    /// A validation message for one form field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// The message to show beside `field`, if this error belongs there.
    pub fn message_for(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid { field: f, message } if f == field => Some(message.clone()),
            AppError::Fields(fields) => fields.iter().find(|f| f.field == field).map(|f| f.message.clone()),
            _ => None,
        }
    }

    /// The message to show above the form when no single field is at fault.
    pub fn form_message(&self) -> Option<String> {
        match self {
            AppError::Invalid { .. } | AppError::Fields(_) => None,
            other => Some(other.to_string()),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_value: ServerFnErrorErr) -> Self {
        AppError::Transport
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status this error deserves.
    pub fn status(&self) -> http::StatusCode {
        match self {
            AppError::Unauthenticated => http::StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::SecondFactorRequired => http::StatusCode::FORBIDDEN,
            AppError::NotFound => http::StatusCode::NOT_FOUND,
            AppError::Invalid { .. } | AppError::Fields(_) => http::StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyAttempts => http::StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal { .. } => http::StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Transport => http::StatusCode::BAD_REQUEST,
        }
    }
}

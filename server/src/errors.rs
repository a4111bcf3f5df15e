//! Turning server-side failures into what people see.
//!
//! Services return their own error enums or `sea_orm::DbErr`; at the
//! boundary they become `app::errors::AppError`. Validation errors keep their
//! field and Persian message; anything else goes through [`internal`], which
//! logs the details and hands the person only a reference id.

use app::errors::AppError;

/// Logs an internal failure with a fresh reference id and returns the error
/// the person sees: an apology carrying that id, never the failure's text.
pub fn internal(what: &str, error: &dyn std::fmt::Display) -> AppError {
    let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
    tracing::error!(%reference, %error, "{what} failed");
    AppError::Internal { reference }
}

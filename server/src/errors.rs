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

/// Lets administrators through and refuses anyone else, logging who tried
/// `what` (staff administration, catalogue editing, …).
pub fn require_admin(who: &app::contracts::SessionUser, what: &str) -> Result<(), AppError> {
    if who.role == app::domain::role::Role::Administrator {
        Ok(())
    } else {
        tracing::warn!(user_id = who.user_id, "refused: {what} by a non-administrator");
        Err(AppError::Forbidden)
    }
}

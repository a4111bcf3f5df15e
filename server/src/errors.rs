//! Turning server-side failures into what people see.
//!
//! Services return `app::errors::AppError` itself, so a server function
//! passes their result on unchanged. Lower helpers return `sea_orm::DbErr`
//! (or, for uploads, `storage::UploadError`), and the service maps them.
//! Validation errors keep their field and Persian message; anything else goes
//! through [`internal`], which logs the details and hands the person only a
//! reference id.

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
pub fn require_admin(who: &app::contracts::session::SessionUser, what: &str) -> Result<(), AppError> {
    if who.role == app::domain::role::Role::Administrator {
        Ok(())
    } else {
        tracing::warn!(user_id = who.user_id, "refused: {what} by a non-administrator");
        Err(AppError::Forbidden)
    }
}

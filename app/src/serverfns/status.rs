//! The HTTP status of a failed server function, kept beside the form memory
//! it consults: a scripted call gets the error's real status, a plain form
//! post gets Leptos's redirect back to the form.

use crate::errors::AppError;

/// Gives a failed server function its real HTTP status, so a wrong
/// password is a 422 in logs and monitoring rather than a server error.
/// Plain form posts (no JavaScript) are left alone: Leptos answers them with
/// a redirect back to the form, carrying the error.
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    use leptos::prelude::use_context;
    if let Err(error) = &result {
        let form_post = super::form_memory::is_plain_form_post();
        if let (false, Some(response)) = (form_post, use_context::<leptos_axum::ResponseOptions>()) {
            response.set_status(error.status());
        }
    }
    result
}

use leptos::prelude::*;

use crate::contracts::second_factor::SecondFactorState;
use crate::errors::AppError;

/// The staff member's second-factor state, creating the secret to enrol
/// with on first use. Staff holding a password-only session; others are
/// refused.
#[server(endpoint = "accounts/second_factor_status")]
pub async fn second_factor_status() -> Result<SecondFactorState, AppError> {
    use super::session_cookie;
    use crate::contracts::contract;
    use crate::contracts::second_factor::SecondFactorHandle;
    let token = session_cookie::read().ok_or(AppError::Unauthenticated);
    crate::serverfns::status::with_status(match token {
        Ok(token) => contract::<SecondFactorHandle>()?.status(&token).await,
        Err(e) => Err(e),
    })
}

/// Checks the authenticator app's code and completes the staff member's
/// sign-in. Staff only, limited per account.
#[server(endpoint = "accounts/verify_second_factor")]
pub async fn verify_second_factor(code: String) -> Result<(), AppError> {
    use super::session_cookie;
    use crate::contracts::contract;
    use crate::contracts::second_factor::SecondFactorHandle;
    let token = session_cookie::read().ok_or(AppError::Unauthenticated);
    let session = crate::serverfns::status::with_status(match token {
        Ok(token) => contract::<SecondFactorHandle>()?.verify(&token, &code).await,
        Err(e) => Err(e),
    })?;
    session_cookie::keep(&session);
    leptos_axum::redirect("/cartable");
    Ok(())
}

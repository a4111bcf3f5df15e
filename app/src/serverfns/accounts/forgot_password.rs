use leptos::prelude::*;

use crate::errors::AppError;

/// Sends a password-reset code by SMS and a link by e-mail. Open to
/// everyone; answers alike whether the account exists, limited per address.
#[server(endpoint = "accounts/forgot_password")]
pub async fn forgot_password(who: String) -> Result<(), AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::contract;
    use crate::contracts::registration::RegistrationHandle;
    crate::serverfns::status::with_status(
        contract::<RegistrationHandle>()?
            .request_password_reset(&who, &client_address())
            .await,
    )?;
    leptos_axum::redirect(&format!(
        "/password/reset?sent=1&who={}",
        crate::domain::normalize::percent_encode(&who)
    ));
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;

/// Sends a new activation code and link. Open to everyone; answers alike
/// for unknown and already active accounts, and is limited per address and
/// per account.
#[server(endpoint = "accounts/resend_activation")]
pub async fn resend_activation(username: String) -> Result<(), AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::contract;
    use crate::contracts::registration::RegistrationHandle;
    crate::serverfns::status::with_status(
        contract::<RegistrationHandle>()?
            .resend_activation(&username, &client_address())
            .await,
    )?;
    // Only a well-formed username goes back into the address.
    let username = crate::domain::username::parse_username(&username).unwrap_or_default();
    leptos_axum::redirect(&format!("/activate?username={username}&resent=1"));
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;

/// Signs a person in and sends them to their cartable. Open to everyone by
/// nature; the accounts service limits how often one address or one account
/// may try.
#[server(endpoint = "accounts/login")]
pub async fn login(username: String, password: String) -> Result<(), AppError> {
    use super::session_cookie;
    use crate::contracts::accounts::AccountsHandle;
    use crate::contracts::contract;
    use crate::serverfns::status::with_status;
    let session = with_status(
        contract::<AccountsHandle>()?
            .sign_in(&username, &password, &session_cookie::client_address())
            .await,
    )?;
    session_cookie::keep(&session);
    leptos_axum::redirect(if session.second_factor_required {
        "/account/two-factor"
    } else {
        "/cartable"
    });
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;

/// Ends the caller's own session, whatever it is; without one there is
/// nothing to end and the answer is the same.
#[server(endpoint = "accounts/logout")]
pub async fn logout() -> Result<(), AppError> {
    use super::session_cookie;
    use crate::contracts::accounts::AccountsHandle;
    use crate::contracts::contract;
    if let Some(token) = session_cookie::read() {
        contract::<AccountsHandle>()?.sign_out(&token).await?;
    }
    session_cookie::clear();
    leptos_axum::redirect("/");
    Ok(())
}

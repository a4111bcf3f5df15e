use leptos::prelude::*;

use crate::errors::AppError;

/// Changes the signed-in person's own password; anyone else is refused.
/// Every other session of theirs ends, so a stolen session dies with it.
#[server(endpoint = "accounts/change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use super::session_cookie;
    use crate::contracts::accounts::{AccountsHandle, PasswordChange};
    use crate::contracts::contract;
    use crate::serverfns::status::with_status;
    let token = with_status(session_cookie::read().ok_or(AppError::Unauthenticated))?;
    let change = PasswordChange {
        current: current_password,
        new: new_password,
        repeat: repeat_password,
    };
    let session = with_status(contract::<AccountsHandle>()?.change_password(&token, change).await)?;
    session_cookie::keep(&session);
    leptos_axum::redirect("/account/password?changed=1");
    Ok(())
}

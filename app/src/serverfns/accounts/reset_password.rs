use leptos::prelude::*;

use crate::errors::AppError;

/// Sets a new password with the code from the SMS (with `username`) or the
/// e-mailed link's token, ends every session of the account and sends the
/// person to sign in. Open to everyone: the code is the proof.
#[server(endpoint = "accounts/reset_password")]
pub async fn reset_password(
    username: Option<String>,
    code: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::contract;
    use crate::contracts::registration::{PasswordReset, RegistrationHandle};
    let reset = PasswordReset {
        username: username.unwrap_or_default(),
        code,
        new: new_password,
        repeat: repeat_password,
    };
    crate::serverfns::form_memory::remember("reset", &[("username", &reset.username), ("code", &reset.code)]);
    crate::serverfns::status::with_status(
        contract::<RegistrationHandle>()?
            .reset_password(reset, &client_address())
            .await,
    )?;
    leptos_axum::redirect("/login?reset=1");
    Ok(())
}

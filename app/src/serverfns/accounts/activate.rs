use leptos::prelude::*;

use crate::errors::AppError;

/// Activates an account with the SMS code (`username` and `code`) or the
/// e-mailed link's token (`token`), then sends the person to sign in. Open
/// to everyone: the code is the proof, and tries are limited.
#[server(endpoint = "accounts/activate")]
pub async fn activate(username: Option<String>, code: Option<String>, token: Option<String>) -> Result<(), AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::contract;
    use crate::contracts::registration::RegistrationHandle;
    use crate::serverfns::status::with_status;
    let registration = contract::<RegistrationHandle>()?;
    let client = client_address();
    let outcome = match (token, username) {
        (Some(token), _) => registration.activate_by_link(&token, &client).await,
        (None, Some(username)) => {
            crate::serverfns::form_memory::remember("activate", &[("username", &username)]);
            registration
                .activate_by_code(&username, code.as_deref().unwrap_or_default(), &client)
                .await
        }
        (None, None) => Err(AppError::invalid("username", "نام کاربری را وارد کنید")),
    };
    with_status(outcome)?;
    leptos_axum::redirect("/login?activated=1");
    Ok(())
}

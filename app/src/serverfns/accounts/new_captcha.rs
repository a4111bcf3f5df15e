use leptos::prelude::*;

use crate::contracts::registration::CaptchaChallenge;
use crate::errors::AppError;

/// A new captcha challenge. Open to everyone (it is how strangers sign
/// up); limited per address by the registration service.
#[server(endpoint = "accounts/new_captcha")]
pub async fn new_captcha(spoken: bool) -> Result<CaptchaChallenge, AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::contract;
    use crate::contracts::registration::RegistrationHandle;
    crate::serverfns::status::with_status(
        contract::<RegistrationHandle>()?
            .new_captcha(spoken, &client_address())
            .await,
    )
}

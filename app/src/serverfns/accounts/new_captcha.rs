use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::AppError;

/// A captcha challenge as the sign-up form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptchaChallenge {
    /// Posted back with the answer; the image is at `/captcha/{id}.png`.
    pub id: String,
    /// The question in words, for a spoken challenge; `None` for an image.
    pub question: Option<String>,
}

/// A new captcha challenge. Open to everyone (it is how strangers sign
/// up); limited per address by the registration service.
#[server(endpoint = "accounts/new_captcha")]
pub async fn new_captcha(spoken: bool) -> Result<CaptchaChallenge, AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::{RegistrationHandle, contract};
    crate::errors::with_status(
        contract::<RegistrationHandle>()?
            .new_captcha(spoken, &client_address())
            .await,
    )
}

//! Sign-up, activation and password reset: everything a person does before
//! they can sign in, with the captcha that guards sign-up.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::domain::signup::SignUpInput;
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// A captcha challenge as the sign-up form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptchaChallenge {
    /// Posted back with the answer; the image is at `/captcha/{id}.png`.
    pub id: String,
    /// The question in words, for a spoken challenge; `None` for an image.
    pub question: Option<String>,
}

/// The answer typed to a captcha challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptchaAnswer {
    /// The challenge's id.
    pub id: String,
    /// What the person typed.
    pub answer: String,
}

/// What the reset-password form posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordReset {
    /// The account, when a code from an SMS is given.
    pub username: String,
    /// The SMS code or the e-mail link's token.
    pub code: String,
    /// The password wanted.
    pub new: String,
    /// The password wanted, typed again.
    pub repeat: String,
}

/// Sign-up, activation and password reset: everything a person does before
/// they can sign in.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait Registration: Send + Sync {
    /// A fresh captcha challenge; `spoken` asks for a question in words
    /// instead of an image, for people who cannot see it.
    async fn new_captcha(&self, spoken: bool, client: &str) -> Result<CaptchaChallenge, AppError>;
    /// Creates an applicant's account, not yet active, and sends the
    /// activation code by SMS and the link by e-mail. Returns the username.
    async fn sign_up(&self, input: SignUpInput, captcha: CaptchaAnswer, client: &str) -> Result<String, AppError>;
    /// Activates `username` with the code sent by SMS.
    async fn activate_by_code(&self, username: &str, code: &str, client: &str) -> Result<(), AppError>;
    /// Activates the account the e-mailed link was sent for.
    async fn activate_by_link(&self, token: &str, client: &str) -> Result<(), AppError>;
    /// Sends a new activation code and link, if the account is still inactive.
    async fn resend_activation(&self, username: &str, client: &str) -> Result<(), AppError>;
    /// Sends a reset code by SMS and a reset link by e-mail to the account
    /// named by `username` or its mobile number. Answers alike whether the
    /// account exists or not.
    async fn request_password_reset(&self, who: &str, client: &str) -> Result<(), AppError>;
    /// Sets a new password with a reset code (with `username`) or a link
    /// token (without), and ends every session of the account.
    async fn reset_password(&self, reset: PasswordReset, client: &str) -> Result<(), AppError>;
}

/// The registration handle server functions take from context.
#[cfg(feature = "ssr")]
pub type RegistrationHandle = Arc<dyn Registration>;

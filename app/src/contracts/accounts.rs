//! Signing in and out, and changing one's password.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

#[cfg(feature = "ssr")]
use super::session::{NewSession, SessionUser};
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// What the change-password form posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordChange {
    /// The password in use now.
    pub current: String,
    /// The password wanted.
    pub new: String,
    /// The password wanted, typed again.
    pub repeat: String,
}

/// Signing in and out, and who holds a session.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait Accounts: Send + Sync {
    /// Checks the credentials of `username` and opens a session. `client`
    /// identifies the caller's network address for rate limiting.
    async fn sign_in(&self, username: &str, password: &str, client: &str) -> Result<NewSession, AppError>;
    /// The person holding the session `token`, if it is still valid.
    async fn session_user(&self, token: &str) -> Result<Option<SessionUser>, AppError>;
    /// Ends the session `token`; ending an unknown session is not an error.
    async fn sign_out(&self, token: &str) -> Result<(), AppError>;
    /// Replaces the password of the session's holder after checking the
    /// current one, ends every session of that person, and opens a new one
    /// for this browser.
    async fn change_password(&self, token: &str, change: PasswordChange) -> Result<NewSession, AppError>;
}

/// The accounts handle server functions take from context.
#[cfg(feature = "ssr")]
pub type AccountsHandle = Arc<dyn Accounts>;

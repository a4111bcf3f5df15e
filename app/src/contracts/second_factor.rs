//! The staff's second factor: enrolling an authenticator app and checking
//! its codes.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::NewSession;
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// What the second-factor page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorState {
    /// Whether an authenticator app is already set up.
    pub enrolled: bool,
    /// The secret to type into the app, while setting it up.
    pub secret: Option<String>,
    /// The same secret as a QR code image (a data URL), while setting it up.
    pub qr: Option<String>,
}

/// The staff's second factor.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait SecondFactor: Send + Sync {
    /// The state of the session holder's authenticator app, creating the
    /// secret to enrol with on first use.
    async fn status(&self, token: &str) -> Result<SecondFactorState, AppError>;
    /// Checks a code and marks the session as having passed both steps,
    /// under a new token: the one that carried only the password stops
    /// working, so a token seen before the second step is worth nothing.
    async fn verify(&self, token: &str, code: &str) -> Result<NewSession, AppError>;
}

/// The second-factor handle server functions take from context.
#[cfg(feature = "ssr")]
pub type SecondFactorHandle = Arc<dyn SecondFactor>;

//! The demo's inbox on `/dev/messages`: the outbox, open captchas and the
//! demo staff's second-factor codes. Provided only in demo mode.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// One SMS or e-mail from the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevMessage {
    /// `sms` or `email`.
    pub channel: String,
    /// The mobile number or address.
    pub recipient: String,
    /// The e-mail's subject.
    pub subject: Option<String>,
    /// The text.
    pub body: String,
    /// When it was written, in Persian (Jalali, Tehran time).
    pub written_at: String,
    /// Whether the worker has handed it over.
    pub sent: bool,
}

/// A captcha challenge's answer, so demo visitors and browser tests get
/// past it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevCaptcha {
    /// The challenge's id.
    pub id: String,
    /// Its answer.
    pub answer: String,
}

/// A demo staff member's current second-factor code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevCode {
    /// The demo account.
    pub username: String,
    /// The code an authenticator app would show now.
    pub code: String,
}

/// What `/dev/messages` shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevMessages {
    /// Newest first.
    pub messages: Vec<DevMessage>,
    /// Newest first, unanswered and unexpired only.
    pub captchas: Vec<DevCaptcha>,
    /// The demo staff's current second-factor codes.
    pub codes: Vec<DevCode>,
}

/// What demo installations show on `/dev/messages`.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait DemoInbox: Send + Sync {
    /// The latest messages in the outbox and captcha answers, newest first.
    async fn recent(&self) -> Result<DevMessages, AppError>;
}

/// The demo inbox handle; present in context only in demo mode.
#[cfg(feature = "ssr")]
pub type DemoInboxHandle = Arc<dyn DemoInbox>;

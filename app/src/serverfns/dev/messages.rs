use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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

/// The demo's outbox. Exists only in demo mode: in production the contract
/// is not provided and the call answers "forbidden", revealing nothing.
#[server(endpoint = "dev/messages")]
pub async fn demo_messages() -> Result<DevMessages, AppError> {
    use crate::contracts::DemoInboxHandle;
    let inbox = use_context::<DemoInboxHandle>().ok_or(AppError::Forbidden);
    crate::errors::with_status(match inbox {
        Ok(inbox) => inbox.recent().await,
        Err(e) => Err(e),
    })
}

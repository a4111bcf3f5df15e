//! SMS and e-mail. Every message is first written to the outbox, in the same
//! transaction as the change that caused it; the [`worker`] sends it later
//! and retries with back-off, so a provider that is down or a crash right
//! after a commit never loses a message.

pub mod demo_inbox;
pub mod email;
pub mod secrets;
pub mod sms;
pub mod worker;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use crate::config::MessagingConfig;
use crate::entities::outbox_message;

/// How a message reaches a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A text message to a mobile number.
    Sms,
    /// An e-mail.
    Email,
}

impl Channel {
    /// The name stored in the outbox.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }
}

/// A message to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// SMS or e-mail.
    pub channel: Channel,
    /// A mobile number or an e-mail address.
    pub recipient: String,
    /// The e-mail's subject; SMS have none.
    pub subject: Option<String>,
    /// The text.
    pub body: String,
}

/// Writes `message` to the outbox on `db`, which should be the transaction
/// making the change the message reports.
pub async fn enqueue(db: &impl ConnectionTrait, message: Message) -> Result<(), DbErr> {
    let now = Utc::now();
    outbox_message::ActiveModel {
        channel: Set(message.channel.as_str().to_owned()),
        recipient: Set(message.recipient),
        subject: Set(message.subject),
        body: Set(message.body),
        attempts: Set(0),
        created_at: Set(now),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// Hands one outbox message to a provider.
#[async_trait]
pub trait Transport: Send + Sync {
    /// Sends the message; an error is kept on the row and the send retried.
    async fn send(&self, message: &outbox_message::Model) -> Result<(), String>;

    /// Whether the message left for a person once `send` succeeded, so its
    /// one-time secrets can be dropped from the outbox. The demo's keeper
    /// delivers nothing: its outbox is the only place the code can be read.
    fn delivers(&self) -> bool {
        true
    }
}

/// Keeps messages in the outbox only: the demo's way of "sending", so that
/// a person trying the demo reads their code on `/dev/messages`.
pub struct KeptForDemo;

#[async_trait]
impl Transport for KeptForDemo {
    async fn send(&self, _message: &outbox_message::Model) -> Result<(), String> {
        Ok(())
    }

    fn delivers(&self) -> bool {
        false
    }
}

/// The provider for each channel.
#[derive(Clone)]
pub struct Transports {
    /// Sends SMS.
    pub sms: Arc<dyn Transport>,
    /// Sends e-mail.
    pub email: Arc<dyn Transport>,
}

impl Transports {
    /// The providers the configuration names; demo keeps what is not set.
    pub fn from_config(config: &MessagingConfig) -> Result<Self, String> {
        let sms: Arc<dyn Transport> = match (&config.sms_url, &config.sms_key) {
            (Some(url), Some(key)) => Arc::new(sms::HttpSms::new(url, key.expose())?),
            _ => Arc::new(KeptForDemo),
        };
        let email: Arc<dyn Transport> = match &config.smtp_url {
            Some(url) => Arc::new(email::SmtpMail::new(url.expose(), &config.mail_from)?),
            None => Arc::new(KeptForDemo),
        };
        Ok(Self { sms, email })
    }

    fn for_channel(&self, channel: &str) -> &Arc<dyn Transport> {
        if channel == Channel::Email.as_str() {
            &self.email
        } else {
            &self.sms
        }
    }
}

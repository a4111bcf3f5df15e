//! E-mail over SMTP with lettre. The URL chooses plain SMTP with STARTTLS
//! when offered (`smtp://`) or implicit TLS (`smtps://`), with credentials
//! in the URL.

use async_trait::async_trait;
use lettre::{
    AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor, message::Mailbox, message::header::ContentType,
};

use super::Transport;
use crate::entities::outbox_message;

/// A mail server reached over SMTP.
pub struct SmtpMail {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMail {
    /// A mail server at `url`, sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("MIZEKHEDMAT_SMTP_URL is not usable: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(15)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("MIZEKHEDMAT_MAIL_FROM is not an address: {e}"))?;
        Ok(Self { transport, from })
    }
}

#[async_trait]
impl Transport for SmtpMail {
    async fn send(&self, message: &outbox_message::Model) -> Result<(), String> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| format!("recipient is not an address: {e}"))?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone().unwrap_or_default())
            .header(ContentType::TEXT_PLAIN)
            .body(super::secrets::readable(&message.body))
            .map_err(|e| e.to_string())?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| format!("mail server refused or unreachable: {e}"))
    }
}

//! SMS through a provider's HTTP API: a JSON POST with the number and text,
//! authorised by a bearer key. Providers differ in field names; this is the
//! one adapter to change for a new one.

use async_trait::async_trait;

use super::Transport;
use crate::entities::outbox_message;

/// An SMS provider reached over HTTP.
pub struct HttpSms {
    url: String,
    key: String,
    client: reqwest::Client,
}

impl HttpSms {
    /// A provider at `url` with API key `key`.
    pub fn new(url: &str, key: &str) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(15))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self {
            url: url.to_owned(),
            key: key.to_owned(),
            client,
        })
    }
}

#[async_trait]
impl Transport for HttpSms {
    async fn send(&self, message: &outbox_message::Model) -> Result<(), String> {
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(&self.key)
            .json(&serde_json::json!({ "to": message.recipient, "text": super::secrets::readable(&message.body) }))
            .send()
            .await
            .map_err(|e| format!("SMS provider unreachable: {e}"))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("SMS provider answered {}", response.status()))
        }
    }
}

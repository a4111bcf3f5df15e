use leptos::prelude::*;

use crate::contracts::dev::DevMessages;
use crate::errors::AppError;

/// The demo's outbox. Exists only in demo mode: in production the contract
/// is not provided and the call answers "forbidden", revealing nothing.
#[server(endpoint = "dev/messages")]
pub async fn demo_messages() -> Result<DevMessages, AppError> {
    use crate::contracts::dev::DemoInboxHandle;
    let inbox = use_context::<DemoInboxHandle>().ok_or(AppError::Forbidden);
    crate::serverfns::status::with_status(match inbox {
        Ok(inbox) => inbox.recent().await,
        Err(e) => Err(e),
    })
}

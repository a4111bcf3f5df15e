use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::AppError;

/// What the home page's status card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskStatus {
    /// Provincial companies loaded.
    pub provinces: u64,
    /// Units and specialty domains loaded.
    pub units: u64,
    /// Posts defined.
    pub posts: u64,
    /// When the database answered.
    pub checked_at: DateTime<Utc>,
}

/// Asks the database for the organisation's size. Open to everyone: it
/// reveals only counts that the public catalogue shows anyway.
#[server(endpoint = "system/desk_status")]
pub async fn check_desk_status() -> Result<DeskStatus, AppError> {
    use crate::contracts::{Directory, contract};
    let summary = contract::<Directory>()?.summary().await?;
    Ok(DeskStatus {
        provinces: summary.provinces,
        units: summary.units,
        posts: summary.posts,
        checked_at: summary.checked_at,
    })
}

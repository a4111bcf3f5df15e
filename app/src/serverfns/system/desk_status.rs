use leptos::prelude::*;

use crate::contracts::system::DeskStatus;
use crate::errors::AppError;

/// Asks the database for the organisation's size. Open to everyone: it
/// reveals only counts that the public catalogue shows anyway.
#[server(endpoint = "system/desk_status")]
pub async fn check_desk_status() -> Result<DeskStatus, AppError> {
    use crate::contracts::contract;
    use crate::contracts::organisation::Directory;
    let summary = contract::<Directory>()?.summary().await?;
    Ok(DeskStatus {
        provinces: summary.provinces,
        units: summary.units,
        posts: summary.posts,
        checked_at: summary.checked_at,
    })
}

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::AppError;

/// How this installation runs, for what every page must say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// Demo installations say so on every page.
    pub demo: bool,
}

/// Open to everyone: the demo banner is shown to everyone.
#[server(endpoint = "system/site_info")]
pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    use crate::contracts::contract;
    contract::<SiteInfo>()
}

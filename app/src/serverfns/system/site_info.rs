use leptos::prelude::*;

use crate::contracts::system::SiteInfo;
use crate::errors::AppError;

/// Open to everyone: the demo banner is shown to everyone.
#[server(endpoint = "system/site_info")]
pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    use crate::contracts::contract;
    contract::<SiteInfo>()
}

use leptos::prelude::*;

use super::SubServiceName;
use crate::errors::AppError;

/// Every published sub-service with an electronic form, for the e-services
/// page. Anyone: it says only what the catalogue already publishes.
#[server(endpoint = "requests/offered")]
pub async fn offered_services() -> Result<Vec<SubServiceName>, AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::RequestDeskHandle;
    crate::serverfns::status::with_status(contract::<RequestDeskHandle>()?.offered().await)
}

use leptos::prelude::*;

use super::IdentityRequest;
use crate::errors::AppError;

/// A request with its data, files and history: for its applicant (the
/// report) and for the desk officer holding it. Anyone else is refused.
#[server(endpoint = "identity/review")]
pub async fn review_identity(request_id: i32) -> Result<IdentityRequest, AppError> {
    use crate::contracts::{IdentityHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<IdentityHandle>()?.review(&who, request_id).await)
}

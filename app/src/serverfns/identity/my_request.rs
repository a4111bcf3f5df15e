use leptos::prelude::*;

use super::IdentityPage;
use crate::errors::AppError;

/// The signed-in applicant's identity request, made an empty draft on the
/// first visit. Only applicants; each sees only their own.
#[server(endpoint = "identity/my_request")]
pub async fn my_identity_request() -> Result<IdentityPage, AppError> {
    use crate::contracts::{IdentityHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<IdentityHandle>()?.my_request(&who).await)
}

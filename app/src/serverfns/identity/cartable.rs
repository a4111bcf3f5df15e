use leptos::prelude::*;

use super::Cartable;
use crate::errors::AppError;

/// The signed-in person's cartable: an applicant's own requests, a desk
/// officer's requests held by their post. Signed-in people only.
#[server(endpoint = "identity/cartable")]
pub async fn my_cartable() -> Result<Cartable, AppError> {
    use crate::contracts::{IdentityHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<IdentityHandle>()?.cartable(&who).await)
}

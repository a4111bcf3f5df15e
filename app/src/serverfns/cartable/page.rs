use leptos::prelude::*;

use super::{CartablePage, CartableQuery};
use crate::errors::AppError;

/// The signed-in person's cartable for `query`: an applicant's own
/// requests; staff's requests held by their posts or that they acted on.
/// Signed-in people only, each seeing only their own.
#[server(name = CartablePageFn, endpoint = "cartable/page")]
pub async fn cartable_page(query: CartableQuery) -> Result<CartablePage, AppError> {
    use crate::contracts::cartable::CartablesHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<CartablesHandle>()?.page(&who, &query).await)
}

//! Public tracking: anyone holding a request's tracking code and its
//! applicant's national id sees where the request is, without signing in.

use leptos::prelude::*;

pub use crate::contracts::tracking::{TrackedEvent, TrackingView};

use crate::errors::AppError;

/// Checks a tracking code with its applicant's national id and opens the
/// request's tracking page by a short-lived signed link, so the national id
/// never travels in an address. Wrong pairs are answered alike and rate
/// limited. Anyone.
#[server(endpoint = "tracking/find")]
pub async fn find_request(tracking_code: String, national_id: String) -> Result<(), AppError> {
    use crate::contracts::contract;
    use crate::contracts::tracking::TrackingHandle;
    use crate::serverfns::accounts::session_cookie::client_address;
    crate::serverfns::form_memory::remember(
        "track",
        &[("tracking_code", &tracking_code), ("national_id", &national_id)],
    );
    let tracking = contract::<TrackingHandle>()?;
    let found = tracking.find(&tracking_code, &national_id, &client_address()).await;
    let (code, token) = crate::serverfns::status::with_status(found)?;
    leptos_axum::redirect(&format!("/track/{code}?t={token}"));
    Ok(())
}

/// A request's public progress, for the holder of a link `find_request`
/// gave. Anyone with the link.
#[server(endpoint = "tracking/view")]
pub async fn load_tracking(tracking_code: String, token: String) -> Result<TrackingView, AppError> {
    use crate::contracts::contract;
    use crate::contracts::tracking::TrackingHandle;
    crate::serverfns::status::with_status(contract::<TrackingHandle>()?.view(&tracking_code, &token).await)
}

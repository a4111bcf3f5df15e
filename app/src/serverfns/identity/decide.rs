use leptos::prelude::*;

use crate::errors::AppError;

/// The desk officer's decision: approve, or reject with a required reason.
/// `revision` is the one the officer looked at; if someone acted first the
/// decision is refused with a clear message and nothing typed is lost.
/// Only the desk officer of the request's province.
#[server(endpoint = "identity/decide")]
pub async fn decide_identity(
    request_id: i32,
    revision: i32,
    decision: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    use crate::contracts::{IdentityHandle, contract, signed_in};
    let who = signed_in().await?;
    let approve = decision == "approve";
    let reason = reason.unwrap_or_default();
    crate::serverfns::form_memory::remember("decision", &[("reason", &reason)]);
    crate::errors::with_status(
        contract::<IdentityHandle>()?
            .decide(&who, request_id, revision, approve, &reason)
            .await,
    )?;
    leptos_axum::redirect("/cartable?decided=1");
    Ok(())
}

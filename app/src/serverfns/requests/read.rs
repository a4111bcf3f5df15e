use leptos::prelude::*;

use super::{Application, Case, FormPage};
use crate::errors::AppError;

/// The empty form of a published sub-service. Signed-in applicants only.
#[server(endpoint = "requests/new_form")]
pub async fn new_request_form(service_id: i32, sub_code: String) -> Result<FormPage, AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::RequestDeskHandle;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(
        contract::<RequestDeskHandle>()?
            .new_form(&who, service_id, &sub_code)
            .await,
    )
}

/// The signed-in applicant's own request: receipt, progress, and its form
/// while it can be changed. Nobody else's.
#[server(endpoint = "requests/application")]
pub async fn my_application(request_id: i32) -> Result<Application, AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::RequestDeskHandle;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<RequestDeskHandle>()?.application(&who, request_id).await)
}

/// A request's report and the actions open to the viewer. Staff whose
/// post holds or held it, managers and administrators.
#[server(endpoint = "requests/case")]
pub async fn open_case(request_id: i32) -> Result<Case, AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::RequestDeskHandle;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<RequestDeskHandle>()?.case(&who, request_id).await)
}

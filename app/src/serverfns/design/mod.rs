//! The designer of a sub-service's form and workflow: reading it, and
//! saving or publishing what was typed. Administrators only; the
//! [`crate::contracts::design::FormDesigns`] behind them checks that itself.

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

pub use crate::contracts::design::{DesignPage, DesignTarget, VersionView};
use crate::errors::AppError;

/// The designer of one sub-service. Administrators only.
#[server(endpoint = "design/load")]
pub async fn load_design(service_id: i32, sub_code: String) -> Result<DesignPage, AppError> {
    use crate::contracts::contract;
    use crate::contracts::design::FormDesignsHandle;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    let designs = contract::<FormDesignsHandle>()?;
    crate::serverfns::status::with_status(designs.designer(&who, service_id, &sub_code).await)
}

/// Saves the designer's form (`service_id`, `sub_code`, the rows, and the
/// button pressed: `publish`, `remove=field.3`, `up=step.1` or a plain
/// save). The rows are always kept as typed; a refused publish comes back
/// with each problem beside its input. Administrators only.
#[server(input = MultipartFormData, endpoint = "design/save")]
pub async fn save_design(data: MultipartData) -> Result<(), AppError> {
    use crate::contracts::contract;
    use crate::contracts::design::FormDesignsHandle;
    use crate::domain::design::Change;
    use crate::serverfns::caller::signed_in;

    let who = signed_in().await?;
    let designs = contract::<FormDesignsHandle>()?;
    let outcome = async move {
        // Refused before the body is read: nobody else may make it work.
        if who.role != crate::domain::role::Role::Administrator {
            return Err(AppError::Forbidden);
        }
        let mut rows = crate::serverfns::multipart::card_fields(data).await?;
        let mut take = |name: &str| rows.remove(name).and_then(|v| v.into_iter().next());
        let target = DesignTarget {
            service_id: take("service_id")
                .and_then(|id| id.parse().ok())
                .ok_or(AppError::Transport)?,
            sub_code: take("sub_code").ok_or(AppError::Transport)?,
        };
        let publish = take("publish").is_some();
        let change = match (take("remove"), take("up")) {
            (Some(row), _) => Change::parse("remove", &row),
            (None, Some(row)) => Change::parse("up", &row),
            (None, None) => Change::Keep,
        };
        let saved = designs.save(&who, target.clone(), rows, change, publish).await;
        crate::serverfns::form_memory::back_to_the_form(saved, |saved| {
            let shown = match saved {
                Ok(Some(number)) => format!("published={number}"),
                Ok(None) => "saved=1".to_owned(),
                Err(AppError::Fields(_)) => "problems=1".to_owned(),
                Err(_) => return None,
            };
            Some(format!("{}?{shown}", target.path()))
        })
    }
    .await;
    crate::serverfns::status::with_status(outcome)
}

/// Throws the designer's unpublished draft away. Administrators only.
#[server(endpoint = "design/discard")]
pub async fn discard_design(service_id: i32, sub_code: String) -> Result<(), AppError> {
    use crate::contracts::contract;
    use crate::contracts::design::FormDesignsHandle;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    let target = DesignTarget { service_id, sub_code };
    crate::serverfns::status::with_status(contract::<FormDesignsHandle>()?.discard(&who, target.clone()).await)?;
    leptos_axum::redirect(&format!("{}?discarded=1", target.path()));
    Ok(())
}

//! The designer of a sub-service's form and workflow: reading it, and
//! saving or publishing what was typed. Administrators only; the
//! [`crate::contracts::FormDesigns`] behind them checks that itself.

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

use crate::domain::catalogue::form::Fields;
use crate::errors::AppError;
use crate::serverfns::requests::SubServiceName;

/// Which sub-service's form and workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignTarget {
    /// The catalogue service.
    pub service_id: i32,
    /// The sub-service's code within it.
    pub sub_code: String,
}

impl DesignTarget {
    /// The designer's address.
    pub fn path(&self) -> String {
        format!("/admin/services/{}/forms/{}", self.service_id, self.sub_code)
    }
}

/// What the designer page draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignPage {
    /// The sub-service designed.
    pub name: SubServiceName,
    /// The latest published form version, if any.
    pub form_version: Option<i32>,
    /// The latest published workflow version, if any.
    pub workflow_version: Option<i32>,
    /// The rows to show: the draft, or the latest versions written out.
    pub rows: Fields,
    /// Whether `rows` is an unpublished draft.
    pub draft: bool,
    /// The draft's problems by input name; empty when it would publish.
    pub problems: Vec<(String, String)>,
    /// Every published version, newest first.
    pub history: Vec<VersionView>,
    /// Unit and post codes to suggest, each province's written `{province}`.
    pub codes: (Vec<String>, Vec<String>),
}

/// One published version of a sub-service's form and workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    /// Its number.
    pub number: i32,
    /// When it was published, in Persian.
    pub at: String,
    /// Who published it; empty for the demo's own.
    pub by: String,
}

/// The designer of one sub-service. Administrators only.
#[server(endpoint = "design/load")]
pub async fn load_design(service_id: i32, sub_code: String) -> Result<DesignPage, AppError> {
    use crate::contracts::{FormDesignsHandle, contract, signed_in};
    let who = signed_in().await?;
    let designs = contract::<FormDesignsHandle>()?;
    crate::errors::with_status(designs.designer(&who, service_id, &sub_code).await)
}

/// Saves the designer's form (`service_id`, `sub_code`, the rows, and the
/// button pressed: `publish`, `remove=field.3`, `up=step.1` or a plain
/// save). The rows are always kept as typed; a refused publish comes back
/// with each problem beside its input. Administrators only.
#[server(input = MultipartFormData, endpoint = "design/save")]
pub async fn save_design(data: MultipartData) -> Result<(), AppError> {
    use crate::contracts::{FormDesignsHandle, contract, signed_in};
    use crate::domain::design::Change;

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
        if crate::serverfns::form_memory::is_plain_form_post() {
            let outcome = match &saved {
                Ok(Some(number)) => format!("published={number}"),
                Ok(None) => "saved=1".to_owned(),
                Err(AppError::Fields(_)) => "problems=1".to_owned(),
                Err(_) => String::new(),
            };
            if !outcome.is_empty() {
                leptos_axum::redirect(&format!("{}?{outcome}", target.path()));
                return Ok(());
            }
        }
        saved.map(|_| ())
    }
    .await;
    crate::errors::with_status(outcome)
}

/// Throws the designer's unpublished draft away. Administrators only.
#[server(endpoint = "design/discard")]
pub async fn discard_design(service_id: i32, sub_code: String) -> Result<(), AppError> {
    use crate::contracts::{FormDesignsHandle, contract, signed_in};
    let who = signed_in().await?;
    let target = DesignTarget { service_id, sub_code };
    crate::errors::with_status(contract::<FormDesignsHandle>()?.discard(&who, target.clone()).await)?;
    leptos_axum::redirect(&format!("{}?discarded=1", target.path()));
    Ok(())
}

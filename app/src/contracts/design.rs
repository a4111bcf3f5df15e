//! The designer of a sub-service's form and workflow: what the page draws
//! and the service behind it, administrators only.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

use super::requests::SubServiceName;
#[cfg(feature = "ssr")]
use super::session::SessionUser;
use crate::domain::catalogue::form::Fields;
#[cfg(feature = "ssr")]
use crate::errors::AppError;

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

/// The designer of sub-services' forms and workflows, for administrators
/// only; each method checks that itself.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait FormDesigns: Send + Sync {
    /// The designer of one sub-service: the unfinished draft with its
    /// problems, or else the latest versions written out as rows.
    async fn designer(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<DesignPage, AppError>;
    /// Keeps the rows as typed after `change`; with `publish`, reads and
    /// checks them and adds the next form and workflow versions, giving the
    /// new form version's number.
    async fn save(
        &self,
        who: &SessionUser,
        target: DesignTarget,
        rows: Fields,
        change: crate::domain::design::Change,
        publish: bool,
    ) -> Result<Option<i32>, AppError>;
    /// Throws the unpublished draft away, back to the latest versions.
    async fn discard(&self, who: &SessionUser, target: DesignTarget) -> Result<(), AppError>;
}

/// The designer handle server functions take from context.
#[cfg(feature = "ssr")]
pub type FormDesignsHandle = Arc<dyn FormDesigns>;

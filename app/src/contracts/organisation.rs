//! The organisation as the desk status reads it: counts of its parts.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use chrono::{DateTime, Utc};

#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// Counts that show the organisation is loaded and the database answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationSummary {
    /// Provincial companies under the national organisation.
    pub provinces: u64,
    /// Units and specialty domains in all provinces.
    pub units: u64,
    /// Posts defined in those units.
    pub posts: u64,
    /// When the database answered.
    pub checked_at: DateTime<Utc>,
}

/// Read access to the organisation tree.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait OrganisationDirectory: Send + Sync {
    /// Counts of the organisation's parts, straight from the database.
    async fn summary(&self) -> Result<OrganisationSummary, AppError>;
}

/// The backend handle server functions take from context.
#[cfg(feature = "ssr")]
pub type Directory = Arc<dyn OrganisationDirectory>;

//! Public tracking by tracking code and national id: no names of staff,
//! only the units that hold the request and the dates of each step.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// A request as its applicant may follow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingView {
    /// As printed on the receipt: `XXXX-XXXXC`.
    pub tracking_code: String,
    /// `draft`, `in_progress`, `with_applicant`, `approved`, `rejected`
    /// (refused) or `withdrawn`.
    pub status: String,
    /// The service's title.
    pub service: Option<String>,
    /// The unit holding it now, in Persian and English; none when it is
    /// with the applicant or finished.
    pub unit_fa: Option<String>,
    pub unit_en: Option<String>,
    /// When it was first sent.
    pub received_at: Option<DateTime<Utc>>,
    /// When an answer is promised, counted in working days; none while it
    /// is with the applicant or finished.
    pub promised_at: Option<DateTime<Utc>>,
    /// What happened, oldest first.
    pub events: Vec<TrackedEvent>,
}

/// One step done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedEvent {
    /// Identity: `submitted`, `resubmitted`, `approved` or `rejected`; a
    /// service: a workflow event (`EventKind`).
    pub action: String,
    pub at: DateTime<Utc>,
}

/// Public tracking by tracking code and national id.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait Tracking: Send + Sync {
    /// Checks the pair and gives the formatted code with a signed,
    /// short-lived token for its page. Every wrong pair gets the same
    /// answer; `client` is the caller's address, for rate limiting.
    async fn find(&self, tracking_code: &str, national_id: &str, client: &str) -> Result<(String, String), AppError>;
    /// The request's progress, for a valid token.
    async fn view(&self, tracking_code: &str, token: &str) -> Result<TrackingView, AppError>;
}

/// The tracking handle server functions take from context.
#[cfg(feature = "ssr")]
pub type TrackingHandle = Arc<dyn Tracking>;

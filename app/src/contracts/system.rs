//! Public facts about the running service desk: how the installation runs
//! (provided by the server as a context value) and the home page's status.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How this installation runs, for what every page must say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// Demo installations say so on every page.
    pub demo: bool,
}

/// What the home page's status card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskStatus {
    /// Provincial companies loaded.
    pub provinces: u64,
    /// Units and specialty domains loaded.
    pub units: u64,
    /// Posts defined.
    pub posts: u64,
    /// When the database answered.
    pub checked_at: DateTime<Utc>,
}

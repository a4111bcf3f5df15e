//! The cartable of every signed-in person: what its page asks for and
//! receives, and the service behind it.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::SessionUser;
use crate::domain::workflow::machine::Folder;
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// The search and filters, as the page's GET form posts them: every field
/// a string, so a shared address reads back exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartableQuery {
    /// `awaiting`, `in_progress` or `finished`; empty for all three.
    #[serde(default)]
    pub folder: String,
    /// A tracking code, a national id, or part of the applicant's name.
    #[serde(default)]
    pub q: String,
    /// A catalogue service's id; empty for every kind of request.
    #[serde(default)]
    pub service: String,
    /// `overdue` for requests past their promised date only.
    #[serde(default)]
    pub overdue: String,
    /// Sent on or after this Jalali day (`۱۴۰۵/۰۹/۰۱`).
    #[serde(default)]
    pub from: String,
    /// Sent on or before this Jalali day.
    #[serde(default)]
    pub to: String,
    /// `oldest` for oldest first; newest first otherwise.
    #[serde(default)]
    pub sort: String,
    /// Where the page starts: the cursor of the previous page's last row.
    #[serde(default)]
    pub after: String,
}

impl CartableQuery {
    /// The folder asked for, if one is.
    pub fn folder(&self) -> Option<Folder> {
        Folder::parse(&self.folder)
    }

    /// The query's address, for links that keep the search and filters.
    pub fn to_query_string(&self) -> String {
        let pairs = [
            ("folder", &self.folder),
            ("q", &self.q),
            ("service", &self.service),
            ("overdue", &self.overdue),
            ("from", &self.from),
            ("to", &self.to),
            ("sort", &self.sort),
            ("after", &self.after),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::domain::normalize::percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// One row with the seed's columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartableRow {
    /// The request's id.
    pub id: i32,
    /// Requester.
    pub requester: String,
    /// Request number (tracking code).
    pub tracking_code: String,
    /// Date sent, in Persian.
    pub date: String,
    /// Waiting time since the last change, in Persian.
    pub waiting: String,
    /// Whose cartable it is in now.
    pub holder: String,
    /// The workflow's name (the service, or identity verification).
    pub workflow: String,
    /// Where it stands, in Persian.
    pub status: String,
    /// Past its promised date while staff hold it.
    pub overdue: bool,
    /// Where the viewer acts on it or reads its report.
    pub link: String,
}

/// One folder's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartableFolder {
    /// Which folder.
    pub folder: Folder,
    /// How many requests match in all, across pages.
    pub total: u64,
    /// This page's rows.
    pub rows: Vec<CartableRow>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
}

/// A service to filter by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceOption {
    /// Its id.
    pub id: i32,
    /// Its title.
    pub title: String,
}

/// The cartable as the page draws it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartablePage {
    /// The folders shown: all three, or the one asked for.
    pub folders: Vec<CartableFolder>,
    /// Services with requests on forms, for the filter.
    pub services: Vec<ServiceOption>,
    /// A filter that did not read (`from`, `to`), with its message.
    pub problem: Option<(String, String)>,
}

/// The cartable of every signed-in person.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait Cartables: Send + Sync {
    /// The folders and rows `query` asks for, of requests `who` may see.
    async fn page(&self, who: &SessionUser, query: &CartableQuery) -> Result<CartablePage, AppError>;
}

/// The cartable handle server functions take from context.
#[cfg(feature = "ssr")]
pub type CartablesHandle = Arc<dyn Cartables>;

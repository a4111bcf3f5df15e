//! The public service catalogue, the permit register and their editor:
//! what the pages receive and the service behind them.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::SessionUser;
use crate::domain::catalogue::{card::ServiceCard, form::Fields, permit::PermitCard};
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// The catalogue's search and filters, as they appear in its URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// Words to find, typed any way.
    #[serde(default)]
    pub q: String,
    /// A `ServiceKind` stored name, or empty for every kind.
    #[serde(default)]
    pub kind: String,
    /// A `Level` stored name.
    #[serde(default)]
    pub level: String,
    /// A `LifeEvent` stored name.
    #[serde(default)]
    pub event: String,
    /// A provider's name as listed.
    #[serde(default)]
    pub provider: String,
    /// Only services whose every stage is electronic.
    #[serde(default)]
    pub electronic: bool,
}

/// One service in the catalogue's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: i32,
    pub title: String,
    pub provider: String,
    /// Stored names of the kind and level.
    pub kind: String,
    pub level: String,
    pub fully_electronic: bool,
    /// The description's first sentences.
    pub excerpt: String,
    /// How many sub-services it has.
    pub sub_services: usize,
}

/// The catalogue: what was found and the providers to filter by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CataloguePage {
    pub services: Vec<ServiceSummary>,
    pub providers: Vec<String>,
}

/// A link to a permit or a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardLink {
    pub id: i32,
    pub title: String,
}

/// A service's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePage {
    pub id: i32,
    pub card: ServiceCard,
    /// False only when an administrator previews a draft.
    pub published: bool,
    pub updated_at: DateTime<Utc>,
    /// The permits this service issues.
    pub permits: Vec<CardLink>,
    /// Codes of the sub-services that can be filed online.
    pub online: Vec<String>,
}

/// One permit in the register's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitSummary {
    pub id: i32,
    pub title: String,
    pub issuer: String,
    /// Stored names of the kinds of application handled.
    pub kinds: Vec<String>,
    pub service: Option<CardLink>,
}

/// A permit's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitPage {
    pub id: i32,
    /// False only when an administrator previews a draft.
    pub published: bool,
    pub card: PermitCard,
    pub service: Option<CardLink>,
    pub updated_at: DateTime<Utc>,
}

/// Which of the two registers an administrator edits: the same editor,
/// history and publishing serve service cards and permit cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    #[default]
    Service,
    Permit,
}

impl CardKind {
    /// As posted by the editor's form.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "service" => Some(Self::Service),
            "permit" => Some(Self::Permit),
            _ => None,
        }
    }

    /// The stored and posted name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Service => "service",
            Self::Permit => "permit",
        }
    }

    /// Where administrators list and edit cards of this kind.
    pub fn admin_path(self) -> &'static str {
        match self {
            Self::Service => "/admin/services",
            Self::Permit => "/admin/permits",
        }
    }

    /// Where the public reads them.
    pub fn public_path(self) -> &'static str {
        match self {
            Self::Service => "/catalogue",
            Self::Permit => "/permits",
        }
    }
}

/// One card in the administrators' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCardRow {
    pub id: i32,
    pub title: String,
    pub published: bool,
    pub revision: i32,
    pub updated_at: DateTime<Utc>,
    /// An edit was refused and waits to be corrected.
    pub pending: bool,
}

/// One entry of a card's change history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub revision: i32,
    /// created, edited, published or unpublished.
    pub action: String,
    /// Who, by name; empty for the installation's own seed data.
    pub by: String,
    pub at: DateTime<Utc>,
    /// The fields that changed from the version before, by name.
    pub changed: Vec<String>,
}

/// The editor of a service or permit card: the fields to show (the last refused edit, or the card) with
/// the problems of a refused edit beside them, and the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardEditor {
    pub kind: CardKind,
    pub id: i32,
    pub fields: Fields,
    /// `(field, message)` for each problem of the refused edit.
    pub problems: Vec<(String, String)>,
    pub published: bool,
    pub revision: i32,
    /// The fields shown are an unsaved edit (refused, or made on an older
    /// version), not the saved card.
    pub pending: bool,
    pub history: Vec<RevisionView>,
    /// The services a permit may name as its issuer (empty for services).
    pub services: Vec<CardLink>,
}

/// The public catalogue, the permit register and their editor.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait Catalogue: Send + Sync {
    /// Published services matching a search and filters.
    async fn search(&self, query: &CatalogueQuery) -> Result<CataloguePage, AppError>;
    /// A service's page: published ones for anyone, drafts for administrators.
    async fn service(&self, viewer: Option<&SessionUser>, id: i32) -> Result<ServicePage, AppError>;
    /// Published permits matching a search.
    async fn permits(&self, query: &str) -> Result<Vec<PermitSummary>, AppError>;
    /// A permit's page: published ones for anyone, drafts for administrators.
    async fn permit(&self, viewer: Option<&SessionUser>, id: i32) -> Result<PermitPage, AppError>;
    /// Every card of a register, drafts included. Administrators only.
    async fn admin_list(&self, who: &SessionUser, kind: CardKind) -> Result<Vec<AdminCardRow>, AppError>;
    /// A card's editor. Administrators only.
    async fn editor(&self, who: &SessionUser, kind: CardKind, id: i32) -> Result<CardEditor, AppError>;
    /// Starts a new, unpublished card and gives its id. Administrators only.
    async fn create(&self, who: &SessionUser, kind: CardKind) -> Result<i32, AppError>;
    /// Saves an edit: a valid card becomes the next revision; an invalid
    /// one is kept as it was typed and its problems returned.
    async fn save(&self, who: &SessionUser, kind: CardKind, id: i32, fields: Fields) -> Result<(), AppError>;
    /// Throws away a refused edit.
    async fn discard(&self, who: &SessionUser, kind: CardKind, id: i32) -> Result<(), AppError>;
    /// Publishes (only a complete card) or withdraws a card.
    async fn set_published(&self, who: &SessionUser, kind: CardKind, id: i32, published: bool) -> Result<(), AppError>;
}

/// The catalogue handle server functions take from context.
#[cfg(feature = "ssr")]
pub type CatalogueHandle = Arc<dyn Catalogue>;

//! The one state every handler and server function reaches.

use std::sync::Arc;

use app::contracts::{AccountsHandle, Directory};
use app::serverfns::system::SiteInfo;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::accounts::SeaOrmAccounts;
use crate::config::Config;
use crate::directory::SeaOrmDirectory;

/// Shared, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// Where the site's files are and how Leptos renders.
    pub leptos: LeptosOptions,
    /// The database pool.
    pub db: DatabaseConnection,
    /// The configuration read at start-up.
    pub config: Arc<Config>,
    /// The organisation directory contract.
    pub directory: Directory,
    /// Signing in and sessions.
    pub accounts: AccountsHandle,
}

impl AppState {
    /// Wires the backend implementations of `app`'s contracts.
    pub fn new(config: Config, db: DatabaseConnection, leptos: LeptosOptions) -> Self {
        Self {
            leptos,
            directory: Arc::new(SeaOrmDirectory::new(db.clone())),
            accounts: Arc::new(SeaOrmAccounts::new(db.clone())),
            db,
            config: Arc::new(config),
        }
    }

    /// Puts the contracts into the Leptos context of one request, for the
    /// server functions and pages rendered while answering it.
    pub fn provide_contracts(&self) {
        leptos::prelude::provide_context(self.directory.clone());
        leptos::prelude::provide_context(self.accounts.clone());
        leptos::prelude::provide_context(SiteInfo {
            demo: self.config.mode.is_demo(),
        });
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

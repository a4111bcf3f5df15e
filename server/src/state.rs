//! The one state every handler and server function reaches.

use std::sync::Arc;

use app::contracts::accounts::AccountsHandle;
use app::contracts::dev::DemoInboxHandle;

use app::contracts::organisation::Directory;
use app::contracts::registration::RegistrationHandle;

use app::contracts::second_factor::SecondFactorHandle;
use app::contracts::system::SiteInfo;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::accounts::SeaOrmAccounts;
use crate::config::Config;
use crate::directory::SeaOrmDirectory;
use crate::messages::demo_inbox::SeaOrmDemoInbox;
use crate::registration::SeaOrmRegistration;
use crate::storage::LocalFiles;

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
    /// Sign-up, activation and password reset.
    pub registration: RegistrationHandle,
    /// Staff administration.
    pub staff_admin: app::contracts::admin::StaffAdminHandle,
    /// The staff's second factor.
    pub second_factor: SecondFactorHandle,
    /// The service catalogue and permit register.
    pub catalogue: app::contracts::catalogue::CatalogueHandle,
    /// The organisation tree and its posts.
    pub organisation: app::contracts::admin::OrganisationAdminHandle,
    /// Public tracking by tracking code and national id.
    pub tracking: app::contracts::tracking::TrackingHandle,
    /// Requests for catalogue sub-services.
    pub requests: app::contracts::requests::RequestDeskHandle,
    /// The designer of sub-services' forms and workflows.
    pub designs: app::contracts::design::FormDesignsHandle,
    /// Everyone's cartable.
    pub cartables: app::contracts::cartable::CartablesHandle,
    /// Uploaded documents.
    pub files: LocalFiles,
    /// The outbox and captcha answers on `/dev/messages`; demo mode only.
    pub demo_inbox: Option<DemoInboxHandle>,
}

impl AppState {
    /// Wires the backend implementations of `app`'s contracts.
    pub fn new(config: Config, db: DatabaseConnection, leptos: LeptosOptions) -> Self {
        let base_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", config.site_addr));
        let registration = Arc::new(SeaOrmRegistration::new(db.clone(), &base_url));
        let demo_inbox: Option<DemoInboxHandle> = config
            .mode
            .is_demo()
            .then(|| Arc::new(SeaOrmDemoInbox::new(db.clone())) as DemoInboxHandle);
        let mut holidays = app::domain::working_days::solar_holidays(1400..=1430);
        holidays.extend(config.holidays.iter().copied());
        let files = LocalFiles::new(config.data_dir.join("uploads"), config.upload_max_bytes);
        let calendar = app::domain::working_days::WorkingCalendar::iranian(holidays);
        let requests = Arc::new(crate::requests::SeaOrmRequests::new(
            db.clone(),
            files.clone(),
            calendar.clone(),
        ));
        Self {
            leptos,
            staff_admin: Arc::new(crate::staff_admin::SeaOrmStaffAdmin::new(db.clone(), &base_url)),
            catalogue: Arc::new(crate::catalogue::SeaOrmCatalogue::new(db.clone())),
            organisation: Arc::new(crate::organisation_admin::SeaOrmOrganisationAdmin::new(db.clone())),
            second_factor: Arc::new(crate::second_factor::SeaOrmSecondFactor::new(db.clone())),
            tracking: Arc::new(crate::tracking::SeaOrmTracking::new(
                db.clone(),
                config.secret.as_ref().map(|s| s.expose()),
            )),
            requests,
            designs: Arc::new(crate::design::SeaOrmFormDesigns::new(db.clone())),
            cartables: Arc::new(crate::cartable::SeaOrmCartable::new(db.clone())),
            files,
            directory: Arc::new(SeaOrmDirectory::new(db.clone())),
            accounts: Arc::new(SeaOrmAccounts::new(db.clone()).resending_through(registration.clone())),
            registration,
            demo_inbox,
            db,
            config: Arc::new(config),
        }
    }

    /// Puts the contracts into the Leptos context of one request, for the
    /// server functions and pages rendered while answering it.
    pub fn provide_contracts(&self) {
        leptos::prelude::provide_context(self.directory.clone());
        leptos::prelude::provide_context(self.accounts.clone());
        leptos::prelude::provide_context(self.registration.clone());
        leptos::prelude::provide_context(self.second_factor.clone());
        leptos::prelude::provide_context(self.staff_admin.clone());
        leptos::prelude::provide_context(self.catalogue.clone());
        leptos::prelude::provide_context(self.organisation.clone());
        leptos::prelude::provide_context(self.tracking.clone());
        leptos::prelude::provide_context(self.requests.clone());
        leptos::prelude::provide_context(self.cartables.clone());
        leptos::prelude::provide_context(self.designs.clone());
        if let Some(inbox) = &self.demo_inbox {
            leptos::prelude::provide_context(inbox.clone());
        }
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

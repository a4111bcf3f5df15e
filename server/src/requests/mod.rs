//! Requests for catalogue sub-services, filed on the sub-service's current
//! form and carried along its workflow by [`app::domain::workflow::machine`].
//! A request keeps the form and workflow versions it was filed with; its
//! status lives in columns (status, step, referral, return reason) so the
//! cartable can find it by index, and every change is one conditional update
//! on the revision the actor saw, so of two people acting at once one wins.

mod acting;
mod describe;
mod filing;
pub use filing::MAX_OPEN_DRAFTS;
pub use uploads::MAX_STORED_BYTES;
pub mod identity;
pub mod overdue;
pub(crate) mod places;
mod reading;
pub(crate) mod store;
mod texts;
mod uploads;
pub mod versions;

use app::contracts::requests::{Application, Case, FormPage, Notice, SubServiceName};
use app::contracts::requests::{ByteStream, Draft, RequestDesk};
use app::contracts::session::SessionUser;
use app::domain::workflow::machine::Command;
use app::domain::working_days::WorkingCalendar;
use app::errors::AppError;
use async_trait::async_trait;
use sea_orm::DatabaseConnection;

use crate::storage::LocalFiles;

/// The `kind` of requests filed on a catalogue sub-service.
pub const KIND: &str = "service";

/// Requests over sea-orm, files on `files`, promises on `calendar`.
pub struct SeaOrmRequests {
    db: DatabaseConnection,
    files: LocalFiles,
    calendar: WorkingCalendar,
}

impl SeaOrmRequests {
    /// The desk over `db`.
    pub fn new(db: DatabaseConnection, files: LocalFiles, calendar: WorkingCalendar) -> Self {
        Self { db, files, calendar }
    }
}

#[async_trait]
impl RequestDesk for SeaOrmRequests {
    async fn notice(&self, number: &str) -> Result<Option<Notice>, AppError> {
        reading::notice(&self.db, number).await
    }

    async fn offered(&self) -> Result<Vec<SubServiceName>, AppError> {
        filing::offered(&self.db).await
    }

    async fn new_form(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<FormPage, AppError> {
        filing::new_form(&self.db, who, service_id, sub_code).await
    }

    async fn start(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<i32, AppError> {
        filing::start(&self.db, who, service_id, sub_code).await
    }

    async fn upload(
        &self,
        who: &SessionUser,
        request_id: i32,
        slot: &str,
        file_name: &str,
        body: ByteStream,
    ) -> Result<(), AppError> {
        uploads::upload(&self.db, &self.files, who, request_id, slot, file_name, body).await
    }

    async fn remove_file(&self, who: &SessionUser, request_id: i32, file_id: i32) -> Result<(), AppError> {
        uploads::remove_file(&self.db, &self.files, who, request_id, file_id).await
    }

    async fn save(&self, who: &SessionUser, draft: Draft, send: bool) -> Result<(), AppError> {
        filing::save(&self.db, &self.calendar, who, draft, send).await
    }

    async fn application(&self, who: &SessionUser, request_id: i32) -> Result<Application, AppError> {
        reading::application(&self.db, &self.calendar, who, request_id).await
    }

    async fn case(&self, who: &SessionUser, request_id: i32) -> Result<Case, AppError> {
        reading::case(&self.db, &self.calendar, who, request_id).await
    }

    async fn act(&self, who: &SessionUser, request_id: i32, revision: i32, command: Command) -> Result<(), AppError> {
        acting::act(&self.db, &self.calendar, who, request_id, revision, command).await
    }
}

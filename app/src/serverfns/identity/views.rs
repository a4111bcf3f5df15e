//! What identity pages receive: read models, never entities.

use serde::{Deserialize, Serialize};

use crate::domain::identity::IdentityForm;

/// A document attached to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    /// Its id; the file is served at `/files/{id}` to those allowed.
    pub id: i32,
    /// The upload slot.
    pub slot: String,
    /// The name the applicant's file had.
    pub name: String,
    /// `image/jpeg`, `image/png` or `application/pdf`, decided from the content.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
}

/// One step of the workflow as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    /// The activity, in Persian.
    pub activity: String,
    /// When, in Persian (Jalali, Tehran time).
    pub at: String,
    /// Who did it.
    pub by: String,
    /// The reason given, for a rejection.
    pub note: Option<String>,
}

/// An identity verification request with everything its pages show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityRequest {
    /// Its id.
    pub id: i32,
    /// The tracking code given at once.
    pub tracking_code: String,
    /// `draft`, `submitted`, `rejected` or `approved`.
    pub status: String,
    /// Grows with every change; a decision names the revision it was made on.
    pub revision: i32,
    /// The applicant's name.
    pub applicant: String,
    /// The form as saved.
    pub form: IdentityForm,
    /// The documents.
    pub files: Vec<FileView>,
    /// Every action, oldest first.
    pub history: Vec<EventView>,
    /// The reason of the last rejection, while it is back with the applicant.
    pub rejection: Option<String>,
}

/// A province the applicant can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceOption {
    /// The unit code posted with the form.
    pub code: String,
    /// Its Persian name.
    pub name: String,
}

/// The applicant's form page: their request, the provinces and the limits
/// on documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityPage {
    /// The request, created as an empty draft on first visit.
    pub request: IdentityRequest,
    /// Provinces to choose from.
    pub provinces: Vec<ProvinceOption>,
    /// What one document may be, shown in the hint and checked in the
    /// browser before a large file is sent for nothing.
    pub limits: UploadLimits,
}

/// The configured limits on documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadLimits {
    /// The largest file, in bytes.
    pub max_bytes: u64,
    /// How many files one slot holds.
    pub files_per_slot: u64,
}

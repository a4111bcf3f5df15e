//! Requests for catalogue sub-services: what request pages receive (read
//! models, never entities; the form's definition travels with the typed
//! values so the same page draws a new request, a draft, a returned request
//! and the staff's report), the decision notice, and the request desk.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::SessionUser;
use crate::domain::catalogue::form::Fields;
use crate::domain::request_form::FormDefinition;
#[cfg(feature = "ssr")]
use crate::domain::workflow::machine::Command;
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// The sub-service a request is for, as pages name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubServiceName {
    /// The catalogue service's id.
    pub service_id: i32,
    /// The service's title.
    pub service: String,
    /// The sub-service's code within the service.
    pub sub_code: String,
    /// The sub-service's title.
    pub sub_service: String,
}

/// The form an applicant fills: a new request, a draft, or one sent back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormPage {
    /// The request's id; `None` until the first save creates the draft.
    pub request_id: Option<i32>,
    /// What the request is for.
    pub name: SubServiceName,
    /// The form version the request is filed with.
    pub form_version: i32,
    /// The fields to draw.
    pub form: FormDefinition,
    /// What was typed so far, by posted name.
    pub values: Fields,
    /// Files already attached, by field name in `slot`.
    pub files: Vec<FileView>,
    /// The provincial company that handles the request, by unit code.
    pub province: String,
    /// Provinces to choose from.
    pub provinces: Vec<ProvinceOption>,
    /// What staff asked for, when the request was sent back.
    pub returned: Option<String>,
}

/// Table 3 of the desk guideline: what the applicant keeps as proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The tracking code.
    pub tracking_code: String,
    /// Service and sub-service.
    pub service: String,
    /// The applicant's name.
    pub applicant: String,
    /// The applicant's national id, Persian digits.
    pub national_id: String,
    /// Date received, Jalali.
    pub received_at: String,
    /// Promised response date, Jalali; `None` while it is with the applicant
    /// or once decided.
    pub promised_at: Option<String>,
}

/// Where one step of the workflow stands, for the diagram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepProgress {
    /// The step's title.
    pub title: String,
    /// The responsible unit's name.
    pub unit: String,
    /// The agreed duration, in Persian words.
    pub agreed: String,
    /// `done`, `current` or `to_come`.
    pub state: String,
    /// Office time it took or has taken so far, in Persian words.
    pub took: Option<String>,
    /// Whether it took or is taking longer than agreed.
    pub overdue: bool,
}

/// The applicant's own request: its receipt, where it is, and its form
/// while it can still be changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// Its id.
    pub id: i32,
    /// The tracking code.
    pub tracking_code: String,
    /// What it is for.
    pub name: SubServiceName,
    /// The status in Persian.
    pub status: String,
    /// The receipt, once sent.
    pub receipt: Option<Receipt>,
    /// The form, when the applicant may change and send it.
    pub form: Option<FormPage>,
    /// Everything it said, with each table and file, for reading.
    pub answers: Vec<AnswerView>,
    /// The steps, done, current and to come.
    pub steps: Vec<StepProgress>,
    /// Every action, oldest first.
    pub history: Vec<EventView>,
    /// The decision notice, once decided.
    pub notice: Option<Notice>,
}

/// One answer as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    /// The field's label.
    pub label: String,
    /// What was answered.
    pub value: AnswerText,
}

/// An answer's reading form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerText {
    /// One value, already in Persian (digits, dates, option labels).
    Plain(String),
    /// A table: column labels and the filled rows.
    Table {
        /// Column labels.
        columns: Vec<String>,
        /// Cell text, row by row.
        rows: Vec<Vec<String>>,
    },
    /// Files attached to the field.
    Files(Vec<FileView>),
}

/// A post a request may be referred to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostOption {
    /// The post's code, posted with the referral.
    pub code: String,
    /// Its title with its unit, in Persian.
    pub name: String,
}

/// A request as staff see it: the report (all data, files and comments),
/// the workflow, and what the viewer may do now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Its id.
    pub id: i32,
    /// Grows with every change; an action names the revision it was taken on.
    pub revision: i32,
    /// The receipt's facts: code, service, applicant, national id, dates.
    pub receipt: Receipt,
    /// The status in Persian.
    pub status: String,
    /// The current step's title, if under way.
    pub step: Option<String>,
    /// The post holding it now, in Persian, if staff hold it.
    pub holder: Option<String>,
    /// The province's company handling it.
    pub province: String,
    /// Which form version it was filed with.
    pub form_version: i32,
    /// The answers with their files.
    pub answers: Vec<AnswerView>,
    /// The steps, done, current and to come.
    pub steps: Vec<StepProgress>,
    /// Every action, oldest first, with every comment.
    pub history: Vec<EventView>,
    /// The actions the viewer may take now (`approve`, `refer`…).
    pub actions: Vec<String>,
    /// Posts the viewer may refer it to.
    pub refer_to: Vec<PostOption>,
    /// The decision notice, once decided.
    pub notice: Option<Notice>,
}

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

/// A province the applicant can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceOption {
    /// The unit code posted with the form.
    pub code: String,
    /// Its Persian name.
    pub name: String,
}

/// Table 4 of the desk guideline: the decision notice as it was issued.
/// Stored whole when the decision is taken, so a later change of names or
/// titles never rewrites a notice already given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Its number: the code that verifies it.
    pub number: String,
    /// Its date, Jalali.
    pub date: String,
    /// The request's tracking code.
    pub tracking_code: String,
    /// Service and sub-service.
    pub service: String,
    /// The applicant's full name.
    pub applicant: String,
    /// The applicant's national id, Persian digits.
    pub national_id: String,
    /// Legal basis and the reasoning behind the decision.
    pub reasoning: String,
    /// Whether the request was granted.
    pub granted: bool,
    /// The decision's main content.
    pub content: String,
    /// Where and within how long the applicant may appeal.
    pub appeal: String,
    /// Further notes.
    pub notes: String,
    /// Who issued it.
    pub issuer: String,
    /// The issuer's post.
    pub issuer_post: String,
}

impl Notice {
    /// The notice as the public verification page shows it: the national id
    /// shortened to its first and last digits, since anyone holding the code
    /// may read the page.
    pub fn for_the_public(mut self) -> Notice {
        let digits: Vec<char> = self.national_id.chars().collect();
        if digits.len() > 5 {
            let hidden = "•".repeat(digits.len() - 5);
            let head: String = digits[..3].iter().collect();
            let tail: String = digits[digits.len() - 2..].iter().collect();
            self.national_id = format!("{head}{hidden}{tail}");
        }
        self
    }
}

/// What an applicant's save carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The request.
    pub request_id: i32,
    /// The provincial company chosen, by unit code.
    pub province: String,
    /// Every posted value by name.
    pub fields: Fields,
}

/// An upload's body as it arrives, chunk by chunk.
#[cfg(feature = "ssr")]
pub type ByteStream = std::pin::Pin<Box<dyn futures::Stream<Item = Result<bytes::Bytes, String>> + Send>>;

/// Requests for catalogue sub-services on their defined forms and
/// workflows. Every method checks the caller's rights itself: applicants
/// reach only their own requests, staff only what their posts hold or held.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait RequestDesk: Send + Sync {
    /// A decision notice by its number, for anyone verifying it.
    async fn notice(&self, number: &str) -> Result<Option<Notice>, AppError>;
    /// Published sub-services that have an electronic form.
    async fn offered(&self) -> Result<Vec<SubServiceName>, AppError>;
    /// The empty form of a published sub-service, for a signed-in applicant.
    async fn new_form(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<FormPage, AppError>;
    /// Creates the applicant's draft for a sub-service; gives its id.
    async fn start(&self, who: &SessionUser, service_id: i32, sub_code: &str) -> Result<i32, AppError>;
    /// Streams a file into field `slot` of the applicant's editable request.
    async fn upload(
        &self,
        who: &SessionUser,
        request_id: i32,
        slot: &str,
        file_name: &str,
        body: ByteStream,
    ) -> Result<(), AppError>;
    /// Takes a file off the applicant's editable request.
    async fn remove_file(&self, who: &SessionUser, request_id: i32, file_id: i32) -> Result<(), AppError>;
    /// Saves what the applicant typed; with `send`, checks everything and
    /// sends it (a draft) or sends it back (a returned request).
    async fn save(&self, who: &SessionUser, draft: Draft, send: bool) -> Result<(), AppError>;
    /// The applicant's own request.
    async fn application(&self, who: &SessionUser, request_id: i32) -> Result<Application, AppError>;
    /// A request as staff see it, for staff whose post holds or held it,
    /// and managers and administrators.
    async fn case(&self, who: &SessionUser, request_id: i32) -> Result<Case, AppError>;
    /// A staff action on the revision the actor saw; a later revision means
    /// someone else acted first ([`crate::domain::workflow::machine::Refusal::Superseded`]).
    async fn act(&self, who: &SessionUser, request_id: i32, revision: i32, command: Command) -> Result<(), AppError>;
}

/// The request desk handle server functions take from context.
#[cfg(feature = "ssr")]
pub type RequestDeskHandle = Arc<dyn RequestDesk>;

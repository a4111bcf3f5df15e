//! A request an applicant files; identity verification is the first kind.

use sea_orm::entity::prelude::*;

/// One request. `data` holds the form as JSON; `revision` grows with every
/// change so that two people acting at once cannot both win.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub tracking_code: String,
    pub kind: String,
    #[sea_orm(unique)]
    pub singleton: Option<String>,
    pub applicant_id: i32,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub data: String,
    pub province_id: Option<i32>,
    pub holder_post_id: Option<i32>,
    pub revision: i32,
    pub created_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    /// The catalogue service and sub-service applied for (engine requests).
    pub service_id: Option<i32>,
    pub sub_code: Option<String>,
    /// The form and workflow versions it was filed with.
    pub form_version_id: Option<i32>,
    pub workflow_version_id: Option<i32>,
    /// The workflow step it is at, and since when.
    pub step: Option<i32>,
    pub step_started_at: Option<DateTimeUtc>,
    /// When the answer is promised; kept while it is with the applicant,
    /// whose time then moves it on resubmission.
    pub promised_at: Option<DateTimeUtc>,
    /// Copied from the applicant for cartable search.
    pub applicant_national_id: Option<String>,
    pub applicant_name: Option<String>,
    /// The post a referral hands it to within its step.
    pub referred_post_code: Option<String>,
    /// Why it is with the applicant (`correction`, `documents`).
    pub return_reason: Option<String>,
    /// Since when it has been with the applicant.
    pub paused_at: Option<DateTimeUtc>,
    /// When the final decision was taken.
    pub decided_at: Option<DateTimeUtc>,
    /// The decision notice's code for public verification.
    pub notice_code: Option<String>,
    /// The decision notice as issued (table 4), JSON; never rewritten.
    #[sea_orm(column_type = "Text", nullable)]
    pub notice: Option<String>,
    /// When the current step's agreed duration runs out.
    pub step_due_at: Option<DateTimeUtc>,
    /// When the holder and the manager were told the step is overdue.
    pub overdue_notified_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

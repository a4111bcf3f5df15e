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
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

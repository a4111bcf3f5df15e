//! A numbered version of a sub-service's workflow; rows are only ever added,
//! so a request always finds the version it was filed with.

use sea_orm::entity::prelude::*;

/// One version of the workflow of a sub-service.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workflow_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub service_id: i32,
    pub sub_code: String,
    /// 1 for the first version of this sub-service, then 2, 3…
    pub number: i32,
    /// The definition as JSON.
    #[sea_orm(column_type = "Text")]
    pub definition: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

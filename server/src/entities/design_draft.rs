//! What an administrator typed for the next version of a sub-service's form
//! and workflow, kept as posted until it publishes.

use sea_orm::entity::prelude::*;

/// The designer's draft of one sub-service.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "design_drafts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub service_id: i32,
    pub sub_code: String,
    /// The posted rows as JSON (`field.{i}.{part}`, `step.{i}.{part}`).
    #[sea_orm(column_type = "Text")]
    pub fields: String,
    pub updated_by: Option<i32>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! One step in a request's history; rows are only ever added.

use sea_orm::entity::prelude::*;

/// An action on a request: who did what, when, and why.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "request_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub request_id: i32,
    pub action: String,
    pub actor_id: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub at: DateTimeUtc,
    /// The workflow step's key, for requests on a defined workflow.
    pub step_key: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A saved version of a permit; rows are only ever added.

use sea_orm::entity::prelude::*;

/// The card as it was after one change, who made it and when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "permit_revisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub permit_id: i32,
    pub revision: i32,
    pub action: String,
    #[sea_orm(column_type = "Text")]
    pub card: String,
    pub actor_id: Option<i32>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

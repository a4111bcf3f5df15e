//! A permit of the public register, linked to the service that issues it.

use sea_orm::entity::prelude::*;

/// One permit card (forms 1 and 2 of the register).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "permits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub service_id: Option<i32>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub search_key: String,
    #[sea_orm(column_type = "Text")]
    pub card: String,
    /// The fields of the last refused edit, shown again until corrected.
    #[sea_orm(column_type = "Text", nullable)]
    pub pending: Option<String>,
    pub published: bool,
    /// Grows by one at every saved edit; a save made on an older copy is refused.
    pub revision: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

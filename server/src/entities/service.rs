//! A service of the public catalogue: its card as JSON, and the columns the
//! catalogue filters and sorts on.

use sea_orm::entity::prelude::*;

/// One service and its sub-services.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "services")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub search_key: String,
    pub kind: String,
    pub level: String,
    pub provider: String,
    pub life_events: String,
    pub fully_electronic: bool,
    #[sea_orm(column_type = "Text")]
    pub card: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub pending: Option<String>,
    pub published: bool,
    pub revision: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

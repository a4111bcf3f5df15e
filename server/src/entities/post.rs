//! A post (پست سازمانی) in a unit: what workflow steps name instead of a person.

use sea_orm::entity::prelude::*;

/// One post.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub title_fa: String,
    pub title_en: String,
    /// When the post was retired; it stays for the history that names it.
    pub retired_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

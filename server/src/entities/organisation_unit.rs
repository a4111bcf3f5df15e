//! A node of the organisation tree.

use sea_orm::entity::prelude::*;

/// `national`, `provincial_company` or `unit`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation_units")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub parent_id: Option<i32>,
    pub kind: String,
    #[sea_orm(unique)]
    pub code: String,
    pub name_fa: String,
    pub name_en: String,
    pub created_at: DateTimeUtc,
    /// When the unit closed; it stays for the history that names it.
    pub retired_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The national organisation at the root of the tree.
pub const KIND_NATIONAL: &str = "national";
/// A provincial company under the national organisation.
pub const KIND_PROVINCIAL_COMPANY: &str = "provincial_company";
/// A unit or specialty domain inside a company.
pub const KIND_UNIT: &str = "unit";

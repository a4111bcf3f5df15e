//! A person who can sign in. The password hash stays on the server: this
//! row is never serialised.

use sea_orm::entity::prelude::*;

use super::secret::Secret;

/// One account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub username: String,
    #[sea_orm(unique)]
    pub email: String,
    #[sea_orm(unique)]
    pub mobile: String,
    #[sea_orm(unique)]
    pub national_id: String,
    pub first_name: String,
    pub last_name: String,
    pub password_hash: Secret,
    pub role: String,
    pub is_active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub identity_verified_at: Option<DateTimeUtc>,
    pub totp_secret: Option<Secret>,
    pub totp_enabled_at: Option<DateTimeUtc>,
    pub deactivated_at: Option<DateTimeUtc>,
    /// The 30-second step of the last accepted authenticator code.
    pub totp_last_step: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! Who acted on which request: the cartable's "in progress" and "finished"
//! folders of staff, without reading the history.

use sea_orm::entity::prelude::*;

/// One person's part in one request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "request_participants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub request_id: i32,
    /// The request's date sent, copied so the folder pages by it.
    pub submitted_at: Option<DateTimeUtc>,
    /// Whether the request is decided or withdrawn.
    pub finished: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! Staff and organisation administration, for administrators only: what
//! the pages receive, what their forms post, and the services behind them.

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use async_trait::async_trait;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::SessionUser;
#[cfg(feature = "ssr")]
use crate::errors::AppError;

/// One staff account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    /// The account's id.
    pub id: i32,
    /// The sign-in name.
    pub username: String,
    /// First and last name.
    pub name: String,
    /// The role's stored name.
    pub role: String,
    /// The post held now, as "unit — post".
    pub post: Option<String>,
    /// Whether the account may sign in.
    pub active: bool,
}

/// A post staff can be assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostOption {
    /// The post's id.
    pub id: i32,
    /// "unit — post".
    pub title: String,
}

/// The staff administration page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPage {
    /// Every staff account.
    pub staff: Vec<StaffRow>,
    /// Every post.
    pub posts: Vec<PostOption>,
}

/// Who held a post, from when until when (`None`: still holds it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingView {
    pub name: String,
    pub username: String,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub ended_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A post of a unit with everyone who held it, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostNode {
    pub id: i32,
    pub code: String,
    pub title_fa: String,
    pub title_en: String,
    pub holders: Vec<HoldingView>,
    /// When the post was retired; retired posts take nobody new.
    pub retired_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A unit of the organisation, its posts, and its place in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitNode {
    pub id: i32,
    pub parent_id: Option<i32>,
    /// `national`, `provincial_company` or `unit`.
    pub kind: String,
    pub code: String,
    pub name_fa: String,
    pub name_en: String,
    /// How deep it sits: 0 for the national organisation.
    pub depth: usize,
    pub posts: Vec<PostNode>,
    /// When the unit closed; closed units take no new units or posts.
    pub retired_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl OrganisationTree {
    /// Units still open, for choosing where something goes.
    pub fn open_units(&self) -> impl Iterator<Item = &UnitNode> {
        self.units.iter().filter(|u| u.retired_at.is_none())
    }

    /// Whether `unit` lies under `ancestor` (or is it).
    pub fn is_within(&self, unit: i32, ancestor: i32) -> bool {
        crate::domain::tree::lies_within(unit, ancestor, self.units.len(), |id| {
            self.units.iter().find(|u| u.id == id).and_then(|u| u.parent_id)
        })
    }
}

/// The whole organisation, parents before their children.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationTree {
    pub units: Vec<UnitNode>,
}

/// A staff account to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaff {
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub mobile: String,
    pub national_id: String,
    /// A staff role's stored name.
    pub role: String,
    /// The post they take up.
    pub post_id: i32,
}

/// A unit an administrator adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// The unit it belongs under.
    pub parent_id: i32,
    /// `provincial_company` or `unit`.
    pub kind: String,
    /// A short Latin code, unique (`tehran.water`).
    pub code: String,
    pub name_fa: String,
    pub name_en: String,
}

/// A unit's or post's new names and place: the parent unit of a unit, or
/// the unit of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The unit or post changed.
    pub id: i32,
    /// Where it now belongs (ignored for the national organisation).
    pub under: i32,
    pub name_fa: String,
    pub name_en: String,
}

/// Staff administration; administrators only.
#[cfg(feature = "ssr")]
#[async_trait]
pub trait StaffAdmin: Send + Sync {
    /// Every staff account and post.
    async fn list(&self, who: &SessionUser) -> Result<StaffPage, AppError>;
    /// Creates a staff account in a post and sends them a link to set a password.
    async fn create(&self, who: &SessionUser, staff: NewStaff) -> Result<(), AppError>;
    /// Moves a staff member to another post, closing the one they held.
    async fn assign(&self, who: &SessionUser, user_id: i32, post_id: i32) -> Result<(), AppError>;
    /// Deactivates (ending every session) or reactivates a staff account.
    async fn set_active(&self, who: &SessionUser, user_id: i32, active: bool) -> Result<(), AppError>;
    /// Gives a staff member another staff role, ending their sessions so
    /// the new rights start from a fresh sign-in with the second factor.
    async fn set_role(&self, who: &SessionUser, user_id: i32, role: &str) -> Result<(), AppError>;
}

/// The staff administration handle server functions take from context.
#[cfg(feature = "ssr")]
pub type StaffAdminHandle = Arc<dyn StaffAdmin>;

/// The organisation tree and its posts; administrators only. Who holds a
/// post is changed on the staff page ([`StaffAdmin::assign`]).
#[cfg(feature = "ssr")]
#[async_trait]
pub trait OrganisationAdmin: Send + Sync {
    /// Every unit, its posts and their holders, parents first.
    async fn tree(&self, who: &SessionUser) -> Result<OrganisationTree, AppError>;
    /// Adds a unit under another.
    async fn add_unit(&self, who: &SessionUser, unit: NewUnit) -> Result<(), AppError>;
    /// Adds a post to a unit.
    async fn add_post(
        &self,
        who: &SessionUser,
        unit_id: i32,
        code: &str,
        title_fa: &str,
        title_en: &str,
    ) -> Result<(), AppError>;
    /// Renames a unit or moves it under another; the tree's rules hold.
    async fn change_unit(&self, who: &SessionUser, change: Placement) -> Result<(), AppError>;
    /// Closes a unit that has no open units or posts left under it.
    async fn retire_unit(&self, who: &SessionUser, unit_id: i32) -> Result<(), AppError>;
    /// Renames a post or moves it to another unit; its holders go with it.
    async fn change_post(&self, who: &SessionUser, change: Placement) -> Result<(), AppError>;
    /// Closes a post nobody holds.
    async fn retire_post(&self, who: &SessionUser, post_id: i32) -> Result<(), AppError>;
}

/// The organisation administration handle server functions take from context.
#[cfg(feature = "ssr")]
pub type OrganisationAdminHandle = Arc<dyn OrganisationAdmin>;

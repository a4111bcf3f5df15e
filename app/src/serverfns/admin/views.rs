//! What the staff administration page receives.

use serde::{Deserialize, Serialize};

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

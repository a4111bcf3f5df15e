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

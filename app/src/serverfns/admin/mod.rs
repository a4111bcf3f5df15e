//! Administration: staff accounts, their posts and roles.

mod organisation;
mod staff;
mod views;

pub use organisation::{AddPost, AddUnit, LoadOrganisation, add_post, add_unit, load_organisation};
pub use staff::{
    AssignPost, CreateStaff, LoadStaff, SetStaffActive, SetStaffRole, assign_post, create_staff, load_staff,
    set_staff_active, set_staff_role,
};
pub use views::{HoldingView, OrganisationTree, PostNode, PostOption, StaffPage, StaffRow, UnitNode};

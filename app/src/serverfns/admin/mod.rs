//! Administration: staff accounts, their posts and roles.

mod organisation;
mod staff;

pub use crate::contracts::admin::{HoldingView, OrganisationTree, PostNode, PostOption, StaffPage, StaffRow, UnitNode};
pub use organisation::{
    AddPost, AddUnit, ChangePost, ChangeUnit, LoadOrganisation, RetirePost, RetireUnit, add_post, add_unit,
    change_post, change_unit, load_organisation, retire_post, retire_unit,
};
pub use staff::{
    AssignPost, CreateStaff, LoadStaff, SetStaffActive, SetStaffRole, assign_post, create_staff, load_staff,
    set_staff_active, set_staff_role,
};

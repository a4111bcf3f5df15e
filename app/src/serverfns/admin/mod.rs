//! Administration: staff accounts, their posts and roles.

mod staff;
mod views;

pub use staff::{
    AssignPost, CreateStaff, LoadStaff, SetStaffActive, SetStaffRole, assign_post, create_staff, load_staff,
    set_staff_active, set_staff_role,
};
pub use views::{PostOption, StaffPage, StaffRow};

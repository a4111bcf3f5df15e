//! Administration: staff accounts, their posts and roles.

mod staff;
mod views;

pub use staff::{
    AssignPost, CreateStaff, LoadStaff, SetStaffActive, assign_post, create_staff, load_staff, set_staff_active,
};
pub use views::{PostOption, StaffPage, StaffRow};

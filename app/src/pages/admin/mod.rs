//! Administration pages.

pub mod design;
pub mod organisation;
pub mod organisation_edit;
pub mod staff;

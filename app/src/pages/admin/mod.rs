//! Administration pages.

pub mod organisation;
pub mod organisation_edit;
pub mod staff;

//! Administration pages.

pub mod organisation;
pub mod staff;

//! Administration pages.

pub mod staff;

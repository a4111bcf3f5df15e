//! The public service catalogue and permit register, and the
//! administrators' service editor.

pub mod editor;
pub mod labels;
pub mod list;
pub mod permits;
pub mod service;

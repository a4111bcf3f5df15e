//! The applicant's side of a request on a defined form: the empty form,
//! the draft or returned request with its receipt, and the progress
//! components staff pages share.

pub mod application;
pub mod apply;
pub mod fields;
mod form;
mod live;
pub mod progress;
mod sending;

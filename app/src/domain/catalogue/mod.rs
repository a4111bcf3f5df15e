//! The public service catalogue and permit register: the service identity
//! card of the official form, its check boxes, the editor's fields and the
//! search that finds Persian text however it was typed.

pub mod card;
pub mod choices;
pub mod form;
pub mod permit;
pub mod permit_form;
mod reader;
pub mod search;

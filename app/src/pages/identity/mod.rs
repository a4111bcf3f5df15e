//! Identity verification pages: the applicant's form, and the request's
//! report with the desk officer's decision.

mod documents;
pub mod form;
pub mod request;

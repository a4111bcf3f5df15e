//! Identity verification: the applicant's form and documents, the desk
//! officer's review, and the cartable both work from.

mod decide;
mod my_request;
mod review;
mod submit;
mod upload;
mod views;

pub use decide::{DecideIdentity, decide_identity};
pub use my_request::{MyIdentityRequest, my_identity_request};
pub use review::{ReviewIdentity, review_identity};
pub use submit::{IDENTITY_FORM, SubmitIdentity, submit_identity};
pub use upload::{UploadIdentityDocument, upload_identity_document};
pub use views::{EventView, FileView, IdentityPage, IdentityRequest, ProvinceOption, UploadLimits};

//! Requests for catalogue sub-services: the applicant's form and receipt,
//! the staff's report and actions. Each function checks who calls it
//! through the [`crate::contracts::requests::RequestDesk`] it hands the work to.

mod act;
mod file;
mod notice;
mod offered;
mod read;

pub use crate::contracts::requests::Notice;
pub use crate::contracts::requests::{
    AnswerText, AnswerView, Application, Case, EventView, FileView, FormPage, PostOption, ProvinceOption, Receipt,
    StepProgress, SubServiceName,
};
pub use act::{ACT_FORM, ActOnRequest, act_on_request};
pub use file::{FILE_FORM, FileRequest, file_request};
pub use notice::{VerifyNotice, verify_notice};
pub use offered::{OfferedServices, offered_services};
pub use read::{MyApplication, NewRequestForm, OpenCase, my_application, new_request_form, open_case};

//! Domain rules that the browser and the server both run.
//!
//! Nothing here imports Leptos or sea-orm, so the module can be lifted into
//! its own crate unchanged and every rule is unit-tested without HTTP.

pub mod catalogue;
pub mod design;
pub mod digits;
pub mod email;
pub mod jalali;
pub mod mobile;
pub mod national_id;
pub mod normalize;
pub mod password;
pub mod person_name;
pub mod request_form;
pub mod role;
pub mod signup;
pub mod tracking_code;
pub mod tree;
pub mod username;
pub mod workflow;
pub mod working_days;

//! sea-orm entities: the rows as stored. They never cross the wire; server
//! functions return DTOs from `app`.

pub mod audit_entry;
pub mod captcha;
pub mod design_draft;
pub mod form_version;
pub mod one_time_code;
pub mod organisation_unit;
pub mod outbox_message;
pub mod permit;
pub mod permit_revision;
pub mod post;
pub mod post_holding;
pub mod request;
pub mod request_event;
pub mod request_file;
pub mod request_participant;
pub mod secret;
pub mod service;
pub mod service_revision;
pub mod session;
pub mod user;
pub mod workflow_version;

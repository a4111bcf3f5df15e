//! Demo-only helpers: the messages a demo "sends", readable in the browser.

mod messages;

pub use crate::contracts::dev::{DevCaptcha, DevCode, DevMessage, DevMessages};
pub use messages::{DemoMessages, demo_messages};

//! Demo-only helpers: the messages a demo "sends", readable in the browser.

mod messages;

pub use messages::{DemoMessages, DevCaptcha, DevCode, DevMessage, DevMessages, demo_messages};

//! Components shared by several pages, one per file.

pub mod client_status;
pub mod demo_banner;
pub mod field;
pub mod footer;
pub mod header;
pub mod language_switch;
pub mod status_card;
pub mod user_menu;
pub mod when;

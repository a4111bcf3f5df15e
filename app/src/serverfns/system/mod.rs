//! Public facts about the running service desk.

mod desk_status;
mod site_info;

pub use crate::contracts::system::{DeskStatus, SiteInfo};
pub use desk_status::{CheckDeskStatus, check_desk_status};
pub use site_info::{GetSiteInfo, get_site_info};

//! Public facts about the running service desk.

mod desk_status;
mod site_info;

pub use desk_status::{CheckDeskStatus, DeskStatus, check_desk_status};
pub use site_info::{GetSiteInfo, SiteInfo, get_site_info};

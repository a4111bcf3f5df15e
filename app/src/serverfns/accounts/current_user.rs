use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::AppError;

/// Who is looking at the page, as the header and menus need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// First and last name.
    pub display_name: String,
    /// The role's Persian title.
    pub role_title: String,
    /// Staff see the cartable's staff folders; applicants their own requests.
    pub is_staff: bool,
    /// An applicant whose identity is not verified yet sees only the
    /// identity menu; once verified, the e-services menu instead.
    pub needs_identity: bool,
    /// A staff member who has not passed the second factor yet.
    pub needs_second_factor: bool,
    /// Administrators see the staff administration menu.
    pub is_admin: bool,
}

/// The caller's own name and role, or nothing when signed out. It reveals
/// only what the caller's own cookie proves, so anyone may call it.
#[server(endpoint = "accounts/current_user")]
pub async fn current_user() -> Result<Option<Viewer>, AppError> {
    use super::session_cookie;
    use crate::contracts::accounts::AccountsHandle;
    use crate::contracts::contract;
    let Some(token) = session_cookie::read() else {
        return Ok(None);
    };
    let user = contract::<AccountsHandle>()?.session_user(&token).await?;
    Ok(user.map(|u| Viewer {
        display_name: u.display_name,
        role_title: u.role.title_fa().to_owned(),
        is_staff: u.role.is_staff(),
        needs_identity: u.role == crate::domain::role::Role::Applicant && !u.identity_verified,
        needs_second_factor: u.needs_second_factor,
        is_admin: u.role == crate::domain::role::Role::Administrator,
    }))
}

use leptos::prelude::*;

use super::StaffPage;
use crate::errors::AppError;

/// Every staff account and post. Administrators only.
#[server(endpoint = "admin/staff")]
pub async fn load_staff() -> Result<StaffPage, AppError> {
    use crate::contracts::admin::StaffAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<StaffAdminHandle>()?.list(&who).await)
}

/// Creates a staff account in a post; the person sets their own password
/// from the link and code sent to them. Administrators only.
#[server(endpoint = "admin/create_staff")]
pub async fn create_staff(
    username: String,
    first_name: String,
    last_name: String,
    email: String,
    mobile: String,
    national_id: String,
    role: String,
    post_id: i32,
) -> Result<(), AppError> {
    use crate::contracts::admin::{NewStaff, StaffAdminHandle};
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    let staff = NewStaff {
        username,
        first_name,
        last_name,
        email,
        mobile,
        national_id,
        role,
        post_id,
    };
    let post = staff.post_id.to_string();
    crate::serverfns::form_memory::remember(
        "staff",
        &[
            ("role", &staff.role),
            ("post_id", &post),
            ("username", &staff.username),
            ("first_name", &staff.first_name),
            ("last_name", &staff.last_name),
            ("email", &staff.email),
            ("mobile", &staff.mobile),
            ("national_id", &staff.national_id),
        ],
    );
    crate::serverfns::status::with_status(contract::<StaffAdminHandle>()?.create(&who, staff).await)?;
    leptos_axum::redirect("/admin/staff?created=1");
    Ok(())
}

/// Moves a staff member to another post; the post they held is closed, so
/// who held which post when stays on record. Administrators only.
#[server(endpoint = "admin/assign_post")]
pub async fn assign_post(user_id: i32, post_id: i32) -> Result<(), AppError> {
    use crate::contracts::admin::StaffAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<StaffAdminHandle>()?.assign(&who, user_id, post_id).await)?;
    leptos_axum::redirect("/admin/staff?updated=1");
    Ok(())
}

/// Deactivates (ending every session) or reactivates a staff account.
/// Administrators only, and never their own account.
#[server(endpoint = "admin/set_active")]
pub async fn set_staff_active(user_id: i32, active: bool) -> Result<(), AppError> {
    use crate::contracts::admin::StaffAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<StaffAdminHandle>()?.set_active(&who, user_id, active).await)?;
    leptos_axum::redirect("/admin/staff?updated=1");
    Ok(())
}

/// Gives a staff member another staff role; their sessions end so the new
/// rights start from a fresh sign-in. Administrators only, and never their
/// own role, so the last administrator cannot lock everyone out.
#[server(endpoint = "admin/set_role")]
pub async fn set_staff_role(user_id: i32, role: String) -> Result<(), AppError> {
    use crate::contracts::admin::StaffAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<StaffAdminHandle>()?.set_role(&who, user_id, &role).await)?;
    leptos_axum::redirect("/admin/staff?updated=1");
    Ok(())
}

use leptos::prelude::*;

use super::OrganisationTree;
use crate::errors::AppError;

/// The organisation tree with its posts and who held each. Administrators only.
#[server(endpoint = "admin/organisation")]
pub async fn load_organisation() -> Result<OrganisationTree, AppError> {
    use crate::contracts::admin::OrganisationAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<OrganisationAdminHandle>()?.tree(&who).await)
}

/// Adds a unit (a provincial company under the national organisation, or a
/// unit or specialty domain under either). Administrators only.
#[server(endpoint = "admin/add_unit")]
pub async fn add_unit(
    parent_id: i32,
    kind: String,
    code: String,
    name_fa: String,
    name_en: String,
) -> Result<(), AppError> {
    use crate::contracts::admin::{NewUnit, OrganisationAdminHandle};
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    let parent = parent_id.to_string();
    crate::serverfns::form_memory::remember(
        "unit",
        &[
            ("parent_id", &parent),
            ("kind", &kind),
            ("code", &code),
            ("name_fa", &name_fa),
            ("name_en", &name_en),
        ],
    );
    let unit = NewUnit {
        parent_id,
        kind,
        code,
        name_fa,
        name_en,
    };
    crate::serverfns::status::with_status(contract::<OrganisationAdminHandle>()?.add_unit(&who, unit).await)?;
    leptos_axum::redirect("/admin/organisation?added=1");
    Ok(())
}

/// Adds a post to a unit; workflow steps will name it. Administrators only.
#[server(endpoint = "admin/add_post")]
pub async fn add_post(unit_id: i32, code: String, title_fa: String, title_en: String) -> Result<(), AppError> {
    use crate::contracts::admin::OrganisationAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    let unit = unit_id.to_string();
    crate::serverfns::form_memory::remember(
        "post",
        &[
            ("unit_id", &unit),
            ("code", &code),
            ("title_fa", &title_fa),
            ("title_en", &title_en),
        ],
    );
    crate::serverfns::status::with_status(
        contract::<OrganisationAdminHandle>()?
            .add_post(&who, unit_id, &code, &title_fa, &title_en)
            .await,
    )?;
    leptos_axum::redirect("/admin/organisation?added=1");
    Ok(())
}

/// Renames a unit or moves it under another open unit, by the tree's rules.
/// Administrators only.
#[server(endpoint = "admin/change_unit")]
pub async fn change_unit(unit_id: i32, parent_id: i32, name_fa: String, name_en: String) -> Result<(), AppError> {
    use crate::contracts::admin::{OrganisationAdminHandle, Placement};
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::form_memory::remember("unit-change", &[("name_fa", &name_fa), ("name_en", &name_en)]);
    let change = Placement {
        id: unit_id,
        under: parent_id,
        name_fa,
        name_en,
    };
    crate::serverfns::status::with_status(contract::<OrganisationAdminHandle>()?.change_unit(&who, change).await)?;
    leptos_axum::redirect("/admin/organisation?changed=1");
    Ok(())
}

/// Closes a unit with no open units or posts under it; it stays in the
/// history that names it. Administrators only.
#[server(endpoint = "admin/retire_unit")]
pub async fn retire_unit(unit_id: i32) -> Result<(), AppError> {
    use crate::contracts::admin::OrganisationAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<OrganisationAdminHandle>()?.retire_unit(&who, unit_id).await)?;
    leptos_axum::redirect("/admin/organisation?retired=1");
    Ok(())
}

/// Renames a post or moves it to another open unit; whoever holds it keeps
/// it. Administrators only.
#[server(endpoint = "admin/change_post")]
pub async fn change_post(post_id: i32, unit_id: i32, title_fa: String, title_en: String) -> Result<(), AppError> {
    use crate::contracts::admin::{OrganisationAdminHandle, Placement};
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::form_memory::remember("post-change", &[("title_fa", &title_fa), ("title_en", &title_en)]);
    let change = Placement {
        id: post_id,
        under: unit_id,
        name_fa: title_fa,
        name_en: title_en,
    };
    crate::serverfns::status::with_status(contract::<OrganisationAdminHandle>()?.change_post(&who, change).await)?;
    leptos_axum::redirect("/admin/organisation?changed=1");
    Ok(())
}

/// Closes a post nobody holds. Administrators only.
#[server(endpoint = "admin/retire_post")]
pub async fn retire_post(post_id: i32) -> Result<(), AppError> {
    use crate::contracts::admin::OrganisationAdminHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<OrganisationAdminHandle>()?.retire_post(&who, post_id).await)?;
    leptos_axum::redirect("/admin/organisation?retired=1");
    Ok(())
}

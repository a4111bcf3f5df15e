use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::{AdminServiceRow, ServiceEditor};
use crate::errors::AppError;

/// Every service, drafts included. Administrators only.
#[server(endpoint = "catalogue/admin_list")]
pub async fn admin_services() -> Result<Vec<AdminServiceRow>, AppError> {
    use crate::contracts::{CatalogueHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<CatalogueHandle>()?.admin_list(&who).await)
}

/// A service's editor: its fields (or the last refused edit, with its
/// problems) and its change history. Administrators only.
#[server(endpoint = "catalogue/editor")]
pub async fn load_service_editor(id: i32) -> Result<ServiceEditor, AppError> {
    use crate::contracts::{CatalogueHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<CatalogueHandle>()?.editor(&who, id).await)
}

/// Starts a new, unpublished service and opens its editor. Administrators only.
#[server(endpoint = "catalogue/create")]
pub async fn create_service() -> Result<(), AppError> {
    use crate::contracts::{CatalogueHandle, contract, signed_in};
    let who = signed_in().await?;
    let id = crate::errors::with_status(contract::<CatalogueHandle>()?.create(&who).await)?;
    leptos_axum::redirect(&format!("/admin/services/{id}"));
    Ok(())
}

/// Saves the editor's form (`id` and the card's fields, see
/// `domain::catalogue::form`). A complete card becomes the next revision; an
/// incomplete one is kept as typed and comes back with a message beside each
/// wrong field, so nothing typed is lost. Administrators only.
#[server(input = MultipartFormData, endpoint = "catalogue/save")]
pub async fn save_service(data: MultipartData) -> Result<(), AppError> {
    use crate::contracts::{CatalogueHandle, contract, signed_in};
    use crate::domain::catalogue::form::Fields;

    let who = signed_in().await?;
    let catalogue = contract::<CatalogueHandle>()?;
    let outcome = async move {
        // Refused before the body is read: nobody else may make it work.
        if who.role != crate::domain::role::Role::Administrator {
            return Err(AppError::Forbidden);
        }
        let mut multipart = data.into_inner().ok_or(AppError::Transport)?;
        let mut fields = Fields::new();
        let (mut total, mut parts) = (0usize, 0usize);
        while let Some(field) = multipart.next_field().await.map_err(|_| AppError::Transport)? {
            let name = field.name().unwrap_or_default().to_owned();
            let value = crate::serverfns::multipart::text_field(field, 64 * 1024).await?;
            // The largest card is a few tens of kilobytes in a few hundred parts.
            total += name.len() + value.len();
            parts += 1;
            if total > 256 * 1024 || parts > 3000 {
                return Err(AppError::invalid("form", "فرم بیش از اندازه بزرگ است"));
            }
            fields.entry(name).or_default().push(value);
        }
        let id = fields
            .remove("id")
            .and_then(|v| v.first().and_then(|id| id.parse::<i32>().ok()))
            .ok_or(AppError::Transport)?;
        let saved = catalogue.save(&who, id, fields).await;
        // The editor is a plain form in both modes: every outcome it can
        // show goes back to it by a redirect.
        if crate::serverfns::form_memory::is_plain_form_post() {
            let outcome = match &saved {
                Ok(()) => Some("saved"),
                Err(AppError::Fields(_)) => Some("problems"),
                Err(AppError::Invalid { field, .. }) if field == "form" => Some("conflict"),
                Err(_) => None,
            };
            if let Some(outcome) = outcome {
                leptos_axum::redirect(&format!("/admin/services/{id}?{outcome}=1"));
                return Ok(());
            }
        }
        saved
    }
    .await;
    crate::errors::with_status(outcome)
}

/// Throws away a refused edit, showing the saved card again. Administrators only.
#[server(endpoint = "catalogue/discard")]
pub async fn discard_service_edit(id: i32) -> Result<(), AppError> {
    use crate::contracts::{CatalogueHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<CatalogueHandle>()?.discard(&who, id).await)?;
    leptos_axum::redirect(&format!("/admin/services/{id}"));
    Ok(())
}

/// Publishes (only a complete card) or withdraws a service. Administrators only.
#[server(endpoint = "catalogue/publish")]
pub async fn publish_service(id: i32, published: bool) -> Result<(), AppError> {
    use crate::contracts::{CatalogueHandle, contract, signed_in};
    let who = signed_in().await?;
    crate::errors::with_status(contract::<CatalogueHandle>()?.set_published(&who, id, published).await)?;
    leptos_axum::redirect(&format!("/admin/services/{id}?published={published}"));
    Ok(())
}

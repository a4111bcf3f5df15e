//! The administrators' editor of service cards and permit cards: one set of
//! functions for both registers, told apart by [`CardKind`].

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::{AdminCardRow, CardEditor, CardKind};
use crate::errors::AppError;

/// Every card of a register, drafts included. Administrators only.
#[server(endpoint = "catalogue/admin_list")]
pub async fn admin_cards(kind: CardKind) -> Result<Vec<AdminCardRow>, AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.admin_list(&who, kind).await)
}

/// A card's editor: its fields (or the last refused edit, with its
/// problems) and its change history. Administrators only.
#[server(endpoint = "catalogue/editor")]
pub async fn load_card_editor(kind: CardKind, id: i32) -> Result<CardEditor, AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.editor(&who, kind, id).await)
}

/// Starts a new, unpublished card and opens its editor. Administrators only.
#[server(endpoint = "catalogue/create")]
pub async fn create_card(kind: CardKind) -> Result<(), AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    let id = crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.create(&who, kind).await)?;
    leptos_axum::redirect(&format!("{}/{id}", kind.admin_path()));
    Ok(())
}

/// Saves the editor's form (`card`, `id`, `revision` and the card's fields,
/// see `domain::catalogue::form` and `permit_form`). A complete card becomes
/// the next revision; an incomplete one is kept as typed and comes back with
/// a message beside each wrong field, so nothing typed is lost.
/// Administrators only.
#[server(input = MultipartFormData, endpoint = "catalogue/save")]
pub async fn save_card(data: MultipartData) -> Result<(), AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;

    let who = signed_in().await?;
    let catalogue = contract::<CatalogueHandle>()?;
    let outcome = async move {
        // Refused before the body is read: nobody else may make it work.
        if who.role != crate::domain::role::Role::Administrator {
            return Err(AppError::Forbidden);
        }
        let mut fields = crate::serverfns::multipart::card_fields(data).await?;
        let mut take = |name: &str| fields.remove(name).and_then(|v| v.into_iter().next());
        let kind = take("card").map_or(Some(CardKind::Service), |k| CardKind::parse(&k));
        let (kind, id) = kind
            .zip(take("id").and_then(|id| id.parse::<i32>().ok()))
            .ok_or(AppError::Transport)?;
        let saved = catalogue.save(&who, kind, id, fields).await;
        // The editor is a plain form in both modes: every outcome it can
        // show goes back to it by a redirect.
        crate::serverfns::form_memory::back_to_the_form(saved, |saved| {
            let shown = match saved {
                Ok(()) => "saved",
                Err(AppError::Fields(_)) => "problems",
                Err(AppError::Invalid { field, .. }) if field == "form" => "conflict",
                Err(_) => return None,
            };
            Some(format!("{}/{id}?{shown}=1", kind.admin_path()))
        })
    }
    .await;
    crate::serverfns::status::with_status(outcome)
}

/// Throws away a refused edit, showing the saved card again. Administrators only.
#[server(endpoint = "catalogue/discard")]
pub async fn discard_card_edit(kind: CardKind, id: i32) -> Result<(), AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(contract::<CatalogueHandle>()?.discard(&who, kind, id).await)?;
    leptos_axum::redirect(&format!("{}/{id}", kind.admin_path()));
    Ok(())
}

/// Publishes (only a complete card) or withdraws a card. Administrators only.
#[server(endpoint = "catalogue/publish")]
pub async fn publish_card(kind: CardKind, id: i32, published: bool) -> Result<(), AppError> {
    use crate::contracts::catalogue::CatalogueHandle;
    use crate::contracts::contract;
    use crate::serverfns::caller::signed_in;
    let who = signed_in().await?;
    crate::serverfns::status::with_status(
        contract::<CatalogueHandle>()?
            .set_published(&who, kind, id, published)
            .await,
    )?;
    leptos_axum::redirect(&format!("{}/{id}?published={published}", kind.admin_path()));
    Ok(())
}

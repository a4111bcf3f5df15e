use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::FileView;
use crate::errors::AppError;

/// One document added to the applicant's editable request as soon as it is
/// chosen, so the browser can show its progress and preview while the rest
/// of the form is still being filled. The post carries `slot` first, then
/// `file`. Without JavaScript the documents travel with the whole form in
/// `submit_identity` instead. Only the applicant who owns the request.
#[server(input = MultipartFormData, endpoint = "identity/upload")]
pub async fn upload_identity_document(data: MultipartData) -> Result<FileView, AppError> {
    use crate::contracts::{IdentityHandle, contract, signed_in};

    let who = signed_in().await?;
    let desk = contract::<IdentityHandle>()?;
    let outcome = async move {
        let mut multipart = data.into_inner().ok_or(AppError::Transport)?;
        let mut slot = None;
        while let Some(field) = multipart.next_field().await.map_err(|_| AppError::Transport)? {
            match (field.name(), slot.as_ref()) {
                (Some("slot"), None) => slot = Some(crate::serverfns::multipart::short_text(field).await?),
                (Some("file"), Some(slot)) => {
                    let file_name = field.file_name().unwrap_or_default().to_owned();
                    let stream = Box::pin(futures::StreamExt::map(field, |chunk| chunk.map_err(|e| e.to_string())));
                    return desk.upload(&who, slot, &file_name, stream).await;
                }
                _ => return Err(AppError::Transport),
            }
        }
        Err(AppError::invalid("file", "پرونده‌ای برگزیده نشده است"))
    }
    .await;
    crate::errors::with_status(outcome)
}

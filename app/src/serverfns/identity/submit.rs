use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::errors::AppError;

/// The form's name for the errors kept across a plain post.
pub const IDENTITY_FORM: &str = "identity";

/// The identity form and its documents in one multipart post, so nothing
/// typed or chosen is lost whatever else fails. The text fields are saved as
/// a draft ("ثبت موقت"); files (`file_<slot>`) are streamed to storage;
/// `remove` names documents to take away; with `send`, everything is
/// checked and the request goes to the desk officer of the chosen province
/// ("ثبت و ارسال"). Only the applicant who owns the request.
#[server(input = MultipartFormData, endpoint = "identity/submit")]
pub async fn submit_identity(data: MultipartData) -> Result<(), AppError> {
    use std::collections::HashMap;

    use crate::contracts::{IdentityHandle, contract, signed_in};
    use crate::domain::identity::IdentityForm;
    use crate::serverfns::form_memory::{is_plain_form_post, remember};

    let who = signed_in().await?;
    let desk = contract::<IdentityHandle>()?;
    // Every refusal below gets its real status, whichever step it came from.
    let outcome = async move {
        let mut multipart = data.into_inner().ok_or(AppError::Transport)?;
        let mut text: HashMap<String, String> = HashMap::new();
        let mut removals = Vec::new();
        let mut problems: Vec<(String, String)> = Vec::new();
        loop {
            // A broken body (a dropped connection, a malformed post) stops here,
            // before anything is saved over the draft.
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(_) => return Err(AppError::Transport),
            };
            let name = field.name().unwrap_or_default().to_owned();
            if let Some(slot) = name.strip_prefix("file_") {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                if file_name.is_empty() {
                    continue;
                }
                let slot = slot.to_owned();
                let stream = Box::pin(futures::StreamExt::map(field, |chunk| chunk.map_err(|e| e.to_string())));
                if let Err(error) = desk.upload(&who, &slot, &file_name, stream).await {
                    problems.push((
                        slot.clone(),
                        error.message_for(&slot).unwrap_or_else(|| error.to_string()),
                    ));
                }
            } else if name == "remove" {
                if let Ok(id) = crate::serverfns::multipart::short_text(field).await?.parse::<i32>() {
                    removals.push(id);
                }
            } else {
                let value = crate::serverfns::multipart::short_text(field).await?;
                text.insert(name, value);
            }
        }
        for id in removals {
            desk.remove_file(&who, id).await?;
        }
        let value = |key: &str| text.get(key).cloned().unwrap_or_default();
        let form = IdentityForm {
            person_kind: value("person_kind"),
            first_name: value("first_name"),
            last_name: value("last_name"),
            national_id: value("national_id"),
            mobile: value("mobile"),
            province: value("province"),
            capacity: value("capacity"),
            company_name: value("company_name"),
            company_national_id: value("company_national_id"),
            economic_code: value("economic_code"),
        };
        desk.save(&who, form.clone(), false).await?;
        let sending = text.contains_key("send");
        if sending && problems.is_empty() {
            match desk.save(&who, form, true).await {
                Ok(()) => {}
                Err(AppError::Fields(fields)) => problems.extend(fields.into_iter().map(|f| (f.field, f.message))),
                Err(AppError::Invalid { field, message }) => problems.push((field, message)),
                Err(other) => return Err(other),
            }
        }
        if is_plain_form_post() {
            let pairs: Vec<(&str, &str)> = problems.iter().map(|(f, m)| (f.as_str(), m.as_str())).collect();
            remember(IDENTITY_FORM, &pairs);
            let to = match (problems.is_empty(), sending) {
                (true, true) => "/cartable?sent=1",
                (true, false) => "/identity?saved=1",
                (false, _) => "/identity?problems=1",
            };
            leptos_axum::redirect(to);
            return Ok(());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::Fields(
                problems
                    .into_iter()
                    .map(|(field, message)| crate::errors::FieldMessage { field, message })
                    .collect(),
            ))
        }
    }
    .await;
    crate::errors::with_status(outcome)
}

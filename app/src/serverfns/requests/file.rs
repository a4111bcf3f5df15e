use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::errors::AppError;

/// The form's name for the problems kept across a plain post.
pub const FILE_FORM: &str = "request";

/// The most parts one request form's post may have: fields, files and
/// removals together.
#[cfg(feature = "ssr")]
const MAX_PARTS: usize = 1000;

/// The applicant's form and its files in one multipart post, so nothing
/// typed or chosen is lost whatever else fails. The first parts name the
/// request (`request_id`, or `service_id` and `sub_code` for a new one,
/// whose draft is created then); files (`file_<field>`) are streamed to
/// storage; `remove` names files to take off; every other part is a field.
/// Everything is saved as a draft first; with `send`, it is checked and
/// sent ("ثبت و ارسال"), or sent back after a correction. Only the applicant
/// who owns the request.
#[server(input = MultipartFormData, endpoint = "requests/file")]
pub async fn file_request(data: MultipartData) -> Result<(), AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::{Draft, RequestDeskHandle};
    use crate::domain::catalogue::form::Fields;
    use crate::serverfns::caller::signed_in;
    use crate::serverfns::form_memory::{go_to, is_plain_form_post, remember};
    use crate::serverfns::multipart::short_text;

    let who = signed_in().await?;
    let desk = contract::<RequestDeskHandle>()?;
    let mut multipart = data.into_inner().ok_or(AppError::Transport)?;
    let mut request_id: Option<i32> = None;
    let mut service: (Option<i32>, String) = (None, String::new());
    let mut fields = Fields::new();
    let mut removals = Vec::new();
    let mut problems: Vec<(String, String)> = Vec::new();
    let mut province = String::new();
    let mut sending = false;
    let mut parts = 0usize;
    let outcome: Result<i32, AppError> = async {
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(_) => return Err(AppError::Transport),
            };
            // The largest form is a few hundred parts; a flood of tiny ones
            // is refused before it is all read.
            parts += 1;
            if parts > MAX_PARTS {
                return Err(AppError::invalid("form", "فرم بیش از اندازه بخش دارد"));
            }
            let name = field.name().unwrap_or_default().to_owned();
            if let Some(slot) = name.strip_prefix("file_") {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                if file_name.is_empty() {
                    continue;
                }
                let id = match request_id {
                    Some(id) => id,
                    None => {
                        let (Some(service_id), sub_code) = (service.0, service.1.as_str()) else {
                            return Err(AppError::Transport);
                        };
                        *request_id.insert(desk.start(&who, service_id, sub_code).await?)
                    }
                };
                let slot = slot.to_owned();
                let stream = Box::pin(futures::StreamExt::map(field, |chunk| chunk.map_err(|e| e.to_string())));
                if let Err(error) = desk.upload(&who, id, &slot, &file_name, stream).await {
                    let message = error.message_for(&slot).unwrap_or_else(|| error.to_string());
                    problems.push((slot, message));
                }
                continue;
            }
            let value = short_text(field).await?;
            match name.as_str() {
                "request_id" => request_id = value.parse().ok(),
                "service_id" => service.0 = value.parse().ok(),
                "sub_code" => service.1 = value,
                "province" => province = value,
                "remove" => removals.extend(value.parse::<i32>().ok()),
                "send" => sending = true,
                "draft" => {}
                _ => fields.entry(name).or_default().push(value),
            }
        }
        let id = match request_id {
            Some(id) => id,
            None => {
                let service_id = service.0.ok_or(AppError::Transport)?;
                desk.start(&who, service_id, &service.1).await?
            }
        };
        for file_id in removals.iter().copied() {
            desk.remove_file(&who, id, file_id).await?;
        }
        let draft = Draft {
            request_id: id,
            province: province.clone(),
            fields: fields.clone(),
        };
        desk.save(&who, draft.clone(), false).await?;
        if sending && problems.is_empty() {
            match desk.save(&who, draft, true).await {
                Ok(()) => {}
                Err(AppError::Fields(found)) => problems.extend(found.into_iter().map(|f| (f.field, f.message))),
                Err(AppError::Invalid { field, message }) => problems.push((field, message)),
                Err(other) => return Err(other),
            }
        }
        Ok(id)
    }
    .await;
    let id = crate::serverfns::status::with_status(outcome)?;
    if is_plain_form_post() {
        let pairs: Vec<(&str, &str)> = problems.iter().map(|(f, m)| (f.as_str(), m.as_str())).collect();
        remember(FILE_FORM, &pairs);
        let to = match (problems.is_empty(), sending) {
            (true, true) => format!("/applications/{id}?sent=1"),
            (true, false) => format!("/applications/{id}?saved=1"),
            (false, _) => format!("/applications/{id}?problems=1"),
        };
        go_to(&to);
        return Ok(());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        crate::serverfns::status::with_status(Err(AppError::Fields(
            problems
                .into_iter()
                .map(|(field, message)| crate::errors::FieldMessage { field, message })
                .collect(),
        )))
    }
}

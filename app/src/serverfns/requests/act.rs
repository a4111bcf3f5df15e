use leptos::prelude::*;

use crate::errors::AppError;

/// The form's name for what is kept across a plain post.
pub const ACT_FORM: &str = "act";

/// A staff action on a request: `action` is one of the step's actions
/// (`approve`, `return_to_applicant`, `refer`, `comment`, `ask_documents`,
/// `grant`, `refuse`); `text` is the reason, note, comment or reasoning;
/// `post_code` the post a referral goes to. `revision` is the one the
/// person looked at: if someone acted first, nothing is done and the typed
/// text comes back with the message. Only staff holding the request's step.
#[server(endpoint = "requests/act")]
pub async fn act_on_request(
    request_id: i32,
    revision: i32,
    action: String,
    text: Option<String>,
    post_code: Option<String>,
) -> Result<(), AppError> {
    use crate::contracts::contract;
    use crate::contracts::requests::RequestDeskHandle;
    use crate::domain::workflow::machine::Command;
    use crate::serverfns::caller::signed_in;
    use crate::serverfns::form_memory::{back_to_the_form, remember};

    let who = signed_in().await?;
    let text = text.unwrap_or_default();
    let post_code = post_code.unwrap_or_default();
    let Some(command) = Command::from_staff_form(&action, text.clone(), post_code.clone()) else {
        return crate::serverfns::status::with_status(Err(AppError::invalid("action", "این اقدام شناخته نیست")));
    };
    let outcome = contract::<RequestDeskHandle>()?
        .act(&who, request_id, revision, command)
        .await;
    let answered = back_to_the_form(outcome, |outcome| match outcome {
        Ok(()) => Some(format!("/cartable/{request_id}?done={action}")),
        // Nothing of the case is shown to those it is not for.
        Err(AppError::Unauthenticated | AppError::Forbidden | AppError::NotFound) => None,
        Err(error) => {
            let (field, message) = match error {
                AppError::Invalid { field, message } => (field.clone(), message.clone()),
                other => ("text".to_owned(), other.to_string()),
            };
            remember(
                ACT_FORM,
                &[
                    ("action", &action),
                    ("text", &text),
                    ("post_code", &post_code),
                    ("error", &message),
                    ("error_field", &field),
                ],
            );
            Some(format!("/cartable/{request_id}?problems=1#act-{action}"))
        }
    });
    crate::serverfns::status::with_status(answered)
}

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
    use crate::contracts::{RequestDeskHandle, contract, signed_in};
    use crate::domain::workflow::machine::Command;
    use crate::serverfns::form_memory::{is_plain_form_post, remember};

    let who = signed_in().await?;
    let text = text.unwrap_or_default();
    let post_code = post_code.unwrap_or_default();
    let command = match action.as_str() {
        "approve" => Command::Approve,
        "return_to_applicant" => Command::ReturnToApplicant { reason: text.clone() },
        "refer" => Command::Refer {
            post_code: post_code.clone(),
            note: text.clone(),
        },
        "comment" => Command::Comment { text: text.clone() },
        "ask_documents" => Command::AskDocuments { what: text.clone() },
        "grant" | "refuse" => Command::Decide {
            approve: action == "grant",
            reasoning: text.clone(),
        },
        _ => return crate::errors::with_status(Err(AppError::invalid("action", "این اقدام شناخته نیست"))),
    };
    let outcome = contract::<RequestDeskHandle>()?
        .act(&who, request_id, revision, command)
        .await;
    if is_plain_form_post() {
        let to = match &outcome {
            Ok(()) => format!("/cartable/{request_id}?done={action}"),
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
                format!("/cartable/{request_id}?problems=1#act-{action}")
            }
        };
        if !matches!(
            outcome,
            Err(AppError::Unauthenticated | AppError::Forbidden | AppError::NotFound)
        ) {
            leptos_axum::redirect(&to);
            return Ok(());
        }
    }
    crate::errors::with_status(outcome)
}

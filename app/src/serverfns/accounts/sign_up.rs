use leptos::prelude::*;

use crate::errors::AppError;

/// The form's name for the values kept across a failed plain post.
pub const SIGN_UP_FORM: &str = "signup";

/// Creates an applicant's account and sends them to activate it. Open to
/// everyone, behind a captcha and per-address limits. `captcha_kind` and
/// `intent` come from the form's second buttons: "new image" and "question
/// instead of image" post the form so nothing typed is lost without
/// JavaScript.
#[server(endpoint = "accounts/sign_up")]
pub async fn sign_up(
    username: String,
    password: String,
    repeat_password: String,
    email: String,
    first_name: String,
    last_name: String,
    mobile: String,
    national_id: String,
    captcha_id: String,
    captcha_answer: String,
    captcha_kind: Option<String>,
    intent: Option<String>,
) -> Result<(), AppError> {
    use super::session_cookie::client_address;
    use crate::contracts::contract;
    use crate::contracts::registration::{CaptchaAnswer, RegistrationHandle};
    use crate::domain::signup::SignUpInput;
    use crate::serverfns::form_memory::remember;
    let kind = if intent.as_deref() == Some("spoken") {
        Some("spoken")
    } else {
        captcha_kind.as_deref()
    };
    remember(
        SIGN_UP_FORM,
        &[
            ("username", &username),
            ("email", &email),
            ("first_name", &first_name),
            ("last_name", &last_name),
            ("mobile", &mobile),
            ("national_id", &national_id),
            ("captcha_kind", kind.unwrap_or("image")),
        ],
    );
    if intent.is_some() {
        return Err(AppError::invalid("captcha_answer", "تصویر امنیتی تازه را وارد کنید"));
    }
    let input = SignUpInput {
        username,
        password,
        repeat_password,
        email,
        first_name,
        last_name,
        mobile,
        national_id,
    };
    let captcha = CaptchaAnswer {
        id: captcha_id,
        answer: captcha_answer,
    };
    let registration = contract::<RegistrationHandle>()?;
    let username =
        crate::serverfns::status::with_status(registration.sign_up(input, captcha, &client_address()).await)?;
    leptos_axum::redirect(&format!("/activate?username={username}&new=1"));
    Ok(())
}

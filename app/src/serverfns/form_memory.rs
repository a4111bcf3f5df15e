//! Keeps what a person typed when a form posted without JavaScript comes
//! back with errors. Leptos answers such a post with a redirect back to the
//! form that carries only the error; the typed values ride along in a
//! short-lived, host-only cookie and are put back into the fields when the
//! page renders. Passwords and captcha answers are never kept.

use std::collections::HashMap;

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use leptos::prelude::use_context;

/// The values of one form, by field name.
pub type Remembered = HashMap<String, String>;

fn cookie_name(form: &str) -> String {
    format!("__Host-form-{form}")
}

/// Whether this request is a plain HTML form post, answered by a redirect,
/// or the same form sent by the page's script (see [`go_to`]).
pub fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.headers.contains_key(super::SENT_BY_SCRIPT)
            || parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}

/// Remembers `values` of `form` for the page the browser is sent back to.
pub fn remember(form: &str, values: &[(&str, &str)]) {
    if !is_plain_form_post() {
        return;
    }
    let map: HashMap<&str, &str> = values.iter().copied().filter(|(_, v)| !v.is_empty()).collect();
    let Ok(json) = serde_json::to_vec(&map) else { return };
    let cookie = format!(
        "{}={}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=120",
        cookie_name(form),
        URL_SAFE_NO_PAD.encode(json)
    );
    append_cookie(&cookie);
}

/// The values remembered for `form`, forgotten as they are read.
pub fn recall(form: &str) -> Remembered {
    let name = cookie_name(form);
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Remembered::new();
    };
    let Some(encoded) = super::accounts::session_cookie::cookie_value(&parts.headers, &name) else {
        return Remembered::new();
    };
    append_cookie(&format!("{name}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0"));
    URL_SAFE_NO_PAD
        .decode(encoded)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn append_cookie(cookie: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Sends the browser on to `path` after a plain form post. A form the
/// page's script sent is told the path in [`super::NEXT_PAGE`] instead of being
/// redirected: the script's request would follow a redirect itself and
/// read, and so forget, the values remembered for the page, before the
/// browser opened it.
pub fn go_to(path: &str) {
    let by_script =
        use_context::<http::request::Parts>().is_some_and(|p| p.headers.contains_key(super::SENT_BY_SCRIPT));
    if !by_script {
        leptos_axum::redirect(path);
        return;
    }
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(path),
    ) {
        response.insert_header(http::HeaderName::from_static(super::NEXT_PAGE), value);
    }
}

/// How a plain form post (no JavaScript) is answered: with a redirect to the
/// page `page` names for the outcome, so the browser shows that outcome where
/// the form is, or, when `page` names none (an error no page shows), with the
/// outcome itself. Scripted calls always get the outcome itself.
pub fn back_to_the_form<T>(
    outcome: Result<T, crate::errors::AppError>,
    page: impl FnOnce(&Result<T, crate::errors::AppError>) -> Option<String>,
) -> Result<(), crate::errors::AppError> {
    if is_plain_form_post()
        && let Some(to) = page(&outcome)
    {
        leptos_axum::redirect(&to);
        return Ok(());
    }
    outcome.map(|_| ())
}

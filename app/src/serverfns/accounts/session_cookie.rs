//! The session cookie. `__Host-` makes the browser refuse it unless it is
//! `Secure`, host-only and for the whole site; `HttpOnly` keeps it from
//! scripts and `SameSite=Lax` from other sites' form posts.

use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::contracts::session::ClientAddress;

/// The cookie's name.
pub const NAME: &str = "__Host-session";

/// The session token the request carries, if any.
pub fn read() -> Option<String> {
    cookie_value(&use_context::<http::request::Parts>()?.headers, NAME)
}

/// The value of cookie `name` in request `headers`, if sent.
pub fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// Puts `token` in the cookie until `max_age_seconds` pass.
pub fn set(token: &str, max_age_seconds: i64) {
    write(&format!(
        "{NAME}={token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}"
    ));
}

/// Puts a newly opened or rotated `session` in the cookie for its lifetime.
pub fn keep(session: &crate::contracts::session::NewSession) {
    set(
        &session.token,
        (session.expires_at - chrono::Utc::now()).num_seconds().max(0),
    );
}

/// Removes the cookie from the browser.
pub fn clear() {
    write(&format!("{NAME}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0"));
}

fn write(cookie: &str) {
    if let (Some(response), Ok(value)) = (use_context::<ResponseOptions>(), http::HeaderValue::from_str(cookie)) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// The caller's address, or "unknown" outside a request.
pub fn client_address() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientAddress>().map(|a| a.0.clone()))
        .unwrap_or_else(|| "unknown".to_owned())
}

//! The language switch: a plain link, so it works without JavaScript.

use axum::{
    extract::{Path, Query},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

/// Where to go back to after switching.
#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// A path on this site: starts with one `/`, and holds no backslash,
/// white space or control character, which browsers drop or reinterpret
/// (`/\t/evil.example` is followed as `//evil.example`).
fn is_local_path(next: &str) -> bool {
    let mut chars = next.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !next.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// Remembers the chosen language for a year and returns to the page the
/// person was on. Only same-site paths are followed, so the link cannot be
/// used to send people elsewhere.
pub async fn switch(Path(code): Path<String>, Query(query): Query<Next>) -> Response {
    if !matches!(code.as_str(), "fa" | "en") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let target = query
        .next
        .filter(|n| is_local_path(n))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = format!("lang={code}; Path=/; Max-Age=31536000; SameSite=Lax");
    let mut response = Redirect::to(&target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_plain_paths_on_this_site_are_followed() {
        for ok in ["/", "/cartable", "/account/password?changed=1"] {
            assert!(is_local_path(ok), "{ok}");
        }
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "https://evil.example",
            "evil",
            "",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}

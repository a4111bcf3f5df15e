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

/// Remembers the chosen language for a year and returns to the page the
/// person was on. Only same-site paths are followed, so the link cannot be
/// used to send people elsewhere.
pub async fn switch(Path(code): Path<String>, Query(query): Query<Next>) -> Response {
    if !matches!(code.as_str(), "fa" | "en") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let target = query
        .next
        .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = format!("lang={code}; Path=/; Max-Age=31536000; SameSite=Lax");
    let mut response = Redirect::to(&target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

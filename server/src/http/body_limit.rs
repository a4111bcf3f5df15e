//! Bounds what a server-function post may carry, and gives a malformed one
//! the status it deserves.
//!
//! Leptos reads a server function's body without a limit and answers every
//! framework error — a body that does not parse as the function's arguments,
//! a truncated multipart — with 500. An attacker could then fill memory or
//! the error log, and monitoring would count probes as server faults. So
//! every `/api/` post is bounded here: a form of short answers to
//! [`FORM_MAX_BYTES`], a multipart post carrying files to ten documents of
//! the configured upload size (each file keeps its own streaming limit in
//! storage). Too large is 413 before the body is read; malformed is 400.

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::state::AppState;

/// The largest post of short answers: a sign-up, a sign-in, a workflow
/// action or a card's JSON is a few kilobytes; a few hundred leaves room.
pub const FORM_MAX_BYTES: usize = 256 * 1024;

/// How many documents of the largest size one multipart post may carry.
const DOCUMENTS_PER_POST: u64 = 10;

/// What a server function's error body is when its arguments could not be
/// read (`AppError::Transport`, JSON-encoded): the caller sent it wrong.
const MALFORMED_BODY: &[u8] = b"\"Transport\"";

/// Refuses oversized `/api/` posts with 413, bounds the rest while they are
/// read, and turns the framework's 500 for an unreadable body into 400.
pub async fn bound(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let multipart = is_multipart(request.headers());
    let wants_page = wants_html(request.headers());
    let limit = if multipart {
        usize::try_from(state.config.upload_max_bytes.saturating_mul(DOCUMENTS_PER_POST)).unwrap_or(usize::MAX)
    } else {
        FORM_MAX_BYTES
    };
    if declared_length(request.headers()).is_some_and(|length| length > limit as u64) {
        return too_large(wants_page);
    }
    let (parts, body) = request.into_parts();
    let request = if multipart {
        // Files stream to storage: bound the whole without holding it.
        Request::from_parts(parts, Body::new(Limited::new(body, limit)))
    } else {
        let bytes = match Limited::new(body, limit).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => return too_large(wants_page),
            Err(_) => return malformed(wants_page),
        };
        // Leptos panics on a post to a multipart function that is not multipart.
        if app::serverfns::multipart::ENDPOINTS.contains(&parts.uri.path()) {
            return malformed(wants_page);
        }
        Request::from_parts(parts, Body::from(bytes))
    };
    let response = next.run(request).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR && response.headers().contains_key("serverfnerror") {
        return unreadable_to_bad_request(response).await;
    }
    response
}

/// A 500 whose body is the "could not read your request" error becomes 400;
/// a real internal error (with its log reference) stays 500.
async fn unreadable_to_bad_request(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = match Limited::new(body, 64 * 1024).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => Bytes::new(),
    };
    if bytes.as_ref() == MALFORMED_BODY {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A multipart post with a boundary Leptos can read.
fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start().to_ascii_lowercase().starts_with("multipart/form-data") && multer::parse_boundary(v).is_ok()
        })
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

/// A browser posting a form without JavaScript asks for a page; scripts
/// and the interactive client get problem JSON.
fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

fn too_large(page: bool) -> Response {
    problem(
        StatusCode::PAYLOAD_TOO_LARGE,
        "آنچه فرستادید بزرگ‌تر از حد مجاز است",
        "فرم یا پرونده‌های پیوست از اندازه‌ای که سامانه می‌پذیرد بزرگ‌ترند. پرونده‌های کوچک‌تری پیوست کنید و دوباره بفرستید.",
        page,
    )
}

fn malformed(page: bool) -> Response {
    problem(
        StatusCode::BAD_REQUEST,
        "درخواست ناقص یا نادرست رسید",
        "آنچه فرستادید کامل به سامانه نرسید یا خوانا نبود. صفحه را دوباره باز کنید و فرم را دوباره بفرستید.",
        page,
    )
}

/// A short Persian page for a person, or RFC 9457 problem JSON for a script.
fn problem(status: StatusCode, title: &str, detail: &str, page: bool) -> Response {
    if page {
        let html = format!(
            "<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title} — میز خدمت</title></head><body><main><h1>{title}</h1><p>{detail}</p>\
             <p><a href=\"/\">صفحه نخست میز خدمت</a></p>\
             </main></body></html>"
        );
        let mut response = (status, html).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        return response;
    }
    let body =
        serde_json::json!({ "type": "about:blank", "title": title, "status": status.as_u16(), "detail": detail });
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_gets_a_persian_page_and_a_script_problem_json() {
        let page = too_large(true);
        assert_eq!(page.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            page.headers()[header::CONTENT_TYPE]
                .to_str()
                .is_ok_and(|v| v.starts_with("text/html"))
        );
        let script = malformed(false);
        assert_eq!(script.status(), StatusCode::BAD_REQUEST);
        assert_eq!(script.headers()[header::CONTENT_TYPE], "application/problem+json");
    }

    #[test]
    fn only_multipart_posts_get_the_documents_limit() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=x"),
        );
        assert!(is_multipart(&headers));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        assert!(!is_multipart(&headers));
    }
}

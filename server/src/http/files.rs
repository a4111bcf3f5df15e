//! Serving uploaded documents to those allowed to read them: the applicant
//! who owns the request, staff whose post holds or held it, and managers
//! and administrators.
//! Every read by staff is written to the audit log.

use app::contracts::session::SessionUser;
use app::serverfns::accounts::session_cookie;
use axum::{
    body::Body,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sea_orm::EntityTrait;

use crate::audit::audit;
use crate::entities::{request, request_file};
use crate::state::AppState;

/// `GET /files/{id}`: the document, shown inline, or 404 to anyone else
/// (404 rather than 403, so ids reveal nothing).
pub async fn serve(State(state): State<AppState>, Path(id): Path<i32>, headers: HeaderMap) -> Response {
    let Some(who) = viewer(&state, &headers).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(Some(file)) = request_file::Entity::find_by_id(id).one(&state.db).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if file.removed_at.is_some() || !may_read(&state, &who, file.request_id).await {
        return StatusCode::NOT_FOUND.into_response();
    }
    if who.role.is_staff()
        && let Err(error) = audit(&state.db, Some(who.user_id), "file.viewed", &format!("file:{id}"), None).await
    {
        tracing::error!(%error, "a file view could not be audited; not served");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let Ok(opened) = tokio::fs::File::open(state.files.path_of(&file.stored_name)).await else {
        tracing::error!(file_id = id, "a stored file is missing");
        return StatusCode::NOT_FOUND.into_response();
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(opened));
    let disposition = format!(
        "inline; filename*=UTF-8''{}",
        app::domain::normalize::percent_encode(&file.original_name)
    );
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&file.content_type)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    // A document is the applicant's upload, whatever it holds: opened
    // inline it runs no script and reaches nothing of the desk's origin,
    // and no other site may embed it with the reader's cookies. Chromium
    // refuses to show a sandboxed PDF at all, and its viewer runs outside
    // the page's origin, so a PDF keeps the site's own strict policy.
    if file.content_type != "application/pdf" {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"),
        );
    }
    h.insert(
        axum::http::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Whether `who` may read the request's files: whoever may open the
/// request itself.
async fn may_read(state: &AppState, who: &SessionUser, request_id: i32) -> bool {
    let Ok(Some(request)) = request::Entity::find_by_id(request_id).one(&state.db).await else {
        return false;
    };
    if request.applicant_id == who.user_id {
        return state.requests.application(who, request_id).await.is_ok();
    }
    state.requests.case(who, request_id).await.is_ok()
}

/// Only the three types uploads may have; anything else is served as bytes.
fn content_type(stored: &str) -> &'static str {
    match stored {
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        "application/pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

pub(super) async fn viewer(state: &AppState, headers: &HeaderMap) -> Option<SessionUser> {
    let token = session_cookie::cookie_value(headers, session_cookie::NAME)?;
    // A staff session that has not passed the second factor reads nothing.
    state
        .accounts
        .session_user(&token)
        .await
        .ok()
        .flatten()
        .filter(|u| !u.needs_second_factor)
}

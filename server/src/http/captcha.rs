//! The captcha image. Never cached: each challenge is shown once.

use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::registration::captcha;
use crate::state::AppState;

/// `GET /captcha/{id}.png`: the image of an open challenge, or 404.
pub async fn image(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(id) = file.strip_suffix(".png") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match captcha::image(&state.db, id).await {
        Ok(Some(png)) => (
            [(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "no-store")],
            png,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "captcha image failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

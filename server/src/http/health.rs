//! `/healthz` for load balancers and service managers.

use axum::{Json, extract::State, http::StatusCode};
use serde_json::{Value, json};

use crate::{db::is_healthy, state::AppState};

/// 200 when the database answers, 503 when it does not, so a load balancer
/// takes a broken instance out of rotation.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    if is_healthy(&state.db).await {
        (StatusCode::OK, Json(json!({ "status": "ok", "database": "ok" })))
    } else {
        tracing::warn!("health check: database unreachable");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "unavailable", "database": "unreachable" })),
        )
    }
}

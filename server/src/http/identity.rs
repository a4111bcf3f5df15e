//! `GET /identity`: where the menu's "تأیید هویت" leads. Identity
//! verification is an ordinary sub-service, so this only finds the right
//! page: the applicant's open request, or a new one on the sub-service whose
//! workflow verifies identity. A plain redirect works with and without
//! JavaScript and keeps no page of its own to maintain.

use axum::{
    extract::State,
    http::HeaderMap,
    response::{IntoResponse, Redirect, Response},
};

use super::files::viewer;
use crate::requests::identity::entry;
use crate::state::AppState;

/// Redirects to the applicant's identity request; others go where they
/// would start: sign-in for visitors, the e-services once verified.
pub async fn open(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(who) = viewer(&state, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    match entry(&state.db, &who).await {
        Ok(Some(to)) => Redirect::to(&to).into_response(),
        Ok(None) if who.identity_verified => Redirect::to("/services").into_response(),
        Ok(None) => Redirect::to("/cartable").into_response(),
        Err(error) => {
            tracing::error!(?error, "identity entry");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

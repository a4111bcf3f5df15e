//! Tells server functions the caller's network address, for rate limits.

use std::net::SocketAddr;

use app::serverfns::accounts::session_cookie::ClientAddress;
use axum::{
    extract::{ConnectInfo, Request},
    middleware::Next,
    response::Response,
};

/// Copies the peer address of the connection into the request. Behind a
/// load balancer this is the balancer's address; trusting a forwarded
/// header needs the balancer's address configured, which comes with the
/// multi-instance set-up.
pub async fn attach(request: Request, next: Next) -> Response {
    let mut request = request;
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |info| info.0.ip().to_string());
    request.extensions_mut().insert(ClientAddress(address));
    next.run(request).await
}

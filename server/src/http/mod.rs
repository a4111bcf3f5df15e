//! The axum application: Leptos pages and server functions, static files
//! (precompressed), health, language choice, and the layers every response
//! goes through (request ids, logs, compression, security headers).

mod body_limit;
mod captcha;
mod client_address;
mod files;
mod health;
mod identity;
mod language;
mod same_origin;
mod security;
mod service_worker;
mod static_files;

use app::{App, shell};
use axum::{Router, routing::get};
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};

use crate::state::AppState;

/// Builds the whole application around `state`.
pub fn router(state: AppState) -> Router {
    let context = {
        let state = state.clone();
        move || {
            state.provide_contracts();
            leptos::nonce::provide_nonce();
        }
    };
    let page_shell = {
        let options = state.leptos.clone();
        move || shell(options.clone())
    };
    let not_found = axum::handler::Handler::with_state(
        file_and_error_handler_with_context::<AppState, _>(context.clone(), shell),
        state.clone(),
    );
    let build = service_worker::ClientBuild::read(&state.leptos.site_root);
    Router::new()
        .route("/healthz", get(health::healthz))
        .route(
            "/sw.js",
            get({
                let build = build.clone();
                move || async move { build.script() }
            }),
        )
        .route("/lang/{code}", get(language::switch))
        .route("/captcha/{file}", get(captcha::image))
        .route("/files/{id}", get(files::serve))
        .route("/identity", get(identity::open))
        .route("/open-data/{file}", get(crate::catalogue::open_data::serve))
        .leptos_routes_with_context(&state, generate_route_list(App), context, page_shell)
        .fallback_service(static_files::service(&state.leptos.site_root, not_found))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(request_span)
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(CompressionLayer::new())
                .layer(axum::middleware::from_fn_with_state(build, service_worker::stamp))
                .layer(axum::middleware::from_fn_with_state(state.clone(), security::headers))
                .layer(axum::middleware::from_fn(same_origin::guard))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    client_address::attach,
                ))
                .layer(axum::middleware::from_fn_with_state(state.clone(), body_limit::bound)),
        )
        .with_state(state)
}

/// One log span per request, carrying the id also returned in `x-request-id`
/// so a person's report can be matched to the log.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
}

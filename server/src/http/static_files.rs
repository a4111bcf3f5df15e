//! Static files from the site folder: the WASM client, styles, fonts,
//! icons, manifest and service worker.

use std::convert::Infallible;

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderValue, header},
    middleware::Next,
    response::Response,
};
use tower::{Service, ServiceBuilder};
use tower_http::services::ServeDir;

/// Serves files from `site_root`, preferring the `.br` and `.gz` copies the
/// release build writes beside them, and hands anything else to `not_found`.
pub fn service<F>(
    site_root: &str,
    not_found: F,
) -> impl Service<Request, Response = Response, Error = Infallible, Future: Send> + Clone + Send + Sync + 'static
where
    F: Service<Request, Response = Response, Error = Infallible> + Clone + Send + Sync + 'static,
    F::Future: Send + 'static,
{
    let files = ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .fallback(not_found);
    ServiceBuilder::new()
        .layer(axum::middleware::from_fn(cache_policy))
        .service(files)
}

/// Fonts and icons rarely change and may be cached for a week. The client,
/// styles, manifest and service worker keep their names across releases, so
/// the browser must revalidate them (cheap: an unchanged file is a 304).
async fn cache_policy(request: Request<Body>, next: Next) -> Response {
    let long_lived = {
        let path = request.uri().path();
        path.starts_with("/fonts/") || path.starts_with("/icons/")
    };
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == axum::http::StatusCode::NOT_MODIFIED {
        let policy = if long_lived {
            "public, max-age=604800"
        } else {
            "no-cache"
        };
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(policy));
    }
    response
}

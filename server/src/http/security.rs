//! Security headers on every response.

use app::security_policy::content_security_policy;
use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};

use crate::state::AppState;

/// Adds the headers browsers need to keep the desk's pages safe. Pages
/// already carry a CSP with their script nonce; every other response gets
/// the same policy without one, except the client's WebAssembly pieces.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let client_code = is_client_code(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if client_code {
        // A page loads a hundred or more of these small pieces, and the
        // document policies (CSP, framing, permissions, opener) mean nothing
        // for a module the browser only compiles: over HTTP/1.1 they would
        // cost more bytes than the pieces themselves.
        headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        return response;
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(policy) = HeaderValue::from_str(&content_security_policy(""))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    let fixed: [(HeaderName, &str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // Pages and answers can name the signed-in person: never keep them in a
    // shared cache or the back/forward cache after sign-out. Static files
    // set their own policy.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.config.served_over_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// A WebAssembly file of the client (`/pkg/….wasm`): never a document.
pub fn is_client_code(path: &str) -> bool {
    path.starts_with("/pkg/") && path.ends_with(".wasm") && !path.contains("..")
}

#[cfg(test)]
mod tests {
    use super::is_client_code;

    #[test]
    fn only_the_clients_webassembly_goes_without_the_document_policies() {
        assert!(is_client_code("/pkg/mizekhedmat.wasm"));
        assert!(is_client_code("/pkg/chunk_12.wasm"));
        assert!(!is_client_code("/pkg/mizekhedmat.js"));
        assert!(!is_client_code("/pkg/mizekhedmat.css"));
        assert!(!is_client_code("/login"));
        assert!(!is_client_code("/catalogue/x.wasm"));
        assert!(!is_client_code("/pkg/../sw.js.wasm"));
    }
}

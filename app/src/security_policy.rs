//! The Content-Security-Policy of every page and static file: scripts only
//! from the site itself (and, on a rendered page, the one inline hydration
//! script carrying the page's nonce), nothing framed, nothing posted away.

/// Sets the Content-Security-Policy of a rendered page. It carries the page's
/// nonce so the one inline script Leptos needs for hydration may run and no
/// other inline script can.
pub fn send_security_policy() {
    use leptos::prelude::use_context;
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string()).unwrap_or_default();
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let policy = content_security_policy(&nonce);
        if let Ok(value) = policy.parse() {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// The policy for pages; static files get the same policy without a nonce.
pub fn content_security_policy(nonce: &str) -> String {
    let script = if nonce.is_empty() {
        "script-src 'self' 'wasm-unsafe-eval'".to_owned()
    } else {
        format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'")
    };
    format!(
        "default-src 'self'; {script}; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; \
         connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

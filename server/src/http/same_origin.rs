//! Refuses server-function posts that come from other sites.
//!
//! Server functions accept plain form posts (they must, to work without
//! JavaScript), and `SameSite=Lax` keeps the session cookie off other
//! sites' posts but not the cookies a response sets: another site could
//! sign a visitor into an account of its choosing, or out of their own.
//! Browsers say where a request comes from in `Sec-Fetch-Site` and
//! `Origin`; a post that is from elsewhere is refused.

use axum::{
    extract::Request,
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Lets same-site posts and non-browser clients (no such headers) through.
pub async fn guard(request: Request, next: Next) -> Response {
    if request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && from_elsewhere(request.headers())
    {
        tracing::warn!(path = %request.uri().path(), "cross-site post refused");
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(request).await
}

fn from_elsewhere(headers: &HeaderMap) -> bool {
    let value = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = value("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match (value(header::ORIGIN.as_str()), value(header::HOST.as_str())) {
        (Some(origin), Some(host)) => origin.split_once("://").is_none_or(|(_, authority)| authority != host),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().expect("ascii"));
        }
        map
    }

    #[test]
    fn posts_from_this_site_or_without_browser_headers_pass() {
        assert!(!from_elsewhere(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!from_elsewhere(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!from_elsewhere(&headers(&[])));
    }

    #[test]
    fn posts_from_other_sites_are_refused() {
        assert!(from_elsewhere(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(from_elsewhere(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(from_elsewhere(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "desk.example.ir")
        ])));
        assert!(from_elsewhere(&headers(&[
            ("origin", "null"),
            ("host", "desk.example.ir")
        ])));
    }
}

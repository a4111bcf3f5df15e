//! The HTTP surface as a browser or load balancer meets it: pages, status
//! codes, headers, the language switch and a server function, on SQLite and
//! PostgreSQL.

mod support;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use server::{config::Config, demo, http::router, state::AppState};
use tower::ServiceExt;

fn config(public_url: Option<&str>) -> Config {
    let public_url = public_url.map(str::to_owned);
    Config::from_lookup(move |key| match key {
        "MIZEKHEDMAT_PUBLIC_URL" => public_url.clone(),
        "LEPTOS_SITE_ROOT" => Some("../target/site".to_owned()),
        "MIZEKHEDMAT_MODE" => Some("demo".to_owned()),
        _ => None,
    })
    .expect("demo configuration")
}

async fn apps() -> Vec<(&'static str, Router, support::TestDb)> {
    let mut apps = Vec::new();
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let config = config(None);
        let leptos = config.leptos_options();
        let app = router(AppState::new(config, t.db.clone(), leptos));
        apps.push((t.engine, app, t));
    }
    apps
}

async fn get(app: &Router, uri: &str, cookie: Option<&str>) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn the_home_page_is_persian_right_to_left_and_lists_the_fixed_menus() {
    for (engine, app, _db) in apps().await {
        let (status, _, html) = get(&app, "/", None).await;
        assert_eq!(status, StatusCode::OK, "{engine}");
        assert!(
            html.contains(r#"lang="fa""#) && html.contains(r#"dir="rtl""#),
            "{engine}: {html}"
        );
        for text in ["میز خدمت الکترونیکی", "صفحه اصلی", "کارتابل", "ورود", "نسخه نمایشی"]
        {
            assert!(html.contains(text), "{engine}: missing {text}");
        }
        // The status card is rendered on the server with the demo counts.
        assert!(html.contains("سامانه در دسترس است."), "{engine}");
    }
}

#[tokio::test]
async fn a_person_who_chose_english_gets_left_to_right_english_pages() {
    for (engine, app, _db) in apps().await {
        let (_, _, html) = get(&app, "/", Some("lang=en")).await;
        assert!(
            html.contains(r#"lang="en""#) && html.contains(r#"dir="ltr""#),
            "{engine}"
        );
        assert!(html.contains("Electronic service desk"), "{engine}");
    }
}

#[tokio::test]
async fn the_language_link_sets_the_cookie_and_returns_only_to_this_site() {
    for (engine, app, _db) in apps().await {
        let (status, headers, _) = get(&app, "/lang/en?next=/cartable", None).await;
        assert!(status.is_redirection(), "{engine}");
        assert_eq!(headers[header::LOCATION], "/cartable");
        assert!(
            headers[header::SET_COOKIE]
                .to_str()
                .expect("ascii")
                .starts_with("lang=en;")
        );

        let (_, headers, _) = get(&app, "/lang/fa?next=//elsewhere.example/phish", None).await;
        assert_eq!(headers[header::LOCATION], "/", "{engine}: open redirect");
        let (status, _, _) = get(&app, "/lang/xx", None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{engine}");
    }
}

#[tokio::test]
async fn an_unknown_address_gets_a_persian_page_with_status_404() {
    for (engine, app, _db) in apps().await {
        let (status, _, html) = get(&app, "/no-such-page", None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{engine}");
        assert!(html.contains("صفحه پیدا نشد"), "{engine}");
    }
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_that_matches_their_script() {
    for (engine, app, _db) in apps().await {
        let (_, headers, html) = get(&app, "/", None).await;
        let csp = headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{engine}: {csp}"
        );
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("nonce in policy");
        assert!(
            html.contains(&format!(r#"nonce="{nonce}""#)),
            "{engine}: the hydration script lacks the nonce"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(headers.contains_key(header::REFERRER_POLICY));
        assert!(headers.contains_key("x-request-id"));
        assert!(
            !headers.contains_key(header::STRICT_TRANSPORT_SECURITY),
            "{engine}: HSTS over plain http"
        );

        let (_, again, _) = get(&app, "/", None).await;
        assert_ne!(
            again[header::CONTENT_SECURITY_POLICY],
            headers[header::CONTENT_SECURITY_POLICY],
            "nonce reused"
        );
    }
}

#[tokio::test]
async fn hsts_is_sent_when_the_desk_is_served_over_https() {
    let t = support::databases().await.remove(0);
    let config = config(Some("https://desk.example.ir"));
    let leptos = config.leptos_options();
    let app = router(AppState::new(config, t.db.clone(), leptos));
    let (_, headers, _) = get(&app, "/healthz", None).await;
    assert!(
        headers[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .expect("ascii")
            .contains("max-age=")
    );
}

#[tokio::test]
async fn health_is_ok_while_the_database_answers_and_503_when_it_does_not() {
    for (engine, app, t) in apps().await {
        let (status, _, body) = get(&app, "/healthz", None).await;
        assert_eq!(status, StatusCode::OK, "{engine}");
        assert!(body.contains(r#""database":"ok""#), "{engine}: {body}");
        t.db.close_by_ref().await.expect("pool closes");
        let (status, _, _) = get(&app, "/healthz", None).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{engine}");
    }
}

#[tokio::test]
async fn the_status_server_function_answers_with_the_organisations_counts() {
    for (engine, app, _db) in apps().await {
        let response = support::call_scripted(&app, "/api/system/desk_status", "", None).await;
        assert_eq!(response.status(), StatusCode::OK, "{engine}");
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON answer");
        assert_eq!(
            (
                json["provinces"].as_u64(),
                json["units"].as_u64(),
                json["posts"].as_u64()
            ),
            (Some(2), Some(9), Some(10)),
            "{engine}"
        );
    }
}

async fn post_form(app: &Router, uri: &str, form: &str, cookie: Option<&str>) -> axum::http::Response<Body> {
    let mut request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1/login");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.clone()
        .oneshot(request.body(Body::from(form.to_owned())).expect("request"))
        .await
        .expect("response")
}

#[tokio::test]
async fn signing_in_sets_a_host_only_secure_cookie_and_the_cartable_then_greets_the_person() {
    for (engine, app, _db) in apps().await {
        let response = post_form(
            &app,
            "/api/accounts/login",
            "username=applicant&password=Mizekhedmat-1405",
            None,
        )
        .await;
        assert!(response.status().is_redirection(), "{engine}: {}", response.status());
        assert_eq!(response.headers()[header::LOCATION], "/cartable", "{engine}");
        let cookie = support::session_cookie(response.headers()).expect("a session cookie");
        for part in ["__Host-session=", "Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
            assert!(cookie.contains(part), "{engine}: cookie lacks {part}: {cookie}");
        }
        let pair = cookie.split(';').next().expect("name=value");

        let (_, _, html) = get(&app, "/cartable", Some(pair)).await;
        assert!(html.contains("نگار امیرخانی"), "{engine}: the header names the person");
        assert!(html.contains("اکنون درخواستی در انتظار اقدام شما نیست."), "{engine}");

        let out = post_form(&app, "/api/accounts/logout", "", Some(pair)).await;
        assert!(
            support::session_cookie(out.headers()).is_some_and(|c| c.contains("Max-Age=0")),
            "{engine}"
        );
        let (_, _, html) = get(&app, "/cartable", Some(pair)).await;
        assert!(
            html.contains("برای دیدن کارتابل ابتدا وارد شوید."),
            "{engine}: the old cookie no longer works"
        );
    }
}

#[tokio::test]
async fn a_failed_sign_in_without_javascript_comes_back_to_the_form_with_the_error_beside_the_password() {
    for (engine, app, _db) in apps().await {
        let response = post_form(&app, "/api/accounts/login", "username=applicant&password=wrong", None).await;
        assert!(response.status().is_redirection(), "{engine}");
        let location = response.headers()[header::LOCATION].to_str().expect("ascii").to_owned();
        assert!(
            location.contains("/login") && location.contains("__err="),
            "{engine}: {location}"
        );
        assert!(
            support::session_cookie(response.headers()).is_none(),
            "{engine}: no session for a wrong password"
        );
        let path = location.trim_start_matches("http://127.0.0.1");
        let (_, _, html) = get(&app, path, None).await;
        assert!(html.contains("نام کاربری یا کلمه عبور نادرست است"), "{engine}: {html}");
        assert!(html.contains(r#"aria-invalid="true""#), "{engine}");
    }
}

#[tokio::test]
async fn a_scripted_sign_in_with_a_wrong_password_is_a_422_naming_the_field_not_a_server_error() {
    for (engine, app, _db) in apps().await {
        let response =
            support::call_scripted(&app, "/api/accounts/login", "username=applicant&password=wrong", None).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{engine}");
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        let error: app::errors::AppError = serde_json::from_slice(&bytes).expect("a typed error");
        assert!(error.message_for("password").is_some(), "{engine}: {error:?}");
    }
}

#[tokio::test]
async fn the_language_link_refuses_paths_that_browsers_would_follow_off_site() {
    for (engine, app, _db) in apps().await {
        for next in [
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%5cevil.example",
            "%2F%2Fevil.example",
        ] {
            let (status, headers, _) = get(&app, &format!("/lang/fa?next={next}"), None).await;
            assert!(status.is_redirection(), "{engine}: {next}");
            assert_eq!(headers[header::LOCATION], "/", "{engine}: {next}");
        }
    }
}

/// Posts `body` to a server function as a script would, without a session.
async fn post_raw(app: &Router, uri: &str, content_type: &str, body: Body) -> (StatusCode, String, String) {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, "application/json")
        .body(body)
        .expect("request");
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, kind, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn malformed_truncated_wrong_type_and_oversized_bodies_never_answer_500() {
    use leptos::server_fn::axum::server_fn_paths;
    let (_, app, _db) = apps().await.into_iter().next().expect("SQLite");
    let megabyte = "a=".to_owned() + &"x".repeat(1024 * 1024);
    let truncated = "--XbX\r\nContent-Disposition: form-data; name=\"service_id\"\r\n\r\n1";
    let mut paths: Vec<&str> = server_fn_paths().map(|(path, _)| path).collect();
    paths.sort_unstable();
    assert!(paths.len() > 30, "the router lists its server functions");
    for path in paths {
        for (what, content_type, body) in [
            (
                "garbage",
                "application/x-www-form-urlencoded",
                "aaaa%%%&&=%zz".to_owned(),
            ),
            ("wrong type", "application/json", "{\"username\": [1, 2]}".to_owned()),
            (
                "truncated multipart",
                "multipart/form-data; boundary=XbX",
                truncated.to_owned(),
            ),
            (
                "not utf-8",
                "application/x-www-form-urlencoded",
                String::from_utf8_lossy(&[0xff, 0xfe]).into_owned(),
            ),
        ] {
            let (status, _, body) = post_raw(&app, path, content_type, Body::from(body)).await;
            assert!(
                status.is_client_error() || status.is_success(),
                "{path} {what}: {status} {body}"
            );
        }
        let (status, kind, body) = post_raw(
            &app,
            path,
            "application/x-www-form-urlencoded",
            Body::from(megabyte.clone()),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{path}: a megabyte of form is refused"
        );
        assert_eq!(kind, "application/problem+json", "{path}");
        assert!(body.contains("بزرگ‌تر از حد مجاز"), "{path}: {body}");
    }
    // The issue's own probe: garbage to sign-in was a 500 with "Transport".
    let (status, _, _) = post_raw(
        &app,
        "/api/accounts/login",
        "application/x-www-form-urlencoded",
        Body::from("aaaa"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_endless_body_without_a_length_is_refused_after_a_bounded_read() {
    use futures::StreamExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (_, app, _db) = apps().await.into_iter().next().expect("SQLite");
    for content_type in ["application/x-www-form-urlencoded", "multipart/form-data; boundary=XbX"] {
        let pulled = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = pulled.clone();
        // 64 MB offered in 64 KB chunks, with no Content-Length to refuse early.
        let chunks = futures::stream::iter(0..1024).map(move |_| {
            counter.fetch_add(64 * 1024, Ordering::Relaxed);
            Ok::<_, std::io::Error>(axum::body::Bytes::from(vec![b'a'; 64 * 1024]))
        });
        let (status, _, _) = post_raw(&app, "/api/accounts/login", content_type, Body::from_stream(chunks)).await;
        assert!(status.is_client_error(), "{content_type}: {status}");
        let read = pulled.load(Ordering::Relaxed);
        assert!(
            read < 64 * 1024 * 1024,
            "{content_type}: the whole 64 MB was read ({read} bytes)"
        );
    }
}

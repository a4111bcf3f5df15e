//! Every server function is a public POST endpoint, so each one decides
//! itself who may call it. `ACCESS` lists every server function with the
//! callers it admits; a server function that is missing from the table fails
//! the first test, so none can be added without deciding its access.

mod support;

use std::collections::BTreeSet;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::server_fn::axum::server_fn_paths;
use server::{config::Config, demo, http::router, state::AppState};
use tower::ServiceExt;

/// Who may call a server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone, signed in or not: it reveals only public facts.
    Anyone,
    /// Only a signed-in person, acting on their own account.
    SignedIn,
}

const ACCESS: &[(&str, Access)] = &[
    ("/api/accounts/activate", Access::Anyone),
    ("/api/accounts/change_password", Access::SignedIn),
    ("/api/accounts/current_user", Access::Anyone),
    ("/api/accounts/forgot_password", Access::Anyone),
    ("/api/accounts/login", Access::Anyone),
    ("/api/accounts/logout", Access::Anyone),
    ("/api/accounts/new_captcha", Access::Anyone),
    ("/api/accounts/resend_activation", Access::Anyone),
    ("/api/accounts/reset_password", Access::Anyone),
    ("/api/accounts/sign_up", Access::Anyone),
    // Demo mode only (this test runs the demo configuration); production
    // does not provide it, see `registration.rs`.
    ("/api/dev/messages", Access::Anyone),
    ("/api/system/desk_status", Access::Anyone),
    ("/api/system/site_info", Access::Anyone),
];

/// Signs the demo applicant in and returns the session cookie pair.
async fn sign_in_cookie(app: &axum::Router) -> String {
    let request = Request::post("/api/accounts/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "username=applicant&password={}",
            demo::DEMO_PASSWORD
        )))
        .expect("request");
    let response = app.clone().oneshot(request).await.expect("response");
    let cookie = support::session_cookie(response.headers()).expect("a session cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}

/// Calls a server function as the interactive client does, with `cookie` if given.
async fn call(app: &axum::Router, path: &str, cookie: Option<&str>) -> (StatusCode, String) {
    let response = support::call_scripted(app, path, form_for(path), cookie).await;
    let status = response.status();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// A well-formed request body for each server function that takes input.
fn form_for(path: &str) -> &'static str {
    match path {
        "/api/accounts/login" => "username=applicant&password=wrong-password",
        "/api/accounts/change_password" => {
            "current_password=x&new_password=a-good-long-phrase&repeat_password=a-good-long-phrase"
        }
        "/api/accounts/new_captcha" => "spoken=false",
        "/api/accounts/activate" => "username=applicant&code=123456",
        "/api/accounts/resend_activation" | "/api/accounts/forgot_password" => "username=nobody&who=nobody",
        "/api/accounts/reset_password" => {
            "username=nobody&code=123456&new_password=a-good-long-phrase&repeat_password=a-good-long-phrase"
        }
        "/api/accounts/sign_up" => {
            "username=newcomer&password=a-good-long-phrase&repeat_password=a-good-long-phrase&email=n%40example.ir\
             &first_name=%D8%B3%D8%A7%D8%B1%D8%A7&last_name=%D8%B3%D8%A7%D8%B1%D8%A7&mobile=09120000009\
             &national_id=0012345679&captcha_id=none&captcha_answer=00000"
        }
        _ => "",
    }
}

#[test]
fn every_server_function_has_an_access_rule() {
    // Server functions register themselves when the test binary starts.
    let registered: BTreeSet<&str> = server_fn_paths().map(|(path, _)| path).collect();
    let listed: BTreeSet<&str> = ACCESS.iter().map(|(path, _)| *path).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions without an access rule: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "access rules for server functions that no longer exist: {stale:?}"
    );
}

#[tokio::test]
async fn each_server_function_answers_the_callers_its_rule_admits() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let config = Config::from_lookup(|_| None).expect("demo configuration");
        let leptos = config.leptos_options();
        let app = router(AppState::new(config, t.db.clone(), leptos));
        let signed_in = sign_in_cookie(&app).await;
        for (path, access) in ACCESS {
            let (status, body) = call(&app, path, None).await;
            let refused = body.contains("Unauthenticated") || body.contains("Forbidden");
            match access {
                Access::Anyone => assert!(
                    !refused && status != StatusCode::NOT_FOUND,
                    "{}: anonymous call to {path} was refused ({status})",
                    t.engine
                ),
                Access::SignedIn => {
                    assert!(
                        refused && status == StatusCode::UNAUTHORIZED,
                        "{}: anonymous call to {path} was not refused ({status}: {body})",
                        t.engine
                    );
                    let (status, body) = call(&app, path, Some(&signed_in)).await;
                    assert!(
                        !body.contains("Unauthenticated") && !body.contains("Forbidden"),
                        "{}: signed-in call to {path} was refused ({status}: {body})",
                        t.engine
                    );
                }
            }
        }
    }
}

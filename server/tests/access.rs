//! Every server function is a public POST endpoint, so each one decides
//! itself who may call it. `ACCESS` lists every server function with the
//! callers it admits; a server function that is missing from the table fails
//! the first test, so none can be added without deciding its access. The
//! second test calls every function as each kind of caller: anonymous, the
//! applicant who owns a request, another applicant, the desk officer of the
//! request's province, the desk officer of another province, and an
//! administrator.

mod support;

use std::collections::BTreeSet;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::server_fn::axum::server_fn_paths;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::{config::Config, demo, entities::user, http::router, state::AppState};
use tower::ServiceExt;

/// Who may call a server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone, signed in or not: it reveals only public facts or the
    /// caller's own.
    Anyone,
    /// Any signed-in person, acting on their own account.
    SignedIn,
    /// Applicants only, on their own requests.
    Applicant,
    /// Only the applicant who filed the request.
    Owner,
    /// Staff whose post holds the request (or held it), and administrators.
    HolderOrAdmin,
    /// Only the desk officer holding the request.
    Holder,
    /// Staff only (the second step of their sign-in).
    Staff,
    /// Administrators only.
    Admin,
}

/// The callers, in the order `Access::admits` answers for them.
const CALLERS: [&str; 6] = [
    "anonymous",
    "the owner",
    "another applicant",
    "the desk officer of the province",
    "a desk officer of another province",
    "an administrator",
];

impl Access {
    /// Whether each of `CALLERS` may call.
    fn admits(self) -> [bool; 6] {
        match self {
            Access::Anyone => [true; 6],
            Access::SignedIn => [false, true, true, true, true, true],
            Access::Applicant => [false, true, true, false, false, false],
            Access::Owner => [false, true, false, false, false, false],
            Access::HolderOrAdmin => [false, false, false, true, false, true],
            Access::Holder => [false, false, false, true, false, false],
            Access::Staff => [false, false, false, true, true, true],
            Access::Admin => [false, false, false, false, false, true],
        }
    }
}

const ACCESS: &[(&str, Access)] = &[
    ("/api/accounts/activate", Access::Anyone),
    ("/api/accounts/change_password", Access::SignedIn),
    ("/api/accounts/current_user", Access::Anyone),
    ("/api/accounts/forgot_password", Access::Anyone),
    ("/api/accounts/login", Access::Anyone),
    ("/api/accounts/new_captcha", Access::Anyone),
    ("/api/accounts/resend_activation", Access::Anyone),
    ("/api/accounts/second_factor_status", Access::Staff),
    ("/api/accounts/verify_second_factor", Access::Staff),
    ("/api/accounts/reset_password", Access::Anyone),
    ("/api/accounts/sign_up", Access::Anyone),
    // Demo mode only (this test runs the demo configuration); production
    // does not provide it, see `registration.rs`.
    ("/api/dev/messages", Access::Anyone),
    ("/api/admin/staff", Access::Admin),
    ("/api/admin/create_staff", Access::Admin),
    ("/api/admin/assign_post", Access::Admin),
    ("/api/admin/organisation", Access::Admin),
    ("/api/admin/add_unit", Access::Admin),
    ("/api/admin/add_post", Access::Admin),
    ("/api/admin/change_unit", Access::Admin),
    ("/api/admin/retire_unit", Access::Admin),
    ("/api/admin/change_post", Access::Admin),
    ("/api/admin/retire_post", Access::Admin),
    ("/api/catalogue/search", Access::Anyone),
    ("/api/tracking/find", Access::Anyone),
    ("/api/tracking/view", Access::Anyone),
    ("/api/catalogue/service", Access::Anyone),
    ("/api/catalogue/permits", Access::Anyone),
    ("/api/catalogue/permit", Access::Anyone),
    ("/api/catalogue/admin_list", Access::Admin),
    ("/api/catalogue/editor", Access::Admin),
    ("/api/catalogue/create", Access::Admin),
    ("/api/catalogue/save", Access::Admin),
    ("/api/catalogue/discard", Access::Admin),
    ("/api/catalogue/publish", Access::Admin),
    ("/api/cartable/page", Access::SignedIn),
    ("/api/design/load", Access::Admin),
    ("/api/design/discard", Access::Admin),
    // A save without publishing: the administrator's rows are kept as a draft.
    ("/api/design/save", Access::Admin),
    ("/api/requests/offered", Access::Anyone),
    ("/api/requests/notice", Access::Anyone),
    ("/api/requests/new_form", Access::Applicant),
    ("/api/requests/file", Access::Applicant),
    ("/api/requests/application", Access::Owner),
    ("/api/requests/case", Access::HolderOrAdmin),
    // A blank comment: the holder is admitted but refused for the blank,
    // so the request stays on the revision the others name.
    ("/api/requests/act", Access::Holder),
    ("/api/system/desk_status", Access::Anyone),
    ("/api/system/site_info", Access::Anyone),
    // After every read: the holder's call decides the request.
    // Changes the role of the ministry expert, who is not among the callers.
    ("/api/admin/set_role", Access::Admin),
    // Deactivates the Isfahan desk officer: after every call they make.
    ("/api/admin/set_active", Access::Admin),
    // Last: it ends the caller's session.
    ("/api/accounts/logout", Access::Anyone),
];

/// Signs `username` in with the demo password, passing the second factor
/// for staff, and returns the cookie pair.
async fn sign_in_cookie(app: &axum::Router, db: &sea_orm::DatabaseConnection, username: &str) -> String {
    let request = Request::post("/api/accounts/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "username={username}&password={}",
            demo::DEMO_PASSWORD
        )))
        .expect("request");
    let response = app.clone().oneshot(request).await.expect("response");
    let cookie = support::session_cookie(response.headers()).expect("a session cookie");
    let cookie = cookie.split(';').next().expect("name=value").to_owned();
    let account = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await
        .expect("read")
        .expect("account");
    if let Some(secret) = account.totp_secret {
        let code = server::second_factor::current_code(secret.expose(), username).expect("a code");
        let response = support::call_scripted(
            app,
            "/api/accounts/verify_second_factor",
            &format!("code={code}"),
            Some(&cookie),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{username} passes the second factor");
        return support::rotated_cookie(&response);
    }
    cookie
}

/// Calls a server function as the interactive client does, with `cookie` if given.
async fn call(app: &axum::Router, path: &str, ids: Ids, cookie: Option<&str>) -> (StatusCode, String) {
    let boundary = "XmizekhedmatX";
    let multipart = match path {
        // Incomplete on purpose: an administrator's edit is kept, refused.
        "/api/catalogue/save" => Some(format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"card\"\r\n\r\npermit\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n1\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"revision\"\r\n\r\n1\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--{boundary}--\r\n"
        )),
        "/api/requests/file" => Some(format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"service_id\"\r\n\r\n{}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"sub_code\"\r\n\r\n01\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"unit_name\"\r\n\r\nx\r\n--{boundary}--\r\n",
            ids.service
        )),
        "/api/design/save" => Some(format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"service_id\"\r\n\r\n{}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"sub_code\"\r\n\r\n01\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"field.0.label\"\r\n\r\nx\r\n--{boundary}--\r\n",
            ids.service
        )),
        _ => None,
    };
    let response = if let Some(body) = multipart {
        let mut request = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        app.clone()
            .oneshot(request.body(Body::from(body)).expect("request"))
            .await
            .expect("response")
    } else {
        support::call_scripted(app, path, &form_for(path, ids), cookie).await
    };
    let status = response.status();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The requests and service the calls name.
#[derive(Clone, Copy)]
struct Ids {
    /// The owner's request for the monthly statistics service.
    service_request: i32,
    /// That service.
    service: i32,
}

/// A well-formed request body for each server function that takes input.
fn form_for(path: &str, ids: Ids) -> String {
    let fixed = match path {
        "/api/accounts/login" => "username=nobody&password=wrong-password",
        "/api/accounts/change_password" => {
            "current_password=x&new_password=a-good-long-phrase&repeat_password=a-good-long-phrase"
        }
        "/api/accounts/new_captcha" => "spoken=false",
        "/api/accounts/verify_second_factor" => "code=000000",
        "/api/accounts/activate" => "username=nobody&code=123456",
        "/api/accounts/resend_activation" | "/api/accounts/forgot_password" => "username=nobody&who=nobody",
        "/api/accounts/reset_password" => {
            "username=nobody&code=123456&new_password=a-good-long-phrase&repeat_password=a-good-long-phrase"
        }
        "/api/accounts/sign_up" => {
            "username=newcomer&password=a-good-long-phrase&repeat_password=a-good-long-phrase&email=n%40example.ir\
             &first_name=%D8%B3%D8%A7%D8%B1%D8%A7&last_name=%D8%B3%D8%A7%D8%B1%D8%A7&mobile=09120000009\
             &national_id=0012345679&captcha_id=none&captcha_answer=00000"
        }
        "/api/admin/create_staff" => {
            "username=new.staff&first_name=x&last_name=y&email=a%40b.ir&mobile=0912&national_id=1&role=domain_expert&post_id=1"
        }
        "/api/admin/assign_post" => "user_id=3&post_id=1",
        "/api/admin/add_unit" => "parent_id=1&kind=unit&code=national.audit&name_fa=x&name_en=y",
        "/api/admin/add_post" => "unit_id=1&code=national.auditor&title_fa=x&title_en=y",
        "/api/admin/change_unit" => "unit_id=2&parent_id=1&name_fa=x&name_en=y",
        "/api/admin/change_post" => "post_id=1&unit_id=2&title_fa=x&title_en=y",
        // Refused for the administrator too (open posts, a holder): the
        // rule under test is who may ask.
        "/api/admin/retire_unit" => "unit_id=2",
        "/api/admin/retire_post" => "post_id=1",
        "/api/admin/set_active" => "user_id=3&active=false",
        "/api/catalogue/search" => "query[q]=%D8%AC%D9%88%D8%A7%D8%B2",
        "/api/cartable/page" => "query[folder]=awaiting&query[q]=0012345679",
        "/api/catalogue/service" | "/api/catalogue/permit" => "id=1",
        "/api/catalogue/editor" | "/api/catalogue/discard" => "kind=permit&id=1",
        "/api/catalogue/admin_list" | "/api/catalogue/create" => "kind=permit",
        "/api/catalogue/permits" => "q=",
        "/api/catalogue/publish" => "kind=service&id=1&published=true",
        "/api/admin/set_role" => "user_id=5&role=domain_expert",
        "/api/tracking/find" | "/api/tracking/view" => {
            let code = app::domain::tracking_code::from_random([0; 8]);
            return format!("tracking_code={code}&national_id=0012345679&token=1.AA");
        }
        "/api/requests/notice" => "number=ABCD-EFGH2",
        "/api/design/discard" => return format!("service_id={}&sub_code=02", ids.service),
        "/api/design/load" => return format!("service_id={}&sub_code=01", ids.service),
        "/api/requests/new_form" => return format!("service_id={}&sub_code=01", ids.service),
        "/api/requests/application" | "/api/requests/case" => {
            return format!("request_id={}", ids.service_request);
        }
        "/api/requests/act" => {
            return format!("request_id={}&revision=1&action=comment&text=", ids.service_request);
        }
        _ => "",
    };
    fixed.to_owned()
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
async fn each_server_function_answers_only_the_callers_its_rule_admits() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        // A second applicant, with the demo password.
        let owner = user::Entity::find()
            .filter(user::Column::Username.eq("applicant"))
            .one(&t.db)
            .await
            .expect("read")
            .expect("demo applicant");
        let mut other: user::ActiveModel = owner.clone().into();
        other.id = sea_orm::ActiveValue::NotSet;
        other.username = Set("applicant.two".into());
        other.email = Set("two@demo.example".into());
        other.mobile = Set("09900009999".into());
        other.national_id = Set(app::domain::national_id::with_check_digit("000099999").expect("id"));
        other.insert(&t.db).await.expect("second applicant");

        // Uploads made by the calls land in a folder of their own.
        let folder = tempfile::tempdir().expect("data folder");
        let data_dir = folder.path().display().to_string();
        let config = Config::from_lookup(|key| match key {
            "MIZEKHEDMAT_DATA_DIR" => Some(data_dir.clone()),
            "MIZEKHEDMAT_MODE" => Some("demo".to_owned()),
            _ => None,
        })
        .expect("config");
        let leptos = config.leptos_options();
        let state = AppState::new(config, t.db.clone(), leptos);
        let app = router(state.clone());
        let mut cookies = vec![None];
        for username in ["applicant", "applicant.two", "desk.tehran", "desk.isfahan", "admin"] {
            cookies.push(Some(sign_in_cookie(&app, &t.db, username).await));
        }

        // The owner files a monthly statistics return in Tehran.
        let token = cookies[1]
            .as_deref()
            .and_then(|c| c.split_once('='))
            .map(|(_, v)| v.to_owned())
            .expect("token");
        let who = state
            .accounts
            .session_user(&token)
            .await
            .expect("lookup")
            .expect("owner");
        let ids = Ids {
            service_request: support::file_statistics(&state, &who).await,
            service: support::statistics_service(&t.db).await,
        };

        for (path, access) in ACCESS {
            for ((caller, cookie), admitted) in CALLERS.iter().zip(&cookies).zip(access.admits()) {
                let (status, body) = call(&app, path, ids, cookie.as_deref()).await;
                let refused = ["Unauthenticated", "Forbidden", "SecondFactorRequired"]
                    .iter()
                    .any(|r| body.contains(r));
                if admitted {
                    assert!(
                        !refused && status != StatusCode::NOT_FOUND,
                        "{}: {caller} was refused {path} ({status}: {body})",
                        t.engine
                    );
                } else {
                    let expected = if cookie.is_none() {
                        StatusCode::UNAUTHORIZED
                    } else {
                        StatusCode::FORBIDDEN
                    };
                    assert!(
                        refused && status == expected,
                        "{}: {caller} was not refused {path} ({status}: {body})",
                        t.engine
                    );
                }
            }
        }
    }
}

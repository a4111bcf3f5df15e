//! `/files/{id}` over HTTP: a document reaches its owner and the desk
//! officer holding the request (after the second factor), and nobody else.

mod support;

use app::contracts::requests::ByteStream;
use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use bytes::Bytes;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::{config::Config, demo, entities::user, http::router, state::AppState};
use tower::ServiceExt;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR picture \0\0\0\0IEND\xaeB`\x82";

async fn sign_in(app: &axum::Router, username: &str) -> String {
    let request = Request::post("/api/accounts/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "username={username}&password={}",
            demo::DEMO_PASSWORD
        )))
        .expect("request");
    let response = app.clone().oneshot(request).await.expect("response");
    let cookie = support::session_cookie(response.headers()).expect("a session cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}

async fn get(app: &axum::Router, path: &str, cookie: Option<&str>) -> (StatusCode, Option<String>) {
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (response.status(), kind)
}

#[tokio::test]
async fn a_document_reaches_its_owner_and_the_holding_officer_only_after_the_second_factor() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
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

        let owner_cookie = sign_in(&app, "applicant").await;
        let token = owner_cookie.split_once('=').map(|(_, v)| v.to_owned()).expect("token");
        let owner = state
            .accounts
            .session_user(&token)
            .await
            .expect("lookup")
            .expect("owner");
        let body: ByteStream = Box::pin(futures::stream::iter(vec![Ok(Bytes::from_static(PNG))]));
        let service = support::statistics_service(&t.db).await;
        let id = state.requests.start(&owner, service, "01").await.expect("draft");
        state
            .requests
            .upload(&owner, id, "evidence", "card.png", body)
            .await
            .expect("uploaded");
        let draft = app::contracts::requests::Draft {
            request_id: id,
            province: "tehran".into(),
            fields: support::statistics_answers(),
        };
        state.requests.save(&owner, draft, true).await.expect("sent");
        let file_id = server::entities::request_file::Entity::find()
            .filter(server::entities::request_file::Column::RequestId.eq(id))
            .one(&t.db)
            .await
            .expect("read")
            .expect("file")
            .id;
        let path = format!("/files/{file_id}");

        assert_eq!(
            get(&app, &path, Some(&owner_cookie)).await,
            (StatusCode::OK, Some("image/png".into())),
            "{}",
            t.engine
        );
        assert_eq!(get(&app, &path, None).await.0, StatusCode::NOT_FOUND, "anonymous");
        let opened = app
            .clone()
            .oneshot(
                Request::get(&path)
                    .header(header::COOKIE, &owner_cookie)
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("response");
        let policy = opened.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("ascii");
        assert!(
            policy.starts_with("sandbox;"),
            "an upload opened inline runs nothing: {policy}"
        );
        assert_eq!(opened.headers()["cross-origin-resource-policy"], "same-origin");

        let officer = sign_in(&app, "desk.tehran").await;
        assert_eq!(
            get(&app, &path, Some(&officer)).await.0,
            StatusCode::NOT_FOUND,
            "{}: password alone is not enough",
            t.engine
        );
        let secret = user::Entity::find()
            .filter(user::Column::Username.eq("desk.tehran"))
            .one(&t.db)
            .await
            .expect("read")
            .expect("row")
            .totp_secret
            .expect("enrolled");
        let code = server::second_factor::current_code(secret.expose(), "desk.tehran").expect("code");
        let verified = support::call_scripted(
            &app,
            "/api/accounts/verify_second_factor",
            &format!("code={code}"),
            Some(&officer),
        )
        .await;
        assert_eq!(verified.status(), StatusCode::OK);
        let stale = officer;
        let officer = support::rotated_cookie(&verified);
        assert_eq!(
            get(&app, &path, Some(&stale)).await.0,
            StatusCode::NOT_FOUND,
            "{}: the password-only cookie stopped working",
            t.engine
        );
        assert_eq!(
            get(&app, &path, Some(&officer)).await.0,
            StatusCode::OK,
            "{}: the holding officer reads it",
            t.engine
        );

        let other = sign_in(&app, "desk.isfahan").await;
        let secret = user::Entity::find()
            .filter(user::Column::Username.eq("desk.isfahan"))
            .one(&t.db)
            .await
            .expect("read")
            .expect("row")
            .totp_secret
            .expect("enrolled");
        let code = server::second_factor::current_code(secret.expose(), "desk.isfahan").expect("code");
        let verified = support::call_scripted(
            &app,
            "/api/accounts/verify_second_factor",
            &format!("code={code}"),
            Some(&other),
        )
        .await;
        let other = support::rotated_cookie(&verified);
        assert_eq!(
            get(&app, &path, Some(&other)).await.0,
            StatusCode::NOT_FOUND,
            "{}: another province",
            t.engine
        );
    }
}

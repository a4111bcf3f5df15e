//! Fresh databases for service tests: a new SQLite file, and a new database
//! on the PostgreSQL server named by `TEST_DATABASE_URL`. The test command
//! always provides PostgreSQL; `MIZEKHEDMAT_REQUIRE_POSTGRES=1` turns its
//! absence into a failure rather than a silent skip.

#![allow(dead_code, reason = "each test file uses a different part of the support module")]

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, Response, header},
};
use migration::MigratorTrait as _;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use server::db::open_url;
use tower::ServiceExt;

/// A migrated, empty database and the engine's name for messages.
pub struct TestDb {
    pub engine: &'static str,
    pub db: DatabaseConnection,
    // Keeps the SQLite file's folder alive for the test's duration.
    _dir: Option<tempfile::TempDir>,
}

/// One fresh database per engine.
pub async fn databases() -> Vec<TestDb> {
    let all = empty_databases().await;
    for one in &all {
        migration::Migrator::up(&one.db, None)
            .await
            .expect("the schema migrates");
    }
    all
}

/// One fresh database per engine with no schema at all.
pub async fn empty_databases() -> Vec<TestDb> {
    let mut all = vec![sqlite().await];
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => all.push(postgres(&url).await),
        _ if std::env::var("MIZEKHEDMAT_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("TEST_DATABASE_URL is required: the test command starts a PostgreSQL cluster for it")
        }
        _ => eprintln!("TEST_DATABASE_URL not set: this run covers SQLite only"),
    }
    all
}

async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
    let db = open_url(&url).await.expect("SQLite opens");
    TestDb {
        engine: "sqlite",
        db,
        _dir: Some(dir),
    }
}

async fn postgres(admin_url: &str) -> TestDb {
    let name = format!("mizekhedmat_test_{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(admin_url).await.expect("PostgreSQL server reachable");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("test database created");
    admin.close().await.ok();
    let (base, _) = admin_url.rsplit_once('/').expect("URL has a database name");
    let db = open_url(&format!("{base}/{name}"))
        .await
        .expect("PostgreSQL database opens");
    TestDb {
        engine: "postgres",
        db,
        _dir: None,
    }
}

/// Calls a server function the way the interactive client does, with the
/// session `cookie` if one is given.
pub async fn call_scripted(app: &Router, path: &str, form: &str, cookie: Option<&str>) -> Response<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.clone()
        .oneshot(request.body(Body::from(form.to_owned())).expect("request"))
        .await
        .expect("response")
}

/// The whole `__Host-session` cookie a response sets, attributes included.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-session="))
        .map(str::to_owned)
}

/// The `name=value` of the session cookie a second-factor answer set: the
/// session is rotated when it passes, so the old cookie no longer works.
pub fn rotated_cookie(response: &Response<Body>) -> String {
    let cookie = session_cookie(response.headers()).expect("the second factor rotates the session");
    cookie.split(';').next().expect("name=value").to_owned()
}

/// A demo account as its session presents it.
pub async fn demo_user(db: &DatabaseConnection, username: &str) -> app::contracts::session::SessionUser {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use server::entities::user;
    let row = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await
        .expect("read")
        .expect("demo account");
    app::contracts::session::SessionUser {
        user_id: row.id,
        display_name: format!("{} {}", row.first_name, row.last_name),
        role: app::domain::role::Role::parse(&row.role).expect("role"),
        identity_verified: row.identity_verified_at.is_some(),
        needs_second_factor: false,
    }
}

/// The demo service of monthly production statistics.
pub async fn statistics_service(db: &DatabaseConnection) -> i32 {
    use sea_orm::EntityTrait;
    server::entities::service::Entity::find()
        .all(db)
        .await
        .expect("read")
        .into_iter()
        .find(|s| s.title.contains("آمار تولید ماهیانه"))
        .expect("demo statistics service")
        .id
}

/// A complete monthly statistics return for the Tehran company: two
/// months, no exports.
pub fn statistics_answers() -> app::domain::catalogue::form::Fields {
    [
        ("unit_name", "صنایع نمونه البرز"),
        ("licence_number", "۱۲۳۴۵"),
        ("monthly.0.month", "7"),
        ("monthly.0.product", "لوله پلی‌اتیلن"),
        ("monthly.0.quantity", "۱۲۰۰"),
        ("monthly.0.unit", "متر"),
        ("monthly.1.month", "8"),
        ("monthly.1.product", "لوله پلی‌اتیلن"),
        ("monthly.1.quantity", "950"),
        ("monthly.1.unit", "متر"),
        ("exports", "no"),
        ("contact_mobile", "09121234567"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), vec![v.to_owned()]))
    .collect()
}

/// Files and sends a statistics return as `who` through the state's desk;
/// gives the request's id.
pub async fn file_statistics(state: &server::state::AppState, who: &app::contracts::session::SessionUser) -> i32 {
    let service = statistics_service(&state.db).await;
    let id = state.requests.start(who, service, "01").await.expect("draft");
    let draft = app::contracts::requests::Draft {
        request_id: id,
        province: "tehran".to_owned(),
        fields: statistics_answers(),
    };
    state.requests.save(who, draft, true).await.expect("sent");
    id
}

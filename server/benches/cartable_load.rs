//! Load script: the cartable's first page with a million requests.
//!
//! Fills a fresh SQLite file (and, with `TEST_DATABASE_URL`, a fresh
//! PostgreSQL database) with the demo data and `REQUESTS` generated
//! requests spread over the demo posts, statuses and three years, with a
//! history row for each one staff acted on; then opens cartables as the
//! Tehran desk officer and the applicant, again and again, and prints the
//! 50th and 95th percentiles and the slowest time of each.
//!
//!   cargo bench -p mizekhedmat --bench cartable_load
//!   REQUESTS=100000 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!       cargo bench -p mizekhedmat --bench cartable_load

use std::time::{Duration, Instant};

use app::contracts::cartable::CartableQuery;
use app::contracts::cartable::Cartables;
use app::contracts::session::SessionUser;
use app::domain::role::Role;
use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use server::cartable::SeaOrmCartable;
use server::entities::{post, request, request_event, request_participant as participant, user};

/// Rows inserted per statement: within SQLite's limit on bound values.
const CHUNK: usize = 1_000;
/// Timed calls per case.
const ROUNDS: usize = 200;
/// Applicants the requests are spread over; the demo applicant is one.
const APPLICANTS: usize = 2_000;

#[tokio::main]
async fn main() {
    let total: usize = std::env::var("REQUESTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let folder = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}?mode=rwc", folder.path().join("load.db").display());
    run("SQLite", &url, total).await;
    if let Ok(admin) = std::env::var("TEST_DATABASE_URL") {
        let name = format!("mizekhedmat_load_{}", uuid::Uuid::new_v4().simple());
        let server = sea_orm::Database::connect(&admin).await.expect("PostgreSQL reachable");
        server
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("database");
        let (base, _) = admin.rsplit_once('/').expect("a database in the URL");
        run("PostgreSQL", &format!("{base}/{name}"), total).await;
        server
            .execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .await
            .ok();
    }
}

async fn run(engine: &str, url: &str, total: usize) {
    let db = server::db::connect_url(url).await.expect("database opens and migrates");
    server::demo::seed(&db).await.expect("demo data");
    let started = Instant::now();
    fill(&db, total).await;
    println!("{engine}: {total} requests generated in {:.0?}", started.elapsed());
    // A running database has its statistics; a table filled a moment ago
    // has none until autovacuum gets to it.
    let analyse = if engine == "PostgreSQL" {
        "VACUUM ANALYZE"
    } else {
        "ANALYZE"
    };
    db.execute_unprepared(analyse).await.expect("statistics");
    let cartable = SeaOrmCartable::new(db.clone());
    let officer = person(&db, "desk.tehran").await;
    let applicant = person(&db, "applicant").await;
    let awaiting = CartableQuery {
        folder: "awaiting".into(),
        ..Default::default()
    };
    let by_code = CartableQuery {
        q: app::domain::tracking_code::from_random([7, 7, 7, 7, 1, 2, 3, 4]),
        ..Default::default()
    };
    let cases: [(&str, &SessionUser, CartableQuery); 4] = [
        ("desk officer, all three folders", &officer, CartableQuery::default()),
        ("desk officer, awaiting action", &officer, awaiting),
        ("desk officer, search by tracking code", &officer, by_code),
        ("applicant, all three folders", &applicant, CartableQuery::default()),
    ];
    for (name, who, query) in cases {
        let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let start = Instant::now();
            cartable.page(who, &query).await.expect("a page");
            times.push(start.elapsed());
        }
        times.sort();
        let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
        println!(
            "{engine}: {name}: p50 {:.1?}, p95 {:.1?}, slowest {:.1?}",
            at(50),
            at(95),
            times[times.len() - 1]
        );
    }
}

async fn person(db: &DatabaseConnection, username: &str) -> SessionUser {
    let row = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await
        .expect("read")
        .expect("demo account");
    SessionUser {
        user_id: row.id,
        display_name: format!("{} {}", row.first_name, row.last_name),
        role: Role::parse(&row.role).expect("role"),
        identity_verified: true,
        needs_second_factor: false,
    }
}

/// `total` requests: a tenth drafts or back with the applicant, a fifth at
/// a step, the rest decided; held by the demo posts in turn; each one staff
/// touched has a history row by one of the demo staff in turn.
async fn fill(db: &DatabaseConnection, total: usize) {
    let posts: Vec<i32> = post::Entity::find()
        .all(db)
        .await
        .expect("posts")
        .into_iter()
        .map(|p| p.id)
        .collect();
    let people: Vec<user::Model> = user::Entity::find().all(db).await.expect("people");
    let staff: Vec<i32> = people.iter().filter(|u| u.role != "applicant").map(|u| u.id).collect();
    let demo = people
        .iter()
        .find(|u| u.role == "applicant")
        .expect("an applicant")
        .clone();
    let applicants = applicants(db, &demo, APPLICANTS).await;
    let service = server::entities::service::Entity::find()
        .one(db)
        .await
        .expect("services")
        .expect("a demo service")
        .id;
    let now = Utc::now();
    for start in (0..total).step_by(CHUNK) {
        let end = (start + CHUNK).min(total);
        let mut requests = Vec::with_capacity(end - start);
        for i in start..end {
            let sent = now - TimeDelta::minutes(i64::try_from(total - i).unwrap_or(0) % (3 * 365 * 24 * 60));
            let status = match i % 10 {
                0 => "draft",
                1 | 2 => "in_progress",
                _ => "approved",
            };
            let code = format!("L{i:09}");
            requests.push(request::ActiveModel {
                tracking_code: Set(code),
                kind: Set(server::requests::KIND.to_owned()),
                applicant_id: Set(applicants[i % applicants.len()]),
                status: Set(status.to_owned()),
                data: Set("{}".to_owned()),
                revision: Set(1),
                created_at: Set(sent),
                submitted_at: Set((status != "draft").then_some(sent)),
                updated_at: Set(sent),
                holder_post_id: Set((status == "in_progress").then(|| posts[i % posts.len()])),
                service_id: Set(Some(service)),
                sub_code: Set(Some("01".to_owned())),
                step: Set(Some(0)),
                promised_at: Set(Some(sent + TimeDelta::days(5))),
                applicant_national_id: Set(Some(format!("{:010}", i % 50_000))),
                applicant_name: Set(Some(format!("متقاضی شماره {}", i % 50_000))),
                ..Default::default()
            });
        }
        let codes: Vec<String> = requests.iter().map(|r| r.tracking_code.clone().unwrap()).collect();
        request::Entity::insert_many(requests)
            .exec(db)
            .await
            .expect("requests inserted");
        let inserted = request::Entity::find()
            .filter(request::Column::TrackingCode.is_in(codes))
            .filter(request::Column::Status.ne("draft"))
            .all(db)
            .await
            .expect("read back");
        let events: Vec<request_event::ActiveModel> = inserted
            .iter()
            .enumerate()
            .map(|(i, row)| request_event::ActiveModel {
                request_id: Set(row.id),
                action: Set("forwarded".to_owned()),
                actor_id: Set(staff[i % staff.len()]),
                note: Set(None),
                at: Set(now),
                step_key: Set(None),
                ..Default::default()
            })
            .collect();
        request_event::Entity::insert_many(events)
            .exec(db)
            .await
            .expect("history inserted");
        let parts: Vec<participant::ActiveModel> = inserted
            .iter()
            .enumerate()
            .map(|(i, row)| participant::ActiveModel {
                user_id: Set(staff[i % staff.len()]),
                request_id: Set(row.id),
                submitted_at: Set(row.submitted_at),
                finished: Set(row.status == "approved"),
            })
            .collect();
        participant::Entity::insert_many(parts)
            .exec_without_returning(db)
            .await
            .expect("participants inserted");
    }
}

/// The demo applicant and `count - 1` more like them, by id.
async fn applicants(db: &DatabaseConnection, demo: &user::Model, count: usize) -> Vec<i32> {
    let others: Vec<user::ActiveModel> = (1..count)
        .map(|n| {
            let mut other: user::ActiveModel = demo.clone().into();
            other.id = sea_orm::ActiveValue::NotSet;
            other.username = Set(format!("load.applicant.{n}"));
            other.email = Set(format!("load{n}@demo.example"));
            other.mobile = Set(format!("0939{n:07}"));
            other.national_id = Set(format!("7{n:09}"));
            other
        })
        .collect();
    for chunk in others.chunks(100) {
        user::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .expect("applicants");
    }
    let mut ids: Vec<i32> = user::Entity::find()
        .filter(user::Column::Username.starts_with("load.applicant."))
        .all(db)
        .await
        .expect("applicants")
        .into_iter()
        .map(|u| u.id)
        .collect();
    ids.push(demo.id);
    ids
}
